import { NumberInput, SimpleGrid, type SimpleGridProps } from '@mantine/core';
import type { UseFormReturnType } from '@mantine/form';
import { useT, type MessageKey } from '../../core/i18n/index.tsx';

/** A number field of an editor, with the sentence that says what it does. */
export interface NumberField<Name extends string> {
  name: Name;
  label: MessageKey;
  help: MessageKey;
}

/** A contract's number with its default, whose bounds the input takes. */
interface BoundedNumber {
  unwrap(): { minValue: number | null; maxValue: number | null };
}

/** The bounds the contract sets on a number field. */
function bounds(schema: BoundedNumber): { min?: number; max?: number } {
  const number = schema.unwrap();
  return { min: number.minValue ?? undefined, max: number.maxValue ?? undefined };
}

/** Whole, non-negative numbers side by side, each within the contract's bounds. */
export function NumberFields<Name extends string, Values extends Record<Name, number | string>>({
  form,
  fields,
  shape,
  cols,
}: {
  form: UseFormReturnType<Values>;
  fields: ReadonlyArray<NumberField<Name>>;
  /** The contract's schema of each field. */
  shape: Record<Name, BoundedNumber>;
  cols: SimpleGridProps['cols'];
}) {
  const t = useT();
  return (
    <SimpleGrid cols={cols} spacing="sm">
      {fields.map((field) => (
        <NumberInput
          key={field.name}
          label={t(field.label)}
          description={t(field.help)}
          required
          allowDecimal={false}
          allowNegative={false}
          {...bounds(shape[field.name])}
          {...form.getInputProps(field.name)}
        />
      ))}
    </SimpleGrid>
  );
}

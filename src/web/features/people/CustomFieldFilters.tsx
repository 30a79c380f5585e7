import { Group, MultiSelect, NativeSelect, NumberInput, TextInput } from '@mantine/core';
import { useEffect, useState } from 'react';
import type { CustomField, CustomFieldCondition } from '../../../contracts/custom-fields.ts';
import { useLocale, useT } from '../../core/i18n/index.tsx';
import { DayInput } from '../../core/ui/DayInput.tsx';
import { fieldLabel } from './CustomFieldInput.tsx';
import { useCustomFields } from './customFieldsHooks.ts';

type Change = (condition: CustomFieldCondition | null) => void;

/** Typed text is applied when the input loses focus or on Enter, not at each key. */
function CommittedText({
  label,
  value,
  onCommit,
}: {
  label: string;
  value: string;
  onCommit: (value: string) => void;
}) {
  const [draft, setDraft] = useState(value);
  useEffect(() => setDraft(value), [value]);
  return (
    <TextInput
      label={label}
      value={draft}
      onChange={(e) => setDraft(e.currentTarget.value)}
      onBlur={() => draft !== value && onCommit(draft)}
      onKeyDown={(e) => e.key === 'Enter' && onCommit(draft)}
    />
  );
}

function FieldFilter({
  field,
  condition,
  onChange,
}: {
  field: CustomField;
  condition: CustomFieldCondition | undefined;
  onChange: Change;
}) {
  const t = useT();
  const [locale] = useLocale();
  const label = fieldLabel(field, locale);
  const key = field.key;
  switch (field.type) {
    case 'text': {
      const current = condition?.type === 'text' ? condition : undefined;
      const op = current?.op ?? 'contains';
      return (
        <Group grow gap="xs" align="flex-end">
          <NativeSelect
            label={t('fields.filter.how', { label })}
            data={[
              { value: 'contains', label: t('fields.filter.contains') },
              { value: 'equals', label: t('fields.filter.equals') },
            ]}
            value={op}
            onChange={(e) => {
              const next = e.currentTarget.value as 'contains' | 'equals';
              if (current) onChange({ ...current, op: next });
            }}
          />
          <CommittedText
            label={label}
            value={current?.value ?? ''}
            onCommit={(value) =>
              onChange(value.trim() ? { key, type: 'text', op, value: value.trim() } : null)
            }
          />
        </Group>
      );
    }
    case 'number': {
      const current = condition?.type === 'number' ? condition : undefined;
      const set = (min: number | undefined, max: number | undefined) =>
        onChange(min === undefined && max === undefined ? null : { key, type: 'number', min, max });
      const num = (v: string | number) => (v === '' ? undefined : Number(v));
      return (
        <Group grow gap="xs" align="flex-end">
          <NumberInput
            label={t('fields.filter.min', { label })}
            value={current?.min ?? ''}
            onBlur={(e) => set(num(e.currentTarget.value.replace(',', '.')), current?.max)}
            decimalSeparator={locale === 'fr' ? ',' : '.'}
          />
          <NumberInput
            label={t('fields.filter.max', { label })}
            value={current?.max ?? ''}
            onBlur={(e) => set(current?.min, num(e.currentTarget.value.replace(',', '.')))}
            decimalSeparator={locale === 'fr' ? ',' : '.'}
          />
        </Group>
      );
    }
    case 'date': {
      const current = condition?.type === 'date' ? condition : undefined;
      const set = (from: string | undefined, to: string | undefined) =>
        onChange(!from && !to ? null : { key, type: 'date', from, to });
      return (
        <Group grow gap="xs" align="flex-start">
          <DayInput
            label={t('fields.filter.from', { label })}
            value={current?.from ?? ''}
            onChange={(day) => set(day || undefined, current?.to)}
          />
          <DayInput
            label={t('fields.filter.to', { label })}
            value={current?.to ?? ''}
            onChange={(day) => set(current?.from, day || undefined)}
          />
        </Group>
      );
    }
    case 'choice': {
      const current = condition?.type === 'choice' ? condition : undefined;
      return (
        <MultiSelect
          label={label}
          data={field.options.map((o) => ({
            value: o.value,
            label: locale === 'en' ? o.labelEn : o.labelFr,
          }))}
          value={current?.anyOf ?? []}
          onChange={(anyOf) => onChange(anyOf.length ? { key, type: 'choice', anyOf } : null)}
          searchable
          clearable
        />
      );
    }
  }
}

/** One control per custom field, inside the people filter panel. */
export function CustomFieldFilters({
  conditions,
  onChange,
}: {
  conditions: CustomFieldCondition[];
  onChange: (conditions: CustomFieldCondition[]) => void;
}) {
  const fields = useCustomFields();
  return (
    <>
      {(fields.data ?? []).map((field) => (
        <FieldFilter
          key={field.key}
          field={field}
          condition={conditions.find((c) => c.key === field.key)}
          onChange={(condition) =>
            onChange([
              ...conditions.filter((c) => c.key !== field.key),
              ...(condition ? [condition] : []),
            ])
          }
        />
      ))}
    </>
  );
}

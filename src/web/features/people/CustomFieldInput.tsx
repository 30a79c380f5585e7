import { NumberInput, Select, TextInput } from '@mantine/core';
import type { ReactNode } from 'react';
import type { Locale } from '../../../contracts/common.ts';
import {
  CUSTOM_NUMBER_MAX,
  CUSTOM_TEXT_MAX,
  type CustomField,
  type CustomValue,
} from '../../../contracts/custom-fields.ts';
import { formatDayWithYear } from '../../core/format.ts';
import { DayInput } from '../../core/ui/DayInput.tsx';

export const fieldLabel = (field: CustomField, locale: Locale) =>
  locale === 'en' ? field.labelEn : field.labelFr;

/** A value as people read it: a choice's label, a day in the locale's format. */
export function customValueText(
  field: CustomField,
  value: CustomValue | undefined,
  locale: Locale,
): string {
  if (value === null || value === undefined || value === '') return '';
  if (field.type === 'choice') {
    const option = field.options.find((o) => o.value === value);
    return option ? (locale === 'en' ? option.labelEn : option.labelFr) : String(value);
  }
  if (field.type === 'date') return formatDayWithYear(String(value), locale);
  if (field.type === 'number') return new Intl.NumberFormat(locale).format(Number(value));
  return String(value);
}

/** The input for one field's value, by its type. */
export function CustomFieldInput({
  field,
  locale,
  value,
  onChange,
  error,
}: {
  field: CustomField;
  locale: Locale;
  value: CustomValue | undefined;
  onChange: (value: CustomValue) => void;
  error?: ReactNode;
}) {
  const label = fieldLabel(field, locale);
  switch (field.type) {
    case 'number':
      return (
        <NumberInput
          label={label}
          value={value === null || value === undefined ? '' : Number(value)}
          onChange={(v) => onChange(v === '' ? null : Number(v))}
          decimalSeparator={locale === 'fr' ? ',' : '.'}
          min={-CUSTOM_NUMBER_MAX}
          max={CUSTOM_NUMBER_MAX}
          error={error}
        />
      );
    case 'date':
      return (
        <DayInput
          label={label}
          value={String(value ?? '')}
          onChange={(d) => onChange(d || null)}
          error={error}
        />
      );
    case 'choice':
      return (
        <Select
          label={label}
          data={field.options.map((o) => ({
            value: o.value,
            label: locale === 'en' ? o.labelEn : o.labelFr,
          }))}
          value={value === null || value === undefined ? null : String(value)}
          onChange={(v) => onChange(v)}
          clearable
          error={error}
        />
      );
    default:
      return (
        <TextInput
          label={label}
          value={String(value ?? '')}
          onChange={(e) => onChange(e.currentTarget.value)}
          maxLength={CUSTOM_TEXT_MAX}
          error={error}
        />
      );
  }
}

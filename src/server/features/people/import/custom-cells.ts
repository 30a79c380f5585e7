import { customValueValidator } from '../../../../contracts/custom-fields.ts';
import { foldText } from '../normalize.ts';
import type { MappableField } from './mapping.ts';

export type CustomCell = { value: string | number } | { code: string; message: string };

const frenchDay = /^(\d{1,2})[/.-](\d{1,2})[/.-](\d{4})$/;

/**
 * A custom field's cell as spreadsheets write it, read into the value the field stores: a
 * number with a decimal comma or spaces between thousands ("1 250,5"), a day as 31/12/2024 or
 * 2024-12-31, a choice by its value or either label (accents and case aside). Then checked by
 * the same rules as a value given at HQ.
 */
export function readCustomCell(field: MappableField, raw: string): CustomCell {
  let candidate: string = raw;
  if (field.type === 'number') candidate = raw.replace(/[\s\u00a0\u202f]/g, '');
  if (field.type === 'date') {
    const day = frenchDay.exec(raw);
    if (day) candidate = `${day[3]}-${day[2].padStart(2, '0')}-${day[1].padStart(2, '0')}`;
  }
  if (field.type === 'choice') {
    const folded = foldText(raw);
    const option = field.options.find((o) =>
      [o.value, o.labelFr, o.labelEn].some((name) => foldText(name) === folded),
    );
    if (option) candidate = option.value;
  }
  const result = customValueValidator(field).safeParse(candidate);
  if (result.success) return { value: result.data as string | number };
  const said = result.error.issues[0]?.message ?? '';
  // Our rules say a code (too_long); zod's own date check says a sentence.
  const code = /^[a-z0-9_]+$/.test(said)
    ? said
    : field.type === 'date'
      ? 'invalid_date'
      : 'invalid_value';
  return { code, message: messages[code] ?? `Not a valid value for "${field.labelEn}".` };
}

const messages: Record<string, string> = {
  too_long: 'At most 500 characters.',
  not_a_number: 'Not a number (write 12, 12.5 or 12,5).',
  too_small: 'The number is too small.',
  too_large: 'The number is too large.',
  invalid_date: 'Not a date (write 31/12/2024 or 2024-12-31).',
  date_out_of_range: 'The date must lie between 1900 and 2100.',
  unknown_option: 'Not one of the choices of this field.',
};

import type { MessageKey, TranslateVars } from './i18n/index.tsx';

/**
 * Import row problems whose server message (English, stored with the import) carries the
 * line's values: each pattern reads them back so the sentence can be said in the user's
 * language. Keep in step with src/server/features/people/import/rows.ts, stage.ts and
 * pipeline.ts; a message that no longer matches falls back to the plain sentence.
 */
const valuedMessages: Record<string, { pattern: RegExp; key: MessageKey; vars: string[] }> = {
  wrong_column_count: {
    pattern: /^This line has (\d+) values; the header has (\d+) columns\.$/,
    key: 'error.import.wrong_column_count',
    vars: ['count', 'width'],
  },
  invalid_email: {
    pattern: /^"(.*)" is not a valid email address\.$/s,
    key: 'error.import.invalid_email',
    vars: ['value'],
  },
  invalid_phone: {
    pattern: /^"(.*)" is not a valid phone number\.$/s,
    key: 'error.import.invalid_phone',
    vars: ['value'],
  },
  too_long: {
    pattern: /^At most (\d+) characters\.$/,
    key: 'error.import.too_long',
    vars: ['max'],
  },
  invalid_consent: {
    pattern: /^"(.*)" is not a yes\/no value \(.*\)\.$/s,
    key: 'error.import.invalid_consent',
    vars: ['value'],
  },
  invalid_tags: {
    pattern: /^At most (\d+) tags of at most (\d+) characters\.$/,
    key: 'error.import.invalid_tags',
    vars: ['count', 'max'],
  },
  unknown_postal_code: {
    pattern: /^"(.*)" is not a French postal code\.$/s,
    key: 'error.import.unknown_postal_code',
    vars: ['value'],
  },
  commune_mismatch: {
    pattern: /^"(.*)" is not a commune of postal code (\d{5})\.$/s,
    key: 'error.import.commune_mismatch',
    vars: ['value', 'postalCode'],
  },
  commune_ambiguous: {
    pattern: /^Postal code (\d{5}) covers (\d+) communes/,
    key: 'error.import.commune_ambiguous',
    vars: ['postalCode', 'count'],
  },
  unknown_commune: {
    pattern: /^"(.*)" is not an INSEE commune code/s,
    key: 'error.import.unknown_commune',
    vars: ['value'],
  },
  duplicate_in_file: {
    pattern: /^Same person as line (\d+): merged into it\.$/,
    key: 'error.import.duplicate_in_file',
    vars: ['line'],
  },
};

/** The translated sentence with the message's values, or null when the message is not one of these. */
export function valuedMessage(
  code: string,
  message: string | undefined,
): { key: MessageKey; vars: TranslateVars } | null {
  const known = valuedMessages[code];
  const match = message === undefined ? null : known?.pattern.exec(message);
  if (!known || !match) return null;
  // Strings, not numbers: a postal code or a line number is not formatted as a quantity.
  return { key: known.key, vars: Object.fromEntries(known.vars.map((v, i) => [v, match[i + 1]])) };
}

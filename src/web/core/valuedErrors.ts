import type { MessageKey, TranslateVars } from './i18n/index.tsx';

/**
 * Import row problems whose server message (English, stored with the import) carries the
 * line's values: each pattern reads them back so the sentence can be said in the user's
 * language. Keep in step with src/server/features/people/import/rows.ts, stage.ts and
 * pipeline.ts; a message that no longer matches falls back to the plain sentence.
 */
const valuedMessages = {
  wrong_column_count: {
    pattern: /^This line has (\d+) values; the header has (\d+) columns\.$/,
    vars: ['count', 'width'],
  },
  invalid_email: {
    pattern: /^"(.*)" is not a valid email address\.$/s,
    vars: ['value'],
  },
  invalid_phone: {
    pattern: /^"(.*)" is not a valid phone number\.$/s,
    vars: ['value'],
  },
  too_long: {
    pattern: /^At most (\d+) characters\.$/,
    vars: ['max'],
  },
  invalid_consent: {
    pattern: /^"(.*)" is not a yes\/no value \(.*\)\.$/s,
    vars: ['value'],
  },
  invalid_tags: {
    pattern: /^At most (\d+) tags of at most (\d+) characters\.$/,
    vars: ['count', 'max'],
  },
  unknown_postal_code: {
    pattern: /^"(.*)" is not a French postal code\.$/s,
    vars: ['value'],
  },
  commune_mismatch: {
    pattern: /^"(.*)" is not a commune of postal code (\d{5})\.$/s,
    vars: ['value', 'postalCode'],
  },
  commune_ambiguous: {
    pattern: /^Postal code (\d{5}) covers (\d+) communes/,
    vars: ['postalCode', 'count'],
  },
  unknown_commune: {
    pattern: /^"(.*)" is not an INSEE commune code/s,
    vars: ['value'],
  },
  duplicate_in_file: {
    pattern: /^Same person as line (\d+): merged into it\.$/,
    vars: ['line'],
  },
} satisfies Record<string, { pattern: RegExp; vars: string[] }>;

type ValuedCode = keyof typeof valuedMessages;

/** Each code's sentence is `error.import.<code>`: the type checks that every one exists. */
const messageKey = (code: ValuedCode): MessageKey => `error.import.${code}`;

const isValuedCode = (code: string): code is ValuedCode => Object.hasOwn(valuedMessages, code);

/** The translated sentence with the message's values, or null when the message is not one of these. */
export function valuedMessage(
  code: string,
  message: string | undefined,
): { key: MessageKey; vars: TranslateVars } | null {
  if (!isValuedCode(code) || message === undefined) return null;
  const known = valuedMessages[code];
  const match = known.pattern.exec(message);
  if (!match) return null;
  // Strings, not numbers: a postal code or a line number is not formatted as a quantity.
  return {
    key: messageKey(code),
    vars: Object.fromEntries(known.vars.map((v, i) => [v, match[i + 1]])),
  };
}

import { sql, type SQL } from 'drizzle-orm';
import { overseasE164Prefixes } from '../numbers/prefixes.ts';

/** A country code's territory when no prefix of the table says better. */
const byCountryCode: ReadonlyArray<readonly [string, string]> = [
  ['+33', 'metropole'],
  ['+590', '971'],
  ['+596', '972'],
  ['+594', '973'],
  ['+262', '974'],
  ['+508', '975'],
  ['+681', '986'],
  ['+689', '987'],
  ['+687', '988'],
];

/** Longest first: the most precise prefix wins, as in the numbering plan's table. */
const rules = [
  ...[...overseasE164Prefixes]
    .sort((a, b) => b.prefix.length - a.prefix.length)
    .map(({ prefix, territory }) => [prefix, territory] as const),
  ...byCountryCode,
];

const caseText = (column: string) =>
  `CASE ${rules.map(([prefix, territory]) => `WHEN left(${column}, ${prefix.length}) = '${prefix}' THEN '${territory}'`).join(' ')} END`;

/**
 * The compliance territory of an E.164 number in a column, in SQL, for audiences frozen in
 * one statement: the numbering plan's overseas prefixes (calling/numbers/prefixes.ts, which
 * the Node reader uses too), else the country code. Null: abroad.
 */
export const territorySqlOf = (column: 'a.e164' | 's.e164'): SQL => sql.raw(caseText(column));

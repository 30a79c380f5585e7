import { sql, type SQL } from 'drizzle-orm';
import type { AnyPgColumn } from 'drizzle-orm/pg-core';

/** French accented letters (and a few of names from elsewhere), then their plain letters. */
const ACCENTED = 'àâäáçéèêëíîïñóôöúùûüÿ';
const PLAIN = 'aaaaceeeeiiinooouuuuy';
/** What joins or wraps the words of a name's last part: "l'Église", "Jean-Jaurès", "(Ancienne)". */
const JOINERS = `'’-.()`;

const literal = (text: string) => sql.raw(`'${text.replaceAll("'", "''")}'`);
// Capitals too: lower() folds them only where the database's locale knows them.
const FROM = literal(ACCENTED + ACCENTED.toUpperCase() + JOINERS);
const TO = literal(PLAIN + PLAIN + ' '.repeat(JOINERS.length));

/** The last space-separated part of a text, trimmed. */
const lastPart = (text: SQL) => sql`reverse(split_part(btrim(reverse(${text})), ' ', 1))`;

/**
 * The last word of a street name, folded (no case, no accents, œ spelt out): the key an index
 * finds a typed street by in its commune. "Rue de l'Église" and "r. de l eglise" are both
 * `eglise`; the last word is the one people abbreviate least. The geocoder then compares the
 * whole names, abbreviations expanded, among the few streets found.
 *
 * One SQL expression for the index and both sides of the comparison, so that what was typed
 * is folded exactly as the held names are. Only the name's last part is folded, by translate()
 * and no regular expression: over a million addresses it costs 1.5–3 s more than an index on
 * the bare name (a whole-name fold cost 9 s). Its constants are in the text, never parameters,
 * so that the planner matches the index's expression.
 */
export const streetNameKey = (name: SQL | AnyPgColumn): SQL =>
  lastPart(
    sql`translate(replace(replace(lower(${lastPart(sql`${name}`)}), 'œ', 'oe'), 'Œ', 'oe'), ${FROM}, ${TO})`,
  );

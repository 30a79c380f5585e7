import { sql, type SQL } from 'drizzle-orm';
import { randomBytes } from 'node:crypto';
import { searchTextOf } from '../person-writer.ts';
import type { ImportRow, RowError } from './rows.ts';
import { analyzeSampled } from '../statistics.ts';
import { forEachRange } from './ranges.ts';
import { copyValue, type ImportSession, type Query } from './session.ts';

/**
 * The valid rows of a file go into a temporary table (COPY); grouping, duplicate detection and
 * matching against existing people are then a few set-based statements over it.
 */
export interface StageTables {
  /** Every valid row. */
  rows: string;
  /** Each row that repeats an earlier one (same key), with the line of the first. */
  dups: string;
  /**
   * One row per person of the file; applying fills, slice by slice, the person each matches
   * (match_id) or is created as (new_id, created).
   */
  targets: string;
  /** The people a preview finds already known. */
  matches: string;
}

export function stageTables(prefix: string): StageTables {
  const name = (suffix: string) => `import_${prefix}_${suffix}`;
  return {
    rows: name('rows'),
    dups: name('dups'),
    targets: name('targets'),
    matches: name('matches'),
  };
}

/** The person's own fields a staged row carries (merged per person, first filled line wins). */
export const stagedPersonFields = [
  'email',
  'email_normalized',
  'first_name',
  'last_name',
  'phone',
  'place',
  'address_street',
  'address_complement',
] as const;

export const stageColumns = [
  'line',
  'k',
  ...stagedPersonFields,
  'custom',
  'tags',
  'consent_email',
  'consent_sms',
  'consent_phone',
  'search_text',
  'recruit_code',
] as const;

/** Tags travel as one text joined by this (a control character, stripped from tag names). */
export const TAG_SEPARATOR = '\x1f';

export async function createStage(session: ImportSession, t: StageTables): Promise<void> {
  const { query } = session;
  await query(
    `CREATE TEMP TABLE ${t.rows} (
       line integer NOT NULL, k text NOT NULL, email text, email_normalized text, first_name text,
       last_name text, phone text, place text, address_street text, address_complement text, custom jsonb, tags text, consent_email boolean, consent_sms boolean,
       consent_phone boolean, search_text text NOT NULL, recruit_code text NOT NULL)`,
  );
  if (session.engine === 'pglite') for (const index of rowIndexes(t)) await query(index);
}

/**
 * Statistics of a staging table, for the statements over it. On PGlite, which runs in the
 * server's thread, from a small sample (a whole ANALYZE of 100,000 staged rows held it for
 * a quarter of a second).
 */
async function analyzeStage(session: ImportSession, table: string): Promise<void> {
  if (session.engine === 'postgres') await session.query(`ANALYZE ${table}`);
  else await analyzeSampled(session, table, [], 10);
}

export async function dropStage(query: Query, t: StageTables): Promise<void> {
  await query(`DROP TABLE IF EXISTS ${t.rows}, ${t.dups}, ${t.targets}, ${t.matches}`);
}

/** Postal code, commune code, commune name and département travel together as one value. */
export function placeOf(
  row: Pick<ImportRow, 'postalCode' | 'communeCode' | 'communeName' | 'departementCode'>,
) {
  if (!row.postalCode && !row.communeCode && !row.departementCode) return null;
  return [row.postalCode, row.communeCode, row.communeName, row.departementCode]
    .map((v) => v ?? '')
    .join('|');
}

export function splitPlace(place: string | null) {
  const [postalCode, communeCode, communeName] = (place ?? '').split('|').map((v) => v || null);
  return {
    postalCode: postalCode ?? null,
    communeCode: communeCode ?? null,
    communeName: communeName ?? null,
  };
}

const alphabet = 'abcdefghjkmnpqrstuvwxyz23456789';
const CODE_LENGTH = 12;

/**
 * Recruitment codes for new people, from one random buffer (crypto.randomInt per character is
 * too slow for a million rows). 31^12 possible codes: a collision within a million is ~1e-6.
 */
export class RecruitCodes {
  private pool = Buffer.alloc(0);
  private at = 0;

  next(): string {
    let code = '';
    while (code.length < CODE_LENGTH) {
      if (this.at >= this.pool.length) {
        this.pool = randomBytes(64 * 1024);
        this.at = 0;
      }
      const byte = this.pool[this.at++];
      if (byte < 248) code += alphabet[byte % 31]; // 248 = 8 × 31: no bias
    }
    return code;
  }
}

/** One row in COPY text format. */
export function stageLine(row: ImportRow, recruitCode: string): string {
  return [
    row.line,
    row.key,
    row.email,
    row.emailNormalized,
    row.firstName,
    row.lastName,
    row.phone,
    placeOf(row),
    row.addressStreet,
    row.addressComplement,
    row.custom && JSON.stringify(row.custom),
    row.tags.length ? row.tags.join(TAG_SEPARATOR) : null,
    row.consentEmail,
    row.consentSms,
    row.consentPhone,
    searchTextOf(row),
    recruitCode,
  ]
    .map(copyValue)
    .join('\t')
    .concat('\n');
}

/** The indexes the grouping and the slices read the staged rows by. */
const rowIndexes = (t: StageTables) => [
  `CREATE INDEX ON ${t.rows} (line)`,
  `CREATE INDEX ON ${t.rows} (k, line)`,
  `CREATE INDEX ON ${t.rows} (phone, line) WHERE email_normalized IS NOT NULL`,
];

/** The last line of a staged table (0 when it is empty). */
export const lastLine = async (query: Query, table: string) => {
  const [{ last }] = await query<{ last: number | null }>(`SELECT max(line) AS last FROM ${table}`);
  return last ?? 0;
};

/**
 * Groups the rows of the file: a row without email joins the first row with an email that has
 * its phone; rows sharing a key (email, else phone) are one person, that of its first row, and
 * each later row is noted in the dups table with that first line. Range by range on PGlite
 * (see ranges.ts). Returns how many rows repeat an earlier one.
 */
export async function groupRows(session: ImportSession, t: StageTables): Promise<number> {
  const { query } = session;
  // PostgreSQL builds the indexes once the rows are in (faster than keeping them up during
  // COPY); on PGlite, building one over the whole file would hold the server, so COPY kept them.
  if (session.engine === 'postgres') for (const index of rowIndexes(t)) await query(index);
  await analyzeStage(session, t.rows);
  const last = await lastLine(query, t.rows);
  await forEachRange(session.engine, last, async (after, upTo) => {
    await query(
      sql`UPDATE ${sql.raw(t.rows)} s SET k = o.email_normalized
         FROM (SELECT DISTINCT ON (r.phone) r.phone, r.email_normalized FROM ${sql.raw(t.rows)} r
                WHERE r.email_normalized IS NOT NULL
                  AND r.phone IN (SELECT x.phone FROM ${sql.raw(t.rows)} x
                                   WHERE x.line > ${after} AND x.line <= ${upTo} AND x.email_normalized IS NULL)
                ORDER BY r.phone, r.line) o
        WHERE s.line > ${after} AND s.line <= ${upTo} AND s.email_normalized IS NULL AND s.phone = o.phone`,
    );
  });
  await query(
    `CREATE TEMP TABLE ${t.dups} (line integer PRIMARY KEY, first_line integer NOT NULL)`,
  );
  await query(`CREATE INDEX ON ${t.dups} (first_line)`);
  let repeated = 0;
  await forEachRange(session.engine, last, async (after, upTo) => {
    const [{ n }] = await query<{ n: number }>(
      sql`WITH noted AS (
         INSERT INTO ${sql.raw(t.dups)} (line, first_line)
         SELECT s.line, f.first_line FROM ${sql.raw(t.rows)} s
           CROSS JOIN LATERAL (SELECT o.line AS first_line FROM ${sql.raw(t.rows)} o
                                WHERE o.k = s.k ORDER BY o.line LIMIT 1) f
          WHERE s.line > ${after} AND s.line <= ${upTo} AND s.line > f.first_line
         RETURNING 1)
       SELECT count(*)::int AS n FROM noted`,
    );
    repeated += n;
  });
  if (session.engine === 'postgres') await query(`ANALYZE ${t.dups}`);
  return repeated;
}

const duplicateSelect = (t: StageTables, where: SQL) =>
  sql`SELECT d.line, CASE WHEN s.email_normalized IS NOT NULL THEN 'email' ELSE 'phone' END AS field,
          'duplicate_in_file' AS code,
          'Same person as line ' || d.first_line || ': merged into it.' AS message, 'warning' AS severity
     FROM ${sql.raw(t.dups)} d JOIN ${sql.raw(t.rows)} s ON s.line = d.line WHERE ${where}`;

/** The first `limit` rows that repeat an earlier one, as warnings. */
export async function duplicateWarnings(
  query: Query,
  t: StageTables,
  limit: number,
): Promise<RowError[]> {
  return query<RowError>(sql`${duplicateSelect(t, sql`true`)} ORDER BY d.line LIMIT ${limit}`);
}

export async function saveDuplicateWarnings(
  session: ImportSession,
  t: StageTables,
  campaignId: number,
  importId: number,
): Promise<void> {
  await forEachRange(session.engine, await lastLine(session.query, t.dups), (after, upTo) =>
    session
      .query(
        sql`INSERT INTO import_errors (campaign_id, import_id, line, field, code, message, severity)
       SELECT ${campaignId}, ${importId}, line, field, code, message, severity
         FROM (${duplicateSelect(t, sql`d.line > ${after} AND d.line <= ${upTo}`)}) x`,
      )
      .then(() => undefined),
  );
}

/**
 * The existing person of the campaign (`campaign`, a parameter) a target matches by phone (never
 * one with another email): the first by id. `min(p.id + 0)`: with ORDER BY id LIMIT 1, or a
 * plain min(id), the planner walked people in id order for each row (the whole table when
 * nobody matched: seconds per slice) instead of looking the phone up in its index.
 */
export function phoneMatch(row: string, campaign: SQL): SQL {
  const r = sql.raw(row);
  return sql`SELECT min(p.id + 0) AS id FROM people p
    WHERE p.campaign_id = ${campaign} AND ${r}.phone IS NOT NULL AND p.phone = ${r}.phone
      AND p.erased_at IS NULL AND (${r}.email_normalized IS NULL OR p.email_normalized IS NULL)`;
}

/**
 * Builds one target per person of the file: its first row, completed by its later rows (tags
 * and consents add up). Targets are matched against people only when applied, slice by slice,
 * so that people who appear meanwhile are merged into, not duplicated. Returns how many.
 */
export async function buildTargets(session: ImportSession, t: StageTables): Promise<number> {
  const { query } = session;
  await query(
    `CREATE TEMP TABLE ${t.targets} AS
     SELECT s.*, NULL::bigint AS match_id, false AS by_email, NULL::bigint AS new_id, false AS created
       FROM ${t.rows} s WITH NO DATA`,
  );
  await query(`CREATE INDEX ON ${t.targets} (line)`);
  let built = 0;
  await forEachRange(session.engine, await lastLine(query, t.rows), async (after, upTo) => {
    const [{ n }] = await query<{ n: number }>(
      sql`WITH built AS (
         INSERT INTO ${sql.raw(t.targets)}
         SELECT s.*, NULL::bigint, false, NULL::bigint, false FROM ${sql.raw(t.rows)} s
          WHERE s.line > ${after} AND s.line <= ${upTo} AND NOT EXISTS (SELECT 1 FROM ${sql.raw(t.dups)} d WHERE d.line = s.line)
         RETURNING 1)
       SELECT count(*)::int AS n FROM built`,
    );
    built += n;
    await completeFromDuplicates(query, t, [after, upTo]);
  });
  await analyzeStage(session, t.targets);
  return built;
}

/** How many targets match an existing person now (the preview's "already known"). */
export async function countMatches(
  session: ImportSession,
  t: StageTables,
  campaignId: number,
): Promise<number> {
  const { query } = session;
  // The people matched, each once (two rows of the file may find the same person).
  await query(`CREATE TEMP TABLE ${t.matches} (id bigint PRIMARY KEY)`);
  await forEachRange(session.engine, await lastLine(query, t.targets), (after, upTo) =>
    query(
      sql`INSERT INTO ${sql.raw(t.matches)}
       SELECT DISTINCT coalesce(pe.id, pp.id) FROM ${sql.raw(t.targets)} s
         LEFT JOIN people pe ON pe.campaign_id = ${campaignId} AND pe.email_normalized = s.email_normalized
         LEFT JOIN LATERAL (${phoneMatch('s', sql`${campaignId}`)}) pp ON pe.id IS NULL
        WHERE s.line > ${after} AND s.line <= ${upTo} AND coalesce(pe.id, pp.id) IS NOT NULL
       ON CONFLICT DO NOTHING`,
    ).then(() => undefined),
  );
  const [{ n }] = await query<{ n: number }>(`SELECT count(*)::int AS n FROM ${t.matches}`);
  return n;
}

/**
 * Fills what the first row of a person lacks from its later rows; tags and consents add up.
 * For the targets of lines (after, upTo].
 */
async function completeFromDuplicates(
  query: Query,
  t: StageTables,
  range: [number, number],
): Promise<void> {
  const [after, upTo] = range;
  const first = (column: string) =>
    sql.raw(
      `(array_agg(s.${column} ORDER BY s.line) FILTER (WHERE s.${column} IS NOT NULL))[1] AS ${column}`,
    );
  const changed = await query<{
    line: number;
    email: string | null;
    first_name: string | null;
    last_name: string | null;
    phone: string | null;
    place: string | null;
    custom: Record<string, unknown> | null;
    customs: Record<string, unknown>[] | null;
  }>(
    sql`UPDATE ${sql.raw(t.targets)} x SET
        email = coalesce(x.email, a.email), email_normalized = coalesce(x.email_normalized, a.email_normalized),
        first_name = coalesce(x.first_name, a.first_name), last_name = coalesce(x.last_name, a.last_name),
        phone = coalesce(x.phone, a.phone), place = coalesce(x.place, a.place),
        address_street = coalesce(x.address_street, a.address_street),
        address_complement = coalesce(x.address_complement, a.address_complement),
        tags = concat_ws(E'\\x1f', x.tags, a.tags),
        consent_email = x.consent_email OR a.consent_email, consent_sms = x.consent_sms OR a.consent_sms,
        consent_phone = x.consent_phone OR a.consent_phone
       FROM (SELECT d.first_line, ${first('email')}, ${first('email_normalized')}, ${first('first_name')},
                    ${first('last_name')}, ${first('phone')}, ${first('place')}, ${first('address_street')},
                    ${first('address_complement')},
                    array_agg(s.custom ORDER BY s.line) FILTER (WHERE s.custom IS NOT NULL) AS customs,
                    string_agg(s.tags, E'\\x1f') AS tags, bool_or(s.consent_email) AS consent_email,
                    bool_or(s.consent_sms) AS consent_sms, bool_or(s.consent_phone) AS consent_phone
               FROM ${sql.raw(t.dups)} d JOIN ${sql.raw(t.rows)} s ON s.line = d.line
              WHERE d.first_line > ${after} AND d.first_line <= ${upTo} GROUP BY d.first_line) a
      WHERE x.line > ${after} AND x.line <= ${upTo} AND x.line = a.first_line
      RETURNING x.line, x.email, x.first_name, x.last_name, x.phone, x.place, x.custom, a.customs`,
  );
  if (changed.length === 0) return;
  const searchTexts = changed.map((r) =>
    searchTextOf({
      firstName: r.first_name,
      lastName: r.last_name,
      email: r.email,
      phone: r.phone,
      ...splitPlace(r.place),
    }),
  );
  // Custom values add up like the other fields: a key the first row has keeps its value.
  const customs = changed.map((r) =>
    r.customs ? JSON.stringify(Object.assign({}, ...[...r.customs].reverse(), r.custom)) : null,
  );
  await query(
    sql`UPDATE ${sql.raw(t.targets)} x SET search_text = u.search_text, custom = coalesce(u.custom, x.custom)
       FROM unnest(${changed.map((r) => r.line)}::int[], ${searchTexts}::text[], ${customs}::jsonb[]) AS u(line, search_text, custom)
      WHERE x.line = u.line`,
  );
}

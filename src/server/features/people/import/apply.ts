import { mergeBatch } from './merge.ts';
import type { Query } from './session.ts';
import type { StageTables } from './stage.ts';

/** Rows written per statement: large enough for set-based speed, small enough to report progress. */
export const APPLY_BATCH = 10_000;

export interface ApplyOptions {
  /** The campaign whose people, tags, consents and timeline are written. */
  campaignId: number;
  importId: number;
  actorId: number | null;
  /** Tags added to everyone in the file. */
  tags: string[];
  wordingVersion: string;
  onProgress?: (done: number, total: number) => Promise<void>;
}

const place = (n: number) => `nullif(split_part(b.place, '|', ${n}), '')`;

/**
 * Statements that give a batch `b` (with `person` ids) its tags, consent history and, for
 * people merged, a timeline entry (people created say it by their import_id: see
 * import-entry.ts). Parameters: $2 campaign, $3 import, $4 tags, $5 wording, $6 entry, $7 actor.
 */
const sideEffects = (personColumn: string, rowsOf: string, logged: boolean) => `
  tagged AS (
    INSERT INTO person_tags (campaign_id, person_id, tag_id)
    SELECT DISTINCT $2::int, b.${personColumn}, tg.id
      FROM ${rowsOf} CROSS JOIN LATERAL unnest(string_to_array(b.tags, E'\\x1f') || $4::text[]) AS n(name)
      JOIN tags tg ON tg.campaign_id = $2 AND tg.name = n.name
    ON CONFLICT DO NOTHING),
  consented AS (
    INSERT INTO consent_events (campaign_id, person_id, channel, granted, source, wording_version, import_id)
    SELECT $2, b.${personColumn}, c.channel, true, 'import', $5, $3
      FROM ${rowsOf} CROSS JOIN LATERAL
           (VALUES ('email', b.consent_email), ('sms', b.consent_sms), ('phone', b.consent_phone)) AS c(channel, granted)
     WHERE c.granted)${
       logged
         ? `,
  logged AS (
    INSERT INTO person_events (campaign_id, person_id, kind, data, actor_id)
    SELECT $2, b.${personColumn}, 'import', $6::jsonb, $7 FROM ${rowsOf})`
         : ''
     }`;

/**
 * Writes the matched targets into people, set-based, in batches: new people are inserted with
 * ids drawn beforehand (so tags, consents and timeline need no lookup), existing people only
 * get what they lack. Runs inside the caller's transaction.
 */
export async function applyTargets(
  query: Query,
  t: StageTables,
  options: ApplyOptions,
): Promise<{ created: number; merged: number }> {
  // Analyzed, so that each batch below walks the line index instead of sorting what is left.
  await query(`CREATE INDEX ON ${t.targets} (line)`);
  await query(`ANALYZE ${t.targets}`);
  await query(
    `CREATE TEMP TABLE ${t.merges} AS
     SELECT match_id AS person_id,
            ${['email', 'email_normalized', 'first_name', 'last_name', 'phone', 'place']
              .map(
                (c) => `(array_agg(${c} ORDER BY line) FILTER (WHERE ${c} IS NOT NULL))[1] AS ${c}`,
              )
              .join(', ')},
            string_agg(tags, E'\\x1f') AS tags, coalesce(bool_or(consent_email), false) AS consent_email,
            coalesce(bool_or(consent_sms), false) AS consent_sms, coalesce(bool_or(consent_phone), false) AS consent_phone
       FROM ${t.targets} WHERE match_id IS NOT NULL GROUP BY match_id`,
  );
  await query(`CREATE INDEX ON ${t.merges} (person_id)`);
  await query(`ANALYZE ${t.merges}`);
  await query(
    `INSERT INTO tags (campaign_id, name)
     SELECT $1::int, n FROM (
       SELECT n FROM ${t.targets} CROSS JOIN LATERAL unnest(string_to_array(tags, E'\\x1f')) AS n WHERE tags IS NOT NULL
       UNION SELECT unnest($2::text[])) x
     ON CONFLICT (campaign_id, name) DO NOTHING`,
    [options.campaignId, options.tags],
  );
  const [{ create, merge }] = await query<{ create: number; merge: number }>(
    `SELECT (SELECT count(*) FROM ${t.targets} WHERE match_id IS NULL)::int AS create,
            (SELECT count(*) FROM ${t.merges})::int AS merge`,
  );
  const [{ seq }] = await query<{ seq: string }>(
    `SELECT pg_get_serial_sequence('people', 'id') AS seq`,
  );
  const total = create + merge;
  const common = [options.campaignId, options.importId, options.tags, options.wordingVersion];
  const mergedEntry = [
    JSON.stringify({ importId: options.importId, merged: true }),
    options.actorId,
  ];

  let created = 0;
  for (let last = 0; ;) {
    const [batch] = await query<{ n: number; last: number | null }>(
      `WITH b AS (
         SELECT x.*, nextval('${seq}') AS id
           FROM (SELECT * FROM ${t.targets} WHERE match_id IS NULL AND line > $1 ORDER BY line LIMIT ${APPLY_BATCH}) x),
       inserted AS (
         INSERT INTO people (campaign_id, id, email, email_normalized, first_name, last_name, phone, postal_code, commune_code,
                             commune_name, departement_code, source, recruit_code, consent_email, consent_sms,
                             consent_phone, confirmed_at, import_id, search_text)
         OVERRIDING SYSTEM VALUE
         SELECT $2, id, email, email_normalized, first_name, last_name, phone, ${place(1)}, ${place(2)}, ${place(3)},
                ${place(4)}, 'import', recruit_code, coalesce(consent_email, false), coalesce(consent_sms, false),
                coalesce(consent_phone, false), now(), $3, search_text
           FROM b),
       ${sideEffects('id', 'b', false)}
       SELECT count(*)::int AS n, max(line) AS last FROM b`,
      [last, ...common],
    );
    if (batch.n === 0) break;
    created += batch.n;
    last = batch.last!;
    await options.onProgress?.(created, total);
  }

  let merged = 0;
  for (let last = 0; ;) {
    const [bound] = await query<{ n: number; upper: number | null }>(
      `SELECT count(*)::int AS n, max(person_id) AS upper
         FROM (SELECT person_id FROM ${t.merges} WHERE person_id > $1 ORDER BY person_id LIMIT ${APPLY_BATCH}) x`,
      [last],
    );
    if (bound.n === 0) break;
    const ids = await mergeBatch(query, t.merges, options.campaignId, last, bound.upper!);
    if (ids.length) {
      await query(
        `WITH b AS (SELECT * FROM ${t.merges} WHERE person_id = ANY($1::bigint[])), ${sideEffects('person_id', 'b', true)}
         SELECT 1`,
        [ids, ...common, ...mergedEntry],
      );
    }
    last = Number(bound.upper);
    merged += ids.length;
    await options.onProgress?.(created + merged, total);
  }
  return { created, merged };
}

import { sql } from 'drizzle-orm';
import { buildSearchText } from '../normalize.ts';
import { copiedFrom, updatePeopleFrom } from '../person-writer.ts';
import type { ContactColumn, PersonColumns } from '../tables.ts';
import type { Query } from './session.ts';
import { stagedPersonFields } from './stage.ts';

/** A person as stored, and what the file brings for them (m_*). */
type MergeRow = Pick<
  PersonColumns,
  | Exclude<ContactColumn, 'consent_email' | 'consent_sms' | 'consent_phone'>
  | 'email_normalized'
  | 'address_street'
  | 'address_complement'
> & {
  confirmed: boolean;
  m_email: string | null;
  m_email_normalized: string | null;
  m_first_name: string | null;
  m_last_name: string | null;
  m_phone: string | null;
  m_place: string | null;
  m_address_street: string | null;
  m_address_complement: string | null;
};

/** The columns an import may fill on an existing person (undo.ts puts them back). */
export const written = [
  'email',
  'email_normalized',
  'first_name',
  'last_name',
  'phone',
  'postal_code',
  'commune_code',
  'commune_name',
  'departement_code',
  'address_street',
  'address_complement',
] as const;
type Written = Pick<MergeRow, (typeof written)[number]>;

/**
 * What a person becomes: only empty fields are filled (a name is never replaced by another),
 * the place moves as a whole (postal code, commune, département, and the street with it),
 * (consents are the import's decisions, settled by consents.ts). A person with a place but no street takes the file's street
 * when the file gives the same postal code.
 */
export function mergedPerson(r: MergeRow): Written {
  const [postal, communeCode, communeName, departement] = (r.m_place ?? '').split('|');
  const takePlace = !r.postal_code && !r.commune_code && r.m_place !== null;
  const takeStreet =
    !r.address_street &&
    r.m_address_street !== null &&
    (takePlace || (!!postal && postal === r.postal_code));
  return {
    email: r.email_normalized ? r.email : r.m_email,
    email_normalized: r.email_normalized ?? r.m_email_normalized,
    first_name: r.first_name ?? r.m_first_name,
    last_name: r.last_name ?? r.m_last_name,
    phone: r.phone ?? r.m_phone,
    postal_code: takePlace ? postal || null : r.postal_code,
    commune_code: takePlace ? communeCode || null : r.commune_code,
    commune_name: takePlace ? communeName || null : r.commune_name,
    departement_code: takePlace ? departement || null : r.departement_code,
    address_street: takeStreet ? r.m_address_street : r.address_street,
    address_complement: takeStreet ? r.m_address_complement : r.address_complement,
  };
}

const aggregated = sql.raw(
  stagedPersonFields
    .map((c) => `(array_agg(${c} ORDER BY line) FILTER (WHERE ${c} IS NOT NULL))[1] AS ${c}`)
    .join(', '),
);
/** The columns a merge writes, with search_text, as set from unnest's `u`. */
const mergedColumns = [...written, 'search_text'] as const;
const setMerged = copiedFrom('u', mergedColumns);
const mergedNames = sql.raw(mergedColumns.join(', '));

/**
 * Merges the targets of a slice that match existing people: the people are read and locked
 * (in id order, as every slice does, so two imports never wait on each other in a circle),
 * merged in JS (so the search text comes from buildSearchText, like everywhere else) and
 * written back with ONE set-based UPDATE, only for people who change. What changed is logged in
 * import_changes (values before and after, the first before and the last after when a person is
 * merged twice), with a row for every person merged, changed or not: the undo finds them there.
 * Returns the ids of the people merged (erased ones are skipped).
 */
export async function mergeSlice(
  query: Query,
  targets: string,
  [after, last]: number[],
  campaignId: number,
  importId: number,
): Promise<number[]> {
  const ids = (
    await query<{ id: number }>(
      sql`SELECT DISTINCT match_id AS id FROM ${sql.raw(targets)}
        WHERE line > ${after} AND line <= ${last} AND match_id IS NOT NULL AND NOT created`,
    )
  ).map((r) => r.id);
  if (ids.length === 0) return [];
  // By the ids: a join from the slice let a planner with stale statistics walk all of people.
  const rows = await query<MergeRow & { import_id: number | null }>(
    sql`WITH b AS (
       SELECT match_id AS person_id,
              ${aggregated}
         FROM ${sql.raw(targets)} WHERE line > ${after} AND line <= ${last} AND match_id IS NOT NULL AND NOT created GROUP BY match_id)
     SELECT p.id, p.email, p.email_normalized, p.first_name, p.last_name, p.phone, p.postal_code, p.commune_code,
            p.commune_name, p.departement_code, p.address_street, p.address_complement, p.import_id,
            p.confirmed_at IS NOT NULL AS confirmed, b.email AS m_email, b.email_normalized AS m_email_normalized,
            b.first_name AS m_first_name, b.last_name AS m_last_name, b.phone AS m_phone, b.place AS m_place,
            b.address_street AS m_address_street, b.address_complement AS m_address_complement
       FROM b JOIN people p ON p.campaign_id = ${campaignId} AND p.id = b.person_id
      WHERE p.id = ANY(${ids}::bigint[]) AND p.erased_at IS NULL
      ORDER BY p.id
        FOR UPDATE OF p`,
  );
  const changed: Array<Written & { id: number; search_text: string }> = [];
  const log: Array<{ id: number; before: string; after: string }> = [];
  for (const row of rows) {
    const next = mergedPerson(row);
    const columns = written.filter((column) => next[column] !== row[column]);
    const before: Record<string, unknown> = {};
    const after: Record<string, unknown> = {};
    for (const column of columns) {
      before[column] = row[column];
      after[column] = next[column];
    }
    if (!row.confirmed) before.confirmed = false;
    // A person this import created earlier in the file is undone by deleting them, not logged.
    if (Number(row.import_id) !== importId)
      log.push({
        id: Number(row.id),
        before: JSON.stringify(before),
        after: JSON.stringify(after),
      });
    if (row.confirmed && columns.length === 0) continue;
    changed.push({
      ...next,
      id: row.id,
      search_text: buildSearchText({
        firstName: next.first_name,
        lastName: next.last_name,
        email: next.email,
        phone: next.phone,
        communeName: next.commune_name,
        postalCode: next.postal_code,
      }),
    });
  }
  if (changed.length) {
    // updated_at moves only for people who were there before this import: on one it created,
    // it stays its creation time (the undo tells "edited since" by it).
    const values = mergedColumns.map((c) => sql`${changed.map((r) => r[c])}::text[]`);
    await updatePeopleFrom(query, campaignId, {
      set: {
        ...setMerged,
        confirmedAt: sql`coalesce(p.confirmed_at, now())`,
        updatedAt: sql`CASE WHEN p.import_id IS NOT DISTINCT FROM ${importId} THEN p.updated_at ELSE now() END`,
      },
      from: sql`unnest(${changed.map((r) => r.id)}::bigint[], ${sql.join(values, sql`, `)})
              AS u(id, ${mergedNames})`,
      where: sql`p.id = u.id`,
    });
  }
  if (log.length) {
    await query(
      sql`INSERT INTO import_changes (campaign_id, import_id, person_id, before, after)
       SELECT ${campaignId}, ${importId}, * FROM unnest(${log.map((l) => l.id)}::bigint[], ${log.map((l) => l.before)}::jsonb[], ${log.map((l) => l.after)}::jsonb[])
       ON CONFLICT (campaign_id, import_id, person_id) DO UPDATE
          SET before = excluded.before || import_changes.before, after = import_changes.after || excluded.after`,
    );
  }
  return rows.map((r) => Number(r.id));
}

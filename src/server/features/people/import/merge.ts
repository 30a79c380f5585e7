import { buildSearchText } from '../normalize.ts';
import type { ContactColumn, PersonColumns } from '../tables.ts';
import type { Query } from './session.ts';

/** A person as stored, and what the file brings for them (m_*). */
type MergeRow = Pick<PersonColumns, ContactColumn | 'email_normalized'> & {
  confirmed: boolean;
  m_email: string | null;
  m_email_normalized: string | null;
  m_first_name: string | null;
  m_last_name: string | null;
  m_phone: string | null;
  m_place: string | null;
  m_consent_email: boolean;
  m_consent_sms: boolean;
  m_consent_phone: boolean;
};

const written = [
  'email',
  'email_normalized',
  'first_name',
  'last_name',
  'phone',
  'postal_code',
  'commune_code',
  'commune_name',
  'departement_code',
  'consent_email',
  'consent_sms',
  'consent_phone',
] as const;
type Written = Pick<MergeRow, (typeof written)[number]>;

/**
 * What a person becomes: only empty fields are filled (a name is never replaced by another),
 * the place moves as a whole (postal code, commune, département), consents only ever granted.
 */
export function mergedPerson(r: MergeRow): Written {
  const [postal, communeCode, communeName, departement] = (r.m_place ?? '').split('|');
  const takePlace = !r.postal_code && !r.commune_code && r.m_place !== null;
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
    consent_email: r.consent_email || r.m_consent_email,
    consent_sms: r.consent_sms || r.m_consent_sms,
    consent_phone: r.consent_phone || r.m_consent_phone,
  };
}

/** The Postgres array type each written column is sent as (consents are the only booleans). */
const arrayType = (column: string) => (column.startsWith('consent_') ? 'boolean' : 'text');

/**
 * Merges one batch of the merges table into the campaign's people: the rows are read and locked, merged in
 * JS (so the search text comes from buildSearchText, like everywhere else) and written back
 * with ONE set-based UPDATE, once per person and only for people who change. Returns the ids
 * of the people merged (erased ones are skipped).
 */
export async function mergeBatch(
  query: Query,
  merges: string,
  campaignId: number,
  after: number,
  upTo: number,
): Promise<number[]> {
  const rows = await query<MergeRow>(
    `SELECT p.id, p.email, p.email_normalized, p.first_name, p.last_name, p.phone, p.postal_code, p.commune_code,
            p.commune_name, p.departement_code, p.consent_email, p.consent_sms, p.consent_phone,
            p.confirmed_at IS NOT NULL AS confirmed, b.email AS m_email, b.email_normalized AS m_email_normalized,
            b.first_name AS m_first_name, b.last_name AS m_last_name, b.phone AS m_phone, b.place AS m_place,
            b.consent_email AS m_consent_email, b.consent_sms AS m_consent_sms, b.consent_phone AS m_consent_phone
       FROM ${merges} b JOIN people p ON p.campaign_id = $1 AND p.id = b.person_id
      WHERE b.person_id > $2 AND b.person_id <= $3 AND p.erased_at IS NULL
      ORDER BY p.id
        FOR UPDATE OF p`,
    [campaignId, after, upTo],
  );
  const changed: Array<Written & { id: number; search_text: string }> = [];
  for (const row of rows) {
    const next = mergedPerson(row);
    if (row.confirmed && written.every((column) => next[column] === row[column])) continue;
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
    const columns = [...written, 'search_text'] as const;
    await query(
      `UPDATE people p SET ${columns.map((c) => `${c} = u.${c}`).join(', ')},
              confirmed_at = coalesce(p.confirmed_at, now()), updated_at = now()
         FROM unnest($2::bigint[], ${columns.map((c, i) => `$${i + 3}::${arrayType(c)}[]`).join(', ')})
              AS u(id, ${columns.join(', ')})
        WHERE p.campaign_id = $1 AND p.id = u.id`,
      [campaignId, changed.map((r) => r.id), ...columns.map((c) => changed.map((r) => r[c]))],
    );
  }
  return rows.map((r) => Number(r.id));
}

import { sql } from 'drizzle-orm';
import type { Database } from '../../core/db/index.ts';
import type { ContactSubject } from '../compliance/may-contact.ts';
import { currentConsents } from './consents.ts';

/**
 * What the compliance gate needs of some people: their place and their consent records per
 * channel (a channel without a record was never asked; automated calls carry their slot).
 * Erased or unknown people are left out.
 */
export async function contactSubjects(
  database: Pick<Database, 'query'>,
  campaignId: number,
  personIds: readonly number[],
): Promise<Map<number, ContactSubject>> {
  if (personIds.length === 0) return new Map();
  const [rows, consents] = await Promise.all([
    database.query<{ id: number; departement_code: string | null; commune_code: string | null }>(
      sql`SELECT id, departement_code, commune_code FROM people
        WHERE campaign_id = ${campaignId} AND id = ANY(${[...personIds]}::bigint[]) AND erased_at IS NULL`,
    ),
    currentConsents(database.query, campaignId, personIds),
  ]);
  return new Map(
    rows.map((row) => [
      Number(row.id),
      {
        departementCode: row.departement_code,
        communeCode: row.commune_code,
        consents: consents.get(Number(row.id)) ?? {},
      },
    ]),
  );
}

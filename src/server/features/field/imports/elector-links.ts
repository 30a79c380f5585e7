import { sql } from 'drizzle-orm';
import type { Query } from '../../../core/db/index.ts';
import { electorStreetKey } from '../electors/parse.ts';

/**
 * Ties electors without an address to the imported BAN address at their number on their street
 * in the given communes. An electoral list names streets as the commune typed them ("R DE LA
 * GARE"), the BAN as it names them ("Rue de la Gare"): both sides are folded the same way, the
 * abbreviations expanded, then matched by number and repetition index. Answers how many were tied.
 */
export async function linkElectorsToAddresses(
  query: Query,
  campaignId: number,
  communes: readonly string[],
): Promise<number> {
  if (communes.length === 0) return 0;
  const [waiting] = await query<{ any: boolean }>(
    sql`SELECT EXISTS (SELECT 1 FROM field_electors WHERE campaign_id = ${campaignId}
                          AND address_id IS NULL AND commune_code = ANY(${communes}::text[])) AS any`,
  );
  if (!waiting.any) return 0;
  const streets = await query<{ commune_code: string; street_key: string; street_name: string }>(
    sql`SELECT DISTINCT commune_code, street_key, street_name FROM field_addresses
         WHERE campaign_id = ${campaignId} AND commune_code = ANY(${communes}::text[])`,
  );
  if (streets.length === 0) return 0;
  const named = streets.flatMap((s) => {
    const folded = electorStreetKey(s.commune_code, s.street_name);
    return folded === null ? [] : [{ ...s, folded }];
  });
  if (named.length === 0) return 0;
  const [row] = await query<{ n: number }>(
    sql`WITH streets AS (
          SELECT DISTINCT ON (folded) folded, street_key, commune_code
            FROM unnest(${named.map((s) => s.folded)}::text[], ${named.map((s) => s.street_key)}::text[],
                        ${named.map((s) => s.commune_code)}::text[]) AS m(folded, street_key, commune_code)
           ORDER BY folded, street_key),
        tied AS (
          UPDATE field_electors e SET address_id = a.id
            FROM streets m, field_addresses a
           WHERE e.campaign_id = ${campaignId} AND e.address_id IS NULL
             AND e.commune_code = ANY(${communes}::text[]) AND e.street_key = m.folded
             AND a.campaign_id = ${campaignId} AND a.commune_code = m.commune_code
             AND a.street_key = m.street_key AND a.number = coalesce(e.number, 0)
             AND a.suffix IS NOT DISTINCT FROM e.suffix
          RETURNING 1)
        SELECT count(*)::int AS n FROM tied`,
  );
  return row.n;
}

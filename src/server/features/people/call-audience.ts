import { sql, type SQL } from 'drizzle-orm';
import type { PeopleFilter } from '../../../contracts/people.ts';
import type { AppContext } from '../../core/context.ts';
import type { Query } from '../../core/db/index.ts';
import { matchingIdsQuery } from './queries.ts';

/**
 * The people of a filter who can be called by an automated system: a phone number and a
 * granted consent to automated calls, with the slot they agreed to. As SQL, for a channel to
 * freeze into its own audience table in one statement: columns person_id, e164, departement,
 * slot_weekdays (smallint[]), slot_from, slot_to.
 */
export async function automatedCallAudienceQuery(
  ctx: AppContext,
  filter: PeopleFilter,
): Promise<SQL> {
  const matching = await matchingIdsQuery(ctx, filter);
  return sql`SELECT p.id AS person_id, p.phone AS e164, p.departement_code AS departement,
                    ARRAY(SELECT jsonb_array_elements_text(c.slot->'weekdays')::smallint) AS slot_weekdays,
                    c.slot->>'from' AS slot_from, c.slot->>'to' AS slot_to
               FROM people p
               JOIN person_consents c ON c.campaign_id = p.campaign_id AND c.person_id = p.id
                AND c.channel = 'automated_call' AND c.status = 'granted'
              WHERE p.campaign_id = ${ctx.campaignId} AND p.phone IS NOT NULL
                AND p.id IN (${matching})`;
}

/**
 * The people of a filter volunteers may call: a phone number and the consent to calls from
 * the campaign (`consent_phone`, the cache of their latest decision). As SQL: columns
 * person_id, e164.
 */
export async function volunteerCallAudienceQuery(
  ctx: AppContext,
  filter: PeopleFilter,
): Promise<SQL> {
  const matching = await matchingIdsQuery(ctx, filter);
  return sql`SELECT p.id AS person_id, p.phone AS e164
               FROM people p
              WHERE p.campaign_id = ${ctx.campaignId} AND p.phone IS NOT NULL AND p.consent_phone
                AND p.erased_at IS NULL AND p.id IN (${matching})`;
}

/** What a volunteer needs to call someone: the name and commune; erased people are absent. */
export interface Callee {
  id: number;
  firstName: string | null;
  lastName: string | null;
  communeName: string | null;
  /** Whether they still accept calls from the campaign. */
  consentPhone: boolean;
}

export async function callees(
  query: Query,
  campaignId: number,
  personIds: readonly number[],
): Promise<Map<number, Callee>> {
  if (personIds.length === 0) return new Map();
  const rows = await query<{
    id: number;
    first_name: string | null;
    last_name: string | null;
    commune_name: string | null;
    consent_phone: boolean;
  }>(
    sql`SELECT id, first_name, last_name, commune_name, consent_phone FROM people
         WHERE campaign_id = ${campaignId} AND id = ANY(${[...personIds]}::bigint[]) AND erased_at IS NULL`,
  );
  return new Map(
    rows.map((row) => [
      Number(row.id),
      {
        id: Number(row.id),
        firstName: row.first_name,
        lastName: row.last_name,
        communeName: row.commune_name,
        consentPhone: row.consent_phone,
      },
    ]),
  );
}

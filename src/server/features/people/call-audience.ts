import { sql, type SQL } from 'drizzle-orm';
import type { PeopleFilter } from '../../../contracts/people.ts';
import type { AppContext } from '../../core/context.ts';
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

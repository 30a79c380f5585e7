import { sql } from 'drizzle-orm';
import type { Query } from '../../core/db/index.ts';
import { runSql } from '../../core/db/statement.ts';

/*
 * What other features may read of sign-ups, as pieces of their statements. This file imports
 * no feature, so people (which recruitment imports) can use it.
 */

/** Whether a confirmed sign-up made this person (`campaign`, `person`: SQL expressions). */
export const confirmedBySignup = (campaign: string, person: string) =>
  `EXISTS (SELECT 1 FROM signups s WHERE s.campaign_id = ${campaign} AND s.person_id = ${person}
              AND s.confirmed_at IS NOT NULL)`;

/**
 * The person's sign-ups as timeline entries (id, kind, data, at, actor_id), for a UNION ALL:
 * ids negated so they do not meet events' ids.
 */
export const signupTimelineEntries = (campaignId: number, personId: number) =>
  sql`SELECT -s.id, 'signup', jsonb_build_object('source', s.source) || coalesce(s.data->'attribution', '{}'::jsonb),
          s.created_at, NULL FROM signups s WHERE s.campaign_id = ${campaignId} AND s.person_id = ${personId}`;

/** Marks the sign-up confirmed; false when it already was (confirmed concurrently). */
export async function claimSignup(
  query: Query,
  campaignId: number,
  signupId: number,
): Promise<boolean> {
  const claimed = await runSql(
    query,
    sql`UPDATE signups SET confirmed_at = now()
         WHERE campaign_id = ${campaignId} AND id = ${signupId} AND confirmed_at IS NULL
        RETURNING id`,
  );
  return claimed.length > 0;
}

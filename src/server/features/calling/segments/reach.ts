import { sql } from 'drizzle-orm';
import type { SegmentReach } from '../../../../contracts/calling.ts';
import type { AppContext } from '../../../core/context.ts';
import { notOptedOutSql, optOutKey } from '../../compliance/phone-opt-outs.ts';
import {
  automatedCallAudienceQuery,
  volunteerCallAudienceQuery,
} from '../../people/call-audience.ts';
import { matchingIdsQuery } from '../../people/queries.ts';

/**
 * A segment's people, and the numbers a broadcast and a phone bank would freeze from it now:
 * the same audiences as the launch and the opening, counted by distinct number.
 */
export async function segmentReach(ctx: AppContext, segmentId: number): Promise<SegmentReach> {
  const filter = { segmentId };
  // The segment is read first: an unknown one is a 404 before anything else is asked.
  const matching = await matchingIdsQuery(ctx, filter);
  const [automated, volunteer, key] = await Promise.all([
    automatedCallAudienceQuery(ctx, filter),
    volunteerCallAudienceQuery(ctx, filter),
    optOutKey(ctx.database.query, ctx.campaignId),
  ]);
  const [row] = await ctx.database.query<SegmentReach>(
    sql`SELECT (SELECT count(*)::int FROM (${matching}) m) AS people,
               (SELECT count(DISTINCT a.e164)::int FROM (${automated}) a
                 WHERE ${notOptedOutSql(ctx.campaignId, key, sql`a.e164`)}) AS "automatedCalls",
               (SELECT count(DISTINCT v.e164)::int FROM (${volunteer}) v
                 WHERE ${notOptedOutSql(ctx.campaignId, key, sql`v.e164`)}) AS "volunteerCalls"`,
  );
  return row!;
}

import type { Funnels, InsightsPeriodQuery } from '../../../contracts/insights-funnels.ts';
import type { AppContext } from '../../core/context.ts';
import { callersAmong } from '../calling/banks/insights-reads.ts';
import { committeeMembersAmong } from '../committees/insights-reads.ts';
import { donationFunnelCounts } from '../donations/insights-reads.ts';
import { eventGoersAmong } from '../events/insights-reads.ts';
import { canvassersAmong } from '../field/insights-reads.ts';
import { signupsInPeriod } from '../people/insights-reads.ts';
import { periodOf } from './funnels-period.ts';

/**
 * The recruitment funnel of the people who signed up in the period, each stage counting people
 * of the stage before (whenever they reached it: someone who signed up in March and joined a
 * committee in May counts in March's funnel), and the donation funnel of the period.
 */
export async function funnels(ctx: AppContext, query: InsightsPeriodQuery): Promise<Funnels> {
  const period = await periodOf(ctx, query);
  const cohort = await signupsInPeriod(ctx, {
    start: period.from,
    end: period.to,
    timeZone: period.timeZone,
  });
  const confirmed = cohort.filter((p) => p.confirmed).map((p) => p.id);
  const [members, goers] = await Promise.all([
    committeeMembersAmong(ctx, confirmed),
    eventGoersAmong(ctx, confirmed),
  ]);
  const joined = confirmed.filter((id) => members.has(id) || goers.has(id));
  const [canvassers, callers] = await Promise.all([
    canvassersAmong(ctx, joined),
    callersAmong(ctx, joined),
  ]);
  const acted = joined.filter((id) => canvassers.has(id) || callers.has(id));
  const gifts = await donationFunnelCounts(ctx, period.since, period.until);
  return {
    period: { from: period.from, to: period.to },
    recruitment: [
      { stage: 'signedUp', count: cohort.length },
      { stage: 'confirmed', count: confirmed.length },
      { stage: 'joined', count: joined.length },
      { stage: 'acted', count: acted.length },
    ],
    donations: [
      { stage: 'pageVisits', count: null },
      { stage: 'started', count: gifts.started },
      { stage: 'donors', count: gifts.donors },
      { stage: 'recurring', count: gifts.recurring },
    ],
  };
}

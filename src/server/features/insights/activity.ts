import {
  COMMITTEE_ACTIVITY_LIMIT,
  type CommitteeActivity,
  type CommitteeActivityRow,
  type InsightsPeriodQuery,
} from '../../../contracts/insights-funnels.ts';
import type { AppContext } from '../../core/context.ts';
import { committeeMemberships } from '../committees/insights-reads.ts';
import { committeeEventCounts } from '../events/insights-reads.ts';
import { committeeVisitCounts } from '../field/insights-reads.ts';
import { periodOf } from './funnels-period.ts';

const latest = (...dates: Array<Date | null | undefined>) =>
  dates.reduce<Date | null>((a, b) => (b && (!a || b > a) ? b : a), null);

/** The most active first: visits, events, new members, members, then the oldest id. */
export const byActivity = (a: CommitteeActivityRow, b: CommitteeActivityRow) =>
  b.visits - a.visits ||
  b.events - a.events ||
  b.newMembers - a.newMembers ||
  b.members - a.members ||
  a.id - b.id;

/**
 * Each published committee's members, new members, events and visits in the period, and its
 * last activity up to the period's end; the most active COMMITTEE_ACTIVITY_LIMIT are listed.
 */
export async function committeeActivity(
  ctx: AppContext,
  query: InsightsPeriodQuery,
): Promise<CommitteeActivity> {
  const period = await periodOf(ctx, query);
  // Events scheduled after today are not activity yet.
  const until = new Date(Math.min(period.until.getTime(), Date.now()));
  const [committees, events, visits] = await Promise.all([
    committeeMemberships(ctx, period.since, period.until),
    committeeEventCounts(ctx, period.since, until),
    committeeVisitCounts(ctx, period.since, period.until),
  ]);
  const rows: CommitteeActivityRow[] = committees.map((c) => {
    const e = events.get(c.id);
    const v = visits.get(c.id);
    const last = latest(c.lastJoinedAt, e?.lastStartAt, v?.lastVisitAt);
    return {
      id: c.id,
      name: c.name,
      placeLabel: c.placeLabel,
      communeCode: c.communeCode,
      members: c.members,
      newMembers: c.newMembers,
      events: e?.events ?? 0,
      visits: v?.visits ?? 0,
      lastActivityAt: last?.toISOString() ?? null,
    };
  });
  rows.sort(byActivity);
  const sum = (pick: (row: CommitteeActivityRow) => number) =>
    rows.reduce((total, row) => total + pick(row), 0);
  return {
    period: { from: period.from, to: period.to },
    totals: {
      committees: rows.length,
      active: rows.filter((r) => r.newMembers + r.events + r.visits > 0).length,
      members: sum((r) => r.members),
      events: sum((r) => r.events),
      visits: sum((r) => r.visits),
    },
    committees: rows.slice(0, COMMITTEE_ACTIVITY_LIMIT),
    truncated: rows.length > COMMITTEE_ACTIVITY_LIMIT,
  };
}

import { sql } from 'drizzle-orm';
import type { z } from 'zod';
import type {
  CommitteeStats,
  EventReportState,
  eventReportInputSchema,
} from '../../../contracts/events.ts';
import type { AppContext } from '../../core/context.ts';
import { runSql } from '../../core/db/statement.ts';
import { conflict, notFound } from '../../core/http/errors.ts';
import { addDays, wallClock } from '../../core/local-time.ts';
import { membersJoinedByMonth } from '../committees/service.ts';
import { personNames } from '../people/directory.ts';

/** Someone checked in: an answer coming or waiting whose person was pointed at the door. */
const CHECKED_IN = sql`r.status IN ('going', 'waitlist') AND r.checked_in_at IS NOT NULL`;

interface ReportRow {
  started: boolean;
  checked_in: number;
  attendance: number | null;
  doors_knocked: number;
  conversations: number;
  leaflets: number;
  calls: number;
  notes: string;
  reported_by: number | null;
  reported_at: Date | string | null;
}

/** An event's report if written, whether it has started, and how many were checked in. */
export async function reportState(ctx: AppContext, eventId: number): Promise<EventReportState> {
  const [row] = await runSql<ReportRow>(
    ctx.database,
    sql`SELECT e.starts_at <= now() AS started,
               (SELECT count(*)::int FROM event_rsvps r
                 WHERE r.campaign_id = e.campaign_id AND r.event_id = e.id AND ${CHECKED_IN}) AS checked_in,
               x.attendance, x.doors_knocked, x.conversations, x.leaflets, x.calls, x.notes,
               x.reported_by, x.reported_at
          FROM events e
          LEFT JOIN event_reports x ON x.campaign_id = e.campaign_id AND x.event_id = e.id
         WHERE e.campaign_id = ${ctx.campaignId} AND e.id = ${eventId}`,
  );
  if (!row) throw notFound('event');
  const author = row.reported_by === null ? null : Number(row.reported_by);
  const names = author === null ? new Map<number, string>() : await personNames(ctx, [author]);
  return {
    started: row.started,
    checkedIn: row.checked_in,
    report:
      row.attendance === null
        ? null
        : {
            attendance: row.attendance,
            doorsKnocked: row.doors_knocked,
            conversations: row.conversations,
            leaflets: row.leaflets,
            calls: row.calls,
            notes: row.notes,
            reportedBy: author === null ? null : (names.get(author) ?? null),
            reportedAt: new Date(row.reported_at!).toISOString(),
          },
  };
}

/** Writes (or corrects) the report of an event that has started and was not cancelled. */
export async function saveReport(
  ctx: AppContext,
  eventId: number,
  input: z.output<typeof eventReportInputSchema>,
  authorId: number,
): Promise<EventReportState> {
  const [event] = await runSql<{ status: string; started: boolean }>(
    ctx.database,
    sql`SELECT status, starts_at <= now() AS started FROM events
         WHERE campaign_id = ${ctx.campaignId} AND id = ${eventId}`,
  );
  if (!event) throw notFound('event');
  if (event.status === 'cancelled') throw conflict('event_cancelled', 'This event was cancelled.');
  if (!event.started)
    throw conflict('event_not_started', 'An event is reported once it has started.');
  await runSql(
    ctx.database,
    sql`INSERT INTO event_reports (campaign_id, event_id, attendance, doors_knocked, conversations,
                                   leaflets, calls, notes, reported_by)
        VALUES (${ctx.campaignId}, ${eventId}, ${input.attendance}, ${input.doorsKnocked},
                ${input.conversations}, ${input.leaflets}, ${input.calls}, ${input.notes}, ${authorId})
        ON CONFLICT (campaign_id, event_id) DO UPDATE
           SET attendance = EXCLUDED.attendance, doors_knocked = EXCLUDED.doors_knocked,
               conversations = EXCLUDED.conversations, leaflets = EXCLUDED.leaflets,
               calls = EXCLUDED.calls, notes = EXCLUDED.notes,
               reported_by = EXCLUDED.reported_by, reported_at = now()`,
  );
  return reportState(ctx, eventId);
}

/** The last `count` months (campaign time zone), oldest first, as `YYYY-MM`. */
function lastMonths(ctx: AppContext, count: number): string[] {
  const today = wallClock(new Date(), ctx.config.CAMPAIGN_TIMEZONE).day;
  const months: string[] = [];
  let day = `${today.slice(0, 7)}-01`;
  for (let i = 0; i < count; i++) {
    months.unshift(day.slice(0, 7));
    day = `${addDays(day, -1).slice(0, 7)}-01`;
  }
  return months;
}

/**
 * A committee's activity: its members month by month (from the committees feature), its
 * published events held and to come, the answers to those held (walk-ins apart), the people
 * checked in at them, and the totals of their reports.
 */
export async function committeeStats(
  ctx: AppContext,
  committeeId: number,
): Promise<CommitteeStats> {
  const [events] = await runSql<{ held: number; upcoming: number }>(
    ctx.database,
    sql`SELECT count(*) FILTER (WHERE starts_at <= now())::int AS held,
               count(*) FILTER (WHERE starts_at > now())::int AS upcoming
          FROM events
         WHERE campaign_id = ${ctx.campaignId} AND committee_id = ${committeeId} AND status = 'published'`,
  );
  const held = sql`e.campaign_id = ${ctx.campaignId} AND e.committee_id = ${committeeId}
                   AND e.status = 'published' AND e.starts_at <= now()`;
  const [answers] = await runSql<{ answers: number; attendance: number }>(
    ctx.database,
    sql`SELECT count(*) FILTER (WHERE r.status IN ('going', 'waitlist') AND r.source <> 'walk_in')::int AS answers,
               count(*) FILTER (WHERE ${CHECKED_IN})::int AS attendance
          FROM event_rsvps r JOIN events e ON e.campaign_id = r.campaign_id AND e.id = r.event_id
         WHERE r.campaign_id = ${ctx.campaignId} AND ${held}`,
  );
  const [reported] = await runSql<CommitteeStats['reported']>(
    ctx.database,
    sql`SELECT count(*)::int AS reports,
               coalesce(sum(x.attendance), 0)::int AS attendance,
               coalesce(sum(x.doors_knocked), 0)::int AS "doorsKnocked",
               coalesce(sum(x.conversations), 0)::int AS conversations,
               coalesce(sum(x.leaflets), 0)::int AS leaflets,
               coalesce(sum(x.calls), 0)::int AS calls
          FROM event_reports x JOIN events e ON e.campaign_id = x.campaign_id AND e.id = x.event_id
         WHERE x.campaign_id = ${ctx.campaignId} AND ${held}`,
  );
  const joined = await membersJoinedByMonth(ctx, committeeId);
  const months = lastMonths(ctx, 12);
  let members = 0;
  let followers = 0;
  let next = 0;
  const series = months.map((month) => {
    for (; next < joined.length && joined[next]!.month <= month; next++) {
      members += joined[next]!.members;
      followers += joined[next]!.followers;
    }
    return { month, members, followers };
  });
  for (; next < joined.length; next++) {
    members += joined[next]!.members;
    followers += joined[next]!.followers;
  }
  return {
    months: series,
    members,
    followers,
    eventsHeld: events!.held,
    eventsUpcoming: events!.upcoming,
    answers: answers!.answers,
    attendance: answers!.attendance,
    reported: reported!,
  };
}

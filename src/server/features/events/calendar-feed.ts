import { sql } from 'drizzle-orm';
import type { CalendarFeed } from '../../../contracts/events.ts';
import type { AppContext } from '../../core/context.ts';
import { randomToken } from '../../core/crypto.ts';
import { runSql } from '../../core/db/statement.ts';
import { richTextToPlain } from '../../core/rich-text.ts';
import { committeeNames } from '../committees/service.ts';
import { summaryColumns, toSummaries, type SummaryRow } from './rows.ts';

/** A feed's address from its token (the path the calendar route serves). */
export const feedPath = (token: string) => `/events/calendar/${token}.ics`;

function feedOf(ctx: AppContext, token: string): CalendarFeed {
  const url = `${ctx.config.publicUrl}${feedPath(token)}`;
  return { url, webcalUrl: url.replace(/^https?:/, 'webcal:') };
}

/** The person's calendar feed, made on first ask. */
export async function calendarFeed(ctx: AppContext, personId: number): Promise<CalendarFeed> {
  await runSql(
    ctx.database,
    sql`INSERT INTO event_calendar_feeds (campaign_id, person_id, token)
        VALUES (${ctx.campaignId}, ${personId}, ${randomToken(24)})
        ON CONFLICT (campaign_id, person_id) DO NOTHING`,
  );
  const [row] = await runSql<{ token: string }>(
    ctx.database,
    sql`SELECT token FROM event_calendar_feeds
         WHERE campaign_id = ${ctx.campaignId} AND person_id = ${personId}`,
  );
  return feedOf(ctx, row!.token);
}

/** A new address for the person's feed: the old one answers nothing from now on. */
export async function renewCalendarFeed(ctx: AppContext, personId: number): Promise<CalendarFeed> {
  const token = randomToken(24);
  await runSql(
    ctx.database,
    sql`INSERT INTO event_calendar_feeds (campaign_id, person_id, token)
        VALUES (${ctx.campaignId}, ${personId}, ${token})
        ON CONFLICT (campaign_id, person_id) DO UPDATE SET token = EXCLUDED.token, created_at = now()`,
  );
  return feedOf(ctx, token);
}

/** Whose feed a token opens; null for none (never made, renewed since, or the person erased). */
export async function feedOwner(ctx: AppContext, token: string): Promise<number | null> {
  if (!/^[\w-]{16,64}$/.test(token)) return null;
  const [row] = await runSql<{ person_id: number }>(
    ctx.database,
    sql`SELECT person_id FROM event_calendar_feeds
         WHERE campaign_id = ${ctx.campaignId} AND token = ${token}`,
  );
  return row ? Number(row.person_id) : null;
}

/**
 * The events a person is going to or waiting for, upcoming and of the last 30 days, as the
 * calendar writes them: one on the waiting list is marked tentative and says so.
 */
export async function personCalendarEvents(ctx: AppContext, personId: number) {
  const rows = await runSql<
    SummaryRow & { description_html: string; online_url: string | null; rsvp: string }
  >(
    ctx.database,
    sql`SELECT ${summaryColumns}, e.description_html, e.online_url, r.status AS rsvp
          FROM event_rsvps r
          JOIN events e ON e.campaign_id = r.campaign_id AND e.id = r.event_id
         WHERE r.campaign_id = ${ctx.campaignId} AND r.person_id = ${personId}
           AND r.status IN ('going', 'waitlist') AND e.status <> 'unpublished'
           AND e.ends_at > now() - interval '30 days'
         ORDER BY e.starts_at LIMIT 500`,
  );
  const summaries = await toSummaries(rows, null, (ids) => committeeNames(ctx, ids));
  return summaries.map((event, i) => {
    const row = rows[i]!;
    const waiting = row.rsvp === 'waitlist';
    return {
      // The online link is given to those going, as on the event's page.
      event: { ...event, onlineUrl: waiting ? null : row.online_url },
      description: richTextToPlain(row.description_html),
      tentative: waiting,
    };
  });
}

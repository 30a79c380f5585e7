import { sql, type SQL } from 'drizzle-orm';
import { z } from 'zod';
import { PROPAGANDA_EVENT_TYPES } from '../../../contracts/events.ts';
import { listCampaigns } from '../../core/campaigns/service.ts';
import { forCampaign, type AppContext } from '../../core/context.ts';
import { runSql } from '../../core/db/statement.ts';
import { defineJob } from '../../core/jobs/index.ts';
import { addDays, clockMinutes, instantOf, wallClock } from '../../core/local-time.ts';
import { QUEUE_CAMPAIGN_TEMPLATE_MAILS } from '../../core/mail/outbox.ts';
import { registerMailTemplate } from '../../core/mail/registry.ts';
import { registerSubscriptionCheck, subscribedKey } from '../compliance/subscriptions.ts';
import { emailablePeople } from '../people/directory.ts';
import { eventReminderMail, type ReminderKind } from './mails.ts';
import { eventWhen } from './notify.ts';
import { expireEventsOnMap } from './map.ts';
import { cancelToken } from './rsvp.ts';

const COLUMN: Record<ReminderKind, string> = {
  day_before: 'reminded_day_before_at',
  day_of: 'reminded_day_of_at',
  thanks: 'thanked_at',
};

/**
 * Queues each due reminder once, set-based: the rows are marked and their mails inserted in
 * one statement per kind. Public campaigning's reminders are campaign mail (purpose
 * `event_reminder`, the answer as subscription: the gate holds them in the pre-election
 * silence); other events' are transactional (the person asked to come). A walk-in added at
 * the door asked for nothing and agreed to nothing: they get none.
 */
async function queueReminders(ctx: AppContext, kind: ReminderKind, due: SQL): Promise<number> {
  const column = sql.raw(COLUMN[kind]);
  const propaganda = [...PROPAGANDA_EVENT_TYPES];
  const rows = await runSql(
    ctx.database,
    sql`WITH due AS (
          UPDATE event_rsvps r SET ${column} = now()
            FROM events e
           WHERE r.campaign_id = ${ctx.campaignId} AND e.campaign_id = r.campaign_id AND e.id = r.event_id
             AND r.status = 'going' AND r.source <> 'walk_in' AND r.${column} IS NULL
             AND e.status = 'published' AND ${due}
          RETURNING r.person_id, r.event_id, e.type)
        ${sql.raw(QUEUE_CAMPAIGN_TEMPLATE_MAILS)}
        SELECT ${ctx.campaignId}, ${`event_${kind}`}, p.id, p.email, 'event_reminder',
               jsonb_build_object('eventId', due.event_id, 'personId', p.id, 'locale', p.locale, 'kind', ${kind}::text),
               CASE WHEN due.type = ANY(${propaganda}::text[]) THEN 'event_reminder' ELSE 'transactional' END,
               CASE WHEN due.type = ANY(${propaganda}::text[]) THEN 'event:' || due.event_id END
          FROM due JOIN (${emailablePeople(ctx.campaignId, sql`SELECT person_id FROM due`)}) p ON p.id = due.person_id
        RETURNING id`,
  );
  return rows.length;
}

/** The reminders due now in the campaign's time zone: the day before, the day, the thank-you. */
export async function sendDueReminders(ctx: AppContext, now = new Date()) {
  const zone = ctx.config.CAMPAIGN_TIMEZONE;
  const today = wallClock(now, zone);
  const dayStart = (day: string) => instantOf(day, 0, zone).toISOString();
  const queued: Record<ReminderKind, number> = { day_before: 0, day_of: 0, thanks: 0 };
  if (today.minutes >= clockMinutes(ctx.config.EVENT_REMINDER_DAY_BEFORE)) {
    const tomorrow = addDays(today.day, 1);
    queued.day_before = await queueReminders(
      ctx,
      'day_before',
      sql`e.starts_at >= ${dayStart(tomorrow)} AND e.starts_at < ${dayStart(addDays(tomorrow, 1))}`,
    );
  }
  if (today.minutes >= clockMinutes(ctx.config.EVENT_REMINDER_DAY_OF)) {
    queued.day_of = await queueReminders(
      ctx,
      'day_of',
      sql`e.starts_at >= ${now.toISOString()} AND e.starts_at < ${dayStart(addDays(today.day, 1))}`,
    );
  }
  // An hour after the end, for two days (a job that was down catches up, never a week late).
  queued.thanks = await queueReminders(
    ctx,
    'thanks',
    sql`e.ends_at <= ${new Date(now.getTime() - 3_600_000).toISOString()}
        AND e.ends_at > ${new Date(now.getTime() - 2 * 86_400_000).toISOString()}`,
  );
  if (queued.day_before + queued.day_of + queued.thanks > 0) ctx.mailer.nudge();
  return queued;
}

export const eventRemindersJob = defineJob({
  name: 'events.reminders',
  payload: z.object({}),
  schedule: { cron: '*/10 * * * *' },
  async run(ctx) {
    for (const campaign of await listCampaigns(ctx.database)) {
      const queued = await sendDueReminders(forCampaign(ctx, campaign.id));
      const ended = await expireEventsOnMap(ctx.database, campaign.id);
      ctx.log.info({ campaignId: campaign.id, ...queued, ended }, 'event reminders queued');
    }
  },
});

/** The reminders' mail, rendered when sent, and the gate's check that the person still comes. */
export function registerEventMail(ctx: AppContext) {
  registerSubscriptionCheck('event', async (database, campaignId, asked) => {
    const rows = await runSql<{ person_id: number; event_id: number }>(
      database,
      sql`SELECT r.person_id, r.event_id FROM event_rsvps r
            JOIN unnest(${asked.map((a) => a.personId)}::bigint[], ${asked.map((a) => a.id)}::bigint[]) AS q(person_id, event_id)
              ON r.person_id = q.person_id AND r.event_id = q.event_id
           WHERE r.campaign_id = ${campaignId} AND r.status = 'going'`,
    );
    return new Set(rows.map((r) => subscribedKey(Number(r.person_id), Number(r.event_id))));
  });
  registerMailTemplate('event_reminder', async (payload) => {
    const p = payload as {
      eventId: number;
      personId: number;
      locale: 'fr' | 'en';
      kind: ReminderKind;
    };
    const locale = p.locale === 'en' ? 'en' : 'fr';
    const [event] = await runSql<{
      title: string;
      starts_at: Date | string;
      place_label: string | null;
      online_url: string | null;
    }>(
      ctx.database,
      sql`SELECT title, starts_at, place_label, online_url FROM events
           WHERE campaign_id = ${ctx.campaignId} AND id = ${p.eventId}`,
    );
    if (!event) throw new Error(`event ${p.eventId} is gone`);
    return eventReminderMail(
      locale,
      p.kind,
      {
        title: event.title,
        when: eventWhen(ctx, new Date(event.starts_at), locale),
        where: event.place_label ?? event.online_url ?? '',
      },
      `${ctx.config.publicUrl}/events/${p.eventId}`,
      `${ctx.config.publicUrl}/events/rsvp/cancel?token=${cancelToken(ctx, p.eventId, p.personId)}`,
    );
  });
}

import { sql } from 'drizzle-orm';
import type { Locale } from '../../../contracts/common.ts';
import type { AppContext } from '../../core/context.ts';
import { runSql } from '../../core/db/statement.ts';
import { enqueueMail } from '../../core/mail/outbox.ts';
import { contactsOf } from '../people/directory.ts';
import { eventMail, type EventMailKind } from './mails.ts';
import { cancelToken } from './rsvp.ts';

/** When an event takes place, as its reader's language writes it, in the campaign's zone. */
export function eventWhen(ctx: AppContext, startsAt: Date, locale: Locale): string {
  return new Intl.DateTimeFormat(locale === 'en' ? 'en-GB' : 'fr-FR', {
    weekday: 'long',
    day: 'numeric',
    month: 'long',
    hour: '2-digit',
    minute: '2-digit',
    timeZone: ctx.config.CAMPAIGN_TIMEZONE,
  }).format(startsAt);
}

/** Mails people about an event they answered (transactional: they asked to come). */
export async function tellAboutEvent(
  ctx: AppContext,
  eventId: number,
  personIds: readonly number[],
  kind: EventMailKind,
): Promise<void> {
  if (personIds.length === 0) return;
  const [event] = await runSql<{
    title: string;
    starts_at: Date | string;
    place_label: string | null;
    visibility: string;
  }>(
    ctx.database,
    sql`SELECT title, starts_at, place_label, visibility FROM events
         WHERE campaign_id = ${ctx.campaignId} AND id = ${eventId}`,
  );
  if (!event) return;
  const people = await contactsOf(ctx, personIds);
  for (const person of people.values()) {
    if (person.erased || !person.email) continue;
    const mail = eventMail(
      person.locale,
      kind,
      {
        title: event.title,
        when: eventWhen(ctx, new Date(event.starts_at), person.locale),
        where: event.place_label ?? '',
      },
      `${ctx.config.publicUrl}/events/${eventId}`,
      `${ctx.config.publicUrl}/events/rsvp/cancel?token=${cancelToken(ctx, eventId, person.id)}`,
      // The event's file is served to anyone, so only for the events anyone may see.
      event.visibility === 'public'
        ? `${ctx.config.publicUrl}/events/${eventId}/calendar.ics`
        : null,
    );
    await enqueueMail(ctx.database, ctx.campaignId, {
      kind: `event_${kind}`,
      personId: person.id,
      to: person.email,
      ...mail,
    });
  }
  ctx.mailer.nudge();
}

/** Everyone coming or waiting, to tell them of a change or a cancellation. */
export async function answeredBy(ctx: AppContext, eventId: number): Promise<number[]> {
  const rows = await runSql<{ person_id: number }>(
    ctx.database,
    sql`SELECT person_id FROM event_rsvps
         WHERE campaign_id = ${ctx.campaignId} AND event_id = ${eventId} AND status IN ('going', 'waitlist')`,
  );
  return rows.map((row) => Number(row.person_id));
}

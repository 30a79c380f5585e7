import { sql } from 'drizzle-orm';
import type { AppContext } from '../../core/context.ts';
import { runSql } from '../../core/db/statement.ts';
import type { SignupPurposeKind } from '../recruitment/purpose.ts';
import { visitorAnswerLine } from './mails.ts';
import { eventWhen, tellAboutEvent } from './notify.ts';
import { et } from './pages/messages.ts';
import { confirmPendingAnswers } from './rsvp.ts';

async function eventNamed(ctx: AppContext, id: number) {
  const [event] = await runSql<{ title: string; starts_at: Date | string }>(
    ctx.database,
    sql`SELECT title, starts_at FROM events WHERE campaign_id = ${ctx.campaignId} AND id = ${id}`,
  );
  return event;
}

/**
 * A visitor's answer to an event, made with the sign-up: the confirmation mail names the
 * event, and the confirmation takes a place or the waiting list (an event since cancelled or
 * over keeps the answer pending), followed by the event's own mail.
 */
export const eventAnswerPurpose: SignupPurposeKind = {
  kind: 'event',
  async mailLine(ctx, id, locale) {
    const event = await eventNamed(ctx, id);
    if (!event) return null;
    return visitorAnswerLine(locale, {
      title: event.title,
      when: eventWhen(ctx, new Date(event.starts_at), locale),
    });
  },
  async confirmed(ctx, personId, id, locale) {
    const [outcome] = await confirmPendingAnswers(ctx, personId, id);
    const event = await eventNamed(ctx, id);
    if (!outcome || !event) return null;
    if (outcome.status === 'going' || outcome.status === 'waitlist') {
      await tellAboutEvent(ctx, id, [personId], outcome.status);
      return et(locale, `eventPage.confirmed.${outcome.status}`, { title: event.title });
    }
    return et(locale, 'eventPage.confirmed.closed', { title: event.title });
  },
};

import { sql } from 'drizzle-orm';
import type { AppContext } from '../../core/context.ts';
import { runSql } from '../../core/db/statement.ts';
import { QUEUE_CAMPAIGN_TEMPLATE_MAILS } from '../../core/mail/outbox.ts';
import { registerMailTemplate } from '../../core/mail/registry.ts';
import { assertMayPost } from '../moderation/sanctions.ts';
import { emailablePeople } from '../people/directory.ts';
import { organiserMessageMail } from './mails.ts';
import { cancelToken } from './rsvp.ts';

/**
 * Queues an organiser's message to those coming (and, if asked, waiting) in one set-based
 * statement. Campaign mail tied to the answer (`event:ID`): the gate holds it in the
 * pre-election silence and drops it for whoever withdrew before it left.
 */
export async function messageAttendees(
  ctx: AppContext,
  eventId: number,
  authorId: number,
  message: { subject: string; text: string; waitlistToo: boolean },
): Promise<{ recipients: number }> {
  await assertMayPost(ctx, authorId);
  const statuses = message.waitlistToo ? ['going', 'waitlist'] : ['going'];
  const answered = sql`SELECT person_id FROM event_rsvps
                        WHERE campaign_id = ${ctx.campaignId} AND event_id = ${eventId}
                          AND status = ANY(${statuses}::text[])`;
  const queued = await runSql(
    ctx.database,
    sql`${sql.raw(QUEUE_CAMPAIGN_TEMPLATE_MAILS)}
        SELECT ${ctx.campaignId}, 'event_message', p.id, p.email, 'event_message',
               jsonb_build_object('eventId', ${eventId}::bigint, 'personId', p.id, 'locale', p.locale,
                                  'subject', ${message.subject}::text, 'text', ${message.text}::text),
               'event_reminder', ${`event:${eventId}`}
          FROM (${emailablePeople(ctx.campaignId, answered)}) p
        RETURNING id`,
  );
  ctx.mailer.nudge();
  return { recipients: queued.length };
}

export function registerEventMessageMail(ctx: AppContext) {
  registerMailTemplate('event_message', async (payload) => {
    const p = payload as {
      eventId: number;
      personId: number;
      locale: 'fr' | 'en';
      subject: string;
      text: string;
    };
    const [event] = await runSql<{ title: string }>(
      ctx.database,
      sql`SELECT title FROM events WHERE campaign_id = ${ctx.campaignId} AND id = ${p.eventId}`,
    );
    if (!event) throw new Error(`event ${p.eventId} is gone`);
    return organiserMessageMail(
      p.locale === 'en' ? 'en' : 'fr',
      { title: event.title, subject: p.subject, text: p.text },
      `${ctx.config.publicUrl}/events/${p.eventId}`,
      `${ctx.config.publicUrl}/events/rsvp/cancel?token=${cancelToken(ctx, p.eventId, p.personId)}`,
    );
  });
}

import { sql } from 'drizzle-orm';
import type { PeopleFilter } from '../../../contracts/people.ts';
import type { AppContext } from '../../core/context.ts';
import { QUEUE_MESSAGE_MAILS } from '../../core/mail/message-mails.ts';
import { releaseDueSends, releaseJob, startScheduledSend } from '../audiences/scheduled-send.ts';
import { snapshotPeople } from '../audiences/service.ts';
import { emailablePeople } from '../people/directory.ts';
import { finishSent, newsletterRow, newsletterSend } from './service.ts';
import { decideDueSubjectTests } from './ab/decide.ts';
import { queueSample } from './ab/queue.ts';
import { subjectTestRow } from './ab/settings.ts';

/**
 * Starts a due newsletter's send (`startScheduledSend`: row locked, audience frozen, the
 * newsletter marked sending, in one transaction): one outbox row per member with an address
 * and the consent to email, the bodies rendered when each is sent. With a subject test, only
 * its sample is queued and the newsletter is `testing` until the winner goes to the rest
 * (`ab/`).
 */
async function startSend(ctx: AppContext, id: number): Promise<number | null> {
  const row = await newsletterRow(ctx.database.query, ctx.campaignId, id);
  const segmentId = row.segment_id === null ? null : Number(row.segment_id);
  const filter: PeopleFilter = segmentId === null ? { consentEmail: 'yes' } : { segmentId };
  const queued = await startScheduledSend(
    ctx,
    newsletterSend,
    id,
    { filter, segmentId },
    async (query, snapshotId) => {
      const recipients = emailablePeople(
        ctx.campaignId,
        snapshotPeople(ctx.campaignId, snapshotId),
        {
          agreedToEmail: true,
        },
      );
      // Read under the newsletter's lock: what was saved last before the start decides.
      const test = await subjectTestRow(query, ctx.campaignId, id);
      if (test) {
        const queued = await queueSample(query, ctx.campaignId, id, recipients, test);
        return { queued, status: 'testing' };
      }
      const [mails] = await query<{ n: number }>(
        sql`WITH queued AS (
              ${sql.raw(QUEUE_MESSAGE_MAILS)}
              SELECT ${ctx.campaignId}, 'newsletter', p.id, p.email, 'newsletter',
                     jsonb_build_object('newsletterId', ${id}::bigint, 'personId', p.id, 'locale', p.locale),
                     'newsletter', ${id}
                FROM (${recipients}) p
              RETURNING 1)
            SELECT count(*)::int AS n FROM queued`,
      );
      return mails!.n;
    },
  );
  if (queued !== null) ctx.mailer.nudge();
  return queued;
}

/**
 * Starts the sends that are due, closes those whose mails are all done, and decides the
 * subject tests whose wait is over (their rest queued).
 */
export const releaseDueNewsletters = (ctx: AppContext): Promise<number> =>
  releaseDueSends(
    ctx,
    newsletterSend,
    (id) => startSend(ctx, id),
    async () => {
      await finishSent(ctx);
      await decideDueSubjectTests(ctx);
    },
  );

/**
 * Every minute (and at once after "send now"): due newsletters start, finished ones close,
 * subject tests whose wait is over are decided.
 */
export const newslettersReleaseJob = releaseJob('newsletters.release', releaseDueNewsletters);

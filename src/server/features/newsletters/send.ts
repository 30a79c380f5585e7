import { sql } from 'drizzle-orm';
import { z } from 'zod';
import type { PeopleFilter } from '../../../contracts/people.ts';
import { listCampaigns } from '../../core/campaigns/service.ts';
import { forCampaign, type AppContext } from '../../core/context.ts';
import { defineJob } from '../../core/jobs/index.ts';
import { QUEUE_MESSAGE_MAILS } from '../../core/mail/message-mails.ts';
import { freezeAudience, snapshotPeople } from '../audiences/service.ts';
import { emailablePeople } from '../people/directory.ts';
import { matchingIdsQuery } from '../people/queries.ts';
import { segmentFilter } from '../people/segments.ts';
import { finishSent, newsletterRow } from './service.ts';

/** The newsletters released per campaign and round (the next round takes the rest). */
const RELEASED_PER_ROUND = 10;

/**
 * Starts a due newsletter's send in one transaction of set-based statements: its audience
 * frozen (the segment's people, or everyone who agreed to email, copied into an audience
 * snapshot), one outbox row per member with an address and the consent to email (the bodies
 * rendered when each is sent), the newsletter marked sending. Its row is locked first, so a
 * newsletter is released once whatever the processes; one canceled or moved meanwhile is left.
 */
async function startSend(ctx: AppContext, id: number): Promise<number | null> {
  const row = await newsletterRow(ctx.database.query, ctx.campaignId, id);
  const filter: PeopleFilter =
    row.segment_id === null ? { consentEmail: 'yes' } : { segmentId: Number(row.segment_id) };
  // Read on the database before the transaction (the segment's filter): see architecture.md.
  const segment = row.segment_id === null ? null : await segmentFilter(ctx, Number(row.segment_id));
  const matching = await matchingIdsQuery(ctx, filter);
  const queued = await ctx.database.transaction(async (query) => {
    const [current] = await query<{ status: string; due: boolean; scheduled_by: number | null }>(
      sql`SELECT status, scheduled_at <= now() AS due, scheduled_by FROM newsletters
           WHERE campaign_id = ${ctx.campaignId} AND id = ${id} FOR UPDATE`,
    );
    if (current?.status !== 'scheduled' || !current.due) return null;
    const snapshot = await freezeAudience(query, ctx.campaignId, {
      filter,
      segment,
      matching,
      createdBy: current.scheduled_by,
    });
    const recipients = emailablePeople(
      ctx.campaignId,
      snapshotPeople(ctx.campaignId, snapshot.id),
      {
        agreedToEmail: true,
      },
    );
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
    await query(
      sql`UPDATE newsletters SET status = 'sending', started_at = now(), audience_snapshot_id = ${snapshot.id},
                 recipients = ${mails!.n}, updated_at = now()
           WHERE campaign_id = ${ctx.campaignId} AND id = ${id}`,
    );
    return mails!.n;
  });
  if (queued !== null) ctx.mailer.nudge();
  return queued;
}

/** Starts the sends that are due, and closes those whose mails are all done. */
export async function releaseDueNewsletters(ctx: AppContext): Promise<number> {
  const due = await ctx.database.query<{ id: number }>(
    sql`SELECT id FROM newsletters
         WHERE campaign_id = ${ctx.campaignId} AND status = 'scheduled' AND scheduled_at <= now()
         ORDER BY scheduled_at, id LIMIT ${RELEASED_PER_ROUND}`,
  );
  let started = 0;
  for (const { id } of due) {
    if ((await startSend(ctx, Number(id))) !== null) started++;
  }
  await finishSent(ctx);
  return started;
}

/** Every minute (and at once after "send now"): due newsletters start, finished ones close. */
export const newslettersReleaseJob = defineJob({
  name: 'newsletters.release',
  payload: z.object({}),
  schedule: { cron: '* * * * *' },
  retry: { limit: 0, delaySeconds: 0 },
  async run(ctx) {
    for (const campaign of await listCampaigns(ctx.database)) {
      const started = await releaseDueNewsletters(forCampaign(ctx, campaign.id));
      if (started > 0) ctx.log.info({ campaignId: campaign.id, started }, 'newsletters started');
    }
  },
});

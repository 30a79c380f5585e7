import { sql } from 'drizzle-orm';
import type { AppContext } from '../../core/context.ts';
import { releaseDueSends, releaseJob, startScheduledSend } from '../audiences/scheduled-send.ts';
import { snapshotPeople } from '../audiences/service.ts';
import { smsSender } from './channel.ts';
import { finishSent, smsAudienceFilter, smsCampaignRow, smsSend } from './service.ts';

/**
 * Starts a due campaign's send (`startScheduledSend`: row locked, audience frozen, the
 * campaign marked sending, in one transaction): one outbox row per member holding only ids
 * (the number and the body are read when each text is sent, after the gate).
 */
async function startSend(ctx: AppContext, id: number): Promise<number | null> {
  const row = await smsCampaignRow(ctx.database.query, ctx.campaignId, id);
  const segmentId = row.segment_id === null ? null : Number(row.segment_id);
  const queued = await startScheduledSend(
    ctx,
    smsSend,
    id,
    { filter: smsAudienceFilter(segmentId), segmentId },
    async (query, snapshotId) => {
      const [texts] = await query<{ n: number }>(
        sql`WITH queued AS (
              INSERT INTO sms_outbox (campaign_id, kind, person_id, sms_campaign_id, purpose)
              SELECT ${ctx.campaignId}, 'campaign', m.person_id, ${id}, 'newsletter'
                FROM (${snapshotPeople(ctx.campaignId, snapshotId)}) m
              RETURNING 1)
            SELECT count(*)::int AS n FROM queued`,
      );
      return texts!.n;
    },
  );
  if (queued !== null) smsSender(ctx).nudge();
  return queued;
}

/** Starts the sends that are due, and closes those whose texts are all done. */
export const releaseDueSms = (ctx: AppContext): Promise<number> =>
  releaseDueSends(
    ctx,
    smsSend,
    (id) => startSend(ctx, id),
    () => finishSent(ctx),
  );

/** Every minute (and at once after "send now"): due campaigns start, finished ones close. */
export const smsReleaseJob = releaseJob('sms.release', releaseDueSms);

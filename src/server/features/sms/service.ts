import { sql } from 'drizzle-orm';
import type { PeopleFilter } from '../../../contracts/people.ts';
import type {
  SmsCampaign,
  SmsCampaignInput,
  SmsCampaignStatus,
  SmsCounts,
  SmsReach,
} from '../../../contracts/sms.ts';
import { smsCost, smsEstimate, withStopMention } from '../../../contracts/sms-text.ts';
import { audit } from '../../core/audit.ts';
import type { AppContext } from '../../core/context.ts';
import type { Query } from '../../core/db/index.ts';
import { rowById } from '../../core/db/row-by-id.ts';
import {
  cancelSend,
  EDITABLE_STATUSES,
  scheduleSend,
  type ScheduledSend,
} from '../audiences/scheduled-send.ts';
import { conflict } from '../../core/http/errors.ts';
import { profilesOf } from '../people/directory.ts';
import { countPeople, resolveFilter } from '../people/queries.ts';
import { segmentFilter } from '../people/segments.ts';
import { mobileNumber, smsSender } from './channel.ts';

export interface SmsCampaignRow {
  id: number;
  name: string;
  sender: string;
  body: string;
  segment_id: number | null;
  status: SmsCampaignStatus;
  scheduled_at: Date | null;
  scheduled_by: number | null;
  started_at: Date | null;
  finished_at: Date | null;
  audience_snapshot_id: number | null;
  recipients: number;
  created_at: Date;
  updated_at: Date;
}

const iso = (value: Date | null) => (value ? new Date(value).toISOString() : null);

export const smsCampaignRow = (query: Query, campaignId: number, id: number, lock = false) =>
  rowById<SmsCampaignRow>(query, 'sms_campaigns', 'sms_campaign', campaignId, id, lock);

/** Who a campaign texts: the segment's people (or everyone) who agreed to SMS now. */
export const smsAudienceFilter = (segmentId: number | null): PeopleFilter =>
  segmentId === null ? { consentSms: 'yes' } : { segmentId, consentSms: 'yes' };

const emptyCounts = (recipients: number): SmsCounts => ({
  recipients,
  pending: 0,
  sent: 0,
  delivered: 0,
  suppressed: 0,
  failed: 0,
  stops: 0,
});

/** The outbox's statuses and delivery reports of campaigns' texts, and their STOP answers. */
async function countsOf(query: Query, campaignId: number, rows: readonly SmsCampaignRow[]) {
  const ids = rows.map((row) => Number(row.id));
  const [byStatus, stops] = await Promise.all([
    query<{ id: number; status: string; delivery: string | null; n: number }>(
      sql`SELECT sms_campaign_id AS id, status, delivery_status AS delivery, count(*)::int AS n
            FROM sms_outbox
           WHERE campaign_id = ${campaignId} AND sms_campaign_id = ANY(${ids}::bigint[]) AND kind = 'campaign'
           GROUP BY sms_campaign_id, status, delivery_status`,
    ),
    query<{ id: number; n: number }>(
      sql`SELECT sms_campaign_id AS id, count(*)::int AS n FROM sms_inbound
           WHERE campaign_id = ${campaignId} AND sms_campaign_id = ANY(${ids}::bigint[]) AND keyword = 'stop'
           GROUP BY sms_campaign_id`,
    ),
  ]);
  const counts = new Map(rows.map((row) => [Number(row.id), emptyCounts(row.recipients)]));
  for (const row of byStatus) {
    const c = counts.get(Number(row.id))!;
    const lost = row.delivery === 'failed' || row.delivery === 'undelivered';
    if (row.status === 'sent') {
      c.sent += row.n;
      if (row.delivery === 'delivered') c.delivered += row.n;
      if (lost) c.failed += row.n;
    } else if (row.status === 'failed' || row.delivery === 'unknown') c.failed += row.n;
    else if (row.status === 'suppressed') c.suppressed += row.n;
    else c.pending += row.n;
  }
  for (const row of stops) counts.get(Number(row.id))!.stops = row.n;
  return counts;
}

function toSmsCampaign(ctx: AppContext, row: SmsCampaignRow, counts: SmsCounts): SmsCampaign {
  const estimate = smsEstimate(row.body, ctx.config.SMS_STOP_NUMBER);
  return {
    id: Number(row.id),
    name: row.name,
    sender: row.sender,
    body: row.body,
    segmentId: row.segment_id === null ? null : Number(row.segment_id),
    status: row.status,
    text: withStopMention(row.body, ctx.config.SMS_STOP_NUMBER),
    encoding: estimate.encoding,
    segments: estimate.segments,
    scheduledAt: iso(row.scheduled_at),
    startedAt: iso(row.started_at),
    finishedAt: iso(row.finished_at),
    counts,
    createdAt: iso(row.created_at)!,
    updatedAt: iso(row.updated_at)!,
  };
}

/** Sending campaigns none of whose texts waits any more are sent. */
export async function finishSent(ctx: AppContext): Promise<void> {
  await ctx.database.query(
    sql`UPDATE sms_campaigns c SET status = 'sent', finished_at = now(), updated_at = now()
         WHERE c.campaign_id = ${ctx.campaignId} AND c.status = 'sending'
           AND NOT EXISTS (SELECT 1 FROM sms_outbox o
                            WHERE o.campaign_id = c.campaign_id AND o.sms_campaign_id = c.id
                              AND o.kind = 'campaign' AND o.status IN ('pending', 'sending'))`,
  );
}

async function shown(ctx: AppContext, rows: readonly SmsCampaignRow[]): Promise<SmsCampaign[]> {
  if (rows.some((row) => row.status === 'sending')) await finishSent(ctx);
  const ids = rows.map((row) => Number(row.id));
  const fresh = rows.some((row) => row.status === 'sending')
    ? await ctx.database.query<SmsCampaignRow>(
        sql`SELECT * FROM sms_campaigns WHERE campaign_id = ${ctx.campaignId} AND id = ANY(${ids}::bigint[])`,
      )
    : rows;
  const byId = new Map(fresh.map((row) => [Number(row.id), row]));
  const ordered = ids.flatMap((id) => byId.get(id) ?? []);
  const counts = await countsOf(ctx.database.query, ctx.campaignId, ordered);
  return ordered.map((row) => toSmsCampaign(ctx, row, counts.get(Number(row.id))!));
}

export async function listSmsCampaigns(ctx: AppContext): Promise<SmsCampaign[]> {
  const rows = await ctx.database.query<SmsCampaignRow>(
    sql`SELECT * FROM sms_campaigns WHERE campaign_id = ${ctx.campaignId}
         ORDER BY created_at DESC, id DESC LIMIT 200`,
  );
  return shown(ctx, rows);
}

export async function getSmsCampaign(ctx: AppContext, id: number): Promise<SmsCampaign> {
  const row = await smsCampaignRow(ctx.database.query, ctx.campaignId, id);
  return (await shown(ctx, [row]))[0]!;
}

export async function createSmsCampaign(
  ctx: AppContext,
  input: Required<SmsCampaignInput>,
  actorId: number,
): Promise<SmsCampaign> {
  if (input.segmentId !== null) await segmentFilter(ctx, input.segmentId);
  const [row] = await ctx.database.query<SmsCampaignRow>(
    sql`INSERT INTO sms_campaigns (campaign_id, name, sender, body, segment_id, created_by)
        VALUES (${ctx.campaignId}, ${input.name}, ${input.sender}, ${input.body}, ${input.segmentId}, ${actorId})
        RETURNING *`,
  );
  await audit(ctx.database, {
    campaignId: ctx.campaignId,
    actorId,
    action: 'sms.create',
    target: `sms:${row!.id}`,
    details: { name: input.name },
  });
  return (await shown(ctx, [row!]))[0]!;
}

export async function updateSmsCampaign(
  ctx: AppContext,
  id: number,
  input: Required<SmsCampaignInput>,
  actorId: number,
): Promise<SmsCampaign> {
  if (input.segmentId !== null) await segmentFilter(ctx, input.segmentId);
  const row = await ctx.database.transaction(async (query) => {
    const current = await smsCampaignRow(query, ctx.campaignId, id, true);
    if (!EDITABLE_STATUSES.includes(current.status)) {
      throw conflict(
        'sms_not_editable',
        'Only a draft or a text campaign still scheduled can be changed.',
      );
    }
    const [updated] = await query<SmsCampaignRow>(
      sql`UPDATE sms_campaigns SET name = ${input.name}, sender = ${input.sender}, body = ${input.body},
                 segment_id = ${input.segmentId}, updated_at = now()
           WHERE campaign_id = ${ctx.campaignId} AND id = ${id} RETURNING *`,
    );
    return updated!;
  });
  await audit(ctx.database, {
    campaignId: ctx.campaignId,
    actorId,
    action: 'sms.update',
    target: `sms:${id}`,
  });
  return (await shown(ctx, [row]))[0]!;
}

export async function deleteSmsCampaign(ctx: AppContext, id: number, actorId: number) {
  await ctx.database.transaction(async (query) => {
    const current = await smsCampaignRow(query, ctx.campaignId, id, true);
    if (current.status !== 'draft') {
      throw conflict('sms_not_draft', 'Only a draft can be deleted.');
    }
    await query(
      sql`DELETE FROM sms_campaigns WHERE campaign_id = ${ctx.campaignId} AND id = ${id}`,
    );
  });
  await audit(ctx.database, {
    campaignId: ctx.campaignId,
    actorId,
    action: 'sms.delete',
    target: `sms:${id}`,
  });
}

/** Before sending: who the segment's text reaches now, its encoding, segments and cost. */
export async function smsReach(
  ctx: AppContext,
  input: { body: string; segmentId: number | null },
): Promise<SmsReach> {
  const where = await resolveFilter(ctx, smsAudienceFilter(input.segmentId));
  const count = await countPeople(ctx, where);
  const estimate = smsEstimate(input.body, ctx.config.SMS_STOP_NUMBER);
  const price = ctx.config.SMS_PRICE_PER_SEGMENT;
  return {
    recipients: count.total,
    estimate: count.estimate,
    text: withStopMention(input.body, ctx.config.SMS_STOP_NUMBER),
    encoding: estimate.encoding,
    segments: estimate.segments,
    cost: smsCost(estimate.segments, count.total, price),
    pricePerSegment: price,
    stopNumber: ctx.config.SMS_STOP_NUMBER,
  };
}

/**
 * A test to the staff member's own mobile, queued as transactional (they asked for it): the
 * same text as the real ones, their own values filled in, marked as a test.
 */
export async function sendTestSms(
  ctx: AppContext,
  id: number,
  personId: number,
): Promise<{ to: string }> {
  await smsCampaignRow(ctx.database.query, ctx.campaignId, id);
  const me = (await profilesOf(ctx, [personId])).get(personId);
  const to = me && !me.erased ? mobileNumber(me.phone) : null;
  if (!to) throw conflict('no_mobile', 'Your profile has no mobile number.');
  await ctx.database.query(
    sql`INSERT INTO sms_outbox (campaign_id, kind, person_id, sms_campaign_id, to_number, purpose)
        VALUES (${ctx.campaignId}, 'test', ${personId}, ${id}, ${to}, 'transactional')`,
  );
  smsSender(ctx).nudge();
  await audit(ctx.database, {
    campaignId: ctx.campaignId,
    actorId: personId,
    action: 'sms.test',
    target: `sms:${id}`,
  });
  return { to };
}

/** What staff schedule and stop, and how a canceled one's texts stop. */
export const smsSend: ScheduledSend = {
  table: 'sms_campaigns',
  entity: 'sms_campaign',
  auditName: 'sms',
  notEditable: {
    code: 'sms_not_editable',
    message: 'This text campaign is already sending, sent or canceled.',
  },
  notCancelable: {
    code: 'sms_not_cancelable',
    message: 'This text campaign is already sent or canceled.',
  },
  async suppressWaiting(query, campaignId, id) {
    await query(
      sql`UPDATE sms_outbox SET status = 'suppressed', last_error = 'not sent: campaign canceled'
           WHERE campaign_id = ${campaignId} AND sms_campaign_id = ${id} AND kind = 'campaign'
             AND status = 'pending'`,
    );
  },
};

/** Schedules a draft (or moves a scheduled one): at a moment to come, or now. */
export const scheduleSmsCampaign = (
  ctx: AppContext,
  id: number,
  at: string | null,
  actorId: number,
) => scheduleSend(ctx, smsSend, id, at, actorId);

/**
 * Stops a campaign: a scheduled one goes back to draft; a sending one is canceled and its
 * texts not claimed yet are suppressed in one statement.
 */
export const cancelSmsCampaign = (ctx: AppContext, id: number, actorId: number) =>
  cancelSend(ctx, smsSend, id, actorId);

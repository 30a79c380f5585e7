import { sql } from 'drizzle-orm';
import { z } from 'zod';
import type { PeopleFilter } from '../../../contracts/people.ts';
import { audit } from '../../core/audit.ts';
import { listCampaigns } from '../../core/campaigns/service.ts';
import { forCampaign, type AppContext } from '../../core/context.ts';
import type { Query } from '../../core/db/index.ts';
import { rowById } from '../../core/db/row-by-id.ts';
import { AppError, conflict } from '../../core/http/errors.ts';
import { defineJob } from '../../core/jobs/index.ts';
import { matchingIdsQuery } from '../people/queries.ts';
import { segmentFilter } from '../people/segments.ts';
import { freezeAudience } from './service.ts';

/**
 * A send to an audience that staff schedule, start and stop (a newsletter, a text campaign):
 * a table with `status` (draft, scheduled, sending, sent, canceled), `scheduled_at`,
 * `scheduled_by`, `started_at`, `finished_at`, `audience_snapshot_id`, `recipients` and
 * `updated_at`, and what its feature names it by.
 */
export interface ScheduledSend {
  table: string;
  /** Its name in a 404 (`rowById`) and in the audit log's action and target (`newsletter:12`). */
  entity: string;
  auditName: string;
  notEditable: { code: string; message: string };
  notCancelable: { code: string; message: string };
  /**
   * The states of a send under way, which cancel stops (default: `sending`; a newsletter's
   * subject test adds `testing`, its sample going out before the rest).
   */
  underWay?: readonly string[];
  /** Stops the items of a sending one not claimed yet, in the cancel's transaction. */
  suppressWaiting(query: Query, campaignId: number, id: number): Promise<void>;
}

/**
 * What a send's `queue` returns: how many items it queued, or that and the state the send then
 * enters when it is not `sending` (a newsletter's subject test: `testing`).
 */
export type Queued = number | { queued: number; status: string };

/** A send can still be edited (or scheduled again) in these states. */
export const EDITABLE_STATUSES: readonly string[] = ['draft', 'scheduled'];

const lockedRow = (send: ScheduledSend, query: Query, campaignId: number, id: number) =>
  rowById<{ status: string }>(query, send.table, send.entity, campaignId, id, true);

/** Schedules a draft (or moves a scheduled one): at a moment to come, or now. */
export async function scheduleSend(
  ctx: AppContext,
  send: ScheduledSend,
  id: number,
  at: string | null,
  actorId: number,
): Promise<void> {
  const moment = at === null ? new Date() : new Date(at);
  if (at !== null && moment.getTime() <= Date.now()) {
    throw new AppError(422, 'in_the_past', 'This moment has passed: choose one to come.');
  }
  await ctx.database.transaction(async (query) => {
    const current = await lockedRow(send, query, ctx.campaignId, id);
    if (!EDITABLE_STATUSES.includes(current.status)) {
      throw conflict(send.notEditable.code, send.notEditable.message);
    }
    await query(
      sql`UPDATE ${sql.identifier(send.table)} SET status = 'scheduled', scheduled_at = ${moment.toISOString()},
                 scheduled_by = ${actorId}, updated_at = now()
           WHERE campaign_id = ${ctx.campaignId} AND id = ${id}`,
    );
  });
  await audit(ctx.database, {
    campaignId: ctx.campaignId,
    actorId,
    action: `${send.auditName}.schedule`,
    target: `${send.auditName}:${id}`,
    details: { at: at ?? 'now' },
  });
}

/**
 * Stops a send: a scheduled one goes back to draft; a sending one is canceled and its items
 * not claimed yet are suppressed in one statement (those being sent at that moment go).
 */
export async function cancelSend(
  ctx: AppContext,
  send: ScheduledSend,
  id: number,
  actorId: number,
): Promise<void> {
  await ctx.database.transaction(async (query) => {
    const current = await lockedRow(send, query, ctx.campaignId, id);
    const table = sql.identifier(send.table);
    if (current.status === 'scheduled') {
      await query(
        sql`UPDATE ${table} SET status = 'draft', scheduled_at = NULL, scheduled_by = NULL, updated_at = now()
             WHERE campaign_id = ${ctx.campaignId} AND id = ${id}`,
      );
      return;
    }
    if (!(send.underWay ?? ['sending']).includes(current.status)) {
      throw conflict(send.notCancelable.code, send.notCancelable.message);
    }
    await send.suppressWaiting(query, ctx.campaignId, id);
    await query(
      sql`UPDATE ${table} SET status = 'canceled', finished_at = now(), updated_at = now()
           WHERE campaign_id = ${ctx.campaignId} AND id = ${id}`,
    );
  });
  await audit(ctx.database, {
    campaignId: ctx.campaignId,
    actorId,
    action: `${send.auditName}.cancel`,
    target: `${send.auditName}:${id}`,
  });
}

/** The sends released per campaign and round (the next round takes the rest). */
const RELEASED_PER_ROUND = 10;

/**
 * Starts a due send in one transaction of set-based statements: its row locked first (so it
 * is released once whatever the processes; one canceled or moved meanwhile is left), its
 * audience frozen into a snapshot, its items queued by `queue` from the snapshot (which says
 * how many), the send marked sending (or the state `queue` says). The segment is read before the transaction (PGlite has
 * one connection: see architecture.md). Null when it was not due.
 */
export async function startScheduledSend(
  ctx: AppContext,
  send: ScheduledSend,
  id: number,
  audience: { filter: PeopleFilter; segmentId: number | null },
  queue: (query: Query, snapshotId: number) => Promise<Queued>,
): Promise<number | null> {
  const segment = audience.segmentId === null ? null : await segmentFilter(ctx, audience.segmentId);
  const matching = await matchingIdsQuery(ctx, audience.filter);
  const table = sql.identifier(send.table);
  return ctx.database.transaction(async (query) => {
    const [current] = await query<{ status: string; due: boolean; scheduled_by: number | null }>(
      sql`SELECT status, scheduled_at <= now() AS due, scheduled_by FROM ${table}
           WHERE campaign_id = ${ctx.campaignId} AND id = ${id} FOR UPDATE`,
    );
    if (current?.status !== 'scheduled' || !current.due) return null;
    const snapshot = await freezeAudience(query, ctx.campaignId, {
      filter: audience.filter,
      segment,
      matching,
      createdBy: current.scheduled_by,
    });
    const result = await queue(query, snapshot.id);
    const { queued, status } =
      typeof result === 'number' ? { queued: result, status: 'sending' } : result;
    await query(
      sql`UPDATE ${table} SET status = ${status}, started_at = now(), audience_snapshot_id = ${snapshot.id},
                 recipients = ${queued}, updated_at = now()
           WHERE campaign_id = ${ctx.campaignId} AND id = ${id}`,
    );
    return queued;
  });
}

/** Starts the sends that are due (`start` each), then closes those all done (`finish`). */
export async function releaseDueSends(
  ctx: AppContext,
  send: ScheduledSend,
  start: (id: number) => Promise<number | null>,
  finish: () => Promise<void>,
): Promise<number> {
  const due = await ctx.database.query<{ id: number }>(
    sql`SELECT id FROM ${sql.identifier(send.table)}
         WHERE campaign_id = ${ctx.campaignId} AND status = 'scheduled' AND scheduled_at <= now()
         ORDER BY scheduled_at, id LIMIT ${RELEASED_PER_ROUND}`,
  );
  let started = 0;
  for (const { id } of due) {
    if ((await start(Number(id))) !== null) started++;
  }
  await finish();
  return started;
}

/** The job run every minute (and at once after "send now") releasing a kind of send in every campaign. */
export const releaseJob = (name: string, release: (ctx: AppContext) => Promise<number>) =>
  defineJob({
    name,
    payload: z.object({}),
    schedule: { cron: '* * * * *' },
    retry: { limit: 0, delaySeconds: 0 },
    async run(ctx) {
      for (const campaign of await listCampaigns(ctx.database)) {
        const started = await release(forCampaign(ctx, campaign.id));
        if (started > 0)
          ctx.log.info({ campaignId: campaign.id, started, job: name }, 'sends started');
      }
    },
  });

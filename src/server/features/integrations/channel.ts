import { sql } from 'drizzle-orm';
import type { AppContext } from '../../core/context.ts';
import type { Database } from '../../core/db/index.ts';
import { runSql } from '../../core/db/statement.ts';
import {
  createDispatcher,
  createDispatchLoop,
  type ChannelDefinition,
  type DispatchLoop,
  type OutboxItem,
  type SendDecision,
} from '../../core/dispatch/index.ts';
import { perCampaign } from '../../core/db/per-campaign.ts';
import { signatureHeader } from './signature.ts';

/** A claimed delivery. */
export interface OutboxDelivery extends OutboxItem {
  endpointId: number;
  eventId: string;
  payload: unknown;
}

const POLL_MS = 1000;
/** An endpoint that has not answered within this long has failed this try. */
const TIMEOUT_MS = 10_000;
/** Tries before a delivery is failed for good: about a day and a half of backoff. */
export const MAX_ATTEMPTS = 10;

/** 30 s, 1 min, 2 min… doubling up to 6 hours between tries. */
export const retryDelaySeconds = (attempts: number) =>
  Math.min(6 * 3600, 30 * 2 ** Math.max(0, attempts - 1));

interface EndpointRow {
  id: number;
  url: string;
  secret: string;
}

function webhookChannel(ctx: AppContext): ChannelDefinition<OutboxDelivery> {
  const { campaignId } = ctx;
  const endpoints = new Map<number, EndpointRow>();
  return {
    name: 'webhook',
    table: 'webhook_deliveries',
    columns: 'endpoint_id AS "endpointId", event_id AS "eventId", payload',
    // Endpoints of the batch, read once: one disabled or removed since gets nothing more.
    async screen(database: Database, _campaign: number, items: OutboxDelivery[]) {
      endpoints.clear();
      const ids = [...new Set(items.map((item) => Number(item.endpointId)))];
      const rows = await runSql<EndpointRow>(
        database,
        sql`SELECT id, url, secret FROM webhook_endpoints
             WHERE campaign_id = ${campaignId} AND id = ANY(${ids}::bigint[])
               AND enabled AND deleted_at IS NULL`,
      );
      for (const row of rows) endpoints.set(Number(row.id), row);
      const decisions = new Map<number, SendDecision>();
      for (const item of items) {
        if (!endpoints.has(Number(item.endpointId)))
          decisions.set(Number(item.id), { suppress: 'endpoint disabled or removed' });
      }
      return decisions;
    },
    async send(item) {
      const endpoint = endpoints.get(Number(item.endpointId));
      if (!endpoint) throw new Error('endpoint disabled or removed');
      const body = JSON.stringify(item.payload);
      const now = Math.floor(Date.now() / 1000);
      let status: number | null = null;
      try {
        const response = await fetch(endpoint.url, {
          method: 'POST',
          redirect: 'manual',
          signal: AbortSignal.timeout(TIMEOUT_MS),
          headers: {
            'content-type': 'application/json',
            'user-agent': 'Levier-Webhooks/1',
            'levier-signature': signatureHeader(endpoint.secret, body, now),
            'levier-event': item.eventId,
            'levier-delivery': String(item.id),
          },
          body,
        });
        status = response.status;
        await response.body?.cancel();
        if (status < 200 || status >= 300) throw new Error(`The endpoint answered HTTP ${status}.`);
      } finally {
        await runSql(
          ctx.database,
          sql`UPDATE webhook_deliveries SET last_status = ${status}
               WHERE campaign_id = ${campaignId} AND id = ${item.id}`,
        );
      }
    },
    concurrency: 4,
    batchSize: 50,
    maxAttempts: MAX_ATTEMPTS,
    staleClaimSeconds: 120,
    retryDelaySeconds,
  };
}

const loops = perCampaign<DispatchLoop>();

/** This campaign's webhook sender in this process: `start` in workers, `drain` in tests. */
export function webhookSender(ctx: AppContext): DispatchLoop {
  return (
    loops.get(ctx.database, ctx.campaignId) ??
    loops.set(
      ctx.database,
      ctx.campaignId,
      createDispatchLoop(
        createDispatcher(ctx.database, ctx.campaignId, webhookChannel(ctx), ctx.log),
        ctx.campaignId,
        ctx.log,
        POLL_MS,
      ),
    )
  );
}

/** Workers send webhooks: the loop polls until the process stops. */
export function startWebhookWorker(ctx: AppContext): () => Promise<void> {
  const loop = webhookSender(ctx);
  loop.start();
  return () => loop.stop();
}

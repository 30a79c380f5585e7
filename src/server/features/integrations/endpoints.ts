import { sql } from 'drizzle-orm';
import type { z } from 'zod';
import {
  webhookEventPermission,
  type deliveriesQuerySchema,
  type WebhookDelivery,
  type WebhookEndpoint,
  type WebhookEvent,
  type webhookInputSchema,
} from '../../../contracts/integrations.ts';
import { audit } from '../../core/audit.ts';
import type { AppContext } from '../../core/context.ts';
import { randomToken } from '../../core/crypto.ts';
import { runSql } from '../../core/db/statement.ts';
import { AppError, badRequest, notFound } from '../../core/http/errors.ts';
import type { Maker } from './tokens.ts';

type WebhookInput = z.output<typeof webhookInputSchema>;

interface EndpointRow {
  id: number;
  url: string;
  events: string[];
  enabled: boolean;
  person_id: number;
  created_at: Date;
  pending: number;
  failed: number;
}

const toEndpoint = (row: EndpointRow): WebhookEndpoint => ({
  id: Number(row.id),
  url: row.url,
  events: row.events as WebhookEvent[],
  enabled: row.enabled,
  createdBy: Number(row.person_id),
  createdAt: new Date(row.created_at).toISOString(),
  pending: Number(row.pending ?? 0),
  failed: Number(row.failed ?? 0),
});

/**
 * Each event type may be chosen only by whom may read it (donations: the finance officer's
 * permission); a URL other than https is refused in production.
 */
function check(ctx: AppContext, input: WebhookInput, maker: Maker) {
  const refused = input.events.filter(
    (event) => !maker.permissions.includes(webhookEventPermission[event]),
  );
  if (refused.length > 0) {
    throw new AppError(
      403,
      'event_not_allowed',
      `You may not receive these events: ${refused.map((e) => `${e} (needs ${webhookEventPermission[e]})`).join(', ')}.`,
    );
  }
  if (ctx.config.production && new URL(input.url).protocol !== 'https:') {
    throw badRequest('https_required', 'A webhook endpoint must be an https URL.', [
      { field: 'url', code: 'https_required', message: 'An https URL is required.' },
    ]);
  }
}

const select = (campaignId: number, where = sql`true`) =>
  sql`SELECT e.id, e.url, e.events, e.enabled, e.person_id, e.created_at,
             (SELECT count(*) FROM webhook_deliveries d
               WHERE d.campaign_id = e.campaign_id AND d.endpoint_id = e.id
                 AND d.status IN ('pending', 'sending'))::int AS pending,
             (SELECT count(*) FROM webhook_deliveries d
               WHERE d.campaign_id = e.campaign_id AND d.endpoint_id = e.id
                 AND d.status = 'failed')::int AS failed
        FROM webhook_endpoints e
       WHERE e.campaign_id = ${campaignId} AND e.deleted_at IS NULL AND ${where}
       ORDER BY e.id`;

export async function listEndpoints(ctx: AppContext): Promise<WebhookEndpoint[]> {
  return (await runSql<EndpointRow>(ctx.database, select(ctx.campaignId))).map(toEndpoint);
}

async function endpointById(ctx: AppContext, id: number): Promise<WebhookEndpoint> {
  const [row] = await runSql<EndpointRow>(ctx.database, select(ctx.campaignId, sql`e.id = ${id}`));
  if (!row) throw notFound('webhook endpoint');
  return toEndpoint(row);
}

export async function createEndpoint(
  ctx: AppContext,
  input: WebhookInput,
  maker: Maker,
): Promise<{ endpoint: WebhookEndpoint; secret: string }> {
  check(ctx, input, maker);
  const secret = `whsec_${randomToken(24)}`;
  const id = await ctx.database.transaction(async (query) => {
    const [row] = await runSql<{ id: number }>(
      query,
      sql`INSERT INTO webhook_endpoints (campaign_id, url, secret, events, enabled, person_id)
          VALUES (${ctx.campaignId}, ${input.url}, ${secret}, ${[...new Set(input.events)]}::text[],
                  ${input.enabled}, ${maker.personId})
          RETURNING id`,
    );
    await audit(
      { query },
      {
        campaignId: ctx.campaignId,
        actorId: maker.personId,
        action: 'webhook.created',
        target: `webhook:${row!.id}`,
        details: { url: input.url, events: input.events, enabled: input.enabled },
        ip: maker.ip,
      },
    );
    return Number(row!.id);
  });
  return { endpoint: await endpointById(ctx, id), secret };
}

export async function updateEndpoint(
  ctx: AppContext,
  id: number,
  input: WebhookInput,
  maker: Maker,
): Promise<WebhookEndpoint> {
  check(ctx, input, maker);
  await ctx.database.transaction(async (query) => {
    const rows = await runSql(
      query,
      sql`UPDATE webhook_endpoints
             SET url = ${input.url}, events = ${[...new Set(input.events)]}::text[],
                 enabled = ${input.enabled}
           WHERE campaign_id = ${ctx.campaignId} AND id = ${id} AND deleted_at IS NULL
          RETURNING id`,
    );
    if (rows.length === 0) throw notFound('webhook endpoint');
    await audit(
      { query },
      {
        campaignId: ctx.campaignId,
        actorId: maker.personId,
        action: 'webhook.updated',
        target: `webhook:${id}`,
        details: { url: input.url, events: input.events, enabled: input.enabled },
        ip: maker.ip,
      },
    );
  });
  return endpointById(ctx, id);
}

export async function deleteEndpoint(ctx: AppContext, id: number, actorId: number, ip: string) {
  await ctx.database.transaction(async (query) => {
    const rows = await runSql(
      query,
      sql`UPDATE webhook_endpoints SET deleted_at = now(), enabled = false
           WHERE campaign_id = ${ctx.campaignId} AND id = ${id} AND deleted_at IS NULL
          RETURNING id`,
    );
    if (rows.length === 0) throw notFound('webhook endpoint');
    await audit(
      { query },
      {
        campaignId: ctx.campaignId,
        actorId,
        action: 'webhook.deleted',
        target: `webhook:${id}`,
        ip,
      },
    );
  });
}

interface DeliveryRow {
  id: number;
  kind: string;
  event_id: string;
  status: string;
  attempts: number;
  last_status: number | null;
  last_error: string | null;
  created_at: Date;
  sent_at: Date | null;
  next_attempt_at: Date;
}

/** An endpoint's deliveries, newest first, a page at a time (`before`: the last id seen). */
export async function listDeliveries(
  ctx: AppContext,
  endpointId: number,
  page: z.output<typeof deliveriesQuerySchema>,
): Promise<{ items: WebhookDelivery[]; next: number | null }> {
  await endpointById(ctx, endpointId);
  const rows = await runSql<DeliveryRow>(
    ctx.database,
    sql`SELECT id, kind, event_id, status, attempts, last_status, last_error, created_at, sent_at,
               next_attempt_at
          FROM webhook_deliveries
         WHERE campaign_id = ${ctx.campaignId} AND endpoint_id = ${endpointId}
           ${page.before ? sql`AND id < ${page.before}` : sql``}
         ORDER BY id DESC
         LIMIT ${page.limit + 1}`,
  );
  const items = rows.slice(0, page.limit).map((row): WebhookDelivery => ({
    id: Number(row.id),
    event: row.kind as WebhookEvent,
    eventId: row.event_id,
    status: row.status,
    attempts: row.attempts,
    lastStatus: row.last_status,
    lastError: row.last_error,
    createdAt: new Date(row.created_at).toISOString(),
    sentAt: row.sent_at ? new Date(row.sent_at).toISOString() : null,
    nextAttemptAt: new Date(row.next_attempt_at).toISOString(),
  }));
  return { items, next: rows.length > page.limit ? items[items.length - 1]!.id : null };
}

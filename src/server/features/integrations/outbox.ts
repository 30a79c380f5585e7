import { randomUUID } from 'node:crypto';
import { sql } from 'drizzle-orm';
import type { WebhookEvent } from '../../../contracts/integrations.ts';
import type { AppContext } from '../../core/context.ts';
import type { Query } from '../../core/db/index.ts';
import { runSql } from '../../core/db/statement.ts';

/** One fact to tell the endpoints that asked for its type: ids, and only what its type allows. */
export interface WebhookFact {
  personId: number | null;
  data: Record<string, string | number | boolean | null>;
}

/**
 * Writes a delivery for each enabled endpoint that receives this event type, in the caller's
 * transaction (the fact's own): committed with it or not at all, sent afterwards by the
 * dispatcher. Under a savepoint: a failure here is logged and undone alone, never failing
 * (nor undoing) the fact.
 */
export async function enqueueWebhookEvents(
  query: Query,
  ctx: AppContext,
  kind: WebhookEvent,
  facts: readonly WebhookFact[],
): Promise<void> {
  if (facts.length === 0) return;
  const createdAt = new Date().toISOString();
  const events = facts.map((fact) => {
    const id = randomUUID();
    return {
      event_id: id,
      person_id: fact.personId,
      payload: { id, type: kind, createdAt, data: fact.data },
    };
  });
  await query(sql`SAVEPOINT webhook_outbox`);
  try {
    await runSql(
      query,
      sql`INSERT INTO webhook_deliveries (campaign_id, endpoint_id, kind, event_id, person_id, payload)
          SELECT ${ctx.campaignId}, e.id, ${kind}, f.event_id, f.person_id, f.payload
            FROM webhook_endpoints e
           CROSS JOIN json_to_recordset(${JSON.stringify(events)}::json)
                 AS f(event_id uuid, person_id bigint, payload jsonb)
           WHERE e.campaign_id = ${ctx.campaignId} AND e.enabled AND e.deleted_at IS NULL
             AND ${kind} = ANY(e.events)`,
    );
    await query(sql`RELEASE SAVEPOINT webhook_outbox`);
  } catch (error) {
    await query(sql`ROLLBACK TO SAVEPOINT webhook_outbox`);
    ctx.log.error({ err: error, campaignId: ctx.campaignId, kind }, 'webhook event not queued');
  }
}

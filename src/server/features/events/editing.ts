import { sql } from 'drizzle-orm';
import type { EventForEdit, EventVisibility } from '../../../contracts/events.ts';
import type { AppContext } from '../../core/context.ts';
import { runSql } from '../../core/db/statement.ts';
import { notFound } from '../../core/http/errors.ts';
import type { Viewer } from '../../core/http/viewer.ts';
import { committeeNames } from '../committees/service.ts';
import { summaryColumns, toSummaries, type SummaryRow } from './rows.ts';
import { eventDetail } from './service.ts';

export interface EventSource {
  description: string;
  postalCode: string | null;
  street: string | null;
}

/** What an event's form was given that its answers leave out: Markdown, postal code, address. */
export async function eventSource(ctx: AppContext, id: number): Promise<EventSource | null> {
  const [row] = await runSql<{
    description: string;
    postal_code: string | null;
    street: string | null;
  }>(
    ctx.database,
    sql`SELECT description, postal_code, street FROM events
         WHERE campaign_id = ${ctx.campaignId} AND id = ${id}`,
  );
  return row
    ? { description: row.description, postalCode: row.postal_code, street: row.street }
    : null;
}

/** An event as its form edits it, to whoever may see it (its managers, by the route's access). */
export async function eventForEdit(
  ctx: AppContext,
  id: number,
  viewer: Viewer | null,
): Promise<EventForEdit> {
  const event = await eventDetail(ctx, id, viewer);
  const source = await eventSource(ctx, id);
  if (!source) throw notFound('event');
  return { ...event, ...source };
}

/**
 * A committee's events of every visibility and status, for its managers: upcoming ones
 * soonest first, then past ones latest first.
 */
export async function committeeEvents(ctx: AppContext, committeeId: number) {
  const rows = await runSql<SummaryRow & { visibility: EventVisibility }>(
    ctx.database,
    sql`SELECT ${summaryColumns}, e.visibility FROM events e
         WHERE e.campaign_id = ${ctx.campaignId} AND e.committee_id = ${committeeId}
         ORDER BY e.ends_at < now(), CASE WHEN e.ends_at >= now() THEN e.starts_at END,
                  e.starts_at DESC, e.id
         LIMIT 200`,
  );
  const summaries = await toSummaries(rows, null, (ids) => committeeNames(ctx, ids));
  return summaries.map((summary, i) => ({ ...summary, visibility: rows[i]!.visibility }));
}

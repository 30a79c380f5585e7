import { sql } from 'drizzle-orm';
import type { Query } from '../../../core/db/index.ts';

/** A newsletter's tracked recipients, and how many of them opened it and clicked in it. */
export interface TrackedEngagement {
  /** Recipients whose mail was tracked (they agreed to it when it was rendered). */
  tracked: number;
  /** Of them, those who opened it (a click counts as an open). */
  opened: number;
  /** Of them, those who followed one of its links. */
  clicked: number;
}

const none = (): TrackedEngagement => ({ tracked: 0, opened: 0, clicked: 0 });

/** Several newsletters' tracked figures, in one grouped read of their rows. */
export async function trackedEngagements(
  query: Query,
  campaignId: number,
  newsletterIds: readonly number[],
): Promise<Map<number, TrackedEngagement>> {
  const figures = new Map(newsletterIds.map((id) => [id, none()]));
  if (newsletterIds.length === 0) return figures;
  const rows = await query<{ newsletter_id: number } & TrackedEngagement>(
    sql`SELECT newsletter_id, count(*)::int AS tracked,
               (count(*) FILTER (WHERE opens > 0))::int AS opened,
               (count(*) FILTER (WHERE clicks > 0))::int AS clicked
          FROM newsletter_engagements
         WHERE campaign_id = ${campaignId} AND newsletter_id = ANY(${[...newsletterIds]}::bigint[])
         GROUP BY newsletter_id`,
  );
  for (const { newsletter_id, ...row } of rows) figures.set(Number(newsletter_id), row);
  return figures;
}

/**
 * One newsletter's tracked figures: its rates are `opened / tracked` and `clicked / tracked`,
 * measured among the recipients who agreed to tracking only.
 */
export async function trackedEngagement(
  query: Query,
  campaignId: number,
  newsletterId: number,
): Promise<TrackedEngagement> {
  return (await trackedEngagements(query, campaignId, [newsletterId])).get(newsletterId)!;
}

/** Clicks per link of a newsletter, by the link's index. */
export async function linkClicks(
  query: Query,
  campaignId: number,
  newsletterId: number,
): Promise<Map<number, number>> {
  const rows = await query<{ link: number; clicks: number }>(
    sql`SELECT link, clicks FROM newsletter_link_clicks
         WHERE campaign_id = ${campaignId} AND newsletter_id = ${newsletterId}`,
  );
  return new Map(rows.map((row) => [Number(row.link), Number(row.clicks)]));
}

export interface EngagementRow {
  newsletter_id: number;
  name: string;
  opened_at: Date | null;
  opens: number;
  clicked_at: Date | null;
  clicks: number;
}

/** A person's tracked newsletters, newest first, with their names (`opened`: only those opened). */
export function personEngagementRows(
  query: Query,
  campaignId: number,
  personId: number,
  options: { opened: boolean; limit: number },
): Promise<EngagementRow[]> {
  return query<EngagementRow>(
    sql`SELECT e.newsletter_id, n.name, e.opened_at, e.opens, e.clicked_at, e.clicks
          FROM newsletter_engagements e
          JOIN newsletters n ON n.campaign_id = e.campaign_id AND n.id = e.newsletter_id
         WHERE e.campaign_id = ${campaignId} AND e.person_id = ${personId}
           ${options.opened ? sql`AND (e.opens > 0 OR e.clicks > 0)` : sql``}
         ORDER BY e.newsletter_id DESC
         LIMIT ${options.limit}`,
  );
}

/** How many newsletters' mails to a person were tracked. */
export async function trackedCountOf(
  query: Query,
  campaignId: number,
  personId: number,
): Promise<number> {
  const [row] = await query<{ n: number }>(
    sql`SELECT count(*)::int AS n FROM newsletter_engagements
         WHERE campaign_id = ${campaignId} AND person_id = ${personId}`,
  );
  return row?.n ?? 0;
}

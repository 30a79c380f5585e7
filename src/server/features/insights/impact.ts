import { sql } from 'drizzle-orm';
import {
  contactKindSchema,
  contactKinds,
  type ContactKind,
  type ImpactQuery,
  type ImpactSummary,
  type KindCounts,
  type Trends,
  type TrendsQuery,
} from '../../../contracts/insights.ts';
import type { AppContext } from '../../core/context.ts';
import { runSql } from '../../core/db/statement.ts';
import { currentEffects } from './effects.ts';
import { emptyCounts, estimate, votesOf } from './model.ts';

/*
 * The dashboard's country-wide figures, read from the aggregates only (refresh.ts fills them):
 * their size grows with days and kinds, never with the number of contacts.
 */

const asKind = (kind: string): ContactKind | null => {
  const parsed = contactKindSchema.safeParse(kind);
  return parsed.success ? parsed.data : null;
};

/** Up to when contacts are counted: the oldest source's watermark, and the last refresh. */
export async function freshness(
  ctx: AppContext,
): Promise<{ refreshedAt: string | null; refreshedUpTo: string | null }> {
  const [row] = await runSql<{ refreshed_at: Date | string | null; up_to: Date | string | null }>(
    ctx.database,
    sql`SELECT max(refreshed_at) AS refreshed_at,
               CASE WHEN min(up_to) = '-infinity'::timestamptz THEN NULL ELSE min(up_to) END AS up_to
          FROM insights_refresh WHERE campaign_id = ${ctx.campaignId}`,
  );
  const iso = (v: Date | string | null | undefined) => (v ? new Date(v).toISOString() : null);
  return { refreshedAt: iso(row?.refreshed_at), refreshedUpTo: iso(row?.up_to) };
}

const periodCondition = (query: { from?: string; to?: string }) =>
  sql`${query.from ? sql`AND day >= ${query.from}::date` : sql``}
      ${query.to ? sql`AND day <= ${query.to}::date` : sql``}`;

/** Contacts of each kind in the period, the votes they bring, and how they were placed. */
export async function impactSummary(ctx: AppContext, query: ImpactQuery): Promise<ImpactSummary> {
  const [rows, effects, fresh] = await Promise.all([
    runSql<{ kind: string; contacts: number; on_station: number; commune_only: number }>(
      ctx.database,
      sql`SELECT kind, sum(contacts)::float8 AS contacts, sum(on_station)::float8 AS on_station,
                 sum(commune_only)::float8 AS commune_only
            FROM insights_contact_trend
           WHERE campaign_id = ${ctx.campaignId} ${periodCondition(query)}
           GROUP BY kind`,
    ),
    currentEffects(ctx),
    freshness(ctx),
  ]);
  const counts = emptyCounts();
  const placement = new Map<
    ContactKind,
    { station: number; communeOnly: number; unplaced: number }
  >(contactKinds.map((k) => [k, { station: 0, communeOnly: 0, unplaced: 0 }]));
  for (const row of rows) {
    const kind = asKind(row.kind);
    if (!kind) continue;
    counts[kind] = Number(row.contacts);
    placement.set(kind, {
      station: Number(row.on_station),
      communeOnly: Number(row.commune_only),
      unplaced: Number(row.contacts) - Number(row.on_station) - Number(row.commune_only),
    });
  }
  const total = { station: 0, communeOnly: 0, unplaced: 0 };
  for (const p of placement.values()) {
    total.station += p.station;
    total.communeOnly += p.communeOnly;
    total.unplaced += p.unplaced;
  }
  return {
    period: { from: query.from ?? null, to: query.to ?? null },
    contacts: contactKinds.reduce((sum, k) => sum + counts[k], 0),
    byKind: contactKinds.map((kind) => ({
      kind,
      contacts: counts[kind],
      votes: votesOf(counts[kind], kind, effects),
    })),
    votes: estimate(counts, effects),
    placement: total,
    placementByKind: contactKinds.map((kind) => ({ kind, placement: placement.get(kind)! })),
    freshness: fresh,
  };
}

/** Contacts per day or week (weeks from Monday), each period with its estimated votes. */
export async function impactTrends(ctx: AppContext, query: TrendsQuery): Promise<Trends> {
  const period = query.interval === 'week' ? sql`date_trunc('week', day)::date` : sql`day`;
  const [rows, effects, fresh] = await Promise.all([
    runSql<{ period: string; kind: string; contacts: number }>(
      ctx.database,
      sql`SELECT to_char(${period}, 'YYYY-MM-DD') AS period, kind, sum(contacts)::float8 AS contacts
            FROM insights_contact_trend
           WHERE campaign_id = ${ctx.campaignId} ${periodCondition(query)}
           GROUP BY 1, kind ORDER BY 1`,
    ),
    currentEffects(ctx),
    freshness(ctx),
  ]);
  const byPeriod = new Map<string, KindCounts>();
  for (const row of rows) {
    const kind = asKind(row.kind);
    if (!kind) continue;
    const counts = byPeriod.get(row.period) ?? emptyCounts();
    counts[kind] += Number(row.contacts);
    byPeriod.set(row.period, counts);
  }
  return {
    interval: query.interval,
    points: [...byPeriod].map(([day, byKind]) => ({
      period: day,
      byKind,
      contacts: contactKinds.reduce((sum, k) => sum + byKind[k], 0),
      votes: estimate(byKind, effects),
    })),
    freshness: fresh,
  };
}

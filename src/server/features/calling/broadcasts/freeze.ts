import { sql, type SQL } from 'drizzle-orm';
import type { CallListReport } from '../../../../contracts/calling-lists.ts';
import type { Territory } from '../../../../contracts/compliance.ts';
import type { AppContext } from '../../../core/context.ts';
import type { Query } from '../../../core/db/index.ts';
import { conflict } from '../../../core/http/errors.ts';
import { notOptedOutSql, optOutKey } from '../../compliance/phone-opt-outs.ts';
import { automatedCallAudienceQuery } from '../../people/call-audience.ts';
import { territoriesWithoutCallerId } from '../numbers/caller-id.ts';
import { territorySqlOf } from './territory-sql.ts';
import type { BroadcastRow } from './service.ts';

interface AudienceSource {
  /** Rows of e164, person_id, territory, departement and the agreed slot, in e164 order. */
  rows: SQL;
  /** Whether the source holds each number once (a list's key), so no conflict can arise. */
  distinct: boolean;
  /** The territories it calls, when known without reading the rows (a list's report). */
  territories: Array<Territory | null> | null;
}

/**
 * The audience's rows, in number order: the unique index on the targets' numbers is then
 * filled in order, instead of each insert probing a random page of it.
 */
async function audienceSource(ctx: AppContext, broadcast: BroadcastRow): Promise<AudienceSource> {
  if (broadcast.audience_kind === 'list') {
    const [list] = await ctx.database.query<{ report: CallListReport | null }>(
      sql`SELECT report FROM call_lists WHERE campaign_id = ${ctx.campaignId} AND id = ${broadcast.list_id}`,
    );
    const report = list?.report ?? null;
    return {
      rows: sql`SELECT e164, NULL::bigint AS person_id, territory,
                       CASE WHEN territory <> 'metropole' THEN territory END AS departement,
                       slot_weekdays, slot_from, slot_to
                  FROM call_list_numbers WHERE campaign_id = ${ctx.campaignId} AND list_id = ${broadcast.list_id}
                 ORDER BY e164`,
      distinct: true,
      territories:
        report &&
        Object.entries(report.byTerritory)
          .filter(([, n]) => n > 0)
          .map(([territory]) => (territory === 'foreign' ? null : (territory as Territory))),
    };
  }
  const people = await automatedCallAudienceQuery(ctx, { segmentId: Number(broadcast.segment_id) });
  return {
    rows: sql`SELECT a.e164, a.person_id, ${territorySqlOf('a.e164')} AS territory, a.departement,
                     a.slot_weekdays, a.slot_from, a.slot_to
                FROM (${people}) a ORDER BY a.e164`,
    distinct: false,
    territories: null,
  };
}

/** Refuses a launch when a territory called has no caller ID of the pool that may call it. */
async function checkCallerIds(
  query: Query,
  campaignId: number,
  territories: Array<Territory | null>,
): Promise<void> {
  const pool = await query<{ e164: string; paused: boolean }>(
    sql`SELECT e164, paused_at IS NOT NULL AS paused FROM call_caller_ids WHERE campaign_id = ${campaignId}`,
  );
  const uncovered = territoriesWithoutCallerId(pool, territories);
  if (uncovered.length > 0) {
    throw conflict(
      'caller_id_missing_for_territory',
      `No caller ID of the pool may call numbers of: ${uncovered.map((t) => t ?? 'abroad').join(', ')}. Add a number of the range reserved for that territory, or leave those numbers out.`,
    );
  }
}

/**
 * Freezes the broadcast's audience into its targets and starts it, in one transaction: one
 * row per number (the unique key drops the second person sharing a phone), numbers on the
 * opt-out list left out. Refused, with nothing kept, when a territory of the audience has no
 * caller ID of the pool that may call it, or when nobody is left to call.
 */
export async function freezeAudience(
  ctx: AppContext,
  broadcast: BroadcastRow,
  actorId: number,
): Promise<BroadcastRow> {
  const source = await audienceSource(ctx, broadcast);
  return ctx.database.transaction(async (query) => {
    const [locked] = await query<{ status: string }>(
      sql`SELECT status FROM call_broadcasts WHERE campaign_id = ${ctx.campaignId} AND id = ${broadcast.id} FOR UPDATE`,
    );
    if (locked?.status !== 'awaiting_approval') {
      throw conflict('broadcast_not_awaiting', 'This broadcast is not waiting for an approval.');
    }
    // A list's territories are known from its report: refused before millions of rows are written.
    if (source.territories) await checkCallerIds(query, ctx.campaignId, source.territories);
    const key = await optOutKey(query, ctx.campaignId);
    const startsAt = broadcast.starts_at ?? new Date();
    const [inserted] = await query<{ n: number }>(
      sql`WITH frozen AS (
            INSERT INTO call_targets (campaign_id, broadcast_id, e164, person_id, territory, departement,
                   slot_weekdays, slot_from, slot_to, next_at)
            SELECT ${ctx.campaignId}, ${broadcast.id}, s.e164, s.person_id, s.territory, s.departement,
                   s.slot_weekdays, s.slot_from, s.slot_to, ${startsAt}
              FROM (${source.rows}) s
             WHERE ${notOptedOutSql(ctx.campaignId, key, sql`s.e164`)}
            ${source.distinct ? sql`` : sql`ON CONFLICT DO NOTHING`} RETURNING 1)
          SELECT count(*)::int AS n FROM frozen`,
    );
    // The dialler's statements plan on these statistics (a fresh table would look empty).
    await query(sql`ANALYZE call_targets`);
    if (inserted!.n === 0) {
      throw conflict(
        'audience_empty',
        'Nobody of this audience can be called (consent, opt-outs).',
      );
    }
    if (!source.territories) {
      const territories = await query<{ territory: Territory | null }>(
        sql`SELECT DISTINCT territory FROM call_targets WHERE campaign_id = ${ctx.campaignId} AND broadcast_id = ${broadcast.id}`,
      );
      await checkCallerIds(
        query,
        ctx.campaignId,
        territories.map((row) => row.territory),
      );
    }
    const [row] = await query<BroadcastRow>(
      sql`UPDATE call_broadcasts SET status = 'running', approved_by = ${actorId}, launched_at = now(),
             audience_count = ${inserted!.n}, updated_at = now()
           WHERE campaign_id = ${ctx.campaignId} AND id = ${broadcast.id} RETURNING *`,
    );
    return row!;
  });
}

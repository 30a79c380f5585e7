import { sql, type SQL } from 'drizzle-orm';
import type { Territory } from '../../../../contracts/compliance.ts';
import type { AppContext } from '../../../core/context.ts';
import { conflict } from '../../../core/http/errors.ts';
import { notOptedOutSql, optOutKey } from '../../compliance/phone-opt-outs.ts';
import { automatedCallAudienceQuery } from '../../people/call-audience.ts';
import { territoriesWithoutCallerId } from '../numbers/caller-id.ts';
import { territorySqlOf } from './territory-sql.ts';
import type { BroadcastRow } from './service.ts';

/** The audience's rows: e164, person_id, territory, departement and the agreed slot. */
async function audienceSource(ctx: AppContext, broadcast: BroadcastRow): Promise<SQL> {
  if (broadcast.audience_kind === 'list') {
    return sql`SELECT e164, NULL::bigint AS person_id, territory,
                      CASE WHEN territory <> 'metropole' THEN territory END AS departement,
                      slot_weekdays, slot_from, slot_to
                 FROM call_list_numbers WHERE campaign_id = ${ctx.campaignId} AND list_id = ${broadcast.list_id}`;
  }
  const people = await automatedCallAudienceQuery(ctx, { segmentId: Number(broadcast.segment_id) });
  return sql`SELECT a.e164, a.person_id, ${territorySqlOf('a.e164')} AS territory, a.departement,
                    a.slot_weekdays, a.slot_from, a.slot_to
               FROM (${people}) a`;
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
    const key = await optOutKey(query, ctx.campaignId);
    const startsAt = broadcast.starts_at ?? new Date();
    const [inserted] = await query<{ n: number }>(
      sql`WITH frozen AS (
            INSERT INTO call_targets (campaign_id, broadcast_id, e164, person_id, territory, departement,
                   slot_weekdays, slot_from, slot_to, next_at)
            SELECT ${ctx.campaignId}, ${broadcast.id}, s.e164, s.person_id, s.territory, s.departement,
                   s.slot_weekdays, s.slot_from, s.slot_to, ${startsAt}
              FROM (${source}) s
             WHERE ${notOptedOutSql(ctx.campaignId, key, sql`s.e164`)}
            ON CONFLICT DO NOTHING RETURNING 1)
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
    const territories = await query<{ territory: Territory | null }>(
      sql`SELECT DISTINCT territory FROM call_targets WHERE campaign_id = ${ctx.campaignId} AND broadcast_id = ${broadcast.id}`,
    );
    const pool = await query<{ e164: string; paused: boolean }>(
      sql`SELECT e164, paused_at IS NOT NULL AS paused FROM call_caller_ids WHERE campaign_id = ${ctx.campaignId}`,
    );
    const uncovered = territoriesWithoutCallerId(
      pool,
      territories.map((row) => row.territory),
    );
    if (uncovered.length > 0) {
      throw conflict(
        'caller_id_missing_for_territory',
        `No caller ID of the pool may call numbers of: ${uncovered.map((t) => t ?? 'abroad').join(', ')}. Add a number of the range reserved for that territory, or leave those numbers out.`,
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

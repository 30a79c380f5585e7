import { sql } from 'drizzle-orm';
import type { PhoneBank } from '../../../../contracts/phone-banks.ts';
import { audit } from '../../../core/audit.ts';
import type { AppContext } from '../../../core/context.ts';
import { conflict } from '../../../core/http/errors.ts';
import { notOptedOutSql, optOutKey } from '../../compliance/phone-opt-outs.ts';
import { volunteerCallAudienceQuery } from '../../people/call-audience.ts';
import { territorySqlOf } from '../broadcasts/territory-sql.ts';
import { bankRow, getBank } from './service.ts';

/**
 * Opens a bank: the segment's people volunteers may call (a phone, the consent to calls from
 * the campaign, not on the opt-out list) are frozen into its queue in one statement, one row
 * each, in number order. Refused with nothing kept when nobody is left to call.
 */
export async function openBank(ctx: AppContext, id: number, actorId: number): Promise<PhoneBank> {
  const current = await bankRow(ctx.database.query, ctx.campaignId, id);
  const source = await volunteerCallAudienceQuery(ctx, { segmentId: Number(current.segment_id) });
  await ctx.database.transaction(async (query) => {
    const row = await bankRow(query, ctx.campaignId, id, true);
    if (row.status !== 'draft') {
      throw conflict('phone_bank_wrong_status', 'Cette banque d’appels a déjà été ouverte.');
    }
    const key = await optOutKey(query, ctx.campaignId);
    const [frozen] = await query<{ n: number }>(
      sql`WITH frozen AS (
            INSERT INTO phone_bank_targets (campaign_id, bank_id, person_id, e164, territory, available_at)
            SELECT ${ctx.campaignId}, ${id}, s.person_id, s.e164, ${territorySqlOf('s.e164')}, now()
              FROM (${source}) s
             WHERE ${notOptedOutSql(ctx.campaignId, key, sql`s.e164`)}
             ORDER BY s.e164
            ON CONFLICT DO NOTHING RETURNING 1)
          SELECT count(*)::int AS n FROM frozen`,
    );
    if (frozen!.n === 0) {
      throw conflict(
        'audience_empty',
        'Personne dans ce segment ne peut être appelé : il faut un numéro et l’accord pour les appels de la campagne.',
      );
    }
    await query(
      sql`UPDATE phone_banks SET status = 'open', opened_at = now(), audience_count = ${frozen!.n}, updated_at = now(),
                 territories = ARRAY(SELECT DISTINCT territory FROM phone_bank_targets
                                      WHERE campaign_id = ${ctx.campaignId} AND bank_id = ${id})
           WHERE campaign_id = ${ctx.campaignId} AND id = ${id}`,
    );
    await audit(
      { query },
      {
        campaignId: ctx.campaignId,
        actorId,
        action: 'calling.bank.open',
        target: `phone_bank:${id}`,
        details: { audience: frozen!.n },
      },
    );
  });
  return getBank(ctx, id);
}

import { sql } from 'drizzle-orm';
import type { DonorIdentity } from '../../../contracts/donations.ts';
import type { AppContext } from '../../core/context.ts';
import { runSql } from '../../core/db/statement.ts';
import { addDays } from '../../core/local-time.ts';

/** A plan charges on the same day each month; days past the 28th would skip short months. */
export const planDayOf = (day: string) => Math.min(Number(day.slice(8, 10)), 28);

/** The plan's next charge after `day`: the same day of the next month. */
export function nextChargeOn(day: string, dayOfMonth: number): string {
  const [year, month] = day.split('-').map(Number) as [number, number];
  const next = month === 12 ? [year + 1, 1] : [year, month + 1];
  return `${next[0]}-${String(next[1]).padStart(2, '0')}-${String(dayOfMonth).padStart(2, '0')}`;
}

/** A charge that failed is tried again this many days later, up to MAX_FAILURES in a row. */
export const RETRY_DAYS = 3;
export const MAX_FAILURES = 3;
export const retryOn = (day: string) => addDays(day, RETRY_DAYS);

/**
 * A monthly plan opened with its first gift: `pending` until that gift is paid and the card
 * saved (payment-events.ts makes it active), dropped if the first gift is refused.
 */
export async function openPlan(
  ctx: AppContext,
  plan: {
    personId: number;
    amountCents: number;
    day: string;
    provider: string;
    donor: DonorIdentity;
    locale: 'fr' | 'en';
    attribution: Record<string, string>;
  },
): Promise<{ id: number; discard: () => Promise<void> }> {
  const [row] = await runSql<{ id: number }>(
    ctx.database,
    sql`INSERT INTO donation_plans (campaign_id, person_id, amount_cents, status, day_of_month,
                                    provider, donor, locale, attribution)
        VALUES (${ctx.campaignId}, ${plan.personId}, ${plan.amountCents}, 'pending',
                ${planDayOf(plan.day)}, ${plan.provider}, ${JSON.stringify(plan.donor)}::jsonb,
                ${plan.locale}, ${JSON.stringify(plan.attribution)}::jsonb)
        RETURNING id`,
  );
  const id = Number(row!.id);
  return {
    id,
    discard: async () => {
      await runSql(
        ctx.database,
        sql`DELETE FROM donation_plans WHERE campaign_id = ${ctx.campaignId} AND id = ${id}
              AND status = 'pending'`,
      );
    },
  };
}

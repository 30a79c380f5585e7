import { sql } from 'drizzle-orm';
import type { DonationSettings } from '../../../contracts/donations.ts';
import type { PaymentMeans } from '../../../contracts/donation-law.ts';
import { runSql } from '../../core/db/statement.ts';
import type { TestApp } from '../../testing/harness.ts';
import { personGiving } from '../people/directory.ts';
import { takeGift } from './ledger.ts';
import { candidateSettings } from './test-fixtures.ts';

/** The tests' campaign: a candidate collecting for election 1 through 2027. */
export const planTestSettings: DonationSettings = candidateSettings();

export const donorIdentity = (email: string, firstName = 'Alice') => ({
  civility: 'Mme' as const,
  firstName,
  lastName: 'Bernard',
  addressLine1: '12 rue des Lilas',
  addressLine2: '',
  postalCode: '69003',
  commune: 'Lyon',
  country: 'FR',
  nationality: 'FR',
  email,
  phone: '',
  electedOffice: '',
});

/** A donor as the donation page makes them (a person, no account). */
export const donorPerson = async (t: TestApp, email: string) =>
  (
    await personGiving(t.ctx, {
      email,
      firstName: 'Alice',
      lastName: 'Bernard',
      phone: '',
      addressStreet: '12 rue des Lilas',
      addressComplement: '',
      postalCode: '69003',
      communeName: 'Lyon',
      communeCode: null,
      locale: 'fr',
    })
  ).id;

/** An active monthly plan on the development adapter, written as a paid first gift leaves it. */
export async function insertActivePlan(
  t: TestApp,
  personId: number,
  email: string,
  plan: {
    amountCents: number;
    nextChargeOn: string;
    paymentMethodRef?: string;
    locale?: 'fr' | 'en';
  },
): Promise<number> {
  const [row] = await runSql<{ id: number }>(
    t.ctx.database,
    sql`INSERT INTO donation_plans (campaign_id, person_id, amount_cents, status, day_of_month,
                                    next_charge_on, provider, customer_ref, payment_method_ref,
                                    donor, locale)
        VALUES (${t.ctx.campaignId}, ${personId}, ${plan.amountCents}, 'active',
                ${Number(plan.nextChargeOn.slice(8, 10))}, ${plan.nextChargeOn}, 'development',
                ${`dev_cus_${personId}`}, ${plan.paymentMethodRef ?? 'dev_card_ok'},
                ${JSON.stringify(donorIdentity(email))}::jsonb, ${plan.locale ?? 'fr'})
        RETURNING id`,
  );
  return Number(row!.id);
}

/** A gift already received (a one-off card payment, a cheque the finance officer recorded). */
export const givenBefore = (
  t: TestApp,
  personId: number,
  amountCents: number,
  means: PaymentMeans,
) =>
  takeGift(t.ctx, {
    personId,
    mode: 'candidate',
    capKey: 'election:1',
    amountCents,
    means,
    attestations: { naturalPerson: true, frenchOrResident: true },
    status: 'succeeded',
    day: '2027-01-10',
  });

export interface PlanState {
  status: string;
  next_charge_on: string | null;
  failures: number;
  stopped_reason: string | null;
  amount_cents: number;
}

export async function planState(t: TestApp, planId: number): Promise<PlanState> {
  const [row] = await runSql<PlanState>(
    t.ctx.database,
    sql`SELECT status, next_charge_on::text AS next_charge_on, failures, stopped_reason,
               amount_cents::int AS amount_cents
          FROM donation_plans WHERE campaign_id = ${t.ctx.campaignId} AND id = ${planId}`,
  );
  return row!;
}

export interface PlanGift {
  id: number;
  status: string;
  amount_cents: number;
  counts: boolean;
  given_on: string;
  plan_charge: string | null;
}

export const planGifts = (t: TestApp, planId: number) =>
  runSql<PlanGift>(
    t.ctx.database,
    sql`SELECT id, status, amount_cents::int AS amount_cents, counts, given_on::text AS given_on,
               means_detail->>'planCharge' AS plan_charge
          FROM donations WHERE campaign_id = ${t.ctx.campaignId} AND plan_id = ${planId}
         ORDER BY id`,
  );

/** No plan left active: each test charges only its own. */
export const retireActivePlans = (t: TestApp) =>
  runSql(
    t.ctx.database,
    sql`UPDATE donation_plans SET status = 'stopped', stopped_reason = 'test'
         WHERE campaign_id = ${t.ctx.campaignId} AND status = 'active'`,
  );

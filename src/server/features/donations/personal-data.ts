import { sql } from 'drizzle-orm';
import { runSql } from '../../core/db/statement.ts';
import type { PersonalData } from '../../core/personal-data/registry.ts';

const L52_12 =
  'Donation records are part of the campaign account the law requires (Code électoral L52-12) and of the tax receipts issued; they are kept when a donor erases their account.';

/** What donations hold about people (see core/personal-data). */
export const donationsPersonalData: PersonalData = {
  feature: 'donations',
  processing: {
    name: 'Donations and campaign account',
    purpose:
      'Collect gifts and keep the campaign account required by electoral law, with receipts.',
    legalBasis: ['legal_obligation', 'contract'],
    people: 'Donors.',
    data: 'Identity, nationality, tax address, amounts, means of payment, receipts, monthly plans.',
    recipients:
      'Finance staff, the financial agent, the CNCCFP (Commission nationale des comptes de campagne), the payment provider.',
    retention:
      'Kept as part of the campaign account (Code électoral L52-12) even after erasure; card references forgotten on erasure.',
    fr: {
      name: 'Dons et compte de campagne',
      purpose:
        'Recueillir les dons et tenir le compte de campagne exigé par le droit électoral, avec les reçus.',
      people: 'Donateurs.',
      data: 'Identité, nationalité, adresse de domicile fiscal, montants, moyens de paiement, reçus, dons mensuels programmés.',
      recipients:
        'L’équipe financière, le mandataire financier, la CNCCFP (Commission nationale des comptes de campagne et des financements politiques), le prestataire de paiement.',
      retention:
        'Conservées au titre du compte de campagne (Code électoral, L52-12), même après un effacement ; les références de carte sont supprimées lors de l’effacement.',
    },
  },
  tables: [
    {
      table: 'donations',
      holds:
        'Gifts a person made: amount, means, state, the donor as the receipt names them (identity, nationality, tax address), the period the law counts them in, and where they came from.',
      // Merged donors share one cap: their gifts are one person's. Who recorded a cheque stays.
      personColumns: { person_id: 'move', recorded_by: 'keep' },
      otherIds: {
        plan_id: 'the monthly plan the gift belongs to',
        payout_id: "the provider's payout the gift was paid in",
        remittance_id: 'the remittance slip the cheque went to the bank with',
      },
      erase: { keep: L52_12 },
    },
    {
      table: 'donation_plans',
      holds:
        "A person's monthly gift: amount, day, state and the provider's reference of their card.",
      personColumns: { person_id: 'move' },
      // Erasure stops the plan and forgets the card; the row stays with the gifts it made.
      erase: {
        run: async (query, campaignId, people) => {
          await runSql(
            query,
            sql`UPDATE donation_plans
                   SET status = 'stopped', stopped_reason = 'erased', customer_ref = NULL,
                       payment_method_ref = NULL, next_charge_on = NULL, updated_at = now()
                 WHERE campaign_id = ${campaignId}
                   AND person_id = ANY(${people.map((p) => p.id)}::bigint[])`,
          );
        },
      },
    },
    {
      table: 'remittance_slips',
      holds: 'Remittance slips of cheques taken to the bank, and who made them.',
      personColumns: { created_by: 'keep' },
      erase: { keep: 'Part of the campaign account (Code électoral L52-12).' },
    },
    {
      table: 'receipt_forms',
      holds: "The commission's numbered receipt forms and the gift each was issued for.",
      personColumns: {},
      otherIds: {
        series_id: 'the series of forms it belongs to',
        donation_id: 'the gift it was issued for',
      },
      erase: { keep: 'Receipts issued are part of the campaign account (Code électoral L52-12).' },
    },
  ],
  purges: [],
  dataFile: [],
  // One EXISTS each: the purge's NOT EXISTS then plans as an anti-join.
  keepsProspect: [
    {
      key: 'donation',
      reason: 'a donation',
      holds: (campaignId, person) =>
        sql`EXISTS (SELECT 1 FROM donations k WHERE k.campaign_id = ${campaignId} AND k.person_id = ${person})`,
    },
    {
      key: 'donationPlan',
      reason: 'a monthly donation plan',
      holds: (campaignId, person) =>
        sql`EXISTS (SELECT 1 FROM donation_plans k WHERE k.campaign_id = ${campaignId} AND k.person_id = ${person})`,
    },
  ],
};

import { z } from 'zod';

/**
 * Who gave, as the gift's record keeps it: the receipt and the commission's files need the
 * donor's identity and tax address on the day of the gift, whatever the person record
 * becomes later (the record is kept after an erasure, Code électoral L52-12).
 */
export const donorIdentitySchema = z.object({
  civility: z.enum(['M', 'Mme']).nullable(),
  firstName: z.string().trim().min(1).max(100),
  lastName: z.string().trim().min(1).max(100),
  addressLine1: z.string().trim().min(1).max(200),
  addressLine2: z.string().trim().max(200).default(''),
  postalCode: z.string().trim().min(1).max(20),
  commune: z.string().trim().min(1).max(100),
  /** ISO 3166-1 alpha-2 country of the tax address. */
  country: z
    .string()
    .trim()
    .regex(/^[A-Z]{2}$/),
  /**
   * ISO 3166-1 alpha-2 code of the donor's nationality: the agent records it with each gift
   * (Code électoral R39-1), and one who is not French must live in France (L52-8).
   */
  nationality: z
    .string()
    .trim()
    .regex(/^[A-Z]{2}$/)
    .default('FR'),
  email: z.email().max(254),
  phone: z.string().trim().max(30).default(''),
  /** An elected office the donor holds, if any (the commission's file asks for it). */
  electedOffice: z.string().trim().max(100).default(''),
});
export type DonorIdentity = z.infer<typeof donorIdentitySchema>;

/** A gift as receipts and the commission's files need it. */
export interface GiftForReceipt {
  donationId: number;
  /** Membership dues in party mode follow the same path as gifts. */
  kind: 'gift' | 'dues';
  /** YYYY-MM-DD, the day the money was given (the cheque's date of receipt, the card payment's). */
  givenOn: string;
  amountCents: number;
  means: 'card' | 'direct_debit' | 'transfer' | 'cheque' | 'cash';
  donor: DonorIdentity;
  /** The bank statement line that shows the money (transfer reference, payout reference). */
  bankReference: string | null;
  /** The remittance slip the cheque or cash went to the bank with. */
  remittanceSlip: string | null;
  /** The person's id in Levier: the donor's stable identifier in the commission's files. */
  personId: number;
}

const isoDay = z.iso.date();

/** The financial agent (mandataire): a person or an association for financing, L52-4. */
export const financialAgentSchema = z.object({
  kind: z.enum(['person', 'association']),
  name: z.string().trim().min(1).max(200),
  /** The day the agent was declared (L52-5, L52-6): the donation page must say it (L52-9). */
  designatedOn: isoDay.nullable(),
  address: z.string().trim().min(1).max(300),
  phone: z.string().trim().max(30).default(''),
  email: z.union([z.email().max(254), z.literal('')]).default(''),
  /** The identifier the commission gives the agent (dematerialised procedure). */
  commissionId: z.string().trim().max(50).default(''),
});
export type FinancialAgent = z.infer<typeof financialAgentSchema>;

/**
 * How the campaign collects: the mode (which cap), who receives, when, and what the page
 * offers. Candidate mode counts per election and collects only within its collection period.
 */
const donationSettingsFields = z.object({
  enabled: z.boolean(),
  mode: z.enum(['candidate', 'party']),
  /** The candidate (or list) the gifts finance, or the party. */
  beneficiary: z.string().trim().min(1).max(200),
  agent: financialAgentSchema,
  /** The election the gifts count for (candidate mode), from the compliance elections. */
  electionId: z.number().int().positive().nullable(),
  collection: z.object({ opensOn: isoDay, closesOn: isoDay }).nullable(),
  /** The election's spending ceiling (L52-11): it sets the campaign's cash limit. */
  spendingCeilingCents: z.number().int().min(0).max(1_000_000_000).nullable(),
  /** The amounts offered on the page, in cents. */
  suggestedCents: z.array(z.number().int().min(100).max(460_000)).min(1).max(6),
  monthly: z.boolean(),
  receiptProcedure: z.enum(['paper', 'dematerialised']),
});

/**
 * The settings as read: a campaign that never set them reads closed ones, names still empty.
 */
export const donationSettingsViewSchema = donationSettingsFields.extend({
  beneficiary: z.string(),
  agent: financialAgentSchema.extend({ name: z.string(), address: z.string() }),
});

export const donationSettingsSchema = donationSettingsFields.superRefine((s, ctx) => {
  if (s.mode === 'candidate') {
    if (s.electionId === null)
      ctx.addIssue({ code: 'custom', path: ['electionId'], message: 'Choose the election.' });
    if (s.collection === null)
      ctx.addIssue({
        code: 'custom',
        path: ['collection'],
        message: 'A candidate collects only within the election’s collection period.',
      });
    if (s.receiptProcedure !== 'paper')
      ctx.addIssue({
        code: 'custom',
        path: ['receiptProcedure'],
        message: 'A candidate’s receipts follow the paper procedure.',
      });
  }
  if (s.collection && s.collection.opensOn > s.collection.closesOn)
    ctx.addIssue({
      code: 'custom',
      path: ['collection', 'closesOn'],
      message: 'The period must close after it opens.',
    });
  if (s.enabled && s.agent.designatedOn === null)
    ctx.addIssue({
      code: 'custom',
      path: ['agent', 'designatedOn'],
      message: 'The page must give the date the financial agent was declared.',
    });
});
export type DonationSettings = z.infer<typeof donationSettingsSchema>;

/** Until the finance officer sets them, donations are closed: nothing can be taken without an agent. */
export const closedDonationSettings: DonationSettings = {
  enabled: false,
  mode: 'candidate',
  beneficiary: '',
  agent: {
    kind: 'person',
    name: '',
    designatedOn: null,
    address: '',
    phone: '',
    email: '',
    commissionId: '',
  },
  electionId: null,
  collection: null,
  spendingCeilingCents: null,
  suggestedCents: [2_000, 5_000, 10_000, 20_000],
  monthly: true,
  receiptProcedure: 'paper',
};

/** A gift as the public page sends it: the amount as typed, the donor, what they attest. */
export const giftInputSchema = z.object({
  amount: z.string().trim().min(1).max(30),
  frequency: z.enum(['once', 'monthly']),
  donor: donorIdentitySchema.extend({ country: donorIdentitySchema.shape.country.default('FR') }),
  naturalPerson: z.boolean(),
  frenchOrResident: z.boolean(),
  /** Party mode: the donor's gifts to all parties this year stay within the cap. */
  otherPartiesWithinCap: z.boolean().default(false),
  locale: z.enum(['fr', 'en']).default('fr'),
  attribution: z
    .object({
      ref: z.string().max(32).optional(),
      committee: z.string().max(20).optional(),
      page: z.string().max(200).optional(),
      utmSource: z.string().max(200).optional(),
      utmMedium: z.string().max(200).optional(),
      utmCampaign: z.string().max(200).optional(),
      referrerUrl: z.string().max(2000).optional(),
    })
    .default({}),
});
export type GiftInput = z.infer<typeof giftInputSchema>;

/** A gift as its donor sees it in their space. */
export const myGiftSchema = z.object({
  id: z.number(),
  givenOn: z.string(),
  amountCents: z.number(),
  means: z.enum(['card', 'direct_debit', 'transfer', 'cheque', 'cash']),
  status: z.enum(['pending', 'succeeded', 'failed', 'expired', 'refunded']),
  monthly: z.boolean(),
  beneficiary: z.string(),
  /** The commission's form number of the tax receipt, once issued. */
  receiptNumber: z.string().nullable(),
});
export type MyGift = z.infer<typeof myGiftSchema>;

import { z } from 'zod';
import { csvFileSchema, idParamSchema, okSchema } from './common.ts';
import { defineRoute } from './route.ts';

const tags = ['donations'] as const;
const access = { permission: 'donations.manage' } as const;
const isoDay = z.iso.date();

export const donationStatusSchema = z.enum([
  'pending',
  'succeeded',
  'failed',
  'expired',
  'refunded',
]);
export const donationMeansSchema = z.enum(['card', 'direct_debit', 'transfer', 'cheque', 'cash']);

/** A gift as the finance officer's list shows it. */
export const financeGiftSchema = z.object({
  id: z.number(),
  personId: z.number(),
  donorName: z.string(),
  email: z.string(),
  kind: z.enum(['gift', 'dues']),
  givenOn: z.string().nullable(),
  amountCents: z.number(),
  means: donationMeansSchema,
  status: donationStatusSchema,
  provider: z.string(),
  monthly: z.boolean(),
  receiptNumber: z.string().nullable(),
  remittanceNumber: z.string().nullable(),
  review: z.string().nullable(),
  meansDetail: z.record(z.string(), z.string()),
});
export type FinanceGift = z.infer<typeof financeGiftSchema>;

export const financeListQuerySchema = z.object({
  q: z.string().trim().max(100).optional(),
  status: donationStatusSchema.optional(),
  means: donationMeansSchema.optional(),
  from: isoDay.optional(),
  to: isoDay.optional(),
  review: z.enum(['any']).optional(),
  limit: z.coerce.number().int().min(1).max(200).default(50),
  offset: z.coerce.number().int().min(0).max(10_000_000).default(0),
});
export type FinanceListQuery = z.infer<typeof financeListQuerySchema>;

/** A cheque, transfer or cash gift the finance officer records by hand. */
export const manualGiftSchema = z.object({
  /** The donor: an existing person, or found or made by their email. */
  donor: z.object({
    civility: z.enum(['M', 'Mme']).nullable(),
    firstName: z.string().trim().min(1).max(100),
    lastName: z.string().trim().min(1).max(100),
    addressLine1: z.string().trim().min(1).max(200),
    addressLine2: z.string().trim().max(200).default(''),
    postalCode: z.string().trim().min(1).max(20),
    commune: z.string().trim().min(1).max(100),
    country: z
      .string()
      .trim()
      .regex(/^[A-Z]{2}$/)
      .default('FR'),
    email: z.email().max(254),
    phone: z.string().trim().max(30).default(''),
  }),
  kind: z.enum(['gift', 'dues']).default('gift'),
  amount: z.string().trim().min(1).max(30),
  means: z.enum(['cheque', 'transfer', 'cash']),
  givenOn: isoDay,
  bank: z.string().trim().max(100).default(''),
  chequeNumber: z.string().trim().max(30).default(''),
  reference: z.string().trim().max(100).default(''),
  /** The donor signed both statements (natural person; French or resident in France). */
  naturalPerson: z.boolean(),
  frenchOrResident: z.boolean(),
});
export type ManualGift = z.infer<typeof manualGiftSchema>;

export const totalsSchema = z.object({
  count: z.number(),
  totalCents: z.number(),
  averageCents: z.number(),
  donors: z.number(),
  activePlans: z.number(),
  monthlyCents: z.number(),
  byMeans: z.array(
    z.object({ means: donationMeansSchema, count: z.number(), totalCents: z.number() }),
  ),
  byDay: z.array(z.object({ day: z.string(), count: z.number(), totalCents: z.number() })),
  toReview: z.number(),
});

export const nearCapSchema = z.array(
  z.object({
    personId: z.number(),
    donorName: z.string(),
    email: z.string(),
    countedCents: z.number(),
    capCents: z.number(),
    leftCents: z.number(),
  }),
);

export const duplicateDonorsSchema = z.array(
  z.object({
    reason: z.string(),
    people: z.array(
      z.object({
        personId: z.number(),
        donorName: z.string(),
        email: z.string(),
        countedCents: z.number(),
      }),
    ),
  }),
);

export const receiptSeriesSchema = z.object({
  id: z.number(),
  firstNumber: z.string(),
  lastNumber: z.string(),
  receivedOn: z.string(),
  note: z.string(),
});

export const receiptFormSchema = z.object({
  number: z.string(),
  status: z.enum(['issued', 'spoiled', 'cancelled']),
  donationId: z.number().nullable(),
});

export const remittanceSlipSchema = z.object({
  id: z.number(),
  number: z.string(),
  means: z.enum(['cheque', 'cash']),
  depositedOn: z.string(),
  count: z.number(),
  totalCents: z.number(),
});

const tsvFileSchema = z.string().describe('A tab-separated file (UTF-8), sent as an attachment.');

/** The finance officer's back office: gifts, manual entries, refunds, receipts, exports. */
export const donationsFinanceApi = {
  list: defineRoute({
    method: 'GET',
    path: '/api/donations',
    summary: 'Gifts, newest first, filtered and paginated',
    tags,
    access,
    query: financeListQuerySchema,
    response: { 200: z.object({ items: z.array(financeGiftSchema), total: z.number() }) },
  }),
  record: defineRoute({
    method: 'POST',
    path: '/api/donations/manual',
    summary: 'Record a cheque, transfer or cash gift (the law checked; audited)',
    tags,
    access,
    body: manualGiftSchema,
    response: { 200: financeGiftSchema },
  }),
  refund: defineRoute({
    method: 'POST',
    path: '/api/donations/:id/refund',
    summary:
      'Refund a gift: the card is refunded through the provider, the gift stops counting and its receipt is cancelled (audited)',
    tags,
    access,
    params: idParamSchema,
    response: { 200: financeGiftSchema },
  }),
  totals: defineRoute({
    method: 'GET',
    path: '/api/donations/totals',
    summary: 'Totals: per day, per means, average gift, donors, active monthly plans',
    tags,
    access,
    response: { 200: totalsSchema },
  }),
  nearCap: defineRoute({
    method: 'GET',
    path: '/api/donations/near-cap',
    summary: 'Donors who have given 80% of the cap or more in the current period',
    tags,
    access,
    response: { 200: nearCapSchema },
  }),
  duplicateDonors: defineRoute({
    method: 'GET',
    path: '/api/donations/duplicate-donors',
    summary: 'Likely duplicate donors: the same name and address under different emails',
    tags,
    access,
    response: { 200: duplicateDonorsSchema },
  }),
  mergeDonors: defineRoute({
    method: 'POST',
    path: '/api/donations/duplicate-donors/merge',
    summary: 'Merge two donors flagged as duplicates: their gifts then share one cap (audited)',
    tags,
    access,
    body: z.object({ keptId: z.number().int().positive(), mergedId: z.number().int().positive() }),
    response: { 200: okSchema },
  }),
  series: defineRoute({
    method: 'GET',
    path: '/api/donations/receipt-series',
    summary: 'The series of numbered receipt forms received from the commission, with what is left',
    tags,
    access,
    response: {
      200: z.array(receiptSeriesSchema.extend({ unused: z.number() })),
    },
  }),
  recordSeries: defineRoute({
    method: 'POST',
    path: '/api/donations/receipt-series',
    summary: 'Record a series of numbered forms received from the commission (audited)',
    tags,
    access,
    body: z.object({
      firstNumber: z.string().trim().min(1).max(20),
      lastNumber: z.string().trim().min(1).max(20),
      receivedOn: isoDay,
      note: z.string().trim().max(200).default(''),
    }),
    response: { 200: receiptSeriesSchema },
  }),
  assignForm: defineRoute({
    method: 'POST',
    path: '/api/donations/:id/receipt',
    summary: 'Give a received gift the next unused form number (the same one if it has one)',
    tags,
    access,
    params: idParamSchema,
    response: { 200: receiptFormSchema },
  }),
  spoilForm: defineRoute({
    method: 'POST',
    path: '/api/donations/receipt-forms/spoil',
    summary: 'Mark a form spoiled: it keeps its number, never reused (audited)',
    tags,
    access,
    body: z.object({
      number: z.string().trim().min(1).max(20),
      reason: z.string().trim().min(1).max(200),
    }),
    response: { 200: receiptFormSchema },
  }),
  formsToReturn: defineRoute({
    method: 'GET',
    path: '/api/donations/receipt-forms/to-return',
    summary: 'The printable list of forms and stubs to return to the commission',
    tags,
    access,
    response: { 200: z.unknown() },
  }),
  remittances: defineRoute({
    method: 'GET',
    path: '/api/donations/remittance-slips',
    summary: 'Remittance slips: cheques (or cash) taken to the bank together',
    tags,
    access,
    response: { 200: z.array(remittanceSlipSchema) },
  }),
  createRemittance: defineRoute({
    method: 'POST',
    path: '/api/donations/remittance-slips',
    summary: 'Group received cheques (or cash) not yet banked on a new remittance slip (audited)',
    tags,
    access,
    body: z.object({
      means: z.enum(['cheque', 'cash']),
      depositedOn: isoDay,
      donationIds: z.array(z.number().int().positive()).min(1).max(500),
    }),
    response: { 200: remittanceSlipSchema },
  }),
  payouts: defineRoute({
    method: 'GET',
    path: '/api/donations/payouts',
    summary: "The payment provider's payouts to the agent's account, with the gifts in each",
    tags,
    access,
    response: { 200: z.unknown() },
  }),
  accountCsv: defineRoute({
    method: 'GET',
    path: '/api/donations/exports/account.csv',
    summary: 'The donations annex of the campaign account (CSV, streamed; audited)',
    tags,
    access,
    produces: ['text/csv'],
    response: { 200: csvFileSchema },
  }),
  donorsCsv: defineRoute({
    method: 'GET',
    path: '/api/donations/exports/donors.csv',
    summary: 'Donors with their gifts and receipt numbers (CSV, streamed; audited)',
    tags,
    access,
    produces: ['text/csv'],
    response: { 200: csvFileSchema },
  }),
  commissionTsv: defineRoute({
    method: 'GET',
    path: '/api/donations/exports/commission/:file',
    summary:
      "The commission's files of the dematerialised procedure (mandataire.tsv, operations.tsv), checked field by field first (audited)",
    tags,
    access,
    params: z.object({ file: z.enum(['mandataire.tsv', 'operations.tsv']) }),
    query: z.object({ from: isoDay.optional(), to: isoDay.optional() }),
    produces: ['text/tab-separated-values'],
    problems: { 422: '`commission_export_invalid`: fields to fix, each with its gift and field.' },
    response: { 200: tsvFileSchema },
  }),
};

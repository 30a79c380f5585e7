import { z } from 'zod';
import { donorIdentitySchema } from './donations.ts';

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
  donor: donorIdentitySchema.omit({ electedOffice: true }).extend({
    country: donorIdentitySchema.shape.country.default('FR'),
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
    /** Why the people look like one donor; the web says it in words. */
    reason: z.enum(['same_name_and_address']),
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

/** An issued form whose receipt is still to fill in and send to its donor. */
export const formToSendSchema = z.object({
  number: z.string(),
  donationId: z.number(),
  donorName: z.string(),
  amountCents: z.number(),
  givenOn: z.string(),
  issuedOn: z.string(),
  sentOn: z.string().nullable(),
});

export const formsToSendSchema = z.object({
  /** The first 500, in number order. */
  forms: z.array(formToSendSchema),
  total: z.number(),
});

export type FormsToSend = z.infer<typeof formsToSendSchema>;

export const assignAllResultSchema = z.object({
  assigned: z.number(),
  first: z.string().nullable(),
  last: z.string().nullable(),
  /** Received gifts still without a form because the forms ran out. */
  waiting: z.number(),
});

/** Form numbers as printed: digits only. */
const formNumber = z
  .string()
  .trim()
  .regex(/^\d{1,15}$/, 'Saisissez les chiffres imprimés sur la formule.');

/** A range of form numbers; an end left out is open, and no range means "not yet sent". */
export const formRangeQuerySchema = z.object({
  from: formNumber.optional(),
  to: formNumber.optional(),
});

export const formRangeSchema = z.object({ from: formNumber, to: formNumber });

export const remittanceSlipSchema = z.object({
  id: z.number(),
  number: z.string(),
  means: z.enum(['cheque', 'cash']),
  depositedOn: z.string(),
  count: z.number(),
  totalCents: z.number(),
});

/** The forms and stubs to return to the commission, per series, in number order. */
const formCounts = z.object({
  issued: z.number(),
  spoiled: z.number(),
  cancelled: z.number(),
  unused: z.number(),
  total: z.number(),
});

export const returnLineSchema = z.discriminatedUnion('kind', [
  z.object({
    kind: z.literal('issued'),
    number: z.string(),
    returns: z.string(),
    issuedOn: z.string(),
    donationId: z.number(),
    amountCents: z.number(),
  }),
  z.object({
    kind: z.literal('spoiled'),
    number: z.string(),
    returns: z.string(),
    voidedOn: z.string(),
    reason: z.string(),
    donationId: z.number().nullable(),
  }),
  z.object({
    kind: z.literal('cancelled'),
    number: z.string(),
    returns: z.string(),
    voidedOn: z.string(),
    reason: z.string(),
    donationId: z.number(),
  }),
  z.object({
    kind: z.literal('unused'),
    first: z.string(),
    last: z.string(),
    count: z.number(),
    returns: z.string(),
  }),
]);
export type ReturnLine = z.infer<typeof returnLineSchema>;

export const formsToReturnSchema = z.object({
  series: z.array(
    z.object({
      series: z.object({
        id: z.number(),
        firstNumber: z.string(),
        lastNumber: z.string(),
        receivedOn: z.string(),
      }),
      counts: formCounts,
      lines: z.array(returnLineSchema),
    }),
  ),
  totals: formCounts,
});
export type FormsToReturn = z.infer<typeof formsToReturnSchema>;

export const payoutsSchema = z.array(
  z.object({
    id: z.number(),
    provider: z.string(),
    payoutRef: z.string(),
    arrivalOn: z.string(),
    status: z.string(),
    amountCents: z.number(),
    feeCents: z.number(),
    giftCount: z.number(),
    giftsCents: z.number(),
    unmatched: z.array(z.unknown()),
  }),
);
export type Payout = z.infer<typeof payoutsSchema>[number];

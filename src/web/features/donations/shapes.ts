import { z } from 'zod';

/*
 * The shapes of two answers the contracts leave `unknown` (the forms to return, the payouts),
 * as the server builds them today. The pages read them through these schemas and fall back to
 * a plain view when an answer does not match.
 */

const counts = z.object({
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
      counts,
      lines: z.array(returnLineSchema),
    }),
  ),
  totals: counts,
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

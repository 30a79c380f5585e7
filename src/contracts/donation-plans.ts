import { z } from 'zod';
import { localeSchema } from './common.ts';

/** active | stopped | cap_reached | card_failed; `pending` until its first gift is paid. */
export const planStatusSchema = z.enum([
  'pending',
  'active',
  'stopped',
  'cap_reached',
  'card_failed',
]);
export type PlanStatus = z.infer<typeof planStatusSchema>;

/** A donor's monthly gift as they see it in their space. */
export const myDonationPlanSchema = z.object({
  id: z.number().int(),
  amountCents: z.number().int(),
  /** The day of the month it is charged (1–28). */
  dayOfMonth: z.number().int(),
  status: planStatusSchema,
  /** YYYY-MM-DD in the campaign's time zone; null unless the plan is active. */
  nextChargeOn: z.string().nullable(),
  /**
   * Why it stopped: `donor`, `collection_closed`, the law's sentence when the cap was reached,
   * or the card's last refusal (`card_declined`…) after repeated failures.
   */
  stoppedReason: z.string().nullable(),
  cardOnFile: z.boolean(),
  createdAt: z.string(),
});
export type MyDonationPlan = z.infer<typeof myDonationPlanSchema>;

/**
 * What the law still lets the donor give in the current period (the election, or the calendar
 * year for a party), all their gifts counted: each monthly charge is checked against it.
 */
export const capRoomSchema = z.object({
  period: z.enum(['election', 'year']),
  capCents: z.number().int(),
  countedCents: z.number().int(),
  leftCents: z.number().int(),
});
export type CapRoom = z.infer<typeof capRoomSchema>;

export const myDonationPlansSchema = z.object({
  plans: z.array(myDonationPlanSchema),
  /** Null when the campaign takes no gifts now. */
  room: capRoomSchema.nullable(),
});

/** A new amount, as typed ("25", "12,50"); the answer's field errors are in `locale`. */
export const planAmountSchema = z.object({
  amount: z.string().trim().min(1).max(30),
  locale: localeSchema.optional(),
});

export const planCardSchema = z.object({ locale: localeSchema.optional() });

export const changedPlanSchema = z.object({
  plan: myDonationPlanSchema,
  room: capRoomSchema.nullable(),
});

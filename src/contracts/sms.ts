import { z } from 'zod';
import { SENDER_PATTERN } from './sms-text.ts';

/** Where a text campaign is in its life. */
export const smsCampaignStatusSchema = z.enum([
  'draft',
  'scheduled',
  'sending',
  'sent',
  'canceled',
]);
export type SmsCampaignStatus = z.infer<typeof smsCampaignStatusSchema>;

/** A body's length before its STOP mention: ten segments of GSM-7 at most. */
export const SMS_BODY_MAX = 1_500;

export const smsCampaignInputSchema = z
  .object({
    name: z.string().trim().min(3, 'too_short').max(120, 'too_long'),
    /** The alphanumeric sender ID shown on the phone (3–11 letters and digits, one letter at least). */
    sender: z.string().trim().regex(SENDER_PATTERN, 'invalid_sender'),
    /** The text; `{prénom}` and `{commune}` are filled per recipient; the STOP mention is added. */
    body: z.string().trim().min(1, 'required').max(SMS_BODY_MAX, 'too_long'),
    /** A saved segment; null texts everyone who agreed to SMS. */
    segmentId: z.number().int().positive().nullable(),
  })
  .strict();
export type SmsCampaignInput = z.input<typeof smsCampaignInputSchema>;

/** What happened to a campaign's texts, from its outbox rows and the provider's reports. */
export const smsCountsSchema = z.object({
  /** Recipients frozen at the start of the send. */
  recipients: z.number(),
  /** Not sent yet (waiting their turn, or held: night, Sunday, public holiday, silence). */
  pending: z.number(),
  /** Handed to the provider. */
  sent: z.number(),
  /** Reported delivered to the phone by the provider. */
  delivered: z.number(),
  /** Not sent on purpose: no consent, opted out, no mobile number, canceled. */
  suppressed: z.number(),
  /** Refused or lost by the provider, or interrupted while being sent. */
  failed: z.number(),
  /** Recipients who answered STOP to this campaign. */
  stops: z.number(),
});
export type SmsCounts = z.infer<typeof smsCountsSchema>;

export const smsCampaignSchema = z.object({
  id: z.number(),
  name: z.string(),
  sender: z.string(),
  body: z.string(),
  segmentId: z.number().nullable(),
  status: smsCampaignStatusSchema,
  /** The text as sent (the STOP mention added), placeholders as written. */
  text: z.string(),
  encoding: z.enum(['GSM-7', 'UCS-2']),
  /** Segments per text, placeholders counted at their allowance. */
  segments: z.number(),
  scheduledAt: z.string().nullable(),
  startedAt: z.string().nullable(),
  finishedAt: z.string().nullable(),
  counts: smsCountsSchema,
  createdAt: z.string(),
  updatedAt: z.string(),
});
export type SmsCampaign = z.infer<typeof smsCampaignSchema>;

/** Who a text to a segment would reach now, and what it would cost. */
export const smsReachInputSchema = z
  .object({
    body: z.string().max(SMS_BODY_MAX, 'too_long'),
    segmentId: z.number().int().positive().nullable(),
  })
  .strict();

export const smsReachSchema = z.object({
  /** People of the segment who agreed to SMS now (the gate checks again at send time). */
  recipients: z.number(),
  /** True when `recipients` is an estimate (a very large audience). */
  estimate: z.boolean(),
  text: z.string(),
  encoding: z.enum(['GSM-7', 'UCS-2']),
  segments: z.number(),
  /** Euros: segments × recipients × the configured price per segment. */
  cost: z.number(),
  pricePerSegment: z.number(),
  stopNumber: z.string(),
});
export type SmsReach = z.infer<typeof smsReachSchema>;

export const smsScheduleSchema = z
  .object({ at: z.iso.datetime({ offset: true }).nullable() })
  .strict();

export const smsTestResultSchema = z.object({
  /** The staff member's own mobile number the test went to. */
  to: z.string(),
});

/** A text the development adapter kept instead of sending it. */
export const caughtSmsSchema = z.object({
  id: z.number(),
  to: z.string(),
  sender: z.string(),
  body: z.string(),
  validitySeconds: z.number().nullable(),
  at: z.string(),
});
export type CaughtSms = z.infer<typeof caughtSmsSchema>;

/** A text received on the provider's number that is not a STOP: an answer, kept for staff. */
export const smsReplySchema = z.object({
  id: z.number(),
  /** The number it came from (E.164 when it reads as one). */
  from: z.string(),
  body: z.string(),
  receivedAt: z.string(),
  /** The text campaign last sent to that number before the answer came, if any. */
  smsCampaign: z.object({ id: z.number(), name: z.string() }).nullable(),
  /**
   * The people whose mobile number it is (none when nobody has it), for those who may read
   * people (`people.read`); always empty for the others.
   */
  people: z.array(z.object({ id: z.number(), name: z.string() })),
});
export type SmsReply = z.infer<typeof smsReplySchema>;

export const smsRepliesQuerySchema = z.object({
  page: z.coerce.number().int().min(1).max(10_000).default(1),
  /** Only the answers to this text campaign. */
  smsCampaignId: z.coerce.number().int().positive().optional(),
});

import { z } from 'zod';

/** What can be reported: each kind is registered by the feature that owns it. */
export const moderationTargetKindSchema = z.enum([
  'committee',
  'event',
  'committee_message',
  'committee_post',
  'committee_comment',
  'content_comment',
]);
export type ModerationTargetKind = z.infer<typeof moderationTargetKindSchema>;

export const reportReasonSchema = z.enum([
  'spam',
  'hate',
  'harassment',
  'misinformation',
  'illegal',
  'impersonation',
  'other',
]);
export type ReportReason = z.infer<typeof reportReasonSchema>;

export const reportInputSchema = z.object({
  targetKind: moderationTargetKindSchema,
  targetId: z.number().int().min(1),
  reason: reportReasonSchema,
  text: z.string().trim().max(2_000, 'too_long').default(''),
});

/**
 * What a moderator does with a reported target: `dismiss` (nothing wrong), `ask_fix` (the
 * organisers are asked to change it), `unpublish` (hidden, can be restored), `close` (ended
 * for good), `restore` (published again), and `ban` the person who wrote it (everything they
 * posted is hidden at once, and they can post nothing more).
 */
export const moderationActionSchema = z.enum([
  'dismiss',
  'ask_fix',
  'unpublish',
  'close',
  'restore',
  'ban',
]);
export type ModerationAction = z.infer<typeof moderationActionSchema>;

export const decisionInputSchema = z.object({
  targetKind: moderationTargetKindSchema,
  targetId: z.number().int().min(1),
  action: moderationActionSchema,
  /** Why, as the people concerned will read it (required unless dismissing). */
  message: z.string().trim().max(2_000, 'too_long').default(''),
});

export const moderationTargetSchema = z.object({
  kind: moderationTargetKindSchema,
  id: z.number().int(),
  title: z.string(),
  /** Where it can be seen (a public page, or the organisers' page when hidden). */
  url: z.string().nullable(),
  status: z.string(),
  authorId: z.number().int().nullable(),
  authorName: z.string().nullable(),
});
export type ModerationTarget = z.infer<typeof moderationTargetSchema>;

/** The reports about one target, grouped, as the queue shows them (oldest first). */
export const reportGroupSchema = z.object({
  target: moderationTargetSchema,
  reporters: z.number().int(),
  reasons: z.array(z.object({ reason: reportReasonSchema, count: z.number().int() })),
  firstAt: z.iso.datetime(),
  lastAt: z.iso.datetime(),
  texts: z.array(z.string()),
});
export const moderationQueueSchema = z.object({
  items: z.array(reportGroupSchema),
  total: z.number().int(),
});

export const decisionSchema = z.object({
  id: z.number().int(),
  targetKind: moderationTargetKindSchema,
  targetId: z.number().int(),
  action: moderationActionSchema,
  message: z.string(),
  reportsClosed: z.number().int(),
  /** A suspension the repeat-offender rules gave the author, if one did. */
  suspendedUntil: z.iso.datetime().nullable(),
  at: z.iso.datetime(),
});

export const sanctionSchema = z.object({
  id: z.number().int(),
  personId: z.number().int(),
  personName: z.string().nullable(),
  kind: z.enum(['suspension', 'ban']),
  until: z.iso.datetime().nullable(),
  reason: z.string(),
  at: z.iso.datetime(),
});
export const sanctionsSchema = z.array(sanctionSchema);

/** Repeat offenders, as data: so many upheld reports within so many days suspend posting. */
export const moderationRuleSchema = z.object({
  upheld: z.number().int().min(1).max(100),
  withinDays: z.number().int().min(1).max(365),
  suspendDays: z.number().int().min(1).max(3650),
});
export const moderationRulesSchema = z.object({ rules: z.array(moderationRuleSchema).max(10) });
export type ModerationRules = z.infer<typeof moderationRulesSchema>;
export const defaultModerationRules: ModerationRules = {
  rules: [{ upheld: 3, withinDays: 30, suspendDays: 30 }],
};

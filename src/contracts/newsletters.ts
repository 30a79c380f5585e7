import { z } from 'zod';

/** Where a newsletter is in its life. */
export const newsletterStatusSchema = z.enum([
  'draft',
  'scheduled',
  /** A subject test's sample is being sent; the rest waits for the winner. */
  'testing',
  'sending',
  'sent',
  'canceled',
]);
export type NewsletterStatus = z.infer<typeof newsletterStatusSchema>;

export const NEWSLETTER_BODY_MAX = 100_000;

/**
 * The placeholders a newsletter's subject and body may hold, filled in for each recipient
 * when the mail is sent (an unknown value becomes an empty string).
 */
export const newsletterPlaceholders = ['prénom', 'nom', 'commune', 'comité'] as const;

/** A subject test's two subjects: A is the newsletter's own subject, B the second one. */
export const subjectVariantSchema = z.enum(['a', 'b']);
export type SubjectVariant = z.infer<typeof subjectVariantSchema>;

/** What decides a subject test: the share of tracked recipients who opened, or who clicked. */
export const subjectTestMetricSchema = z.enum(['opens', 'clicks']);
export type SubjectTestMetric = z.infer<typeof subjectTestMetricSchema>;

/** The bounds of a subject test's settings, and their defaults. */
export const SUBJECT_TEST_LIMITS = {
  /** Percent of the recipients in the sample, half of them sent A and half B. */
  samplePercent: { min: 10, max: 50, default: 20 },
  /** Hours between the start of the send and the decision. */
  waitHours: { min: 1, max: 72, default: 4 },
} as const;

const { samplePercent, waitHours } = SUBJECT_TEST_LIMITS;

/** A subject test (A/B) as staff set it on a newsletter they can still edit. */
export const subjectTestInputSchema = z
  .object({
    subjectB: z.string().trim().min(1, 'required').max(200, 'too_long'),
    samplePercent: z
      .number()
      .int('whole_number')
      .min(samplePercent.min, 'out_of_range')
      .max(samplePercent.max, 'out_of_range')
      .default(samplePercent.default),
    waitHours: z
      .number()
      .int('whole_number')
      .min(waitHours.min, 'out_of_range')
      .max(waitHours.max, 'out_of_range')
      .default(waitHours.default),
    metric: subjectTestMetricSchema.default('opens'),
  })
  .strict();
export type SubjectTestInput = z.input<typeof subjectTestInputSchema>;

/** What staff write: the body in Markdown (no HTML is kept), sent to a segment or to everyone. */
export const newsletterInputSchema = z
  .object({
    name: z.string().trim().min(3, 'too_short').max(120, 'too_long'),
    subject: z.string().trim().min(1, 'required').max(200, 'too_long'),
    /** The line mail clients show after the subject; optional. */
    preheader: z.string().trim().max(200, 'too_long').default(''),
    body: z.string().trim().min(1, 'required').max(NEWSLETTER_BODY_MAX, 'too_long'),
    /** A saved segment; null sends to everyone who agreed to the campaign's email. */
    segmentId: z.number().int().positive().nullable(),
    /** A second subject tried on a sample before the rest gets the winner; null: no test. */
    subjectTest: subjectTestInputSchema.nullable().default(null),
  })
  .strict()
  .superRefine((input, context) => {
    // A test of a subject against itself would decide nothing.
    if (input.subjectTest && input.subjectTest.subjectB === input.subject) {
      context.addIssue({
        code: 'custom',
        path: ['subjectTest', 'subjectB'],
        message: 'same_as_subject',
      });
    }
  });
export type NewsletterInput = z.input<typeof newsletterInputSchema>;

/** What the campaign's mail did with a newsletter, from its outbox rows. */
export const newsletterCountsSchema = z.object({
  /** Recipients frozen at the start of the send. */
  recipients: z.number(),
  /** Not sent yet (waiting their turn, or held until the pre-election silence ends). */
  pending: z.number(),
  /** Accepted by the receiving server, and not bounced since. */
  sent: z.number(),
  /** Sent, then returned: the address does not exist, the mailbox is full… */
  bounced: z.number(),
  /** Recipients who marked it as spam (reported by their provider). */
  complaints: z.number(),
  /** Not sent on purpose: consent withdrawn, opted out, address bounced… */
  suppressed: z.number(),
  failed: z.number(),
  /** Recipients who unsubscribed from a link or button of this newsletter. */
  unsubscribed: z.number(),
  /**
   * Recipients whose mail was tracked: they agreed to the measure of opens and clicks when it
   * was rendered. Opens and clicks are counted among them only (the rates' denominator).
   */
  tracked: z.number(),
  /** Tracked recipients who opened it (a click counts as an open: images may be blocked). */
  opened: z.number(),
  /** Tracked recipients who followed one of its links. */
  clicked: z.number(),
});
export type NewsletterCounts = z.infer<typeof newsletterCountsSchema>;

/** One variant's figures in a subject test's sample. */
export const subjectVariantFiguresSchema = z.object({
  /** People of the sample sent this subject. */
  recipients: z.number(),
  /** Of them, mails accepted by the receiving server (not bounced since). */
  sent: z.number(),
  /** Of them, those whose opens and clicks are measured (they agreed to that tracking). */
  tracked: z.number(),
  /** Tracked recipients who opened (a click counts as an open: images may be blocked). */
  opened: z.number(),
  /** Tracked recipients who clicked a link. */
  clicked: z.number(),
});
export type SubjectVariantFigures = z.infer<typeof subjectVariantFiguresSchema>;

/**
 * Why the winner won: a higher rate of the measure; a tie or no measure (a variant without a
 * tracked recipient), where A, the newsletter's own subject, goes; or staff's pick.
 */
export const subjectTestReasonSchema = z.enum(['higher_rate', 'tie', 'no_tracking', 'manual']);
export type SubjectTestReason = z.infer<typeof subjectTestReasonSchema>;

const variantPairSchema = z.object({
  a: subjectVariantFiguresSchema,
  b: subjectVariantFiguresSchema,
});

/** A newsletter's subject test: its settings, each variant's figures, and the decision. */
export const subjectTestSchema = z.object({
  subjectB: z.string(),
  samplePercent: z.number(),
  waitHours: z.number(),
  metric: subjectTestMetricSchema,
  /** People who could be mailed when the send started (the sample's pool); null before. */
  eligible: z.number().nullable(),
  /** When the wait ends and the winner is chosen; null before the send starts. */
  decideAt: z.string().nullable(),
  decidedAt: z.string().nullable(),
  winner: subjectVariantSchema.nullable(),
  reason: subjectTestReasonSchema.nullable(),
  /** The sample's figures now, per variant. */
  variants: variantPairSchema,
  /** The figures the decision was made on; null before it. */
  decidedOn: variantPairSchema.nullable(),
});
export type SubjectTest = z.infer<typeof subjectTestSchema>;

/** Staff pick a subject test's winner before the wait is over. */
export const subjectTestWinnerSchema = z.object({ variant: subjectVariantSchema }).strict();

export const newsletterSchema = z.object({
  id: z.number(),
  name: z.string(),
  subject: z.string(),
  preheader: z.string(),
  body: z.string(),
  segmentId: z.number().nullable(),
  status: newsletterStatusSchema,
  /** When a scheduled newsletter goes; when a sent one went. */
  scheduledAt: z.string().nullable(),
  startedAt: z.string().nullable(),
  finishedAt: z.string().nullable(),
  counts: newsletterCountsSchema,
  subjectTest: subjectTestSchema.nullable(),
  createdAt: z.string(),
  updatedAt: z.string(),
});
export type Newsletter = z.infer<typeof newsletterSchema>;

/** A draft's subject and body as a recipient would see them (the live preview). */
export const newsletterPreviewInputSchema = z
  .object({
    subject: z.string().max(200),
    preheader: z.string().max(200).default(''),
    body: z.string().max(NEWSLETTER_BODY_MAX),
  })
  .strict();
export type NewsletterPreviewInput = z.input<typeof newsletterPreviewInputSchema>;

export const newsletterPreviewSchema = z.object({
  subject: z.string(),
  /** The whole mail's HTML (sanitised), for a sandboxed frame. */
  html: z.string(),
  text: z.string(),
});
export type NewsletterPreview = z.infer<typeof newsletterPreviewSchema>;

/** When to send: a moment to come, or null for now. */
export const newsletterScheduleSchema = z
  .object({ at: z.iso.datetime({ offset: true }).nullable() })
  .strict();

export const newsletterTestResultSchema = z.object({
  /** The address the test went to: the staff member's own. */
  to: z.string(),
});

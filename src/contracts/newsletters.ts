import { z } from 'zod';

/** Where a newsletter is in its life. */
export const newsletterStatusSchema = z.enum(['draft', 'scheduled', 'sending', 'sent', 'canceled']);
export type NewsletterStatus = z.infer<typeof newsletterStatusSchema>;

export const NEWSLETTER_BODY_MAX = 100_000;

/**
 * The placeholders a newsletter's subject and body may hold, filled in for each recipient
 * when the mail is sent (an unknown value becomes an empty string).
 */
export const newsletterPlaceholders = ['prénom', 'nom', 'commune', 'comité'] as const;

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
  })
  .strict();
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
});
export type NewsletterCounts = z.infer<typeof newsletterCountsSchema>;

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

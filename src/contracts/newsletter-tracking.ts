import { z } from 'zod';

/**
 * Opens and clicks of newsletters, measured only for recipients who agreed to that tracking
 * (consent `email_tracking`, off by default): their mail carries an invisible image and links
 * that lead through the campaign's site. Nobody else's mail does.
 */

/** The image's address: the token signs the newsletter and the person. */
export const trackingPixelQuerySchema = z.object({
  /** The signed token; anything else still gets the image, and nothing is recorded. */
  t: z.string().optional(),
});

/** One web link of a newsletter's text, and how many times tracked recipients followed it. */
export const newsletterLinkSchema = z.object({
  /** Its place among the newsletter's web links, from 0 (the tracked link names it so). */
  index: z.number(),
  url: z.string(),
  clicks: z.number(),
});
export type NewsletterLink = z.infer<typeof newsletterLinkSchema>;
export const newsletterLinksSchema = z.object({ items: z.array(newsletterLinkSchema) });

/** A newsletter a person opened or clicked in (their mail was tracked). */
export const personEngagementSchema = z.object({
  newsletterId: z.number(),
  name: z.string(),
  /** When they first opened it (a click counts as an open); null if never. */
  openedAt: z.string().nullable(),
  opens: z.number(),
  clickedAt: z.string().nullable(),
  clicks: z.number(),
});
export type PersonEngagement = z.infer<typeof personEngagementSchema>;

/**
 * A person's opens and clicks, shown at HQ only while they agree to that tracking: without
 * their consent now, `consents` is false and nothing else is said.
 */
export const personEngagementsSchema = z.object({
  consents: z.boolean(),
  /** Newsletters whose mail to them was tracked. */
  tracked: z.number(),
  /** Those they opened or clicked in, newest first (at most 100). */
  items: z.array(personEngagementSchema),
});
export type PersonEngagements = z.infer<typeof personEngagementsSchema>;

import { z } from 'zod';

/** What an item is: a full article, a short talking point, or a rebuttal of a claim. */
export const contentKindSchema = z.enum(['article', 'talking_point', 'rebuttal']);
export type ContentKind = z.infer<typeof contentKindSchema>;
export const contentKinds: readonly ContentKind[] = contentKindSchema.options;

/** A draft is seen by staff only; a published item is public from its `publishAt`. */
export const contentStatusSchema = z.enum(['draft', 'published']);
export type ContentStatus = z.infer<typeof contentStatusSchema>;

export const CONTENT_BODY_MAX = 100_000;
/** The largest image accepted for an item, before it is re-encoded. */
export const CONTENT_IMAGE_MAX_BYTES = 5 * 1024 * 1024;

/** The networks a share kit writes a text for. */
export const shareNetworks = ['x', 'facebook', 'whatsapp', 'telegram', 'email'] as const;
export type ShareNetwork = (typeof shareNetworks)[number];

/**
 * The ready-made texts of an item's share kit, one per network (the email has a subject).
 * Empty texts fall back to the item's title. The link is added when shared.
 */
export const shareTextsSchema = z
  .object({
    x: z.string().trim().max(250, 'too_long').default(''),
    facebook: z.string().trim().max(2000, 'too_long').default(''),
    whatsapp: z.string().trim().max(2000, 'too_long').default(''),
    telegram: z.string().trim().max(2000, 'too_long').default(''),
    emailSubject: z.string().trim().max(200, 'too_long').default(''),
    emailBody: z.string().trim().max(5000, 'too_long').default(''),
  })
  .strict();
export type ShareTexts = z.output<typeof shareTextsSchema>;

/** An address's last part: lower-case letters, digits and single hyphens. */
export const slugSchema = z
  .string()
  .trim()
  .min(1, 'required')
  .max(100, 'too_long')
  .regex(/^[a-z0-9]+(?:-[a-z0-9]+)*$/, 'invalid_slug');

const tagSchema = z
  .string()
  .trim()
  .min(1, 'required')
  .max(40, 'too_long')
  .regex(/^[^,<>]+$/, 'invalid_characters');

/** What staff write; the body is Markdown (no HTML is kept when it is drawn). */
export const contentInputSchema = z
  .object({
    kind: contentKindSchema,
    slug: slugSchema,
    title: z.string().trim().min(1, 'required').max(200, 'too_long'),
    summary: z.string().trim().max(500, 'too_long').default(''),
    body: z.string().trim().max(CONTENT_BODY_MAX, 'too_long').default(''),
    tags: z.array(tagSchema).max(20, 'too_many').default([]),
    share: shareTextsSchema.default({
      x: '',
      facebook: '',
      whatsapp: '',
      telegram: '',
      emailSubject: '',
      emailBody: '',
    }),
  })
  .strict();
export type ContentInput = z.input<typeof contentInputSchema>;

export const contentImageSchema = z.object({
  url: z.string(),
  width: z.number(),
  height: z.number(),
});

export const contentItemSchema = z.object({
  id: z.number(),
  kind: contentKindSchema,
  slug: z.string(),
  title: z.string(),
  summary: z.string(),
  body: z.string(),
  tags: z.array(z.string()),
  share: shareTextsSchema,
  status: contentStatusSchema,
  /** When a published item is (or was) shown; null for a draft. */
  publishAt: z.string().nullable(),
  /** Published and its moment come: the public page shows it. */
  live: z.boolean(),
  image: contentImageSchema.nullable(),
  authorId: z.number().nullable(),
  /** The public page's address. */
  url: z.string(),
  createdAt: z.string(),
  updatedAt: z.string(),
});
export type ContentItem = z.infer<typeof contentItemSchema>;

export const contentListQuerySchema = z.object({
  q: z.string().trim().max(100).optional(),
  tag: z.string().trim().max(40).optional(),
  status: z.enum(['draft', 'scheduled', 'live']).optional(),
  offset: z.coerce.number().int().min(0).max(1_000_000).default(0),
  limit: z.coerce.number().int().min(1).max(100).default(50),
});

export const contentListSchema = z.object({
  items: z.array(contentItemSchema),
  total: z.number(),
});

/** When to publish: a moment (past or to come), or null for now. */
export const contentPublishSchema = z
  .object({ at: z.iso.datetime({ offset: true }).nullable() })
  .strict();

export const contentPreviewInputSchema = z
  .object({ body: z.string().max(CONTENT_BODY_MAX, 'too_long') })
  .strict();
export const contentPreviewSchema = z.object({ html: z.string() });

/** What a supporter's shares brought: visits through their links, sign-ups and paid gifts. */
export const shareCountsSchema = z.object({
  visits: z.number(),
  signups: z.number(),
  donations: z.number(),
});
export type ShareCounts = z.infer<typeof shareCountsSchema>;

export const myShareSchema = shareCountsSchema.extend({
  /** The query parameter (`s=…`) the supporter's links carry. */
  ref: z.string(),
});
export type MyShare = z.infer<typeof myShareSchema>;

export const leaderboardRowSchema = shareCountsSchema.extend({
  personId: z.number(),
  name: z.string(),
});
export type LeaderboardRow = z.infer<typeof leaderboardRowSchema>;
export const leaderboardSchema = z.array(leaderboardRowSchema);

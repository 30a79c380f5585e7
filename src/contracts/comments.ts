import { z } from 'zod';

/** Comments shown at a time, top-level ones (each with its replies). */
export const COMMENTS_PAGE = 20;
export const COMMENT_MAX = 2_000;

/**
 * `visible`: shown. `held`: a forbidden word held it for a moderator. `hidden`: a moderator
 * took it down (it can be restored). `deleted`: removed for good.
 */
export const commentStatusSchema = z.enum(['visible', 'held', 'hidden', 'deleted']);
export type CommentStatus = z.infer<typeof commentStatusSchema>;

export const commentItemParamsSchema = z.object({ itemId: z.coerce.number().int().min(1) });

export const commentsQuerySchema = z.object({
  /** The `next` of the previous page: the id of its last top-level comment. */
  after: z.coerce.number().int().min(0).optional(),
});

export const commentPostSchema = z.object({
  body: z.string().trim().min(1, 'required').max(COMMENT_MAX, 'too_long'),
  /** The comment answered: replies go one level deep. */
  parentId: z.number().int().min(1).nullable().default(null),
});
export type CommentPost = z.input<typeof commentPostSchema>;

export const commentReplySchema = z.object({
  id: z.number().int(),
  authorName: z.string(),
  /** Plain text: the page escapes it, so markup in it never runs. */
  body: z.string(),
  at: z.iso.datetime(),
  mine: z.boolean(),
});

export const itemCommentSchema = commentReplySchema.extend({
  replies: z.array(commentReplySchema),
});
export type ItemComment = z.infer<typeof itemCommentSchema>;

export const commentsPageSchema = z.object({
  items: z.array(itemCommentSchema),
  /** The cursor of the next page, null on the last. */
  next: z.number().int().nullable(),
  /** Whether comments are still taken (the window after publication). */
  open: z.boolean(),
  closesAt: z.iso.datetime(),
});
export type CommentsPage = z.infer<typeof commentsPageSchema>;

export const postedCommentSchema = z.object({
  id: z.number().int(),
  status: commentStatusSchema,
});

/**
 * The campaign's comment rules: who may comment (any logged-in supporter, or only those who
 * confirmed their address), for how many days after publication, how many comments a person
 * may post in an hour, and the words that hold a comment for a moderator.
 */
export const commentRulesSchema = z.object({
  who: z.enum(['supporters', 'confirmed']),
  openDays: z.number().int().min(1).max(3650),
  perHour: z.number().int().min(1).max(1000),
  forbiddenWords: z.array(z.string().trim().min(1).max(100)).max(1000),
});
export type CommentRules = z.infer<typeof commentRulesSchema>;
export const defaultCommentRules: CommentRules = {
  who: 'supporters',
  openDays: 7,
  perHour: 10,
  forbiddenWords: [],
};

export const commentNotificationsSchema = z.object({
  /** Mails when someone comments one's article or answers one's comment. */
  notify: z.boolean(),
});

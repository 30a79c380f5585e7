import { z } from 'zod';
import { pageOf } from './common.ts';

/** Comments shown at a time, top-level ones (each with its replies). */
export const COMMENTS_PAGE = 20;
export const COMMENT_MAX = 2_000;
/** How long after posting its author may still edit a comment. */
export const COMMENT_EDIT_MINUTES = 15;

/**
 * `visible`: shown. `held`: a forbidden word held it for a moderator. `hidden`: a moderator
 * took it down (it can be restored). `deleted`: removed for good by a moderator (or blanked
 * by an erasure). `withdrawn`: deleted by its author.
 */
export const commentStatusSchema = z.enum(['visible', 'held', 'hidden', 'deleted', 'withdrawn']);
export type CommentStatus = z.infer<typeof commentStatusSchema>;

export const commentItemParamsSchema = z.object({ itemId: z.coerce.number().int().min(1) });

export const commentsQuerySchema = z.object({
  /** The `next` of the previous page: the id of its last top-level comment. */
  after: z.coerce.number().int().min(0).optional(),
});

const commentBodySchema = z.string().trim().min(1, 'required').max(COMMENT_MAX, 'too_long');

export const commentPostSchema = z.object({
  body: commentBodySchema,
  /** The comment answered: replies go one level deep. */
  parentId: z.number().int().min(1).nullable().default(null),
});
export type CommentPost = z.input<typeof commentPostSchema>;

export const commentParamsSchema = commentItemParamsSchema.extend({
  commentId: z.coerce.number().int().min(1),
});

/** An author's edit of their comment: the same checks as a post. */
export const commentEditSchema = z.object({ body: commentBodySchema });
export type CommentEdit = z.input<typeof commentEditSchema>;

export const commentReplySchema = z.object({
  id: z.number().int(),
  authorName: z.string(),
  /** Plain text: the page escapes it, so markup in it never runs. */
  body: z.string(),
  at: z.iso.datetime(),
  mine: z.boolean(),
  /** Its author edited it after posting. */
  edited: z.boolean(),
  /**
   * Deleted by its author, shown only as a mark because replies stay under it (no name, no
   * text).
   */
  deleted: z.boolean(),
  /** For the viewer's own comment: until when they may edit it (null: no longer). */
  editableUntil: z.iso.datetime().nullable(),
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

export const editedCommentSchema = postedCommentSchema.extend({
  editedAt: z.iso.datetime(),
});

/**
 * What happened to a comment its author deleted: `marked` when replies stay under it (the page
 * says it was deleted by its author), `removed` otherwise (the page no longer shows it).
 */
export const deletedCommentSchema = z.object({
  id: z.number().int(),
  shown: z.enum(['marked', 'removed']),
});

/**
 * One of a person's comments as HQ's person page lists it: where, when, in what state, and a
 * link to it; never its text.
 */
export const personCommentSchema = z.object({
  id: z.number().int(),
  itemId: z.number().int(),
  /** Null when the item no longer exists. */
  itemTitle: z.string().nullable(),
  at: z.iso.datetime(),
  editedAt: z.iso.datetime().nullable(),
  reply: z.boolean(),
  status: commentStatusSchema,
  /** The comment on its public page while the item is live; null otherwise. */
  url: z.string().nullable(),
});
export type PersonComment = z.infer<typeof personCommentSchema>;
export const personCommentsPageSchema = pageOf(personCommentSchema);
export type PersonCommentsPage = z.infer<typeof personCommentsPageSchema>;
export const personCommentsQuerySchema = z.object({
  page: z.coerce.number().int().min(1).max(10_000).default(1),
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
  /**
   * Whole words or phrases, compared without accents or case; each needs a letter or a digit
   * (punctuation alone could never match).
   */
  forbiddenWords: z
    .array(
      z
        .string()
        .trim()
        .min(1, 'required')
        .max(100, 'too_long')
        .regex(/[\p{L}\p{N}]/u, 'no_letters'),
    )
    .max(1000, 'too_many'),
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

import { z } from 'zod';
import { committeeIdParamsSchema } from './committees.ts';

/** The longest post or comment (Markdown), and how much a post carries beside its text. */
export const POST_MAX = 10_000;
export const COMMENT_MAX = 3_000;
export const POST_LINKS_MAX = 5;
export const POST_DOCUMENTS_MAX = 5;
export const BOARD_PAGE = 20;
/** The largest document a member may attach. */
export const DOCUMENT_MAX_BYTES = 10 * 1024 * 1024;

/** What a document may be, read from its bytes (never from its name or the browser's word). */
export const documentTypeSchema = z.enum([
  'application/pdf',
  'image/jpeg',
  'image/png',
  'image/gif',
  'image/webp',
  'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
  'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
  'application/vnd.openxmlformats-officedocument.presentationml.presentation',
  'application/vnd.oasis.opendocument.text',
  'application/vnd.oasis.opendocument.spreadsheet',
  'application/vnd.oasis.opendocument.presentation',
  'text/plain',
  'text/csv',
]);
export type DocumentType = z.infer<typeof documentTypeSchema>;

/** A link in a post: web addresses only (no `javascript:`, `data:` or `file:`). */
const linkInput = z
  .url({ protocol: /^https?$/, hostname: z.regexes.domain, message: 'invalid_url' })
  .max(2_000, 'too_long');

export const postInputSchema = z.object({
  body: z.string().trim().min(1, 'required').max(POST_MAX, 'too_long'),
  links: z.array(linkInput).max(POST_LINKS_MAX, 'too_many').default([]),
  /** Documents the author uploaded first (`POST …/documents`), attached now. */
  documentIds: z.array(z.number().int().min(1)).max(POST_DOCUMENTS_MAX, 'too_many').default([]),
});
export type PostInput = z.input<typeof postInputSchema>;

export const commentInputSchema = z.object({
  body: z.string().trim().min(1, 'required').max(COMMENT_MAX, 'too_long'),
});

export const pinInputSchema = z.object({ pinned: z.boolean() });

export const boardQuerySchema = z.object({
  /** The `next` of the previous page. */
  after: z
    .string()
    .regex(/^[01]\.\d{1,15}$/, 'invalid_cursor')
    .optional(),
});

export const postParamsSchema = committeeIdParamsSchema.extend({
  postId: z.coerce.number().int().min(1),
});
export const commentParamsSchema = postParamsSchema.extend({
  commentId: z.coerce.number().int().min(1),
});
export const documentParamsSchema = committeeIdParamsSchema.extend({
  documentId: z.coerce.number().int().min(1),
});

export const boardDocumentSchema = z.object({
  id: z.number().int(),
  name: z.string(),
  type: documentTypeSchema,
  size: z.number().int(),
});
export type BoardDocument = z.infer<typeof boardDocumentSchema>;

export const postLinkSchema = z.object({ url: z.string(), host: z.string() });

/** What the author may do with it and what the caller's rank allows. */
const mayEditSchema = z.object({ delete: z.boolean(), edit: z.boolean() });

export const postSchema = z.object({
  id: z.number().int(),
  /** Drawn from Markdown and cleaned on the server. */
  bodyHtml: z.string(),
  links: z.array(postLinkSchema),
  documents: z.array(boardDocumentSchema),
  pinned: z.boolean(),
  author: z.string().nullable(),
  /** Its author's data was erased: no text, no author; the others' comments stay. */
  erased: z.boolean(),
  mine: z.boolean(),
  comments: z.number().int(),
  at: z.iso.datetime(),
  may: mayEditSchema.pick({ delete: true }),
});
export type BoardPost = z.infer<typeof postSchema>;

export const boardPageSchema = z.object({
  items: z.array(postSchema),
  /** The cursor of the following page, or null at the end. */
  next: z.string().nullable(),
  /** Whether the caller may pin (managers and organisers). */
  mayPin: z.boolean(),
});

export const commentSchema = z.object({
  id: z.number().int(),
  body: z.string(),
  bodyHtml: z.string(),
  author: z.string().nullable(),
  mine: z.boolean(),
  at: z.iso.datetime(),
  editedAt: z.iso.datetime().nullable(),
  may: mayEditSchema,
});
export type BoardComment = z.infer<typeof commentSchema>;
export const commentsSchema = z.array(commentSchema);

import { z } from 'zod';
import {
  boardDocumentSchema,
  boardPageSchema,
  boardQuerySchema,
  commentInputSchema,
  commentParamsSchema,
  commentSchema,
  commentsSchema,
  documentParamsSchema,
  documentTypeSchema,
  pinInputSchema,
  postInputSchema,
  postParamsSchema,
  postSchema,
} from './committee-board.ts';
import { committeeIdParamsSchema } from './committees.ts';
import { okSchema } from './common.ts';
import { defineRoute } from './route.ts';

const tags = ['committee board'] as const;
/** Members read and write; followers only follow the committee's news. */
const members = { scope: 'committee', rank: 'member', orPermission: 'committees.manage' } as const;
const managers = {
  scope: 'committee',
  rank: 'manager',
  orPermission: 'committees.manage',
} as const;
const mayPost = '`posting_suspended`, `posting_banned`: the moderators withdrew the right to post';

/** A committee's board: its members' posts, links, documents and comments. */
export const committeeBoardApi = {
  posts: defineRoute({
    method: 'GET',
    path: '/api/committees/:committeeId/posts',
    summary: "The committee's board: pinned posts first, then the newest, 20 at a time",
    tags,
    access: members,
    params: committeeIdParamsSchema,
    query: boardQuerySchema,
    response: { 200: boardPageSchema },
  }),
  createPost: defineRoute({
    method: 'POST',
    path: '/api/committees/:committeeId/posts',
    summary: 'Post on the board: Markdown, web links, documents uploaded first',
    tags,
    access: members,
    params: committeeIdParamsSchema,
    body: postInputSchema,
    problems: {
      403: mayPost,
      404: '`not_found`: a document is not one the caller uploaded to this committee',
    },
    response: { 201: postSchema },
  }),
  deletePost: defineRoute({
    method: 'DELETE',
    path: '/api/committees/:committeeId/posts/:postId',
    summary: 'Delete a post with its comments and documents (its author, or a manager)',
    tags,
    access: members,
    params: postParamsSchema,
    response: { 200: okSchema },
  }),
  pin: defineRoute({
    method: 'PUT',
    path: '/api/committees/:committeeId/posts/:postId/pin',
    summary: 'Pin a post at the top of the board, or unpin it',
    tags,
    access: managers,
    params: postParamsSchema,
    body: pinInputSchema,
    response: { 200: okSchema },
  }),
  comments: defineRoute({
    method: 'GET',
    path: '/api/committees/:committeeId/posts/:postId/comments',
    summary: "A post's comments, oldest first",
    tags,
    access: members,
    params: postParamsSchema,
    response: { 200: commentsSchema },
  }),
  comment: defineRoute({
    method: 'POST',
    path: '/api/committees/:committeeId/posts/:postId/comments',
    summary: 'Comment on a post',
    tags,
    access: members,
    params: postParamsSchema,
    body: commentInputSchema,
    problems: { 403: mayPost },
    response: { 201: commentSchema },
  }),
  editComment: defineRoute({
    method: 'PUT',
    path: '/api/committees/:committeeId/posts/:postId/comments/:commentId',
    summary: 'Change one’s own comment',
    tags,
    access: members,
    params: commentParamsSchema,
    body: commentInputSchema,
    problems: { 403: `\`not_author\`: only its author changes a comment; ${mayPost}` },
    response: { 200: commentSchema },
  }),
  deleteComment: defineRoute({
    method: 'DELETE',
    path: '/api/committees/:committeeId/posts/:postId/comments/:commentId',
    summary: 'Delete a comment (its author, or a manager)',
    tags,
    access: members,
    params: commentParamsSchema,
    response: { 200: okSchema },
  }),
  upload: defineRoute({
    method: 'POST',
    path: '/api/committees/:committeeId/documents',
    summary: 'Upload a document to attach to a post (at most 10 MB; its type read from its bytes)',
    tags,
    access: members,
    params: committeeIdParamsSchema,
    upload: {
      file: 'PDF, JPEG, PNG, GIF, WebP, Word/Excel/PowerPoint (.docx, .xlsx, .pptx, no macros), OpenDocument, plain text or CSV; its name must match what its bytes are.',
      fields: {},
    },
    problems: {
      400: '`document_empty`, `document_type_refused`, `document_type_mismatch`: the file is empty, of a type the board does not take, or not what its name says',
      403: mayPost,
      413: '`document_too_large`: more than 10 MB',
    },
    response: { 201: boardDocumentSchema },
  }),
  download: defineRoute({
    method: 'GET',
    path: '/api/committees/:committeeId/documents/:documentId',
    summary: 'A document of a post on the board, as an attachment',
    tags,
    access: members,
    params: documentParamsSchema,
    produces: documentTypeSchema.options,
    response: { 200: z.string().describe('The file') },
  }),
};

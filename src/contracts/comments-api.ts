import {
  commentEditSchema,
  commentItemParamsSchema,
  commentNotificationsSchema,
  commentParamsSchema,
  commentPostSchema,
  commentRulesSchema,
  commentsPageSchema,
  commentsQuerySchema,
  deletedCommentSchema,
  editedCommentSchema,
  personCommentsPageSchema,
  personCommentsQuerySchema,
  postedCommentSchema,
} from './comments.ts';
import { idParamSchema } from './common.ts';
import { defineRoute } from './route.ts';

const tags = ['comments'] as const;
const act = { permission: 'moderation.act' } as const;

/** Comments on published articles, talking points and rebuttals. */
export const commentsApi = {
  list: defineRoute({
    method: 'GET',
    path: '/api/content/:itemId/comments',
    summary: "A live item's comments, oldest first, 20 top-level ones a page with their replies",
    tags,
    access: { public: true, session: 'optional' },
    params: commentItemParamsSchema,
    query: commentsQuerySchema,
    problems: { 404: '`not_found`: no live item has this id' },
    response: { 200: commentsPageSchema },
  }),
  post: defineRoute({
    method: 'POST',
    path: '/api/content/:itemId/comments',
    summary: 'Comment a live item, or reply to a comment (one level)',
    tags,
    access: { authenticated: true },
    params: commentItemParamsSchema,
    body: commentPostSchema,
    problems: {
      403: '`comment_not_allowed`: the rules admit only confirmed supporters; `posting_suspended`, `posting_banned`: the moderators withdrew the right to post',
      404: '`not_found`: no live item, or no visible comment to answer, has this id',
      409: '`comments_closed`: the window after publication is over; `reply_too_deep`: a reply cannot be answered',
      429: '`comment_rate_limited`: too many comments within an hour',
    },
    response: { 201: postedCommentSchema },
  }),
  edit: defineRoute({
    method: 'PUT',
    path: '/api/content/:itemId/comments/:commentId',
    summary: 'Edit one’s own comment, within 15 minutes of posting it, while the thread is open',
    tags,
    access: { authenticated: true },
    params: commentParamsSchema,
    body: commentEditSchema,
    problems: {
      403: '`not_author`: the comment is someone else’s; `comment_not_allowed`, `posting_suspended`, `posting_banned`: as for a post',
      404: '`not_found`: no live item, or no comment of the caller’s under it, has this id',
      409: '`comments_closed`: the thread is closed; `edit_window_over`: 15 minutes have passed; `comment_hidden`: a moderator hid it; `comment_held`: it waits for a moderator',
      429: '`comment_rate_limited`: too many comments and edits within an hour',
    },
    response: { 200: editedCommentSchema },
  }),
  delete: defineRoute({
    method: 'DELETE',
    path: '/api/content/:itemId/comments/:commentId',
    summary:
      'Delete one’s own comment: a mark stays where replies are under it, else it is no longer shown',
    tags,
    access: { authenticated: true },
    params: commentParamsSchema,
    problems: {
      403: '`not_author`: the comment is someone else’s',
      404: '`not_found`: no live item, or no comment of the caller’s under it, has this id',
      409: '`comment_hidden`: a moderator hid it',
    },
    response: { 200: deletedCommentSchema },
  }),
  notifications: defineRoute({
    method: 'GET',
    path: '/api/me/comment-notifications',
    summary: 'Whether the caller is mailed about comments on their articles and replies',
    tags,
    access: { authenticated: true },
    response: { 200: commentNotificationsSchema },
  }),
  setNotifications: defineRoute({
    method: 'PUT',
    path: '/api/me/comment-notifications',
    summary: 'Stop or resume the mails about comments on their articles and replies',
    tags,
    access: { authenticated: true },
    body: commentNotificationsSchema,
    response: { 200: commentNotificationsSchema },
  }),
  rules: defineRoute({
    method: 'GET',
    path: '/api/comments/rules',
    summary: 'The comment rules: who, how long after publication, rate, forbidden words',
    tags,
    access: act,
    response: { 200: commentRulesSchema },
  }),
  setRules: defineRoute({
    method: 'PUT',
    path: '/api/comments/rules',
    summary: 'Change the comment rules',
    tags,
    access: act,
    body: commentRulesSchema,
    response: { 200: commentRulesSchema },
  }),
  ofPerson: defineRoute({
    method: 'GET',
    path: '/api/people/:id/comments',
    summary:
      'A person’s comments, newest first, 20 a page: item, date, status and link, never the text',
    tags,
    access: { permission: 'people.read' },
    params: idParamSchema,
    query: personCommentsQuerySchema,
    response: { 200: personCommentsPageSchema },
  }),
};

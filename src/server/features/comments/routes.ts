import type { FastifyPluginAsync } from 'fastify';
import { commentsApi as api } from '../../../contracts/comments-api.ts';
import type { AppContext } from '../../core/context.ts';
import { currentAuth } from '../../core/http/access.ts';
import { serve } from '../../core/http/contract.ts';
import {
  commentRules,
  commentsOfPerson,
  deleteComment,
  editComment,
  itemComments,
  notificationsOf,
  postComment,
  setCommentRules,
  setNotifications,
} from './service.ts';

export const commentsRoutes =
  (ctx: AppContext): FastifyPluginAsync =>
  async (app) => {
    serve(app, api.list, (request) =>
      itemComments(ctx, request.params.itemId, request.query.after, request.auth?.personId ?? null),
    );

    serve(app, api.post, (request) =>
      postComment(ctx, request.params.itemId, currentAuth(request).personId, request.body),
    );

    serve(app, api.edit, (request) =>
      editComment(
        ctx,
        request.params.itemId,
        request.params.commentId,
        currentAuth(request).personId,
        request.body,
      ),
    );

    serve(app, api.delete, (request) =>
      deleteComment(
        ctx,
        request.params.itemId,
        request.params.commentId,
        currentAuth(request).personId,
      ),
    );

    serve(app, api.notifications, (request) => notificationsOf(ctx, currentAuth(request).personId));

    serve(app, api.setNotifications, (request) =>
      setNotifications(ctx, currentAuth(request).personId, request.body.notify),
    );

    serve(app, api.rules, () => commentRules(ctx));

    serve(app, api.setRules, (request) =>
      setCommentRules(ctx, request.body, currentAuth(request).personId),
    );

    serve(app, api.ofPerson, (request) =>
      commentsOfPerson(ctx, request.params.id, request.query.page),
    );
  };

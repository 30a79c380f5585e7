import type { FastifyPluginAsync, FastifyRequest } from 'fastify';
import { rankAtLeast } from '../../../contracts/access.ts';
import { committeeBoardApi as api } from '../../../contracts/committee-board-api.ts';
import type { AppContext } from '../../core/context.ts';
import { currentAuth, currentScope } from '../../core/http/access.ts';
import { serve } from '../../core/http/contract.ts';
import {
  addComment,
  boardDocument,
  boardPosts,
  createPost,
  deleteComment,
  deletePost,
  editComment,
  pinPost,
  postComments,
  uploadDocument,
  type BoardViewer,
} from './board.ts';
import { attachmentHeader, receiveDocument } from './board-documents.ts';

/** The caller on the board: staff let in by their permission hold no rank and run it. */
function viewer(request: FastifyRequest): BoardViewer {
  const { rank } = currentScope(request);
  return {
    personId: currentAuth(request).personId,
    manages: rank === null || rankAtLeast(rank, 'manager'),
  };
}

const ok = { ok: true as const };

export const committeeBoardRoutes =
  (ctx: AppContext): FastifyPluginAsync =>
  async (app) => {
    serve(app, api.posts, (request) =>
      boardPosts(ctx, currentScope(request).id, viewer(request), request.query.after),
    );

    serve(app, api.createPost, (request) =>
      createPost(ctx, currentScope(request).id, viewer(request), request.body),
    );

    serve(app, api.deletePost, async (request) => {
      await deletePost(ctx, currentScope(request).id, request.params.postId, viewer(request));
      return ok;
    });

    serve(app, api.pin, async (request) => {
      await pinPost(ctx, currentScope(request).id, request.params.postId, request.body.pinned);
      return ok;
    });

    serve(app, api.comments, (request) =>
      postComments(ctx, currentScope(request).id, request.params.postId, viewer(request)),
    );

    serve(app, api.comment, (request) =>
      addComment(
        ctx,
        currentScope(request).id,
        request.params.postId,
        viewer(request),
        request.body.body,
      ),
    );

    serve(app, api.editComment, (request) =>
      editComment(
        ctx,
        currentScope(request).id,
        request.params,
        viewer(request),
        request.body.body,
      ),
    );

    serve(app, api.deleteComment, async (request) => {
      await deleteComment(ctx, currentScope(request).id, request.params, viewer(request));
      return ok;
    });

    serve(app, api.upload, async (request) =>
      uploadDocument(
        ctx,
        currentScope(request).id,
        currentAuth(request).personId,
        await receiveDocument(request),
      ),
    );

    // Always a download of the type read from its bytes, never shown in the page: a member's
    // file cannot run as the site's own content.
    serve(app, api.download, async (request, reply) => {
      const document = await boardDocument(
        ctx,
        currentScope(request).id,
        request.params.documentId,
      );
      return reply
        .type(document.type)
        .header('content-disposition', attachmentHeader(document.name))
        .header('x-content-type-options', 'nosniff')
        .header('content-security-policy', "default-src 'none'; sandbox")
        .header('cache-control', 'private, no-store')
        .send(document.content);
    });
  };

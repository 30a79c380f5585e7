import type { FastifyPluginAsync } from 'fastify';
import { callsToActionApi } from '../../../../contracts/calls-to-action-api.ts';
import type { AppContext } from '../../../core/context.ts';
import { currentAuth } from '../../../core/http/access.ts';
import { serve } from '../../../core/http/contract.ts';
import {
  areasNeedingVolunteers,
  getCallToAction,
  listCallsToAction,
  previewAudience,
  sendCallToAction,
} from './service.ts';

/**
 * HQ calls to action (`messaging.send`): the areas short of volunteers, the audience's count,
 * the send and its response. The public pages their mails' links open (`pages.ts`) are
 * registered by `src/server/web.ts`, with the public site's shell.
 */
export const callsToActionRoutes =
  (ctx: AppContext): FastifyPluginAsync =>
  async (app) => {
    serve(app, callsToActionApi.needs, () => areasNeedingVolunteers(ctx));
    serve(app, callsToActionApi.preview, (request) => previewAudience(ctx, request.body));
    serve(app, callsToActionApi.list, () => listCallsToAction(ctx));
    serve(app, callsToActionApi.send, (request) =>
      sendCallToAction(ctx, request.body, currentAuth(request).personId, request.ip),
    );
    serve(app, callsToActionApi.get, (request) => getCallToAction(ctx, request.params.id));
  };

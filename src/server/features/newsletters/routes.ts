import type { FastifyPluginAsync } from 'fastify';
import { newslettersApi } from '../../../contracts/newsletters-api.ts';
import type { AppContext } from '../../core/context.ts';
import { currentAuth } from '../../core/http/access.ts';
import { serve } from '../../core/http/contract.ts';
import { previewNewsletter, sendTestNewsletter } from './delivery.ts';
import { releaseDueNewsletters } from './send.ts';
import { trackingRoutes } from './tracking/routes.ts';
import { pickSubjectTestWinner } from './ab/decide.ts';
import {
  cancelNewsletter,
  createNewsletter,
  deleteNewsletter,
  getNewsletter,
  listNewsletters,
  scheduleNewsletter,
  updateNewsletter,
} from './service.ts';

/** Staff write, test, schedule, send and follow newsletters (`messaging.send`). */
export const newsletterRoutes =
  (ctx: AppContext): FastifyPluginAsync =>
  async (app) => {
    const actor = (request: Parameters<typeof currentAuth>[0]) => currentAuth(request).personId;
    serve(app, newslettersApi.list, () => listNewsletters(ctx));
    serve(app, newslettersApi.create, (request) =>
      createNewsletter(ctx, request.body, actor(request)),
    );
    serve(app, newslettersApi.get, (request) => getNewsletter(ctx, request.params.id));
    serve(app, newslettersApi.update, (request) =>
      updateNewsletter(ctx, request.params.id, request.body, actor(request)),
    );
    serve(app, newslettersApi.delete, async (request) => {
      await deleteNewsletter(ctx, request.params.id, actor(request));
      return { ok: true as const };
    });
    serve(app, newslettersApi.preview, (request) =>
      previewNewsletter(ctx, request.body, actor(request)),
    );
    serve(app, newslettersApi.test, (request) =>
      sendTestNewsletter(ctx, request.params.id, actor(request)),
    );
    serve(app, newslettersApi.schedule, async (request) => {
      const { id } = request.params;
      await scheduleNewsletter(ctx, id, request.body.at, actor(request));
      // "Send now": the audience is frozen and queued at once, not at the next minute's round.
      if (request.body.at === null) await releaseDueNewsletters(ctx);
      return getNewsletter(ctx, id);
    });
    serve(app, newslettersApi.cancel, async (request) => {
      await cancelNewsletter(ctx, request.params.id, actor(request));
      return getNewsletter(ctx, request.params.id);
    });
    // Opens and clicks, for recipients who agreed to that tracking.
    await app.register(trackingRoutes(ctx));
    // A subject test decided by hand: the rest of the audience is queued with that subject.
    serve(app, newslettersApi.pickWinner, async (request) => {
      const { id } = request.params;
      await pickSubjectTestWinner(ctx, id, request.body.variant, actor(request));
      return getNewsletter(ctx, id);
    });
  };

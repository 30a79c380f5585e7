import type { FastifyPluginAsync } from 'fastify';
import { moderationApi } from '../../../contracts/moderation-api.ts';
import type { AppContext } from '../../core/context.ts';
import { currentAuth } from '../../core/http/access.ts';
import { serve } from '../../core/http/contract.ts';
import { decide, moderationQueue, report } from './service.ts';
import { liftSanction, listSanctions, moderationRules, setModerationRules } from './sanctions.ts';

/**
 * Anyone may report, so a script could flood the queue: 20 reports an hour per address, one
 * budget for the API and the public page's form.
 */
export const reportRateLimit = { max: 20, timeWindow: 3_600_000, groupId: 'report' };

export const moderationRoutes =
  (ctx: AppContext): FastifyPluginAsync =>
  async (app) => {
    serve(
      app,
      moderationApi.report,
      async (request) => {
        await report(ctx, request.auth?.personId ?? null, request.body);
        return { ok: true as const };
      },
      { config: { rateLimit: reportRateLimit } },
    );

    serve(app, moderationApi.queue, (request) => moderationQueue(ctx, request.query.page));

    serve(app, moderationApi.decide, (request) =>
      decide(ctx, currentAuth(request).personId, request.body),
    );

    serve(app, moderationApi.sanctions, () => listSanctions(ctx));

    serve(app, moderationApi.lift, async (request) => {
      await liftSanction(ctx, request.params.id, currentAuth(request).personId);
      return { ok: true as const };
    });

    serve(app, moderationApi.rules, () => moderationRules(ctx));

    serve(app, moderationApi.setRules, (request) =>
      setModerationRules(ctx, request.body, currentAuth(request).personId),
    );
  };

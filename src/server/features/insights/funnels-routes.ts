import type { FastifyPluginAsync } from 'fastify';
import { insightsFunnelsApi } from '../../../contracts/insights-funnels-api.ts';
import type { AppContext } from '../../core/context.ts';
import { serve } from '../../core/http/contract.ts';
import { committeeActivity } from './activity.ts';
import { funnels } from './funnels.ts';

/** HQ's funnels and committee activity (`stats.read`). */
export const insightsFunnelsRoutes =
  (ctx: AppContext): FastifyPluginAsync =>
  async (app) => {
    serve(app, insightsFunnelsApi.funnels, (request) => funnels(ctx, request.query));
    serve(app, insightsFunnelsApi.committeeActivity, (request) =>
      committeeActivity(ctx, request.query),
    );
  };

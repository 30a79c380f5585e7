import type { FastifyPluginAsync } from 'fastify';
import { insightsApi } from '../../../contracts/insights-api.ts';
import type { AppContext } from '../../core/context.ts';
import { currentAuth } from '../../core/http/access.ts';
import { serve } from '../../core/http/contract.ts';
import { effectSettings, resetEffects, saveEffects } from './effects.ts';
import { impactSummary, impactTrends } from './impact.ts';
import { impactMap, impactTerritories } from './territories.ts';

/** The impact dashboard's routes (contracts/insights-api.ts). */
export const insightsRoutes =
  (ctx: AppContext): FastifyPluginAsync =>
  async (app) => {
    serve(app, insightsApi.impact, (request) => impactSummary(ctx, request.query));
    serve(app, insightsApi.territories, (request) => impactTerritories(ctx, request.query));
    serve(app, insightsApi.map, (request) => impactMap(ctx, request.query));
    serve(app, insightsApi.trends, (request) => impactTrends(ctx, request.query));
    serve(app, insightsApi.effects, () => effectSettings(ctx));
    serve(app, insightsApi.updateEffects, (request) =>
      saveEffects(ctx, request.body, currentAuth(request).personId, request.ip),
    );
    serve(app, insightsApi.resetEffects, (request) =>
      resetEffects(ctx, currentAuth(request).personId, request.ip),
    );
  };

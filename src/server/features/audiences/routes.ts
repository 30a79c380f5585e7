import type { FastifyPluginAsync } from 'fastify';
import { audiencesApi } from '../../../contracts/audiences-api.ts';
import type { AppContext } from '../../core/context.ts';
import { currentAuth } from '../../core/http/access.ts';
import { serve } from '../../core/http/contract.ts';
import { audienceSnapshot, createAudienceSnapshot } from './service.ts';

export const audienceRoutes =
  (ctx: AppContext): FastifyPluginAsync =>
  async (app) => {
    serve(app, audiencesApi.create, (request) =>
      createAudienceSnapshot(ctx, request.body, currentAuth(request).personId),
    );
    serve(app, audiencesApi.get, (request) => audienceSnapshot(ctx, request.params.id));
  };

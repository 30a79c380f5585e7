import type { FastifyPluginAsync } from 'fastify';
import { privacyRetentionApi } from '../../../contracts/privacy-retention-api.ts';
import type { AppContext } from '../../core/context.ts';
import { currentAuth } from '../../core/http/access.ts';
import { serve } from '../../core/http/contract.ts';
import { retentionOverview, setRetentionSettings } from './retention.ts';

export const privacyRetentionRoutes =
  (ctx: AppContext): FastifyPluginAsync =>
  async (app) => {
    serve(app, privacyRetentionApi.overview, () => retentionOverview(ctx));
    serve(app, privacyRetentionApi.settings, (request) =>
      setRetentionSettings(ctx, request.body, currentAuth(request).personId, request.ip),
    );
  };

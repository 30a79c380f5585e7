import type { FastifyPluginAsync } from 'fastify';
import { settingsApi } from '../../../contracts/settings-api.ts';
import type { AppContext } from '../../core/context.ts';
import { currentAuth } from '../../core/http/access.ts';
import { serve } from '../../core/http/contract.ts';
import { readPublicSite, updateHome, updateLegal } from './service.ts';
import { listConsentWordings, saveConsentWording } from './wording.ts';

export const settingsRoutes =
  (ctx: AppContext): FastifyPluginAsync =>
  async (app) => {
    serve(app, settingsApi.site, () => readPublicSite(ctx.database, ctx.campaignId));

    serve(app, settingsApi.consentWordings, () =>
      listConsentWordings(ctx.database, ctx.campaignId),
    );

    serve(app, settingsApi.saveHome, (request) =>
      updateHome(ctx, request.body, currentAuth(request).personId, request.ip),
    );

    serve(app, settingsApi.saveLegal, (request) =>
      updateLegal(ctx, request.body, currentAuth(request).personId, request.ip),
    );

    serve(app, settingsApi.saveConsentWording, (request) =>
      saveConsentWording(ctx, request.body, currentAuth(request).personId, request.ip),
    );
  };

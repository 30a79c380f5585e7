import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { homeContentSchema, publicSiteSchema } from '../../../contracts/recruitment.ts';
import type { AppContext } from '../../core/context.ts';
import { currentAuth } from '../../core/http/access.ts';
import { readPublicSite, updateHome } from './service.ts';

export const settingsRoutes =
  (ctx: AppContext): FastifyPluginAsyncZod =>
  async (app) => {
    app.get(
      '/api/site',
      {
        config: { access: { public: true } },
        schema: { tags: ['site'], response: { 200: publicSiteSchema } },
      },
      () => readPublicSite(ctx.database, ctx.campaignId),
    );

    app.put(
      '/api/admin/site/home',
      {
        config: { access: { permission: 'settings.write' } },
        schema: { tags: ['site'], body: homeContentSchema, response: { 200: publicSiteSchema } },
      },
      (request) => updateHome(ctx, request.body, currentAuth(request).personId, request.ip),
    );
  };

import type { FastifySchema } from 'fastify';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import type { z } from 'zod';
import { homeContentSchema, publicSiteSchema } from '../../../contracts/recruitment.ts';
import {
  consentWordingUpdateSchema,
  consentWordingVersionsSchema,
  legalUpdateSchema,
} from '../../../contracts/settings.ts';
import type { AppContext } from '../../core/context.ts';
import { currentAuth, type Access } from '../../core/http/access.ts';
import { readPublicSite, updateHome, updateLegal } from './service.ts';
import { listConsentWordings, saveConsentWording } from './wording.ts';

export const settingsRoutes =
  (ctx: AppContext): FastifyPluginAsyncZod =>
  async (app) => {
    app.get(
      '/api/site',
      {
        config: { access: { public: true } },
        schema: {
          summary: 'The public site: home texts, current consent wording, legal texts',
          tags: ['site'],
          response: { 200: publicSiteSchema },
        },
      },
      () => readPublicSite(ctx.database, ctx.campaignId),
    );

    // Public like the form that shows them: a consent's history names its version's text.
    app.get(
      '/api/site/consent-wordings',
      {
        config: { access: { public: true } },
        schema: {
          summary: 'Every version of the consent wording, old ones included',
          tags: ['site'],
          response: { 200: consentWordingVersionsSchema },
        },
      },
      () => listConsentWordings(ctx.database, ctx.campaignId),
    );

    /**
     * A change to the site's settings by a member of staff: the checked body goes to `change`
     * with who made it and from where, which its audit entry names.
     */
    const staffChange = <Body extends z.ZodType, Response extends z.ZodType>(route: {
      method: 'PUT' | 'POST';
      url: string;
      access: Access;
      summary: string;
      body: Body;
      response: Response;
      change: (
        ctx: AppContext,
        input: z.output<Body>,
        actorId: number,
        ip: string,
      ) => Promise<z.input<Response>>;
    }) => {
      // Widened: the type provider cannot resolve a generic schema. `change`'s signature ties
      // its input to `body`, which the route validates before the handler runs.
      const schema: FastifySchema = {
        summary: route.summary,
        tags: ['site'],
        body: route.body,
        response: { 200: route.response },
      };
      app.route({
        method: route.method,
        url: route.url,
        config: { access: route.access },
        schema,
        handler: (request) => {
          const input = request.body as z.output<Body>;
          return route.change(ctx, input, currentAuth(request).personId, request.ip);
        },
      });
    };

    staffChange({
      method: 'PUT',
      url: '/api/admin/site/home',
      access: { permission: 'settings.write' },
      summary: 'Change the home page texts',
      body: homeContentSchema,
      response: publicSiteSchema,
      change: updateHome,
    });

    staffChange({
      method: 'PUT',
      url: '/api/admin/site/legal',
      access: { permission: 'settings.write' },
      summary: 'Change the legal notice, the privacy policy and the notice beside forms',
      body: legalUpdateSchema,
      response: publicSiteSchema,
      change: updateLegal,
    });

    staffChange({
      method: 'POST',
      url: '/api/admin/site/consent-wordings',
      access: { permission: 'settings.write' },
      summary: "Save a language's consent wording as a new version",
      body: consentWordingUpdateSchema,
      response: consentWordingVersionsSchema,
      change: saveConsentWording,
    });
  };

import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { homeContentSchema, publicSiteSchema } from '../../../contracts/recruitment.ts';
import {
  consentWordingUpdateSchema,
  consentWordingVersionsSchema,
  legalUpdateSchema,
} from '../../../contracts/settings.ts';
import type { AppContext } from '../../core/context.ts';
import { currentAuth } from '../../core/http/access.ts';
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

    app.put(
      '/api/admin/site/home',
      {
        config: { access: { permission: 'settings.write' } },
        schema: {
          summary: 'Change the home page texts',
          tags: ['site'],
          body: homeContentSchema,
          response: { 200: publicSiteSchema },
        },
      },
      (request) => updateHome(ctx, request.body, currentAuth(request).personId, request.ip),
    );

    app.put(
      '/api/admin/site/legal',
      {
        config: { access: { permission: 'settings.write' } },
        schema: {
          summary: 'Change the legal notice, the privacy policy and the notice beside forms',
          tags: ['site'],
          body: legalUpdateSchema,
          response: { 200: publicSiteSchema },
        },
      },
      (request) => updateLegal(ctx, request.body, currentAuth(request).personId, request.ip),
    );

    app.post(
      '/api/admin/site/consent-wordings',
      {
        config: { access: { permission: 'settings.write' } },
        schema: {
          summary: "Save a language's consent wording as a new version",
          tags: ['site'],
          body: consentWordingUpdateSchema,
          response: { 200: consentWordingVersionsSchema },
        },
      },
      (request) => saveConsentWording(ctx, request.body, currentAuth(request).personId, request.ip),
    );
  };

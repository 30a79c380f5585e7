import type { FastifyPluginAsync } from 'fastify';
import { donationsApi } from '../../../contracts/donations-api.ts';
import type { AppContext } from '../../core/context.ts';
import { currentAuth } from '../../core/http/access.ts';
import { serve } from '../../core/http/contract.ts';
import { giveOnline } from './giving.ts';
import { donationRateLimit } from './pages/routes.ts';
import { donationSettings, updateDonationSettings } from './settings.ts';
import { registerWebhooks } from './webhooks.ts';

export const donationsRoutes =
  (ctx: AppContext): FastifyPluginAsync =>
  async (app) => {
    serve(
      app,
      donationsApi.give,
      async (request) => {
        const base = ctx.config.publicUrl;
        const locale = request.body.locale;
        return giveOnline(ctx, request.body, {
          success: `${base}/donate/thanks?lang=${locale}`,
          cancel: `${base}/donate?cancelled=1&lang=${locale}`,
        });
      },
      // Public, also from other sites' pages: no session, so no CSRF token.
      { config: { csrf: false, rateLimit: donationRateLimit(ctx) } },
    );

    serve(app, donationsApi.settings, () => donationSettings(ctx));

    serve(app, donationsApi.updateSettings, (request) =>
      updateDonationSettings(ctx, request.body, currentAuth(request).personId, request.ip),
    );

    await app.register(registerWebhooks(ctx));
  };

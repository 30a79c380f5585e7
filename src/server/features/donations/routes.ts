import type { FastifyPluginAsync } from 'fastify';
import { tellGiftStarted } from '../conversions.ts';
import { donationsApi } from '../../../contracts/donations-api.ts';
import type { AppContext } from '../../core/context.ts';
import { currentAuth } from '../../core/http/access.ts';
import { serve } from '../../core/http/contract.ts';
import { AppError } from '../../core/http/errors.ts';
import { renderAcknowledgementPdf } from './acknowledgement/pdf.ts';
import { donationTotals } from './finance/totals.ts';
import { giveOnline } from './giving.ts';
import { acknowledgementFileName, acknowledgementOf } from './mails.ts';
import { myGifts } from './my-gifts.ts';
import { donationRateLimit } from './pages/routes.ts';
import { donationSettings, electionChoices, updateDonationSettings } from './settings.ts';
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
        const given = await giveOnline(ctx, request.body, {
          success: `${base}/donate/thanks?lang=${locale}`,
          cancel: `${base}/donate?cancelled=1&lang=${locale}`,
        });
        await tellGiftStarted(ctx, request, given.donationId);
        return given;
      },
      // Public, also from other sites' pages: no session, so no CSRF token.
      { config: { csrf: false, rateLimit: donationRateLimit(ctx) } },
    );

    serve(app, donationsApi.myGifts, (request) => myGifts(ctx, currentAuth(request).personId));

    serve(app, donationsApi.myAcknowledgement, async (request, reply) => {
      const found = await acknowledgementOf(ctx, request.params.id, currentAuth(request).personId);
      if (!found) throw new AppError(404, 'not_found', 'No such gift of yours.');
      const pdf = await renderAcknowledgementPdf(found.input, found.locale);
      return reply
        .type('application/pdf')
        .header(
          'content-disposition',
          `attachment; filename="${acknowledgementFileName(found.input.donationId, found.locale)}"`,
        )
        .header('cache-control', 'private, no-store')
        .send(pdf);
    });

    // Sums only: staff see what the money does, never who gave it.
    serve(app, donationsApi.summary, () => donationTotals(ctx));

    serve(app, donationsApi.settings, () => donationSettings(ctx));

    serve(app, donationsApi.updateSettings, (request) =>
      updateDonationSettings(ctx, request.body, currentAuth(request).personId, request.ip),
    );

    serve(app, donationsApi.elections, () => electionChoices(ctx));

    await app.register(registerWebhooks(ctx));
  };

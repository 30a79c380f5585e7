import type { FastifyPluginAsync } from 'fastify';
import { kioskOpenQuerySchema, type KioskOpenQuery } from '../../../contracts/kiosk.ts';
import { kiosksApi } from '../../../contracts/kiosks-api.ts';
import type { AppContext } from '../../core/context.ts';
import { currentAuth } from '../../core/http/access.ts';
import { serve } from '../../core/http/contract.ts';
import { escapeHtml } from '../../core/html.ts';
import { campaignName } from '../settings/service.ts';
import { createKioskLink, listKioskLinks, openKiosk, revokeKioskLink } from './kiosk.ts';

const texts = {
  fr: {
    title: 'Mode kiosque',
    on: (until: string) =>
      `Cet appareil peut inscrire de nombreuses personnes à la suite, jusqu'au ${until}.`,
    go: "Ouvrir le formulaire d'inscription",
    invalid:
      "Ce lien de kiosque n'est plus valable (expiré ou révoqué). Demandez-en un nouveau à l'équipe.",
  },
  en: {
    title: 'Kiosk mode',
    on: (until: string) => `This device can sign many people up in a row, until ${until}.`,
    go: 'Open the sign-up form',
    invalid: 'This kiosk link no longer works (expired or revoked). Ask the team for a new one.',
  },
};

function kioskPage(lang: 'fr' | 'en', campaign: string, until: Date | null, timeZone: string) {
  const t = texts[lang];
  const when = until
    ? until.toLocaleString(lang === 'fr' ? 'fr-FR' : 'en-GB', {
        dateStyle: 'long',
        timeStyle: 'short',
        timeZone,
      })
    : '';
  const body = until
    ? `<p>${escapeHtml(t.on(when))}</p><p><a href="/">${escapeHtml(t.go)}</a></p>`
    : `<p role="alert">${escapeHtml(t.invalid)}</p>`;
  return `<!doctype html><html lang="${lang}"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1"><meta name="robots" content="noindex"><title>${escapeHtml(t.title)} · ${escapeHtml(campaign)}</title><style>body{font-family:system-ui,sans-serif;max-width:36rem;margin:3rem auto;padding:0 1rem;line-height:1.5;color:#1a1b1e}a{color:#1864ab;font-weight:600}</style></head><body><main><h1>${escapeHtml(t.title)}</h1>${body}</main></body></html>`;
}

export const kioskRoutes =
  (ctx: AppContext): FastifyPluginAsync =>
  async (app) => {
    serve(app, kiosksApi.list, () => listKioskLinks(ctx));

    serve(app, kiosksApi.create, (request) =>
      createKioskLink(ctx, request.body.label, currentAuth(request).personId, request.ip),
    );

    serve(app, kiosksApi.revoke, async (request) => {
      await revokeKioskLink(ctx, request.params.id, currentAuth(request).personId, request.ip);
      return { ok: true as const };
    });

    // Opened on the device itself (a tablet at a stall): a small page, no app to load.
    app.get<{ Querystring: KioskOpenQuery }>(
      '/kiosk',
      {
        config: { access: { public: true }, rateLimit: { max: 30, timeWindow: 60_000 } },
        schema: {
          summary: 'Open a kiosk link on this device',
          tags: ['accounts'],
          querystring: kioskOpenQuerySchema,
        },
      },
      async (request, reply) => {
        const until = await openKiosk(ctx, request.query.token, reply);
        const campaign = await campaignName(ctx.database, ctx.campaignId);
        reply
          .status(until ? 200 : 400)
          .header('cache-control', 'no-store')
          .type('text/html; charset=utf-8');
        return kioskPage(request.query.lang, campaign, until, ctx.config.CAMPAIGN_TIMEZONE);
      },
    );
  };

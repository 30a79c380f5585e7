import type { FastifyPluginAsync } from 'fastify';
import { mailFeedbackApi } from '../../../contracts/mail-feedback-api.ts';
import type { AppContext } from '../../core/context.ts';
import { serve } from '../../core/http/contract.ts';
import { AppError } from '../../core/http/errors.ts';
import { recordMailFeedback } from '../../core/mail/feedback.ts';
import { mailgunFeedback, mailgunSignatureValid } from './mailgun.ts';

/**
 * A sending provider's reports of bounces and complaints (Mailgun's webhooks). A forged or
 * stale event is refused (400) and changes nothing; one received twice counts once.
 */
export const mailFeedbackRoutes =
  (ctx: AppContext): FastifyPluginAsync =>
  async (app) => {
    serve(
      app,
      mailFeedbackApi.mailgunWebhook,
      async (request) => {
        const key = ctx.config.MAILGUN_WEBHOOK_SIGNING_KEY;
        if (!key) throw new AppError(404, 'not_found', 'No Mailgun signing key is configured.');
        if (!mailgunSignatureValid(key, request.body.signature, new Date())) {
          throw new AppError(
            400,
            'webhook_rejected',
            'The webhook signature does not verify with MAILGUN_WEBHOOK_SIGNING_KEY, or the event is too old.',
          );
        }
        const feedback = mailgunFeedback(ctx.config.sessionSecret, request.body['event-data']);
        if (!feedback) return { received: true as const, outcome: 'ignored' };
        const outcome = await recordMailFeedback(ctx.database, ctx.campaignId, {
          ...feedback,
          source: 'mailgun',
        });
        return { received: true as const, outcome };
      },
      // Mailgun signs what it sends; there is no session and no CSRF token to check.
      { config: { csrf: false } },
    );
  };

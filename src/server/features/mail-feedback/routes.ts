import type { FastifyPluginAsync } from 'fastify';
import { mailFeedbackApi, mailSuppressionApi } from '../../../contracts/mail-feedback-api.ts';
import type { AppContext } from '../../core/context.ts';
import { currentAuth } from '../../core/http/access.ts';
import { serve } from '../../core/http/contract.ts';
import { AppError } from '../../core/http/errors.ts';
import { recordMailFeedback } from '../../core/mail/feedback.ts';
import { mailgunFeedback, mailgunSignatureValid } from './mailgun.ts';
import {
  SENDGRID_SIGNATURE_HEADER,
  SENDGRID_TIMESTAMP_HEADER,
  sendgridEvents,
  sendgridFeedback,
  sendgridSignatureValid,
} from './sendgrid.ts';
import { liftPersonMailSuppression, personMailSuppression } from './suppression.ts';

const header = (value: string | string[] | undefined) => (Array.isArray(value) ? value[0] : value);

/**
 * A sending provider's reports of bounces and complaints (Mailgun's and SendGrid's webhooks).
 * A forged or stale event is refused (400) and changes nothing; one received twice counts once.
 * And, on a person's page, their address's suppression: shown, and lifted by staff.
 */
export const mailFeedbackRoutes =
  (ctx: AppContext): FastifyPluginAsync =>
  async (app) => {
    serve(app, mailSuppressionApi.personSuppression, (request) =>
      personMailSuppression(ctx, request.params.id),
    );
    serve(app, mailSuppressionApi.liftSuppression, (request) =>
      liftPersonMailSuppression(
        ctx,
        request.params.id,
        request.body.reason,
        currentAuth(request).personId,
        request.ip,
      ),
    );
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
    // SendGrid signs the body's bytes: read as they came, in a scope of their own.
    await app.register(async (scope) => {
      scope.removeContentTypeParser('application/json');
      scope.addContentTypeParser(
        'application/json',
        { parseAs: 'buffer' },
        (_request, body, done) => done(null, body),
      );
      serve(
        scope,
        mailFeedbackApi.sendgridWebhook,
        async (request) => {
          const key = ctx.config.sendgridKey;
          if (!key)
            throw new AppError(404, 'not_found', 'No SendGrid verification key is configured.');
          const body = request.body;
          const valid =
            Buffer.isBuffer(body) &&
            sendgridSignatureValid(
              key,
              body,
              header(request.headers[SENDGRID_SIGNATURE_HEADER]),
              header(request.headers[SENDGRID_TIMESTAMP_HEADER]),
              new Date(),
            );
          if (!valid) {
            throw new AppError(
              400,
              'webhook_rejected',
              'The webhook signature does not verify with SENDGRID_WEBHOOK_PUBLIC_KEY, or the events are too old.',
            );
          }
          const events = sendgridEvents(body);
          if (!events) {
            throw new AppError(400, 'webhook_rejected', 'The body is not a batch of events.');
          }
          const outcomes: string[] = [];
          // In order, one transaction each: a batch may report a mail twice.
          for (const event of events) {
            const feedback = event && sendgridFeedback(ctx.config.sessionSecret, event);
            outcomes.push(
              feedback
                ? await recordMailFeedback(ctx.database, ctx.campaignId, {
                    ...feedback,
                    source: 'sendgrid',
                  })
                : 'ignored',
            );
          }
          return { received: true as const, outcomes };
        },
        // SendGrid signs what it sends; there is no session and no CSRF token to check.
        { config: { csrf: false } },
      );
    });
  };

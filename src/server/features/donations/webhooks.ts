import type { FastifyPluginAsync } from 'fastify';
import { donationsApi } from '../../../contracts/donations-api.ts';
import type { AppContext } from '../../core/context.ts';
import { serve } from '../../core/http/contract.ts';
import { AppError } from '../../core/http/errors.ts';
import { applyPaymentEvent } from './payment-events.ts';
import { WebhookRejected } from './payments/port.ts';
import { paymentProvider } from './payments/provider.ts';

/**
 * The payment provider's webhooks. The body is read as bytes: the signature is over the exact
 * bytes sent. A forged or stale event is answered 400 and changes nothing; a replayed one is
 * answered 200 and changes nothing (payment-events.ts records each event id once).
 */
export const registerWebhooks =
  (ctx: AppContext): FastifyPluginAsync =>
  async (scope) => {
    scope.removeContentTypeParser('application/json');
    scope.addContentTypeParser(
      'application/json',
      { parseAs: 'buffer', bodyLimit: 512 * 1024 },
      (_request, body, done) => done(null, body),
    );
    serve(
      scope,
      donationsApi.stripeWebhook,
      async (request) => {
        const provider = paymentProvider(ctx);
        if (provider?.name !== 'stripe')
          throw new AppError(404, 'not_found', 'No Stripe account is configured.');
        const body = request.body;
        if (!Buffer.isBuffer(body))
          throw new AppError(400, 'webhook_rejected', 'A webhook body must be JSON.');
        let event;
        try {
          event = await provider.readWebhook(body, request.headers);
        } catch (error) {
          if (error instanceof WebhookRejected)
            throw new AppError(400, 'webhook_rejected', 'The webhook signature does not verify.');
          throw error;
        }
        const outcome = await applyPaymentEvent(ctx, 'stripe', event);
        if (outcome === 'unknown_payment')
          request.log.warn({ eventId: event.eventId }, 'a payment event names no known gift');
        return { received: true as const, outcome };
      },
      // Stripe signs what it sends; there is no session and no CSRF token to check.
      { config: { csrf: false } },
    );
  };

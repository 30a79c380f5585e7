import { z } from 'zod';
import { mailgunWebhookSchema } from './mail-feedback.ts';
import { defineRoute } from './route.ts';

/** Bounces and complaints reported by a sending provider. */
export const mailFeedbackApi = {
  mailgunWebhook: defineRoute({
    method: 'POST',
    path: '/api/mail/webhooks/mailgun',
    summary:
      "Mailgun's delivery events (failed, complained): the signature checked with the webhook signing key, each mail's bounce recorded once",
    tags: ['mail'],
    access: { public: true },
    body: mailgunWebhookSchema,
    problems: {
      400: '`webhook_rejected`: the signature does not verify, or the event is more than 12 hours old.',
      404: '`not_found`: no Mailgun signing key is configured.',
    },
    response: {
      200: z.object({ received: z.literal(true), outcome: z.string() }),
    },
  }),
};

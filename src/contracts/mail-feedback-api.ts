import { z } from 'zod';
import { idParamSchema } from './common.ts';
import {
  mailgunWebhookSchema,
  mailSuppressionLiftSchema,
  personMailSuppressionSchema,
} from './mail-feedback.ts';
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
  sendgridWebhook: defineRoute({
    method: 'POST',
    path: '/api/mail/webhooks/sendgrid',
    summary:
      "SendGrid's Event Webhook (bounce, dropped, spamreport, deferred): the ECDSA signature checked over the exact bytes with the verification key, each mail's bounce recorded once",
    tags: ['mail'],
    access: { public: true },
    // The bytes as sent: the signature is over them (see features/mail-feedback/routes.ts).
    body: z.custom<Uint8Array>((value) => value instanceof Uint8Array),
    problems: {
      400: '`webhook_rejected`: the signature does not verify, the event batch is more than 12 hours old, or the body is not a batch of events.',
      404: '`not_found`: no SendGrid verification key is configured.',
    },
    response: {
      // One outcome per event, in order: recorded, duplicate, unknown or ignored.
      200: z.object({ received: z.literal(true), outcomes: z.array(z.string()) }),
    },
  }),
};

/** On a person's page: whether their address gets mail, and lifting a suppression. */
export const mailSuppressionApi = {
  personSuppression: defineRoute({
    method: 'GET',
    path: '/api/people/:id/mail-suppression',
    summary:
      "Whether a person's address is on the suppression list (bounces, complaints), why and since when",
    tags: ['people'],
    access: { permission: 'people.read' },
    params: idParamSchema,
    problems: { 404: '`not_found`: no such person.' },
    response: { 200: personMailSuppressionSchema },
  }),
  liftSuppression: defineRoute({
    method: 'POST',
    path: '/api/people/:id/mail-suppression/lift',
    summary:
      "Lift the suppression of a person's address (a mailbox fixed), with a reason, audited; a complaint's withdrawal of consent stays",
    tags: ['people'],
    access: { permission: 'people.write' },
    params: idParamSchema,
    body: mailSuppressionLiftSchema,
    problems: {
      404: '`not_found`: no such person.',
      409: '`not_suppressed`: the person has no address, or it is not on the suppression list.',
    },
    response: { 200: personMailSuppressionSchema },
  }),
};

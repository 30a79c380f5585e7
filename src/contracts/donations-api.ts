import { z } from 'zod';
import { idParamSchema } from './common.ts';
import { totalsSchema } from './donations-finance.ts';
import {
  donationSettingsSchema,
  donationSettingsViewSchema,
  giftInputSchema,
  myGiftSchema,
} from './donations.ts';
import { defineRoute } from './route.ts';

const tags = ['donations'] as const;
const finance = { permission: 'donations.manage' } as const;

/** Giving (public), the campaign's donation settings (finance officer) and the providers' webhooks. */
export const donationsApi = {
  give: defineRoute({
    method: 'POST',
    path: '/api/donations/gifts',
    summary:
      "Start a gift from the public page: the law checked, the donor's cap counted at once, then the payment page to send the donor to",
    tags,
    access: { public: true },
    body: giftInputSchema,
    problems: {
      409: '`donations_closed`: the campaign takes no gifts now.',
      422: 'The law refuses the gift: `above_cap`, `outside_collection_period`, `not_natural_person`, `not_french_nor_resident`, `cash_above_150`… with the reason in words.',
      502: '`payments_unavailable`: the payment provider did not answer.',
    },
    response: { 200: z.object({ donationId: z.number(), redirectUrl: z.string() }) },
  }),
  stripeWebhook: defineRoute({
    method: 'POST',
    path: '/api/donations/webhooks/stripe',
    summary:
      "Stripe's events (payments, failures, refunds, saved cards): the signature checked over the exact bytes, each event applied once",
    tags,
    access: { public: true },
    // The bytes as sent: the signature is over them (see features/donations/webhooks.ts).
    body: z.custom<Uint8Array>((value) => value instanceof Uint8Array),
    problems: {
      400: '`webhook_rejected`: the signature does not verify, or the event is too old.',
      404: '`not_found`: no Stripe account is configured.',
    },
    response: { 200: z.object({ received: z.literal(true), outcome: z.string() }) },
  }),
  myGifts: defineRoute({
    method: 'GET',
    path: '/api/me/donations',
    summary: "The logged-in person's own gifts, newest first, with their receipt numbers",
    tags,
    access: { authenticated: true },
    response: { 200: z.array(myGiftSchema) },
  }),
  myAcknowledgement: defineRoute({
    method: 'GET',
    path: '/api/me/donations/:id/acknowledgement.pdf',
    summary: "The acknowledgement of one of the logged-in person's succeeded gifts (PDF)",
    tags,
    access: { authenticated: true },
    params: idParamSchema,
    produces: ['application/pdf'],
    response: { 200: z.string().describe('The PDF') },
  }),
  summary: defineRoute({
    method: 'GET',
    path: '/api/donations/summary',
    summary:
      'What staff may see of the money: totals per day and per means, average gift, active monthly plans (no donor)',
    tags,
    access: { permission: 'stats.read' },
    response: { 200: totalsSchema },
  }),
  settings: defineRoute({
    method: 'GET',
    path: '/api/donations/settings',
    summary: 'How the campaign collects: mode, beneficiary, financial agent, period, amounts',
    tags,
    access: finance,
    response: { 200: donationSettingsViewSchema },
  }),
  updateSettings: defineRoute({
    method: 'PUT',
    path: '/api/donations/settings',
    summary: 'Change how the campaign collects (audited)',
    tags,
    access: finance,
    body: donationSettingsSchema,
    problems: { 422: '`unknown_election`: the election is not one of the campaign’s.' },
    response: { 200: donationSettingsSchema },
  }),
  elections: defineRoute({
    method: 'GET',
    path: '/api/donations/elections',
    summary: 'The campaign’s elections a candidate’s gifts may count for (name and first round)',
    tags,
    access: finance,
    response: {
      200: z.array(z.object({ id: z.number(), name: z.string(), firstRound: z.string() })),
    },
  }),
};

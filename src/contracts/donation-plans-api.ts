import { z } from 'zod';
import { idParamSchema } from './common.ts';
import {
  changedPlanSchema,
  myDonationPlansSchema,
  planAmountSchema,
  planCardSchema,
} from './donation-plans.ts';
import { defineRoute } from './route.ts';

const tags = ['donations'] as const;
const access = { authenticated: true } as const;
const notYours = '`not_found`: no such plan among the logged-in donor’s own.';

/** The logged-in donor's monthly gifts: only ever their own plans. */
export const donationPlansApi = {
  list: defineRoute({
    method: 'GET',
    path: '/api/me/donation-plans',
    summary: "The logged-in donor's monthly gifts, and what the legal cap still lets them give",
    tags,
    access,
    response: { 200: myDonationPlansSchema },
  }),
  changeAmount: defineRoute({
    method: 'PUT',
    path: '/api/me/donation-plans/:id',
    summary:
      'Change the amount of a monthly gift (from the next charge; each charge is checked against the cap)',
    tags,
    access,
    params: idParamSchema,
    body: planAmountSchema,
    problems: {
      404: notYours,
      409: '`plan_stopped`: the plan is stopped; give again from the donation page.',
    },
    response: { 200: changedPlanSchema },
  }),
  changeCard: defineRoute({
    method: 'POST',
    path: '/api/me/donation-plans/:id/card',
    summary: "Replace a monthly gift's card: the provider's page to send the donor to",
    tags,
    access,
    params: idParamSchema,
    body: planCardSchema,
    problems: {
      404: notYours,
      409: '`plan_stopped`: the plan is stopped; give again from the donation page. `plan_pending`: its first gift is not paid yet.',
      502: '`payments_unavailable`: the payment provider did not answer.',
      503: '`payments_unavailable`: no payment provider takes this plan’s card now.',
    },
    response: { 200: z.object({ redirectUrl: z.string() }) },
  }),
  stop: defineRoute({
    method: 'POST',
    path: '/api/me/donation-plans/:id/stop',
    summary: 'Stop a monthly gift: nothing more is charged (stopping it again changes nothing)',
    tags,
    access,
    params: idParamSchema,
    problems: { 404: notYours },
    response: { 200: changedPlanSchema },
  }),
};

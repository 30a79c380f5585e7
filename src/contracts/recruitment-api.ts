import { okSchema } from './common.ts';
import {
  confirmInputSchema,
  confirmResultSchema,
  recruitmentStatsSchema,
  signupInputSchema,
  signupResendInputSchema,
  signupResultSchema,
  statsQuerySchema,
} from './recruitment.ts';
import { defineRoute } from './route.ts';

const tags = ['recruitment'] as const;

/** The public sign-up (also embedded on other sites) and the recruitment statistics. */
export const recruitmentApi = {
  signup: defineRoute({
    method: 'POST',
    path: '/api/signup',
    summary: 'Sign up (a confirmation link is mailed)',
    tags,
    access: { public: true },
    body: signupInputSchema,
    response: { 200: signupResultSchema },
  }),
  resend: defineRoute({
    method: 'POST',
    path: '/api/signup/resend',
    summary: 'Send the confirmation mail of an unconfirmed sign-up again',
    tags,
    access: { public: true },
    body: signupResendInputSchema,
    response: { 200: okSchema },
  }),
  confirm: defineRoute({
    method: 'POST',
    path: '/api/signup/confirm',
    summary: 'Confirm a sign-up with the token of its mailed link',
    tags,
    access: { public: true },
    body: confirmInputSchema,
    response: { 200: confirmResultSchema },
  }),
  stats: defineRoute({
    method: 'GET',
    path: '/api/stats/recruitment',
    summary: 'Recruitment statistics over a period',
    tags: ['stats'],
    access: { permission: 'stats.read' },
    query: statsQuerySchema,
    response: { 200: recruitmentStatsSchema },
  }),
};

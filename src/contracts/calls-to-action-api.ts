import { z } from 'zod';
import { idParamSchema } from './common.ts';
import {
  areaNeedSchema,
  callAudienceInputSchema,
  callAudiencePreviewSchema,
  callToActionInputSchema,
  callToActionSchema,
  callToActionSummarySchema,
} from './calls-to-action.ts';
import { defineRoute } from './route.ts';

const send = { permission: 'messaging.send' } as const;
const tags = ['calls to action'] as const;

/** HQ calls to action: the areas short of volunteers, a message to the supporters near them. */
export const callsToActionApi = {
  needs: defineRoute({
    method: 'GET',
    path: '/api/calls-to-action/needs',
    summary:
      'The communes where actions lack volunteers: turfs unassigned, phone-bank hours unfilled, events short of people',
    tags,
    access: send,
    response: { 200: z.array(areaNeedSchema) },
  }),
  preview: defineRoute({
    method: 'POST',
    path: '/api/calls-to-action/preview',
    summary: 'How many supporters a call would reach: within the distance and agreeing to email',
    tags,
    access: send,
    body: callAudienceInputSchema,
    response: { 200: callAudiencePreviewSchema },
  }),
  list: defineRoute({
    method: 'GET',
    path: '/api/calls-to-action',
    summary: 'The calls to action sent, newest first, with their response',
    tags,
    access: send,
    response: { 200: z.array(callToActionSummarySchema) },
  }),
  send: defineRoute({
    method: 'POST',
    path: '/api/calls-to-action',
    summary: 'Send a call to action: one mail per reachable supporter, a sign-up link per action',
    tags,
    access: send,
    body: callToActionInputSchema,
    problems: {
      404: '`action_not_found`: an action is not open (filled, past, or not in this campaign).',
      409: '`pre_election_silence`: no campaign mail from the day before a round until the polls close; `no_recipients`: nobody to reach.',
    },
    response: { 201: callToActionSchema },
  }),
  get: defineRoute({
    method: 'GET',
    path: '/api/calls-to-action/:id',
    summary: 'One call to action: its mails, clicks and sign-ups per action, over time',
    tags,
    access: send,
    params: idParamSchema,
    problems: { 404: '`not_found`: no such call to action in this campaign.' },
    response: { 200: callToActionSchema },
  }),
};

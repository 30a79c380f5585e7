import { z } from 'zod';
import { idParamSchema } from './common.ts';
import {
  broadcastDashboardSchema,
  broadcastInputSchema,
  broadcastSchema,
  segmentReachSchema,
} from './calling.ts';
import { defineRoute } from './route.ts';

const manage = { permission: 'calling.manage' } as const;
const tags = ['calling'] as const;

const actionProblems = {
  404: '`not_found`: no such broadcast in this campaign.',
  409: 'The broadcast is not in a state that allows it (`broadcast_state`, `broadcast_not_draft`…).',
};

/** Voice broadcasts: built by staff, launched by a second staff member, followed live. */
export const broadcastsApi = {
  list: defineRoute({
    method: 'GET',
    path: '/api/calling/broadcasts',
    summary: 'The campaign’s voice broadcasts, newest first',
    tags,
    access: manage,
    response: { 200: z.array(broadcastSchema) },
  }),
  create: defineRoute({
    method: 'POST',
    path: '/api/calling/broadcasts',
    summary: 'A new voice broadcast (a draft)',
    tags,
    access: manage,
    body: broadcastInputSchema,
    problems: {
      404: '`not_found`: no such segment.',
      422: '`unknown_recording` or `unknown_list`: not one of the campaign’s.',
    },
    response: { 201: broadcastSchema },
  }),
  get: defineRoute({
    method: 'GET',
    path: '/api/calling/broadcasts/:id',
    summary: 'One voice broadcast',
    tags,
    access: manage,
    params: idParamSchema,
    response: { 200: broadcastSchema },
  }),
  update: defineRoute({
    method: 'PUT',
    path: '/api/calling/broadcasts/:id',
    summary:
      'A broadcast’s settings, before its launch (a new recording takes back the opt-out confirmation)',
    tags,
    access: manage,
    params: idParamSchema,
    body: broadcastInputSchema,
    problems: {
      ...actionProblems,
      422: '`unknown_recording` or `unknown_list`: not one of the campaign’s.',
    },
    response: { 200: broadcastSchema },
  }),
  confirmOptOut: defineRoute({
    method: 'POST',
    path: '/api/calling/broadcasts/:id/confirm-opt-out',
    summary: 'Confirm that the recording says at its start how to stop the calls (CNIL)',
    tags,
    access: manage,
    params: idParamSchema,
    problems: actionProblems,
    response: { 200: broadcastSchema },
  }),
  requestLaunch: defineRoute({
    method: 'POST',
    path: '/api/calling/broadcasts/:id/request-launch',
    summary: 'Ask for the launch; another staff member approves it',
    tags,
    access: manage,
    params: idParamSchema,
    problems: {
      ...actionProblems,
      409: '`recording_required`, `opt_out_not_confirmed`, `list_not_ready`, `caller_id_required`, `broadcast_ended` or `broadcast_not_draft`.',
    },
    response: { 200: broadcastSchema },
  }),
  approve: defineRoute({
    method: 'POST',
    path: '/api/calling/broadcasts/:id/approve',
    summary:
      'Approve a launch asked for by another staff member: the audience is frozen and dialling starts',
    tags,
    access: manage,
    params: idParamSchema,
    problems: {
      ...actionProblems,
      409: '`second_approval_required` (you asked for it), `audience_empty`, `caller_id_missing_for_territory`, or a launch check.',
    },
    response: { 200: broadcastSchema },
  }),
  pause: defineRoute({
    method: 'POST',
    path: '/api/calling/broadcasts/:id/pause',
    summary: 'Pause a running broadcast (calls in progress end normally)',
    tags,
    access: manage,
    params: idParamSchema,
    problems: actionProblems,
    response: { 200: broadcastSchema },
  }),
  resume: defineRoute({
    method: 'POST',
    path: '/api/calling/broadcasts/:id/resume',
    summary: 'Resume a paused broadcast',
    tags,
    access: manage,
    params: idParamSchema,
    problems: actionProblems,
    response: { 200: broadcastSchema },
  }),
  cancel: defineRoute({
    method: 'POST',
    path: '/api/calling/broadcasts/:id/cancel',
    summary: 'Cancel a broadcast: the numbers not yet called never are',
    tags,
    access: manage,
    params: idParamSchema,
    problems: actionProblems,
    response: { 200: broadcastSchema },
  }),
  callsCsv: defineRoute({
    method: 'GET',
    path: '/api/calling/broadcasts/:id/calls.csv',
    summary: 'A broadcast’s calls as CSV, one line per dial (audited)',
    tags,
    access: manage,
    params: idParamSchema,
    produces: ['text/csv'],
    response: { 200: z.unknown() },
  }),
  dashboard: defineRoute({
    method: 'GET',
    path: '/api/calling/broadcasts/:id/dashboard',
    summary:
      'A broadcast live: dialled, answered (human / machine), heard to the end, opt-outs, failures, cost, by hour and département, and the estimated end',
    tags,
    access: manage,
    params: idParamSchema,
    response: { 200: broadcastDashboardSchema },
  }),
};

const callbackParams = z.object({
  campaignId: z.coerce.number().int().positive(),
  attemptId: z.coerce.number().int().positive(),
});
const form = z.record(z.string(), z.string());
const callbackProblems = {
  403: '`callback_rejected`: the carrier’s signature does not verify.',
  404: '`not_found`: another campaign’s URL.',
};

/** What the carrier calls back: signed (Twilio’s scheme), each URL naming Levier’s attempt. */
export const carrierCallbacksApi = {
  status: defineRoute({
    method: 'POST',
    path: '/api/calling/carrier/:campaignId/attempts/:attemptId/status',
    summary: 'A call’s status change, kept once in the inbox and applied by rank',
    tags,
    access: { public: true },
    params: callbackParams,
    body: form,
    problems: callbackProblems,
    response: { 204: z.null() },
  }),
  machine: defineRoute({
    method: 'POST',
    path: '/api/calling/carrier/:campaignId/attempts/:attemptId/machine',
    summary: 'The answering-machine detection’s verdict on a call',
    tags,
    access: { public: true },
    params: callbackParams,
    body: form,
    problems: callbackProblems,
    response: { 204: z.null() },
  }),
  answer: defineRoute({
    method: 'POST',
    path: '/api/calling/carrier/:campaignId/attempts/:attemptId/answer',
    summary: 'What an answered call hears (TwiML): the recording, a keypress to opt out',
    tags,
    access: { public: true },
    params: callbackParams,
    body: form,
    produces: ['text/xml'],
    problems: callbackProblems,
    response: { 200: z.unknown() },
  }),
  optOut: defineRoute({
    method: 'POST',
    path: '/api/calling/carrier/:campaignId/attempts/:attemptId/opt-out',
    summary:
      'A key pressed during the message: 9 puts the number on the opt-out list at once, with a spoken confirmation (TwiML)',
    tags,
    access: { public: true },
    params: callbackParams,
    body: form,
    produces: ['text/xml'],
    problems: callbackProblems,
    response: { 200: z.unknown() },
  }),
};

export { callListsApi } from './calling-lists.ts';

/** What a segment holds for the phone: the editors' preview before a launch or an opening. */
export const callingSegmentsApi = {
  reach: defineRoute({
    method: 'GET',
    path: '/api/calling/segments/:id/reach',
    summary:
      'How many of a segment’s people a broadcast and a phone bank would call now (consent, a number, not opted out)',
    tags,
    access: manage,
    params: idParamSchema,
    problems: { 404: '`not_found`: no such segment in this campaign.' },
    response: { 200: segmentReachSchema },
  }),
};

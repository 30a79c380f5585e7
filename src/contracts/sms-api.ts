import { z } from 'zod';
import { adminPageQuerySchema } from './admin.ts';
import { idParamSchema, okSchema } from './common.ts';
import {
  caughtSmsSchema,
  smsCampaignInputSchema,
  smsCampaignSchema,
  smsReachInputSchema,
  smsReachSchema,
  smsRepliesQuerySchema,
  smsReplySchema,
  smsScheduleSchema,
  smsTestResultSchema,
} from './sms.ts';
import { defineRoute } from './route.ts';

const send = { permission: 'messaging.send' } as const;
const tags = ['sms'] as const;

const notFound = { 404: '`not_found`: no such text campaign in this campaign.' };
const notEditable = {
  409: '`sms_not_editable`: only a draft or a campaign still scheduled can be changed.',
};

/** Text campaigns: written, tested, scheduled and sent to a segment by staff. */
export const smsApi = {
  list: defineRoute({
    method: 'GET',
    path: '/api/sms',
    summary: 'The campaign’s text campaigns, newest first, with their counts',
    tags,
    access: send,
    response: { 200: z.array(smsCampaignSchema) },
  }),
  create: defineRoute({
    method: 'POST',
    path: '/api/sms',
    summary: 'A new text campaign (a draft)',
    tags,
    access: send,
    body: smsCampaignInputSchema,
    problems: { 404: '`not_found`: no such segment.' },
    response: { 201: smsCampaignSchema },
  }),
  get: defineRoute({
    method: 'GET',
    path: '/api/sms/:id',
    summary: 'One text campaign and its counts',
    tags,
    access: send,
    params: idParamSchema,
    problems: notFound,
    response: { 200: smsCampaignSchema },
  }),
  update: defineRoute({
    method: 'PUT',
    path: '/api/sms/:id',
    summary: 'A draft’s (or a scheduled campaign’s) text, sender and audience',
    tags,
    access: send,
    params: idParamSchema,
    body: smsCampaignInputSchema,
    problems: { ...notFound, ...notEditable },
    response: { 200: smsCampaignSchema },
  }),
  delete: defineRoute({
    method: 'DELETE',
    path: '/api/sms/:id',
    summary: 'Delete a draft',
    tags,
    access: send,
    params: idParamSchema,
    problems: { ...notFound, 409: '`sms_not_draft`: only a draft can be deleted.' },
    response: { 200: okSchema },
  }),
  reach: defineRoute({
    method: 'POST',
    path: '/api/sms/reach',
    summary:
      'Before sending: how many people of the segment agreed to SMS, the text’s encoding and segments, and the cost',
    tags,
    access: send,
    body: smsReachInputSchema,
    problems: { 404: '`not_found`: no such segment.' },
    response: { 200: smsReachSchema },
  }),
  test: defineRoute({
    method: 'POST',
    path: '/api/sms/:id/test',
    summary: 'Send the text, marked as a test, to the staff member’s own mobile number',
    tags,
    access: send,
    params: idParamSchema,
    problems: { ...notFound, 409: '`no_mobile`: your profile has no mobile number.' },
    response: { 200: smsTestResultSchema },
  }),
  schedule: defineRoute({
    method: 'POST',
    path: '/api/sms/:id/schedule',
    summary:
      'Send now (`at`: null) or at a moment to come; the audience is frozen when the send starts, texts wait for allowed hours',
    tags,
    access: send,
    params: idParamSchema,
    body: smsScheduleSchema,
    problems: {
      ...notFound,
      409: '`sms_not_editable`: already sending, sent or canceled.',
      422: '`in_the_past`: the moment has passed.',
    },
    response: { 200: smsCampaignSchema },
  }),
  cancel: defineRoute({
    method: 'POST',
    path: '/api/sms/:id/cancel',
    summary:
      'Stop a scheduled or sending campaign: the texts not sent yet never are (a scheduled one goes back to draft)',
    tags,
    access: send,
    params: idParamSchema,
    problems: { ...notFound, 409: '`sms_not_cancelable`: already sent or canceled.' },
    response: { 200: smsCampaignSchema },
  }),
  caught: defineRoute({
    method: 'GET',
    path: '/api/sms/dev-outbox',
    summary: 'Texts the development adapter kept instead of sending them, newest first',
    tags,
    access: send,
    query: adminPageQuerySchema,
    response: {
      200: z.object({ items: z.array(caughtSmsSchema), total: z.number() }),
    },
  }),
  replies: defineRoute({
    method: 'GET',
    path: '/api/sms/replies',
    summary:
      'Texts received that are not a STOP (answers), newest first, with the people whose number it is and the campaign answered',
    tags,
    access: send,
    query: smsRepliesQuerySchema,
    response: {
      200: z.object({ items: z.array(smsReplySchema), total: z.number() }),
    },
  }),
};

const webhookParams = z.object({ campaignId: z.coerce.number().int().positive() });
const form = z.record(z.string(), z.string());
const webhookProblems = {
  403: '`callback_rejected`: the provider’s signature does not verify.',
  404: '`not_found`: another campaign’s URL.',
};

/** What the SMS provider calls (signed with X-Twilio-Signature, as Twilio signs). */
export const smsWebhooksApi = {
  inbound: defineRoute({
    method: 'POST',
    path: '/api/sms/webhooks/:campaignId/inbound',
    summary:
      'A text received on the provider’s number: STOP (ARRET, UNSUBSCRIBE…) withdraws the SMS consent and opts the number out at once',
    tags,
    access: { public: true },
    params: webhookParams,
    body: form,
    produces: ['text/xml'],
    problems: webhookProblems,
    response: { 200: z.unknown() },
  }),
  status: defineRoute({
    method: 'POST',
    path: '/api/sms/webhooks/:campaignId/status',
    summary: 'A sent text’s delivery report (delivered, undelivered, failed)',
    tags,
    access: { public: true },
    params: webhookParams,
    body: form,
    problems: webhookProblems,
    response: { 204: z.null() },
  }),
};

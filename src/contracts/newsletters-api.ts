import { z } from 'zod';
import { idParamSchema, okSchema } from './common.ts';
import {
  newsletterInputSchema,
  newsletterPreviewInputSchema,
  newsletterPreviewSchema,
  newsletterScheduleSchema,
  newsletterSchema,
  newsletterTestResultSchema,
  subjectTestWinnerSchema,
} from './newsletters.ts';
import { defineRoute } from './route.ts';

const send = { permission: 'messaging.send' } as const;
const tags = ['newsletters'] as const;

const notFound = { 404: '`not_found`: no such newsletter in this campaign.' };
const notDraft = {
  409: '`newsletter_not_editable`: only a draft or a newsletter still scheduled can be changed.',
};

/** Newsletters: written, tested, scheduled and sent to a segment by staff. */
export const newslettersApi = {
  list: defineRoute({
    method: 'GET',
    path: '/api/newsletters',
    summary: 'The campaign’s newsletters, newest first, with their counts',
    tags,
    access: send,
    response: { 200: z.array(newsletterSchema) },
  }),
  create: defineRoute({
    method: 'POST',
    path: '/api/newsletters',
    summary: 'A new newsletter (a draft)',
    tags,
    access: send,
    body: newsletterInputSchema,
    problems: { 404: '`not_found`: no such segment.' },
    response: { 201: newsletterSchema },
  }),
  get: defineRoute({
    method: 'GET',
    path: '/api/newsletters/:id',
    summary: 'One newsletter and its counts',
    tags,
    access: send,
    params: idParamSchema,
    problems: notFound,
    response: { 200: newsletterSchema },
  }),
  update: defineRoute({
    method: 'PUT',
    path: '/api/newsletters/:id',
    summary: 'A draft’s (or a scheduled newsletter’s) text and audience',
    tags,
    access: send,
    params: idParamSchema,
    body: newsletterInputSchema,
    problems: { ...notFound, ...notDraft },
    response: { 200: newsletterSchema },
  }),
  delete: defineRoute({
    method: 'DELETE',
    path: '/api/newsletters/:id',
    summary: 'Delete a draft',
    tags,
    access: send,
    params: idParamSchema,
    problems: { ...notFound, 409: '`newsletter_not_draft`: only a draft can be deleted.' },
    response: { 200: okSchema },
  }),
  preview: defineRoute({
    method: 'POST',
    path: '/api/newsletters/preview',
    summary:
      'A subject and body rendered as the staff member would receive them (placeholders filled with their own name and commune)',
    tags,
    access: send,
    body: newsletterPreviewInputSchema,
    response: { 200: newsletterPreviewSchema },
  }),
  test: defineRoute({
    method: 'POST',
    path: '/api/newsletters/:id/test',
    summary: 'Send the newsletter, marked as a test, to the staff member’s own address',
    tags,
    access: send,
    params: idParamSchema,
    problems: { ...notFound, 409: '`no_email`: your account has no email address.' },
    response: { 200: newsletterTestResultSchema },
  }),
  schedule: defineRoute({
    method: 'POST',
    path: '/api/newsletters/:id/schedule',
    summary:
      'Send now (`at`: null) or at a moment to come; the audience is frozen when the send starts',
    tags,
    access: send,
    params: idParamSchema,
    body: newsletterScheduleSchema,
    problems: {
      ...notFound,
      409: '`newsletter_not_editable`: already sending, sent or canceled.',
      422: '`in_the_past`: the moment has passed.',
    },
    response: { 200: newsletterSchema },
  }),
  cancel: defineRoute({
    method: 'POST',
    path: '/api/newsletters/:id/cancel',
    summary:
      'Stop a scheduled or sending newsletter: the mails not sent yet never are (a scheduled one goes back to draft)',
    tags,
    access: send,
    params: idParamSchema,
    problems: { ...notFound, 409: '`newsletter_not_cancelable`: already sent or canceled.' },
    response: { 200: newsletterSchema },
  }),
  pickWinner: defineRoute({
    method: 'POST',
    path: '/api/newsletters/:id/subject-test/winner',
    summary:
      'Pick a subject test’s winner before its wait is over: the rest of the audience is queued with that subject at once',
    tags,
    access: send,
    params: idParamSchema,
    body: subjectTestWinnerSchema,
    problems: {
      ...notFound,
      409: '`subject_test_not_running`: the newsletter has no subject test waiting for its winner.',
    },
    response: { 200: newsletterSchema },
  }),
};

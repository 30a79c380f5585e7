import { z } from 'zod';
import { idParamSchema } from './common.ts';
import {
  automationInputSchema,
  automationSchema,
  automationStatusInputSchema,
  automationStepParamsSchema,
} from './newsletters-automations.ts';
import { newsletterTestResultSchema } from './newsletters.ts';
import { defineRoute } from './route.ts';

const send = { permission: 'messaging.send' } as const;
const tags = ['newsletters'] as const;
const notFound = { 404: '`not_found`: no such automation in this campaign.' };

/** Automations: welcome series and messages on events, written and paused by staff. */
export const newsletterAutomationsApi = {
  list: defineRoute({
    method: 'GET',
    path: '/api/newsletter-automations',
    summary: 'The campaign’s automations with their steps and counts',
    tags,
    access: send,
    response: { 200: z.array(automationSchema) },
  }),
  create: defineRoute({
    method: 'POST',
    path: '/api/newsletter-automations',
    summary: 'A new automation: its trigger and its steps',
    tags,
    access: send,
    body: automationInputSchema,
    response: { 201: automationSchema },
  }),
  get: defineRoute({
    method: 'GET',
    path: '/api/newsletter-automations/:id',
    summary: 'One automation, its steps and their counts',
    tags,
    access: send,
    params: idParamSchema,
    problems: notFound,
    response: { 200: automationSchema },
  }),
  update: defineRoute({
    method: 'PUT',
    path: '/api/newsletter-automations/:id',
    summary:
      'An automation’s name, trigger, status and steps (a step kept by its id keeps its counts; one left out is removed)',
    tags,
    access: send,
    params: idParamSchema,
    body: automationInputSchema,
    problems: { ...notFound, 422: '`unknown_step`: a step id that is not one of its steps.' },
    response: { 200: automationSchema },
  }),
  setStatus: defineRoute({
    method: 'POST',
    path: '/api/newsletter-automations/:id/status',
    summary: 'Pause an automation (nobody enrolled, nothing queued meanwhile) or make it active',
    tags,
    access: send,
    params: idParamSchema,
    body: automationStatusInputSchema,
    problems: notFound,
    response: { 200: automationSchema },
  }),
  testStep: defineRoute({
    method: 'POST',
    path: '/api/newsletter-automations/:id/steps/:stepId/test',
    summary:
      'Send a step as saved, marked as a test, to the staff member’s own address (its placeholders filled with their own values)',
    tags,
    access: send,
    params: automationStepParamsSchema,
    problems: {
      404: '`not_found`: no such step among this automation’s.',
      409: '`no_email`: your account has no email address.',
    },
    response: { 200: newsletterTestResultSchema },
  }),
};

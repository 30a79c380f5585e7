import { okSchema, idParamSchema } from './common.ts';
import {
  apiTokenInputSchema,
  apiTokenSchema,
  createdApiTokenSchema,
  createdWebhookSchema,
  deliveriesQuerySchema,
  webhookDeliveriesSchema,
  webhookEndpointSchema,
  webhookInputSchema,
} from './integrations.ts';
import { defineRoute } from './route.ts';
import { z } from 'zod';

const tags = ['integrations'] as const;
const manage = { permission: 'integrations.manage' } as const;

/** API tokens (made by a person, never by a token) and outgoing webhooks. */
export const integrationsApi = {
  tokens: defineRoute({
    method: 'GET',
    path: '/api/integrations/tokens',
    summary: "The campaign's API tokens (never their secrets)",
    tags,
    access: manage,
    response: { 200: z.array(apiTokenSchema) },
  }),
  createToken: defineRoute({
    method: 'POST',
    path: '/api/integrations/tokens',
    summary:
      'Make an API token with some of the permissions you hold; its secret is answered this once (audited; needs a person, not a token)',
    tags,
    access: manage,
    body: apiTokenInputSchema,
    response: { 201: createdApiTokenSchema },
    problems: {
      403: 'A scope you do not hold, or a request made with a token (scope_not_held, person_required).',
    },
  }),
  revokeToken: defineRoute({
    method: 'DELETE',
    path: '/api/integrations/tokens/:id',
    summary: 'Revoke an API token: it stops working at once (audited)',
    tags,
    access: manage,
    params: idParamSchema,
    response: { 200: okSchema },
  }),
  webhooks: defineRoute({
    method: 'GET',
    path: '/api/integrations/webhooks',
    summary: 'The webhook endpoints and their delivery counts',
    tags,
    access: manage,
    response: { 200: z.array(webhookEndpointSchema) },
  }),
  createWebhook: defineRoute({
    method: 'POST',
    path: '/api/integrations/webhooks',
    summary:
      'Register an endpoint for some event types, each needing the permission to read it; its signing secret is answered this once (audited)',
    tags,
    access: manage,
    body: webhookInputSchema,
    response: { 201: createdWebhookSchema },
    problems: {
      400: 'A URL that is not https in production (https_required).',
      403: 'An event type whose data you may not read (event_not_allowed).',
    },
  }),
  updateWebhook: defineRoute({
    method: 'PUT',
    path: '/api/integrations/webhooks/:id',
    summary: "Change an endpoint's URL, event types or enabled flag (audited)",
    tags,
    access: manage,
    params: idParamSchema,
    body: webhookInputSchema,
    response: { 200: webhookEndpointSchema },
    problems: {
      400: 'A URL that is not https in production (https_required).',
      403: 'An event type whose data you may not read (event_not_allowed).',
    },
  }),
  deleteWebhook: defineRoute({
    method: 'DELETE',
    path: '/api/integrations/webhooks/:id',
    summary: 'Remove an endpoint: nothing more is sent to it (audited)',
    tags,
    access: manage,
    params: idParamSchema,
    response: { 200: okSchema },
  }),
  deliveries: defineRoute({
    method: 'GET',
    path: '/api/integrations/webhooks/:id/deliveries',
    summary: "An endpoint's deliveries, newest first: status, tries, last answer or error",
    tags,
    access: manage,
    params: idParamSchema,
    query: deliveriesQuerySchema,
    response: { 200: webhookDeliveriesSchema },
  }),
};

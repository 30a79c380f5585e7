import { z } from 'zod';
import { idParamSchema } from './common.ts';
import {
  newsletterLinksSchema,
  personEngagementsSchema,
  trackingPixelQuerySchema,
} from './newsletter-tracking.ts';
import { defineRoute } from './route.ts';

const tags = ['newsletters'] as const;

/**
 * Opens and clicks of newsletters, for recipients who agreed to that tracking. The tracked
 * links themselves lead through a page of the site (`/newsletter/click?t=…&l=…`, a redirect
 * to the newsletter's own link), outside the API.
 */
export const newsletterTrackingApi = {
  pixel: defineRoute({
    method: 'GET',
    path: '/api/newsletters/tracking/open',
    summary:
      'The invisible image of a tracked newsletter mail: always a 1×1 GIF, never cached; an open is counted only for a valid token of a person who still agrees to tracking',
    tags,
    access: { public: true },
    query: trackingPixelQuerySchema,
    produces: ['image/gif'],
    response: { 200: z.string().describe('A transparent 1×1 GIF') },
  }),
  links: defineRoute({
    method: 'GET',
    path: '/api/newsletters/:id/links',
    summary:
      'The web links of a newsletter’s text, in order, each with how many times tracked recipients followed it',
    tags,
    access: { permission: 'messaging.send' },
    params: idParamSchema,
    problems: { 404: '`not_found`: no such newsletter in this campaign.' },
    response: { 200: newsletterLinksSchema },
  }),
  person: defineRoute({
    method: 'GET',
    path: '/api/people/:id/newsletter-engagements',
    summary:
      'The newsletters a person opened or clicked in, only while they agree to that tracking (otherwise nothing)',
    tags: ['people', 'newsletters'],
    access: { permission: 'people.read' },
    params: idParamSchema,
    problems: { 404: '`not_found`: no such person.' },
    response: { 200: personEngagementsSchema },
  }),
};

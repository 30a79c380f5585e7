import { z } from 'zod';
import { committeeIdParamsSchema } from './committees.ts';
import { okSchema } from './common.ts';
import {
  attendeesSchema,
  eventDetailQuerySchema,
  eventIdParamsSchema,
  eventInputSchema,
  eventListQuerySchema,
  eventListSchema,
  eventSchema,
  myEventsSchema,
  rsvpInputSchema,
  rsvpSchema,
  rsvpTokenSchema,
} from './events.ts';
import { defineRoute } from './route.ts';

const tags = ['events'] as const;
const params = eventIdParamsSchema;
const manage = { scope: 'event', rank: 'manager', orPermission: 'events.manage' } as const;
const silence = '`pre_election_silence`: public campaigning cannot be held then (L49)';

/** Events of committees and of HQ, answers with a waiting list, and calendars. */
export const eventsApi = {
  createForCommittee: defineRoute({
    method: 'POST',
    path: '/api/committees/:committeeId/events',
    summary: 'Create an event of a committee (its managers and organisers)',
    tags,
    access: { scope: 'committee', rank: 'manager', orPermission: 'events.manage' },
    params: committeeIdParamsSchema,
    body: eventInputSchema,
    problems: { 409: silence },
    response: { 201: eventSchema },
  }),
  create: defineRoute({
    method: 'POST',
    path: '/api/events',
    summary: 'Create a campaign-wide event (HQ)',
    tags,
    access: { permission: 'events.manage' },
    body: eventInputSchema,
    problems: { 409: silence },
    response: { 201: eventSchema },
  }),
  list: defineRoute({
    method: 'GET',
    path: '/api/events',
    summary: 'Upcoming public events, nearest first from a point or a postal code, or soonest',
    tags,
    access: { public: true },
    query: eventListQuerySchema,
    response: { 200: eventListSchema },
  }),
  mine: defineRoute({
    method: 'GET',
    path: '/api/me/events',
    summary: 'The events the caller answered',
    tags,
    access: { authenticated: true },
    response: { 200: myEventsSchema },
  }),
  detail: defineRoute({
    method: 'GET',
    path: '/api/events/:eventId',
    summary: 'An event, to whoever may see it (a private one with its link key)',
    tags,
    access: { public: true, session: 'optional' },
    params,
    query: eventDetailQuerySchema,
    response: { 200: eventSchema },
  }),
  update: defineRoute({
    method: 'PUT',
    path: '/api/events/:eventId',
    summary: 'Change an event; those coming are told',
    tags,
    access: manage,
    params,
    body: eventInputSchema,
    problems: { 409: silence },
    response: { 200: eventSchema },
  }),
  cancel: defineRoute({
    method: 'POST',
    path: '/api/events/:eventId/cancel',
    summary: 'Cancel an event; those coming and waiting are told',
    tags,
    access: manage,
    params,
    response: { 200: eventSchema },
  }),
  answer: defineRoute({
    method: 'PUT',
    path: '/api/events/:eventId/rsvp',
    summary: "Say one is coming (with guests): a place, or the waiting list when it's full",
    tags,
    access: { authenticated: true },
    params,
    body: rsvpInputSchema,
    problems: {
      403: '`members_only`: the event is for its committee’s members',
      409: '`event_cancelled`, `event_over`, `not_enough_places`',
    },
    response: { 200: rsvpSchema },
  }),
  withdraw: defineRoute({
    method: 'DELETE',
    path: '/api/events/:eventId/rsvp',
    summary: 'Withdraw one’s answer (the waiting list moves up)',
    tags,
    access: { authenticated: true },
    params,
    response: { 200: okSchema },
  }),
  cancelByLink: defineRoute({
    method: 'POST',
    path: '/api/events/rsvp/cancel',
    summary: 'Withdraw an answer with the link of its confirmation mail, without logging in',
    tags,
    access: { public: true },
    body: rsvpTokenSchema,
    problems: { 400: '`invalid_token`: the link is not one Levier sent' },
    response: { 200: z.object({ eventId: z.number().int(), title: z.string() }) },
  }),
  attendees: defineRoute({
    method: 'GET',
    path: '/api/events/:eventId/attendees',
    summary: 'Who comes and who waits, for the event’s managers',
    tags,
    access: manage,
    params,
    response: { 200: attendeesSchema },
  }),
};

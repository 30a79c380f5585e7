import { committeeIdParamsSchema } from './committees.ts';
import {
  checkinAttendeeSchema,
  checkinInputSchema,
  checkinListSchema,
  checkinParamsSchema,
  checkinQuerySchema,
  committeeStatsSchema,
  eventIdParamsSchema,
  eventReportInputSchema,
  eventReportStateSchema,
  walkInInputSchema,
  walkInSchema,
} from './events.ts';
import { defineRoute } from './route.ts';

const tags = ['events'] as const;
const manage = { scope: 'event', rank: 'manager', orPermission: 'events.manage' } as const;

/** The day of an event and after: check-in at the door, walk-ins, the report, a committee's figures. */
export const eventCheckinApi = {
  checkinList: defineRoute({
    method: 'GET',
    path: '/api/events/:eventId/checkin',
    summary: 'Those coming or waiting who match a search, checked in or not, for the door',
    tags,
    access: manage,
    params: eventIdParamsSchema,
    query: checkinQuerySchema,
    response: { 200: checkinListSchema },
  }),
  checkin: defineRoute({
    method: 'PUT',
    path: '/api/events/:eventId/checkin/:personId',
    summary: 'Mark a person who answered as there, or not',
    tags,
    access: manage,
    params: checkinParamsSchema,
    body: checkinInputSchema,
    problems: { 409: '`event_cancelled`' },
    response: { 200: checkinAttendeeSchema },
  }),
  walkIn: defineRoute({
    method: 'POST',
    path: '/api/events/:eventId/walk-ins',
    summary:
      'Add someone who came without answering (a new person unless the email is known), checked in',
    tags,
    access: manage,
    params: eventIdParamsSchema,
    body: walkInInputSchema,
    problems: { 409: '`event_cancelled`' },
    response: { 201: walkInSchema },
  }),
  report: defineRoute({
    method: 'GET',
    path: '/api/events/:eventId/report',
    summary: 'The report of an event, if written, and the check-ins it starts from',
    tags,
    access: manage,
    params: eventIdParamsSchema,
    response: { 200: eventReportStateSchema },
  }),
  saveReport: defineRoute({
    method: 'PUT',
    path: '/api/events/:eventId/report',
    summary: 'Write or correct the report of an event that has started',
    tags,
    access: manage,
    params: eventIdParamsSchema,
    body: eventReportInputSchema,
    problems: { 409: '`event_not_started`, `event_cancelled`' },
    response: { 200: eventReportStateSchema },
  }),
  committeeStats: defineRoute({
    method: 'GET',
    path: '/api/committees/:committeeId/stats',
    summary:
      "A committee's members month by month, events, answers, attendance and reports' totals",
    tags,
    access: { scope: 'committee', rank: 'manager', orPermission: 'committees.manage' },
    params: committeeIdParamsSchema,
    response: { 200: committeeStatsSchema },
  }),
};

import {
  committeeActivitySchema,
  funnelsSchema,
  insightsPeriodQuerySchema,
} from './insights-funnels.ts';
import { defineRoute } from './route.ts';

const tags = ['insights'] as const;
const access = { permission: 'stats.read' } as const;

/** HQ's recruitment and donation funnels and the committees' activity over a period. */
export const insightsFunnelsApi = {
  funnels: defineRoute({
    method: 'GET',
    path: '/api/insights/funnels',
    summary: 'Recruitment and donation funnels over a period',
    tags,
    access,
    query: insightsPeriodQuerySchema,
    problems: {
      400: '`validation_failed` (`range_too_long`): more than 731 days from `from` to `to`.',
    },
    response: { 200: funnelsSchema },
  }),
  committeeActivity: defineRoute({
    method: 'GET',
    path: '/api/insights/committee-activity',
    summary: 'Committees by members, events, visits and last activity over a period',
    tags,
    access,
    query: insightsPeriodQuerySchema,
    problems: {
      400: '`validation_failed` (`range_too_long`): more than 731 days from `from` to `to`.',
    },
    response: { 200: committeeActivitySchema },
  }),
};

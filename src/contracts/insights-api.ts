import {
  effectSettingsSchema,
  effectSizesSchema,
  impactMapSchema,
  impactQuerySchema,
  impactSummarySchema,
  territoriesQuerySchema,
  territoryListSchema,
  trendsQuerySchema,
  trendsSchema,
} from './insights.ts';
import { defineRoute } from './route.ts';

const tags = ['insights'] as const;
const read = { permission: 'stats.read' } as const;
const periodProblem = {
  400: '`validation_failed` (`range_order`): `from` after `to`.',
} as const;

/** The impact dashboard: contacts turned into estimated votes, by territory and over time. */
export const insightsApi = {
  impact: defineRoute({
    method: 'GET',
    path: '/api/insights/impact',
    summary: 'Contacts of each kind and the votes they are estimated to bring (low, central, high)',
    tags,
    access: read,
    query: impactQuerySchema,
    problems: periodProblem,
    response: { 200: impactSummarySchema },
  }),
  territories: defineRoute({
    method: 'GET',
    path: '/api/insights/impact/territories',
    summary: 'Contacts, estimated votes and margin by polling station, commune or constituency',
    tags,
    access: read,
    query: territoriesQuerySchema,
    response: { 200: territoryListSchema },
  }),
  map: defineRoute({
    method: 'GET',
    path: '/api/insights/impact/map',
    summary: 'The territories of the impact dashboard as GeoJSON points',
    tags,
    access: read,
    query: territoriesQuerySchema,
    response: { 200: impactMapSchema },
  }),
  trends: defineRoute({
    method: 'GET',
    path: '/api/insights/impact/trends',
    summary: 'Contacts of each kind and estimated votes per day or week',
    tags,
    access: read,
    query: trendsQuerySchema,
    problems: periodProblem,
    response: { 200: trendsSchema },
  }),
  effects: defineRoute({
    method: 'GET',
    path: '/api/insights/impact/effects',
    summary: "The impact model's effect sizes, their published defaults and sources",
    tags,
    access: read,
    response: { 200: effectSettingsSchema },
  }),
  updateEffects: defineRoute({
    method: 'PUT',
    path: '/api/insights/impact/effects',
    summary: "Edit the impact model's effect sizes (every kind, turnout and persuasion)",
    tags,
    access: { permission: 'settings.write' },
    body: effectSizesSchema,
    response: { 200: effectSettingsSchema },
  }),
  resetEffects: defineRoute({
    method: 'DELETE',
    path: '/api/insights/impact/effects',
    summary: "Return the impact model's effect sizes to the published defaults",
    tags,
    access: { permission: 'settings.write' },
    response: { 200: effectSettingsSchema },
  }),
};

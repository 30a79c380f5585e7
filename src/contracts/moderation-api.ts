import { z } from 'zod';
import { okSchema } from './common.ts';
import {
  decisionInputSchema,
  decisionSchema,
  moderationQueueSchema,
  moderationRulesSchema,
  reportInputSchema,
  sanctionsSchema,
} from './moderation.ts';
import { defineRoute } from './route.ts';

const tags = ['moderation'] as const;
const act = { permission: 'moderation.act' } as const;

/** Control after the fact: anyone reports, moderators decide, each act audited and explained. */
export const moderationApi = {
  report: defineRoute({
    method: 'POST',
    path: '/api/reports',
    summary: 'Report a committee, an event or a message to the moderators',
    tags,
    access: { public: true, session: 'optional' },
    body: reportInputSchema,
    problems: { 404: '`not_found`: nothing public of that kind has this id' },
    response: { 201: okSchema },
  }),
  queue: defineRoute({
    method: 'GET',
    path: '/api/moderation/queue',
    summary: 'Open reports grouped by target, oldest first, with how many reported each',
    tags,
    access: act,
    query: z.object({ page: z.coerce.number().int().min(1).max(10_000).default(1) }),
    response: { 200: moderationQueueSchema },
  }),
  decide: defineRoute({
    method: 'POST',
    path: '/api/moderation/decisions',
    summary: 'Decide on a target: dismiss, ask a fix, unpublish, close, restore or ban its author',
    tags,
    access: act,
    body: decisionInputSchema,
    problems: { 400: '`message_required`: say why, for the people concerned' },
    response: { 201: decisionSchema },
  }),
  sanctions: defineRoute({
    method: 'GET',
    path: '/api/moderation/sanctions',
    summary: 'Current suspensions and bans',
    tags,
    access: act,
    response: { 200: sanctionsSchema },
  }),
  lift: defineRoute({
    method: 'DELETE',
    path: '/api/moderation/sanctions/:id',
    summary: 'Lift a suspension or a ban (audited)',
    tags,
    access: act,
    params: z.object({ id: z.coerce.number().int().min(1) }),
    response: { 200: okSchema },
  }),
  rules: defineRoute({
    method: 'GET',
    path: '/api/moderation/rules',
    summary: 'The repeat-offender rules',
    tags,
    access: act,
    response: { 200: moderationRulesSchema },
  }),
  setRules: defineRoute({
    method: 'PUT',
    path: '/api/moderation/rules',
    summary: 'Change the repeat-offender rules (audited)',
    tags,
    access: act,
    body: moderationRulesSchema,
    response: { 200: moderationRulesSchema },
  }),
};

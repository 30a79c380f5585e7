import {
  actionFeedQuerySchema,
  actionFeedSchema,
  actionRefSchema,
  refreshResultSchema,
  takeActionResultSchema,
  volunteerProfileInputSchema,
  volunteerProfileSchema,
} from './mobilisation.ts';
import { idParamSchema } from './common.ts';
import { defineRoute } from './route.ts';

const tags = ['mobilisation'] as const;
const access = { authenticated: true } as const;

/** The supporter's own mobilisation: their volunteer profile, the actions near them. */
export const mobilisationApi = {
  profile: defineRoute({
    method: 'GET',
    path: '/api/me/volunteer-profile',
    summary: "The logged-in supporter's volunteer profile",
    tags,
    access,
    response: { 200: volunteerProfileSchema },
  }),
  updateProfile: defineRoute({
    method: 'PUT',
    path: '/api/me/volunteer-profile',
    summary: "Change the logged-in supporter's volunteer profile",
    tags,
    access,
    body: volunteerProfileInputSchema,
    response: { 200: volunteerProfileSchema },
  }),
  feed: defineRoute({
    method: 'GET',
    path: '/api/me/actions',
    summary: 'Act near me: the open actions around the logged-in supporter, neediest first',
    tags,
    access,
    query: actionFeedQuerySchema,
    response: { 200: actionFeedSchema },
  }),
  take: defineRoute({
    method: 'POST',
    path: '/api/me/actions',
    summary: 'Sign the logged-in supporter up for an action (idempotent)',
    tags,
    access,
    body: actionRefSchema,
    problems: { 403: 'members_only: the action is for a committee’s members' },
    response: { 200: takeActionResultSchema },
  }),
  ofPerson: defineRoute({
    method: 'GET',
    path: '/api/people/:id/volunteer-profile',
    summary:
      'A person’s volunteer profile, for staff on the person page (the empty one when never filled in)',
    tags,
    access: { permission: 'people.read' },
    params: idParamSchema,
    response: { 200: volunteerProfileSchema },
  }),
  refresh: defineRoute({
    method: 'POST',
    path: '/api/mobilisation/actions/refresh',
    summary:
      'Copy the open actions from their features now (the periodic copy runs every 5 minutes)',
    tags,
    access: { permission: 'field.manage' },
    response: { 200: refreshResultSchema },
  }),
};

import { idParamSchema, okSchema } from './common.ts';
import {
  dismissInputSchema,
  duplicateListQuerySchema,
  duplicateListSchema,
  mergedIntoSchema,
  mergeInputSchema,
  mergePreviewSchema,
  mergeResultSchema,
  pairParamsSchema,
} from './duplicates.ts';
import { defineRoute } from './route.ts';

const access = { permission: 'people.merge' } as const;
const tags = ['duplicates'] as const;

/** Finding people recorded twice and merging them. */
export const duplicatesApi = {
  list: defineRoute({
    method: 'GET',
    path: '/api/people/duplicates',
    summary: 'Likely duplicates found by the last search, with why each pair matches',
    tags,
    access,
    query: duplicateListQuerySchema,
    response: { 200: duplicateListSchema },
  }),
  search: defineRoute({
    method: 'POST',
    path: '/api/people/duplicates/search',
    summary: 'Search the people again for likely duplicates (a job)',
    tags,
    access,
    response: { 200: okSchema },
  }),
  preview: defineRoute({
    method: 'GET',
    path: '/api/people/duplicates/:first/:second',
    summary: 'Two people side by side, before a merge',
    tags,
    access,
    params: pairParamsSchema,
    response: { 200: mergePreviewSchema },
  }),
  dismiss: defineRoute({
    method: 'POST',
    path: '/api/people/duplicates/dismiss',
    summary: 'Mark two people as different: the search never proposes them again',
    tags,
    access,
    body: dismissInputSchema,
    response: { 200: okSchema },
  }),
  merge: defineRoute({
    method: 'POST',
    path: '/api/people/merge',
    summary:
      'Merge one person into another, keeping every consent, tag, timeline entry and referral',
    tags,
    access,
    body: mergeInputSchema,
    problems: {
      409: '`merge_conflict` (one of the two changed since the comparison was read), `merge_account_roles` (the person merged away holds access the kept one lacks) or `merge_unclassified_reference`.',
    },
    response: { 200: mergeResultSchema },
  }),
  mergedInto: defineRoute({
    method: 'GET',
    path: '/api/people/merged/:id',
    summary: 'Where a person merged into another now is (old links)',
    tags,
    access: { permission: 'people.read' },
    params: idParamSchema,
    response: { 200: mergedIntoSchema },
  }),
};

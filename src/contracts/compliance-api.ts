import { z } from 'zod';
import { idParamSchema, okSchema } from './common.ts';
import {
  contactCheckQuerySchema,
  contactDecisionSchema,
  electionInputSchema,
  electionSchema,
} from './compliance.ts';
import { defineRoute } from './route.ts';

const tags = ['compliance'] as const;
const manage = { permission: 'compliance.manage' } as const;

/** The campaign's elections (their silences and limits follow) and the contact check. */
export const complianceApi = {
  elections: defineRoute({
    method: 'GET',
    path: '/api/compliance/elections',
    summary: "The campaign's elections and their rounds, with the day of each per territory",
    tags,
    access: manage,
    response: { 200: z.array(electionSchema) },
  }),
  createElection: defineRoute({
    method: 'POST',
    path: '/api/compliance/elections',
    summary: 'Add an election and its rounds (audited)',
    tags,
    access: manage,
    body: electionInputSchema,
    response: { 200: electionSchema },
  }),
  updateElection: defineRoute({
    method: 'PUT',
    path: '/api/compliance/elections/:id',
    summary: "Change an election's name, kind or rounds (audited)",
    tags,
    access: manage,
    params: idParamSchema,
    body: electionInputSchema,
    response: { 200: electionSchema },
  }),
  deleteElection: defineRoute({
    method: 'DELETE',
    path: '/api/compliance/elections/:id',
    summary: 'Delete an election and its rounds (audited)',
    tags,
    access: manage,
    params: idParamSchema,
    response: { 200: okSchema },
  }),
  check: defineRoute({
    method: 'GET',
    path: '/api/compliance/check',
    summary:
      'May the campaign reach this person on this channel for this purpose (now, or at a moment), and if not, why',
    tags,
    access: { permission: 'people.read' },
    query: contactCheckQuerySchema,
    response: { 200: contactDecisionSchema },
  }),
};

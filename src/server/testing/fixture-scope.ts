import type { FastifyPluginAsync } from 'fastify';
import { z } from 'zod';
import type { Rank } from '../../contracts/access.ts';
import { defineRoute } from '../../contracts/route.ts';
import { currentScope, type ScopeKind } from '../core/http/access.ts';
import { serve } from '../core/http/contract.ts';

/**
 * A scope kind for tests, before any feature owns one: groups 1 and 2 exist, ranks are held
 * in memory. Its routes answer with the scope the access check admitted the caller to.
 */
export function fixtureScope() {
  const ranks = new Map<number, Map<number, Rank>>([
    [1, new Map()],
    [2, new Map()],
  ]);
  const kind: ScopeKind = {
    name: 'fixture-group',
    idFrom: (params) => (/^\d{1,9}$/.test(params.groupId ?? '') ? Number(params.groupId) : null),
    rankOf: async (personId, groupId) => {
      const group = ranks.get(groupId);
      return group ? (group.get(personId) ?? null) : 'missing';
    },
  };
  const grant = (groupId: number, personId: number, rank: Rank) =>
    ranks.get(groupId)!.set(personId, rank);

  const routes = (): FastifyPluginAsync => async (app) => {
    for (const contract of Object.values(fixtureGroupApi)) {
      serve(app, contract, (request) => currentScope(request));
    }
  };
  return { kind, grant, routes };
}

const scopeAnswer = z.object({ kind: z.string(), id: z.number(), rank: z.string().nullable() });
const params = z.object({ groupId: z.coerce.number() });
const tags = ['testing'];

/** The fixture scope's routes: a read for followers, a note for managers, a delete for organisers. */
export const fixtureGroupApi = {
  read: defineRoute({
    method: 'GET',
    path: '/api/fixture-groups/:groupId',
    summary: 'A fixture group',
    tags,
    access: { scope: 'fixture-group', rank: 'follower' },
    params,
    response: { 200: scopeAnswer },
  }),
  note: defineRoute({
    method: 'POST',
    path: '/api/fixture-groups/:groupId/notes',
    summary: 'A note in a fixture group',
    tags,
    access: { scope: 'fixture-group', rank: 'manager' },
    params,
    body: z.object({ text: z.string().min(1) }),
    response: { 200: scopeAnswer },
  }),
  remove: defineRoute({
    method: 'DELETE',
    path: '/api/fixture-groups/:groupId',
    summary: 'Delete a fixture group',
    tags,
    access: { scope: 'fixture-group', rank: 'organiser', orPermission: 'roles.manage' },
    params,
    response: { 200: scopeAnswer },
  }),
};

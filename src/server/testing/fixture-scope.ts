import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { Rank } from '../../contracts/access.ts';
import { currentScope, type ScopeKind } from '../core/http/access.ts';

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

  const scopeAnswer = z.object({ kind: z.string(), id: z.number(), rank: z.string().nullable() });
  const routes = (): FastifyPluginAsyncZod => async (app) => {
    app.get(
      '/api/fixture-groups/:groupId',
      {
        config: { access: { scope: 'fixture-group', rank: 'follower' } },
        schema: {
          params: z.object({ groupId: z.coerce.number() }),
          response: { 200: scopeAnswer },
        },
      },
      async (request) => currentScope(request),
    );
    app.post(
      '/api/fixture-groups/:groupId/notes',
      {
        config: { access: { scope: 'fixture-group', rank: 'manager' } },
        schema: {
          params: z.object({ groupId: z.coerce.number() }),
          body: z.object({ text: z.string().min(1) }),
          response: { 200: scopeAnswer },
        },
      },
      async (request) => currentScope(request),
    );
    app.delete(
      '/api/fixture-groups/:groupId',
      {
        config: {
          access: { scope: 'fixture-group', rank: 'organiser', orPermission: 'roles.manage' },
        },
        schema: {
          params: z.object({ groupId: z.coerce.number() }),
          response: { 200: scopeAnswer },
        },
      },
      async (request) => currentScope(request),
    );
  };
  return { kind, grant, routes };
}

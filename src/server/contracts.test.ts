import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { RouteContract } from '../contracts/route.ts';
import { createTestApp, engines, type TestApp } from './testing/harness.ts';

/** Every contract the web and the server share: the `*-api.ts` modules of `src/contracts`. */
const contractModules = import.meta.glob<Record<string, Record<string, RouteContract>>>(
  '../contracts/*-api.ts',
  { eager: true },
);
const contracts = Object.values(contractModules).flatMap((module) =>
  Object.values(module).flatMap((group) => Object.values(group)),
);
/**
 * Routes still registered with `app.get(…)` and a schema of their own: work left. The test
 * fails when another route is registered without a contract, and when a listed one has one
 * (shrink the list).
 */
const NOT_YET_CONTRACTED = [
  'DELETE /api/compliance/elections/:id',
  'DELETE /api/people/:id/notes/:noteId',
  'DELETE /api/segments/:id',
  'GET /api/admin/accounts',
  'GET /api/admin/audit',
  'GET /api/admin/mail',
  'GET /api/admin/mail/:id',
  'GET /api/compliance/check',
  'GET /api/compliance/elections',
  'GET /api/geo/communes',
  'GET /api/geo/communes/by-code',
  'GET /api/geo/departements',
  'GET /api/geo/postal-codes/:code',
  'GET /api/operations',
  'GET /api/people',
  'GET /api/people/:id',
  'GET /api/people/:id/consents',
  'GET /api/people/:id/contacts',
  'GET /api/people/:id/notes',
  'GET /api/segments',
  'GET /api/site',
  'GET /api/site/consent-wordings',
  'GET /api/stats/recruitment',
  'GET /api/tags',
  'POST /api/admin/accounts',
  'POST /api/admin/site/consent-wordings',
  'POST /api/compliance/elections',
  'POST /api/operations/:id/cancel',
  'POST /api/people',
  'POST /api/people/:id/access-request',
  'POST /api/people/:id/consents',
  'POST /api/people/:id/contacts',
  'POST /api/people/:id/erase',
  'POST /api/people/:id/notes',
  'POST /api/people/tags/bulk',
  'POST /api/segments',
  'POST /api/signup',
  'POST /api/signup/confirm',
  'POST /api/signup/resend',
  'PUT /api/admin/accounts/:id',
  'PUT /api/admin/site/home',
  'PUT /api/admin/site/legal',
  'PUT /api/compliance/elections/:id',
  'PUT /api/people/:id',
  'PUT /api/people/:id/notes/:noteId',
  'PUT /api/segments/:id',
];

const nameOf = (route: { method: string; url?: string; path?: string }) =>
  `${route.method} ${route.url ?? route.path}`;

describe.each(engines)('routes and their contracts (%s)', (engine) => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp(engine);
  });
  afterAll(() => t.close());

  it('registers every API route from a contract of src/contracts, with its access', () => {
    const routes = t.app.accessTable.filter((route) => route.method !== 'HEAD');
    const without = routes.filter((route) => !route.contract).map(nameOf);
    expect(without.sort()).toEqual(NOT_YET_CONTRACTED);
    const mismatched = routes
      .filter((route) => route.contract && nameOf(route) !== nameOf(route.contract))
      .map(nameOf);
    expect(mismatched).toEqual([]);
  });

  it('serves each contract once, and no contract is left unserved', () => {
    const served = t.app.accessTable
      .filter((route) => route.method !== 'HEAD')
      .flatMap((route) => (route.contract ? [route.contract] : []));
    expect(contracts.length + NOT_YET_CONTRACTED.length).toBeGreaterThan(80);
    expect(contracts.filter((contract) => !served.includes(contract)).map(nameOf)).toEqual([]);
    expect(new Set(served).size).toBe(served.length);
  });

  it('documents a success answer with a schema for every operation of /api/docs', async () => {
    const response = await t.app.inject({ url: '/api/docs/json' });
    const paths = response.json().paths as Record<
      string,
      Record<string, { responses: Record<string, { content?: unknown }> }>
    >;
    const undocumented = Object.entries(paths).flatMap(([path, operations]) =>
      Object.entries(operations)
        .filter(([, operation]) => {
          const success = Object.entries(operation.responses).filter(([s]) => /^2/.test(s));
          return success.length !== 1 || (success[0][0] !== '204' && !success[0][1].content);
        })
        .map(([method]) => `${method.toUpperCase()} ${path}`),
    );
    expect(undocumented).toEqual([]);
  });
});

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
  'DELETE /api/custom-fields/:id',
  'GET /api/admin/accounts',
  'GET /api/admin/audit',
  'GET /api/admin/mail',
  'GET /api/admin/mail/:id',
  'GET /api/compliance/check',
  'GET /api/compliance/elections',
  'GET /api/custom-fields',
  'GET /api/geo/communes',
  'GET /api/geo/communes/by-code',
  'GET /api/geo/departements',
  'GET /api/geo/postal-codes/:code',
  'GET /api/kiosks',
  'GET /api/me/export',
  'GET /api/me/profile',
  'GET /api/operations',
  'GET /api/people/:id/custom-fields',
  'GET /api/people/duplicates',
  'GET /api/people/duplicates/:first/:second',
  'GET /api/people/merged/:id',
  'GET /api/session',
  'GET /api/site',
  'GET /api/site/consent-wordings',
  'GET /api/stats/recruitment',
  'POST /api/admin/accounts',
  'POST /api/admin/site/consent-wordings',
  'POST /api/auth/login/code',
  'POST /api/auth/login/link',
  'POST /api/auth/login/password',
  'POST /api/auth/login/start',
  'POST /api/auth/logout',
  'POST /api/auth/logout-everywhere',
  'POST /api/auth/password',
  'POST /api/compliance/elections',
  'POST /api/custom-fields',
  'POST /api/kiosks',
  'POST /api/kiosks/:id/revoke',
  'POST /api/me/delete',
  'POST /api/operations/:id/cancel',
  'POST /api/people/:id/access-request',
  'POST /api/people/duplicates/dismiss',
  'POST /api/people/duplicates/search',
  'POST /api/people/merge',
  'POST /api/signup',
  'POST /api/signup/confirm',
  'POST /api/signup/resend',
  'PUT /api/admin/accounts/:id',
  'PUT /api/admin/site/home',
  'PUT /api/admin/site/legal',
  'PUT /api/compliance/elections/:id',
  'PUT /api/custom-fields/:id',
  'PUT /api/me/consents',
  'PUT /api/me/profile',
  'PUT /api/people/:id/custom-fields',
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

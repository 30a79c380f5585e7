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
    expect(without).toEqual([]);
    const mismatched = routes
      .filter((route) => route.contract && nameOf(route) !== nameOf(route.contract))
      .map(nameOf);
    expect(mismatched).toEqual([]);
  });

  it('serves each contract once, and no contract is left unserved', () => {
    const served = t.app.accessTable
      .filter((route) => route.method !== 'HEAD')
      .flatMap((route) => (route.contract ? [route.contract] : []));
    expect(contracts.length).toBeGreaterThan(80);
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

import { describe, expect, expectTypeOf, it } from 'vitest';
import { importsApi } from '../../contracts/imports-api.ts';
import type { ImportReport } from '../../contracts/people.ts';
import { call, urlOf } from './api.ts';

describe('the contract client', () => {
  it('types the answer from the contract and asks for what the route needs', () => {
    expectTypeOf(call<typeof importsApi.report>)
      .parameter(1)
      .toEqualTypeOf<{ params: { id: number } } & { query?: never } & { body?: never }>();
    expectTypeOf(call<typeof importsApi.report>).returns.resolves.toEqualTypeOf<ImportReport>();
    // @ts-expect-error the id is required
    expectTypeOf(() => call(importsApi.report)).toBeFunction();
  });

  it('fills the path parameters and the query', () => {
    expect(urlOf(importsApi.errors, { params: { id: 12 } })).toBe(
      '/api/people/imports/12/errors.csv',
    );
    expect(urlOf(importsApi.list, { query: { page: 3 } })).toBe('/api/people/imports?page=3');
  });
});

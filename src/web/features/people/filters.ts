import { peopleFilterSchema, type PeopleFilter } from '../../../contracts/people.ts';

/** The query-string keys a people filter uses (the URL and the API share them). */
export type FilterKey = keyof PeopleFilter;
export const FILTER_KEYS = Object.keys(peopleFilterSchema.shape) as FilterKey[];
type KeysHolding<T> = {
  [K in FilterKey]: NonNullable<PeopleFilter[K]> extends T ? K : never;
}[FilterKey];
export type TriKey = KeysHolding<'yes' | 'no'>;
export type ListKey = KeysHolding<string[]>;

export const SORTS = ['created_desc', 'created_asc', 'name_asc'] as const;
export type Sort = (typeof SORTS)[number];
export const PAGE_SIZES = ['25', '50', '100', '200'] as const;

/**
 * The filter described by a query string, in the shape the API and segments use: each key is
 * read by its registered filter's schema, and left out when it does not pass.
 */
export function filterFromSearch(search: URLSearchParams): PeopleFilter {
  const filter: Record<string, unknown> = {};
  for (const key of FILTER_KEYS) {
    const raw = search.get(key);
    if (!raw) continue;
    const parsed = peopleFilterSchema.shape[key].safeParse(raw);
    const value: unknown = parsed.success ? parsed.data : undefined;
    if (value === undefined || value === '' || (Array.isArray(value) && value.length === 0))
      continue;
    filter[key] = value;
  }
  return filter as PeopleFilter;
}

/** A query string (without "?") for a filter, e.g. to open a segment or export a list. */
export function filterToSearch(filter: PeopleFilter): URLSearchParams {
  const search = new URLSearchParams();
  for (const key of FILTER_KEYS) {
    const value = filter[key];
    if (value === undefined || value === null || value === '') continue;
    if (Array.isArray(value)) {
      if (value.length === 0) continue;
      // Lists of words as `a,b`; lists of conditions (custom fields) as JSON.
      const words = value.every((v) => typeof v === 'string');
      search.set(key, words ? value.join(',') : JSON.stringify(value));
    } else {
      search.set(key, String(value));
    }
  }
  return search;
}

export function countActiveFilters(filter: PeopleFilter): number {
  return (
    FILTER_KEYS.filter((key) => key !== 'q' && key !== 'customFields' && filter[key] !== undefined)
      .length + (filter.customFields?.length ?? 0)
  );
}

export interface ListParams {
  page: number;
  pageSize: number;
  sort: Sort;
}

export function listParamsFromSearch(search: URLSearchParams): ListParams {
  const page = Number(search.get('page'));
  const pageSize = Number(search.get('pageSize'));
  const sort = search.get('sort');
  return {
    page: Number.isInteger(page) && page > 0 ? page : 1,
    pageSize: (PAGE_SIZES as readonly string[]).includes(String(pageSize)) ? pageSize : 50,
    sort: (SORTS as readonly string[]).includes(sort ?? '') ? (sort as Sort) : 'created_desc',
  };
}

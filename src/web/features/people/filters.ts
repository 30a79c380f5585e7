import type { PeopleFilter } from '../../../contracts/people.ts';
import { customConditionsFromSearch } from './customFieldFilter.ts';

/** The query-string keys a people filter uses (the URL and the API share them). */
export const LIST_KEYS = ['communeCodes', 'departementCodes', 'tags', 'sources'] as const;
export const TRI_KEYS = ['consentEmail', 'consentSms', 'consentPhone', 'confirmed'] as const;
export const TEXT_KEYS = ['q', 'createdFrom', 'createdTo'] as const;
export const NUMBER_KEYS = ['recruitedBy', 'segmentId'] as const;
export const FILTER_KEYS = [...TEXT_KEYS, ...LIST_KEYS, ...TRI_KEYS, ...NUMBER_KEYS] as const;
export type FilterKey = (typeof FILTER_KEYS)[number];
export type TriKey = (typeof TRI_KEYS)[number];
export type ListKey = (typeof LIST_KEYS)[number];

export const SORTS = ['created_desc', 'created_asc', 'name_asc'] as const;
export type Sort = (typeof SORTS)[number];
export const PAGE_SIZES = ['25', '50', '100', '200'] as const;

export function splitList(value: string | null): string[] {
  return (value ?? '')
    .split(',')
    .map((s) => s.trim())
    .filter(Boolean);
}

const isDate = (v: string) => /^\d{4}-\d{2}-\d{2}$/.test(v);

/** The filter described by a query string, in the shape the API and segments use. */
export function filterFromSearch(search: URLSearchParams): PeopleFilter {
  const filter: PeopleFilter = {};
  const q = search.get('q')?.trim();
  if (q) filter.q = q;
  for (const key of LIST_KEYS) {
    const list = splitList(search.get(key));
    if (list.length > 0) filter[key] = list;
  }
  for (const key of TRI_KEYS) {
    const v = search.get(key);
    if (v === 'yes' || v === 'no') filter[key] = v;
  }
  const from = search.get('createdFrom');
  if (from && isDate(from)) filter.createdFrom = from;
  const to = search.get('createdTo');
  if (to && isDate(to)) filter.createdTo = to;
  for (const key of NUMBER_KEYS) {
    const n = Number(search.get(key));
    if (Number.isInteger(n) && n > 0) filter[key] = n;
  }
  const custom = customConditionsFromSearch(search);
  if (custom.length) filter.customFields = custom;
  return filter;
}

/** A query string (without "?") for a filter, e.g. to open a segment or export a list. */
export function filterToSearch(filter: PeopleFilter): URLSearchParams {
  const search = new URLSearchParams();
  for (const key of FILTER_KEYS) {
    const value = filter[key];
    if (value === undefined || value === null || value === '') continue;
    if (Array.isArray(value)) {
      if (value.length > 0) search.set(key, value.join(','));
    } else {
      search.set(key, String(value));
    }
  }
  if (filter.customFields?.length) search.set('customFields', JSON.stringify(filter.customFields));
  return search;
}

export function countActiveFilters(filter: PeopleFilter): number {
  return (
    FILTER_KEYS.filter((key) => key !== 'q' && filter[key] !== undefined).length +
    (filter.customFields?.length ?? 0)
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

import { donationMeansSchema, donationStatusSchema } from '../../../contracts/donations-finance.ts';
import type { GiftQuery } from './hooks.ts';

export const PAGE_SIZE = 50;

export interface GiftFilterValues {
  q: string;
  status: string;
  means: string;
  from: string;
  to: string;
}

const isDay = (value: string) => /^\d{4}-\d{2}-\d{2}$/.test(value);

/** The filters as the page's address keeps them (unknown values dropped). */
export function filtersFromSearch(search: URLSearchParams): GiftFilterValues {
  const pick = (name: string, valid: (value: string) => boolean) => {
    const value = search.get(name) ?? '';
    return valid(value) ? value : '';
  };
  return {
    q: search.get('q') ?? '',
    status: pick('status', (v) => donationStatusSchema.safeParse(v).success),
    means: pick('means', (v) => donationMeansSchema.safeParse(v).success),
    from: pick('from', isDay),
    to: pick('to', isDay),
  };
}

/** The list's query: the filters that are set, and the page's slice. */
export function giftQuery(filters: GiftFilterValues, page: number): GiftQuery {
  const query: GiftQuery = { limit: PAGE_SIZE, offset: (page - 1) * PAGE_SIZE };
  const q = filters.q.trim();
  if (q) query.q = q;
  const status = donationStatusSchema.safeParse(filters.status);
  if (status.success) query.status = status.data;
  const means = donationMeansSchema.safeParse(filters.means);
  if (means.success) query.means = means.data;
  if (isDay(filters.from)) query.from = filters.from;
  if (isDay(filters.to)) query.to = filters.to;
  return query;
}

/** The address's search for these filters and page (empty values left out). */
export function filtersToSearch(filters: GiftFilterValues, page = 1): URLSearchParams {
  const search = new URLSearchParams();
  for (const [key, value] of Object.entries(filters)) if (value.trim()) search.set(key, value);
  if (page > 1) search.set('page', String(page));
  return search;
}

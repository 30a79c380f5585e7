import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { committeesApi } from '../../../contracts/committees-api.ts';
import { peopleApi } from '../../../contracts/people-api.ts';
import { call } from '../../core/api.ts';
import { fullName } from '../../core/format.ts';

export interface PickOption {
  id: number;
  label: string;
}

/**
 * Committees whose name holds what is typed: every committee for who manages them (HQ's
 * list), the published ones otherwise (the public search).
 */
export function useCommitteeSearch(text: string, everyCommittee: boolean) {
  const q = text.trim();
  return useQuery({
    queryKey: ['field', 'committee-search', everyCommittee, q],
    queryFn: async (): Promise<PickOption[]> => {
      const items = everyCommittee
        ? (await call(committeesApi.hqList, { query: { q: q || undefined } })).items
        : (await call(committeesApi.search, { query: { q: q || undefined, limit: 20 } })).items;
      return items.map((c) => ({ id: c.id, label: `${c.name} · ${c.place.label}` }));
    },
    placeholderData: keepPreviousData,
    staleTime: 30_000,
  });
}

/** People whose name, email or phone matches what is typed (2 characters at least). */
export function usePersonSearch(text: string) {
  const q = text.trim();
  return useQuery({
    queryKey: ['field', 'person-search', q],
    queryFn: async (): Promise<PickOption[]> => {
      const page = await call(peopleApi.list, { query: { q, pageSize: 10, sort: 'name_asc' } });
      return page.items.map((p) => ({
        id: p.id,
        label:
          [fullName(p.firstName, p.lastName), p.email ?? p.communeName]
            .filter(Boolean)
            .join(' · ') || `#${p.id}`,
      }));
    },
    enabled: q.length >= 2,
    placeholderData: keepPreviousData,
    staleTime: 30_000,
  });
}

import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { z } from 'zod';
import type {
  duplicateListSchema,
  MergeInput,
  MergePreview,
} from '../../../contracts/duplicates.ts';
import { api } from '../../core/api.ts';
import { peopleKey } from './hooks.ts';

export type DuplicateList = z.infer<typeof duplicateListSchema>;
const duplicatesKey = [...peopleKey, 'duplicates'] as const;

export function useDuplicates(page: number) {
  return useQuery({
    queryKey: [...duplicatesKey, 'list', page],
    queryFn: () => api.get<DuplicateList>(`/api/people/duplicates?page=${page}&pageSize=20`),
    placeholderData: keepPreviousData,
    // While a search runs, look again every 2 s.
    refetchInterval: (query) => (query.state.data?.searching ? 2000 : false),
  });
}

export function useSearchDuplicates() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: () => api.post('/api/people/duplicates/search'),
    onSuccess: () => client.invalidateQueries({ queryKey: duplicatesKey }),
  });
}

export function useMergePreview(first: number, second: number) {
  return useQuery({
    queryKey: [...duplicatesKey, 'pair', first, second],
    queryFn: () => api.get<MergePreview>(`/api/people/duplicates/${first}/${second}`),
    enabled: first > 0 && second > 0,
  });
}

export function useMerge() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (input: MergeInput) => api.post<{ keptId: number }>('/api/people/merge', input),
    onSuccess: () => client.invalidateQueries({ queryKey: peopleKey }),
  });
}

export function useDismissPair() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (pair: { firstId: number; secondId: number }) =>
      api.post('/api/people/duplicates/dismiss', pair),
    onSuccess: () => client.invalidateQueries({ queryKey: duplicatesKey }),
  });
}

/** Where a merged-away person went, to follow an old link; null when the id was never merged. */
export function useMergedInto(id: number, enabled: boolean) {
  return useQuery({
    queryKey: [...peopleKey, 'merged', id],
    queryFn: () =>
      api.get<{ keptId: number }>(`/api/people/merged/${id}`).then(
        (r) => r.keptId,
        () => null,
      ),
    enabled,
  });
}

import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { duplicatesApi } from '../../../contracts/duplicates-api.ts';
import type { MergeInput } from '../../../contracts/duplicates.ts';
import { call } from '../../core/api.ts';
import { peopleKey } from './hooks.ts';

const duplicatesKey = [...peopleKey, 'duplicates'] as const;

export function useDuplicates(page: number) {
  return useQuery({
    queryKey: [...duplicatesKey, 'list', page],
    queryFn: () => call(duplicatesApi.list, { query: { page, pageSize: 20 } }),
    placeholderData: keepPreviousData,
    // While a search runs, look again every 2 s.
    refetchInterval: (query) => (query.state.data?.searching ? 2000 : false),
  });
}

export function useSearchDuplicates() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: () => call(duplicatesApi.search),
    onSuccess: () => client.invalidateQueries({ queryKey: duplicatesKey }),
  });
}

export function useMergePreview(first: number, second: number) {
  return useQuery({
    queryKey: [...duplicatesKey, 'pair', first, second],
    queryFn: () => call(duplicatesApi.preview, { params: { first, second } }),
    enabled: first > 0 && second > 0,
  });
}

export function useMerge() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (input: MergeInput) => call(duplicatesApi.merge, { body: input }),
    onSuccess: () => client.invalidateQueries({ queryKey: peopleKey }),
  });
}

export function useDismissPair() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (pair: { firstId: number; secondId: number }) =>
      call(duplicatesApi.dismiss, { body: pair }),
    onSuccess: () => client.invalidateQueries({ queryKey: duplicatesKey }),
  });
}

/** Where a merged-away person went, to follow an old link; null when the id was never merged. */
export function useMergedInto(id: number, enabled: boolean) {
  return useQuery({
    queryKey: [...peopleKey, 'merged', id],
    queryFn: () =>
      call(duplicatesApi.mergedInto, { params: { id } }).then(
        (r) => r.keptId,
        () => null,
      ),
    enabled,
  });
}

import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { callListsApi } from '../../../contracts/calling-api.ts';
import type { CallList } from '../../../contracts/calling-lists.ts';
import { call } from '../../core/api.ts';
import { callingKey } from './hooks.ts';

const listsKey = [...callingKey, 'lists'] as const;

/** A list still being read: the lists are asked again until none is. */
export const isListPending = (list: Pick<CallList, 'status'>) =>
  list.status === 'queued' || list.status === 'running';

/** The imported lists, newest first, followed every 2 s while one of them is being read. */
export const useCallLists = () =>
  useQuery({
    queryKey: listsKey,
    queryFn: () => call(callListsApi.list),
    refetchInterval: (query) => (query.state.data?.items.some(isListPending) ? 2000 : false),
  });

/** Sends a list (FormData: `name`, then `file`); it is read in the background. */
export function useStartCallList() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (body: FormData) => call(callListsApi.start, { body }),
    onSuccess: () => client.invalidateQueries({ queryKey: listsKey }),
  });
}

export function useDeleteCallList() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (id: number) => call(callListsApi.delete, { params: { id } }),
    onSuccess: () => client.invalidateQueries({ queryKey: listsKey }),
  });
}

/** Accepts a list some rows of which were left out as invalid. */
export function useAcceptCallList() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (id: number) => call(callListsApi.accept, { params: { id } }),
    onSuccess: () => client.invalidateQueries({ queryKey: listsKey }),
  });
}

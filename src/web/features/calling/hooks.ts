import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { broadcastsApi } from '../../../contracts/calling-api.ts';
import type { Broadcast, BroadcastInput, BroadcastStatus } from '../../../contracts/calling.ts';
import { call } from '../../core/api.ts';

export const callingKey = ['calling'] as const;
const broadcastsKey = [...callingKey, 'broadcasts'] as const;
const broadcastKey = (id: number) => [...broadcastsKey, id] as const;

/** A broadcast whose figures still move: dialling, or paused with calls ending. */
export const isLive = (status: BroadcastStatus) => status === 'running' || status === 'paused';

/** The campaign's broadcasts, newest first; asked again while one of them runs. */
export const useBroadcasts = () =>
  useQuery({
    queryKey: broadcastsKey,
    queryFn: () => call(broadcastsApi.list),
    refetchInterval: (query) =>
      query.state.data?.some((broadcast) => isLive(broadcast.status)) ? 5000 : false,
  });

export const useBroadcast = (id: number) =>
  useQuery({
    queryKey: broadcastKey(id),
    // A malformed id in the address is asked too: the server's refusal is shown.
    queryFn: () => call(broadcastsApi.get, { params: { id } }),
  });

/**
 * A broadcast live, every 2 s while `live`: the broadcast it carries replaces the cached one,
 * so the page's status follows (running, then completed).
 */
export function useBroadcastDashboard(id: number, live: boolean) {
  const client = useQueryClient();
  return useQuery({
    queryKey: [...broadcastKey(id), 'dashboard'],
    queryFn: async () => {
      const dashboard = await call(broadcastsApi.dashboard, { params: { id } });
      client.setQueryData(broadcastKey(id), dashboard.broadcast);
      return dashboard;
    },
    refetchInterval: live ? 2000 : false,
  });
}

/** After any change: the broadcast's cache is the answer, the list and its dashboard reloaded. */
function useBroadcastMutation<I>(mutationFn: (input: I) => Promise<Broadcast>) {
  const client = useQueryClient();
  return useMutation({
    mutationFn,
    onSuccess: async (saved) => {
      client.setQueryData(broadcastKey(saved.id), saved);
      await client.invalidateQueries({ queryKey: broadcastsKey, exact: true });
      await client.invalidateQueries({ queryKey: [...broadcastKey(saved.id), 'dashboard'] });
    },
  });
}

export const useCreateBroadcast = () =>
  useBroadcastMutation((body: BroadcastInput) => call(broadcastsApi.create, { body }));

export const useUpdateBroadcast = () =>
  useBroadcastMutation(({ id, body }: { id: number; body: BroadcastInput }) =>
    call(broadcastsApi.update, { params: { id }, body }),
  );

/** The launch's steps and the changes of a broadcast, each a POST on the broadcast. */
export type BroadcastAction =
  'confirmOptOut' | 'requestLaunch' | 'approve' | 'pause' | 'resume' | 'cancel';

export const useBroadcastAction = (action: BroadcastAction) =>
  useBroadcastMutation((id: number) => call(broadcastsApi[action], { params: { id } }));

import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useDebouncedValue } from '@mantine/hooks';
import { smsApi } from '../../../contracts/sms-api.ts';
import type { SmsCampaign, SmsCampaignInput } from '../../../contracts/sms.ts';
import { call } from '../../core/api.ts';

const smsKey = ['sms'] as const;
const oneKey = (id: number) => [...smsKey, 'one', id] as const;
const live = (status: SmsCampaign['status']) => status === 'scheduled' || status === 'sending';

/** The campaign's text campaigns; asked again every 5 s while one is being sent. */
export const useSmsCampaigns = () =>
  useQuery({
    queryKey: smsKey,
    queryFn: () => call(smsApi.list),
    refetchInterval: (query) => (query.state.data?.some((c) => live(c.status)) ? 5000 : false),
  });

/** One text campaign; asked again every 3 s while scheduled or sending, so its counts follow. */
export const useSmsCampaign = (id: number) =>
  useQuery({
    queryKey: oneKey(id),
    queryFn: () => call(smsApi.get, { params: { id } }),
    refetchInterval: (query) => (query.state.data && live(query.state.data.status) ? 3000 : false),
  });

/** Texts the development adapter kept; asked again every 5 s. */
export const useCaughtSms = () =>
  useQuery({
    queryKey: [...smsKey, 'caught'],
    queryFn: () => call(smsApi.caught, { query: { page: 1 } }),
    refetchInterval: 5000,
  });

/** Texts received that are not a STOP, all or a campaign's, a page at a time; asked again every 10 s. */
export const useSmsReplies = (page: number, smsCampaignId?: number) =>
  useQuery({
    queryKey: [...smsKey, 'replies', smsCampaignId ?? 'all', page],
    queryFn: () =>
      call(smsApi.replies, {
        query: smsCampaignId === undefined ? { page } : { page, smsCampaignId },
      }),
    placeholderData: keepPreviousData,
    refetchInterval: 10_000,
  });

function useSmsMutation<I>(mutationFn: (input: I) => Promise<SmsCampaign>) {
  const client = useQueryClient();
  return useMutation({
    mutationFn,
    onSuccess: async (saved) => {
      client.setQueryData(oneKey(saved.id), saved);
      await client.invalidateQueries({ queryKey: smsKey });
    },
  });
}

export const useSaveSmsCampaign = () =>
  useSmsMutation(({ id, body }: { id: number | null; body: SmsCampaignInput }) =>
    id === null ? call(smsApi.create, { body }) : call(smsApi.update, { params: { id }, body }),
  );

export const useScheduleSms = () =>
  useSmsMutation(({ id, at }: { id: number; at: string | null }) =>
    call(smsApi.schedule, { params: { id }, body: { at } }),
  );

export const useCancelSms = () =>
  useSmsMutation((id: number) => call(smsApi.cancel, { params: { id } }));

export function useTestSms() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (id: number) => call(smsApi.test, { params: { id } }),
    onSuccess: () => client.invalidateQueries({ queryKey: [...smsKey, 'caught'] }),
  });
}

/** Reach and cost for a body and segment, asked once typing pauses for 400 ms. */
export function useSmsReach(input: { body: string; segmentId: number | null }) {
  const [debounced] = useDebouncedValue(JSON.stringify(input), 400);
  return useQuery({
    queryKey: [...smsKey, 'reach', debounced],
    queryFn: () => call(smsApi.reach, { body: JSON.parse(debounced) as typeof input }),
    placeholderData: keepPreviousData,
    staleTime: 30_000,
  });
}

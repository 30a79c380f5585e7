import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { callsToActionApi } from '../../../contracts/calls-to-action-api.ts';
import type { CallAudienceInput, CallToActionInput } from '../../../contracts/calls-to-action.ts';
import { call } from '../../core/api.ts';

const callsKey = ['calls-to-action'] as const;

export const useCallsToAction = () =>
  useQuery({ queryKey: callsKey, queryFn: () => call(callsToActionApi.list) });

/** One call; asked again every 5 s, so its mails and responses follow. */
export const useCallToAction = (id: number) =>
  useQuery({
    queryKey: [...callsKey, 'one', id],
    queryFn: () => call(callsToActionApi.get, { params: { id } }),
    refetchInterval: 5000,
  });

export const useAreaNeeds = () =>
  useQuery({
    queryKey: [...callsKey, 'needs'],
    queryFn: () => call(callsToActionApi.needs),
  });

export const usePreviewAudience = () =>
  useMutation({
    mutationFn: (body: CallAudienceInput) => call(callsToActionApi.preview, { body }),
  });

export const useSendCallToAction = () => {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (body: CallToActionInput) => call(callsToActionApi.send, { body }),
    onSuccess: () => client.invalidateQueries({ queryKey: callsKey }),
  });
};

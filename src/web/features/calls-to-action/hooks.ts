import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { callsToActionApi } from '../../../contracts/calls-to-action-api.ts';
import { mobilisationApi } from '../../../contracts/mobilisation-api.ts';
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

const needsKey = [...callsKey, 'needs'] as const;

export const useAreaNeeds = () =>
  useQuery({
    queryKey: needsKey,
    queryFn: () => call(callsToActionApi.needs),
  });

/**
 * Mobilisation's copy of the open actions made now (`field.manage`), then the needs list read
 * again: the turf HQ cut a moment ago is in it without waiting for the copy to age.
 */
export const useRefreshNeeds = () => {
  const client = useQueryClient();
  return useMutation({
    mutationFn: () => call(mobilisationApi.refresh),
    onSuccess: () => client.invalidateQueries({ queryKey: needsKey }),
  });
};

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

import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import {
  callerIdsApi,
  recordingsApi,
  type CallerIdInput,
} from '../../../contracts/calling-media.ts';
import { call } from '../../core/api.ts';
import { callingKey } from './hooks.ts';

const recordingsKey = [...callingKey, 'recordings'] as const;
const callerIdsKey = [...callingKey, 'caller-ids'] as const;

export const useRecordings = () =>
  useQuery({ queryKey: recordingsKey, queryFn: () => call(recordingsApi.list) });

/** Sends a recording (FormData: `name`, then `file`). */
export function useUploadRecording() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (body: FormData) => call(recordingsApi.upload, { body }),
    onSuccess: () => client.invalidateQueries({ queryKey: recordingsKey }),
  });
}

export function useDeleteRecording() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (id: number) => call(recordingsApi.delete, { params: { id } }),
    onSuccess: () => client.invalidateQueries({ queryKey: recordingsKey }),
  });
}

export const useCallerIds = () =>
  useQuery({ queryKey: callerIdsKey, queryFn: () => call(callerIdsApi.list) });

export function useAddCallerId() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (body: CallerIdInput) => call(callerIdsApi.add, { body }),
    onSuccess: () => client.invalidateQueries({ queryKey: callerIdsKey }),
  });
}

/** Pause, resume or delete a caller ID. */
export function useCallerIdAction(action: 'pause' | 'resume' | 'delete') {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (id: number): Promise<unknown> => call(callerIdsApi[action], { params: { id } }),
    onSuccess: () => client.invalidateQueries({ queryKey: callerIdsKey }),
  });
}

import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { Locale } from '../../../contracts/common.ts';
import { dataFileName } from '../../../contracts/fold.ts';
import { privacyApi } from '../../../contracts/privacy-api.ts';
import type {
  BreachInput,
  RequestInput,
  RequestListFilter,
  RequestOutcome,
} from '../../../contracts/privacy.ts';
import { call } from '../../core/api.ts';

const requestsKey = ['privacy', 'requests'] as const;
const breachesKey = ['privacy', 'breaches'] as const;

export function useRequests(query: Partial<RequestListFilter>) {
  return useQuery({
    queryKey: [...requestsKey, 'list', query],
    queryFn: () => call(privacyApi.requests, { query }),
  });
}

export function useRequest(id: number) {
  return useQuery({
    queryKey: [...requestsKey, id],
    queryFn: () => call(privacyApi.request, { params: { id } }),
  });
}

export function useCreateRequest() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (body: RequestInput) => call(privacyApi.createRequest, { body }),
    onSuccess: () => client.invalidateQueries({ queryKey: requestsKey }),
  });
}

/** Every change to one request: extend, close, carry out. */
export function useRequestActions(id: number) {
  const client = useQueryClient();
  const done = () => client.invalidateQueries({ queryKey: requestsKey });
  return {
    extend: useMutation({
      mutationFn: (reason: string) =>
        call(privacyApi.extendRequest, { params: { id }, body: { reason } }),
      onSuccess: done,
    }),
    close: useMutation({
      mutationFn: (body: RequestOutcome) => call(privacyApi.closeRequest, { params: { id }, body }),
      onSuccess: done,
    }),
    access: useMutation({
      mutationFn: () => call(privacyApi.carryOutAccess, { params: { id } }),
      onSuccess: (file) => {
        saveJson(file, dataFileName(file.about.campaign));
        return done();
      },
    }),
    erase: useMutation({
      mutationFn: () =>
        call(privacyApi.carryOutErasure, { params: { id }, body: { confirm: 'ERASE' } }),
      onSuccess: done,
    }),
  };
}

/** Saves a JSON value as a file, as a download link would. */
function saveJson(data: unknown, fileName: string) {
  const url = URL.createObjectURL(
    new Blob([JSON.stringify(data, null, 2)], { type: 'application/json' }),
  );
  const link = document.createElement('a');
  link.href = url;
  link.download = fileName;
  document.body.append(link);
  link.click();
  link.remove();
  URL.revokeObjectURL(url);
}

export function useBreaches() {
  return useQuery({ queryKey: breachesKey, queryFn: () => call(privacyApi.breaches) });
}

export function useBreach(id: number) {
  return useQuery({
    queryKey: [...breachesKey, id],
    queryFn: () => call(privacyApi.breach, { params: { id } }),
  });
}

export function useSaveBreach(id?: number) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (body: BreachInput) =>
      id === undefined
        ? call(privacyApi.createBreach, { body })
        : call(privacyApi.updateBreach, { params: { id }, body }),
    onSuccess: () => client.invalidateQueries({ queryKey: breachesKey }),
  });
}

/** The record in the viewer's language (French texts by default, English ones in English). */
export function useProcessingRecord(lang: Locale) {
  return useQuery({
    queryKey: ['privacy', 'record', lang],
    queryFn: () => call(privacyApi.record, { query: { lang } }),
  });
}

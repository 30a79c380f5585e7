import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { COMMUNE_CODES_MAX } from '../../../contracts/geo.ts';
import { geoApi } from '../../../contracts/geo-api.ts';
import { importsApi } from '../../../contracts/imports-api.ts';
import { peopleApi } from '../../../contracts/people-api.ts';
import type { CallInput } from '../../../contracts/route.ts';
import { call, callWithSearch } from '../../core/api.ts';

export const peopleKey = ['people'] as const;
export const tagsKey = ['tags'] as const;
export const segmentsKey = ['segments'] as const;

/** `query` is the query string (with "?") sent as is to GET /api/people. */
export function usePeople(query: string) {
  return useQuery({
    queryKey: [...peopleKey, 'list', query],
    queryFn: () => callWithSearch(peopleApi.list, query),
    placeholderData: keepPreviousData,
  });
}

export function usePerson(id: number) {
  return useQuery({
    queryKey: [...peopleKey, 'detail', id],
    queryFn: () => call(peopleApi.get, { params: { id } }),
    enabled: Number.isInteger(id) && id > 0,
  });
}

export function useTags() {
  return useQuery({
    queryKey: tagsKey,
    queryFn: () => call(peopleApi.tags),
    staleTime: 30_000,
  });
}

export function useDepartements() {
  return useQuery({
    queryKey: ['geo', 'departements'],
    queryFn: () => call(geoApi.departements),
    staleTime: Infinity,
  });
}

const communesKey = ['geo', 'communes'] as const;

/** Communes matching what is typed (2 characters at least), biggest first. */
export function useCommuneSearch(text: string) {
  const q = text.trim();
  return useQuery({
    queryKey: [...communesKey, 'search', q],
    queryFn: () => call(geoApi.communes, { query: { q } }),
    enabled: q.length >= 2,
    staleTime: Infinity,
    placeholderData: keepPreviousData,
  });
}

/** The key of the communes of `codes`, whatever their order. */
export const communesByCodeKey = (codes: readonly string[]) =>
  [...communesKey, 'by-code', [...codes].sort().slice(0, COMMUNE_CODES_MAX).join(',')] as const;

/** The communes of codes already chosen (unknown codes are left out). */
export function useCommunesByCode(codes: readonly string[]) {
  const queryKey = communesByCodeKey(codes);
  return useQuery({
    queryKey,
    queryFn: () => call(geoApi.communesByCode, { query: { codes: queryKey[3].split(',') } }),
    enabled: codes.length > 0,
    staleTime: Infinity,
    placeholderData: keepPreviousData,
  });
}

export function useBulkTags() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (body: CallInput<typeof peopleApi.bulkTag>['body']) =>
      call(peopleApi.bulkTag, { body }),
    onSuccess: async () => {
      await client.invalidateQueries({ queryKey: peopleKey });
      await client.invalidateQueries({ queryKey: tagsKey });
    },
  });
}

export function useSegments() {
  return useQuery({ queryKey: segmentsKey, queryFn: () => call(peopleApi.segments) });
}

export function useCreateSegment() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (body: CallInput<typeof peopleApi.createSegment>['body']) =>
      call(peopleApi.createSegment, { body }),
    onSuccess: () => client.invalidateQueries({ queryKey: segmentsKey }),
  });
}

export function useUpdateSegment() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: ({
      id,
      ...body
    }: CallInput<typeof peopleApi.updateSegment>['body'] & { id: number }) =>
      call(peopleApi.updateSegment, { params: { id }, body }),
    onSuccess: () => client.invalidateQueries({ queryKey: segmentsKey }),
  });
}

export function useDeleteSegment() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (id: number) => call(peopleApi.deleteSegment, { params: { id } }),
    onSuccess: () => client.invalidateQueries({ queryKey: segmentsKey }),
  });
}

export function useImportPreview() {
  return useMutation({
    mutationFn: (body: FormData) => call(importsApi.preview, { body }),
  });
}

const importHistoryKey = ['imports', 'history'] as const;

/** Past imports, newest first. While an import is under way, its row follows it. */
export function useImportHistory(page: number) {
  return useQuery({
    queryKey: [...importHistoryKey, page],
    queryFn: () => call(importsApi.list, { query: { page } }),
    // Until every import has ended: an import being undone ('undoing') still changes.
    refetchInterval: (query) =>
      query.state.data?.items.some((i) => ['queued', 'running', 'undoing'].includes(i.status))
        ? 2000
        : false,
  });
}

export function useImportStart() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (body: FormData) => call(importsApi.start, { body }),
    onSuccess: () => void client.invalidateQueries({ queryKey: importHistoryKey }),
  });
}

export function useImportStatus(id: number | null) {
  return useQuery({
    queryKey: ['imports', id],
    queryFn: () => call(importsApi.report, { params: { id: id ?? 0 } }),
    enabled: id !== null,
    refetchInterval: (query) => {
      const status = query.state.data?.status;
      return status && ['applied', 'rejected', 'failed', 'cancelled'].includes(status)
        ? false
        : 1000;
    },
  });
}

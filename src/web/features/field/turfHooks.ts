import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { z } from 'zod';
import { fieldTurfsApi } from '../../../contracts/field-api.ts';
import type { TargetAreaInput } from '../../../contracts/field-turfs.ts';
import { call } from '../../core/api.ts';
import { fieldKey } from './importHooks.ts';

const areasKey = [...fieldKey, 'areas'] as const;
const turfsKey = (areaId: number) => [...areasKey, areaId, 'turfs'] as const;
const walkListKey = [...fieldKey, 'walk-list'] as const;

export type TurfChange = z.input<typeof fieldTurfsApi.update.body>;

export const useAreas = () =>
  useQuery({ queryKey: areasKey, queryFn: () => call(fieldTurfsApi.areas) });

export function useCreateArea() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (body: TargetAreaInput) => call(fieldTurfsApi.createArea, { body }),
    onSuccess: () => client.invalidateQueries({ queryKey: areasKey }),
  });
}

export function useDeleteArea() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (id: number) => call(fieldTurfsApi.deleteArea, { params: { id } }),
    onSuccess: () => client.invalidateQueries({ queryKey: areasKey }),
  });
}

export function useSetAreaQuestionnaire(areaId: number) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (questionnaireId: number | null) =>
      call(fieldTurfsApi.areaQuestionnaire, { params: { id: areaId }, body: { questionnaireId } }),
    onSuccess: () => client.invalidateQueries({ queryKey: areasKey }),
  });
}

export const useTurfs = (areaId: number) =>
  useQuery({
    queryKey: turfsKey(areaId),
    queryFn: () => call(fieldTurfsApi.turfs, { params: { id: areaId } }),
  });

/** Every change to an area's turfs reads the area (its counts) and its turfs again. */
function useTurfMutation<I, O>(mutationFn: (input: I) => Promise<O>) {
  const client = useQueryClient();
  return useMutation({
    mutationFn,
    onSuccess: () =>
      Promise.all([
        client.invalidateQueries({ queryKey: areasKey }),
        client.invalidateQueries({ queryKey: walkListKey }),
      ]),
  });
}

export const useCutArea = (areaId: number) =>
  useTurfMutation((body: { minSize: number; maxSize: number }) =>
    call(fieldTurfsApi.cut, { params: { id: areaId }, body }),
  );

export const useUpdateTurf = () =>
  useTurfMutation(({ id, change }: { id: number; change: TurfChange }) =>
    call(fieldTurfsApi.update, { params: { id }, body: change }),
  );

export const useSplitTurf = () =>
  useTurfMutation((id: number) => call(fieldTurfsApi.split, { params: { id } }));

export const useMergeTurfs = () =>
  useTurfMutation((turfIds: number[]) => call(fieldTurfsApi.merge, { body: { turfIds } }));

export const useWalkList = (turfId: number | null) =>
  useQuery({
    queryKey: [...walkListKey, turfId],
    queryFn: () => call(fieldTurfsApi.walkList, { params: { id: turfId ?? 0 } }),
    enabled: turfId !== null,
  });

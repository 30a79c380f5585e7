import { keepPreviousData, useQueries, useQuery } from '@tanstack/react-query';
import { fieldProgressApi, fieldTurfsApi } from '../../../contracts/field-api.ts';
import type { ProgressQuery } from '../../../contracts/field-progress.ts';
import type { TargetArea } from '../../../contracts/field-turfs.ts';
import { call } from '../../core/api.ts';

const progressKey = ['field', 'progress'] as const;
/** The live map follows the volunteers' syncs at this pace; the figures with it. */
export const LIVE_REFRESH_MS = 30_000;

export const useProgress = (query: ProgressQuery) =>
  useQuery({
    queryKey: [...progressKey, query],
    queryFn: () => call(fieldProgressApi.progress, { query }),
    placeholderData: keepPreviousData,
    refetchInterval: LIVE_REFRESH_MS,
  });

export const useProgressMap = (query: ProgressQuery) =>
  useQuery({
    queryKey: [...progressKey, 'map', query],
    queryFn: () => call(fieldProgressApi.map, { query }),
    placeholderData: keepPreviousData,
    refetchInterval: LIVE_REFRESH_MS,
  });

export const useAreas = () =>
  useQuery({
    queryKey: [...progressKey, 'areas'],
    queryFn: () => call(fieldTurfsApi.areas),
    staleTime: 60_000,
  });

/** The turfs of every area: the turf filter lists an area's, the committee filter reads all. */
export const useTurfsOfAreas = (areas: readonly TargetArea[]) =>
  useQueries({
    queries: areas.map((area) => ({
      queryKey: [...progressKey, 'areas', area.id, 'turfs'],
      queryFn: () => call(fieldTurfsApi.turfs, { params: { id: area.id } }),
      staleTime: 60_000,
    })),
  });

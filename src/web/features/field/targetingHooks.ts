import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { fieldTargetingApi } from '../../../contracts/field-api.ts';
import type { Targeting } from '../../../contracts/field.ts';
import { call } from '../../core/api.ts';
import { fieldKey } from './importHooks.ts';

export const useElections = () =>
  useQuery({
    queryKey: [...fieldKey, 'elections'],
    queryFn: () => call(fieldTargetingApi.elections),
  });

const targetingKey = [...fieldKey, 'targeting'] as const;

export const useTargeting = () =>
  useQuery({ queryKey: targetingKey, queryFn: () => call(fieldTargetingApi.targeting) });

/** Saves the targeting; the stations are ranked again by it. */
export function useSaveTargeting() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (body: Targeting) => call(fieldTargetingApi.saveTargeting, { body }),
    onSuccess: async (saved) => {
      client.setQueryData(targetingKey, saved);
      await client.invalidateQueries({ queryKey: [...fieldKey, 'stations'] });
    },
  });
}

/** Where stations are listed: a département or a commune (INSEE code). */
export type StationPlace = { departement: string } | { commune: string };

export function useStations(place: StationPlace | null) {
  return useQuery({
    queryKey: [...fieldKey, 'stations', place],
    queryFn: () => call(fieldTargetingApi.stations, { query: place ?? {} }),
    enabled: place !== null,
    placeholderData: keepPreviousData,
  });
}

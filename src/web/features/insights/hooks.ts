import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { insightsApi } from '../../../contracts/insights-api.ts';
import { insightsFunnelsApi } from '../../../contracts/insights-funnels-api.ts';
import type { EffectSizes, TerritoriesQuery } from '../../../contracts/insights.ts';
import { call } from '../../core/api.ts';

const insightsKey = ['insights'] as const;
/** A recorded contact is counted within a minute: the page reads again at this pace. */
export const IMPACT_REFRESH_MS = 30_000;

/** A period of days (YYYY-MM-DD, empty: not set). */
export interface Period {
  from: string;
  to: string;
}
const periodQuery = ({ from, to }: Period) => ({
  ...(from ? { from } : {}),
  ...(to ? { to } : {}),
});

export const useImpact = (period: Period) =>
  useQuery({
    queryKey: [...insightsKey, 'impact', period],
    queryFn: () => call(insightsApi.impact, { query: periodQuery(period) }),
    placeholderData: keepPreviousData,
    refetchInterval: IMPACT_REFRESH_MS,
  });

export type TerritoryFilter = Pick<TerritoriesQuery, 'level'> & { departement: string };
const territoryQuery = ({ level, departement }: TerritoryFilter) => ({
  level,
  ...(departement ? { departement } : {}),
});

export const useTerritories = (filter: TerritoryFilter) =>
  useQuery({
    queryKey: [...insightsKey, 'territories', filter],
    queryFn: () => call(insightsApi.territories, { query: territoryQuery(filter) }),
    placeholderData: keepPreviousData,
    refetchInterval: IMPACT_REFRESH_MS,
  });

export const useImpactMap = (filter: TerritoryFilter) =>
  useQuery({
    queryKey: [...insightsKey, 'map', filter],
    queryFn: () => call(insightsApi.map, { query: territoryQuery(filter) }),
    placeholderData: keepPreviousData,
    refetchInterval: IMPACT_REFRESH_MS,
  });

export const useTrends = (period: Period, interval: 'day' | 'week') =>
  useQuery({
    queryKey: [...insightsKey, 'trends', period, interval],
    queryFn: () => call(insightsApi.trends, { query: { ...periodQuery(period), interval } }),
    placeholderData: keepPreviousData,
    refetchInterval: IMPACT_REFRESH_MS,
  });

const effectsKey = [...insightsKey, 'effects'] as const;

export const useEffects = () =>
  useQuery({ queryKey: effectsKey, queryFn: () => call(insightsApi.effects) });

/** Saves (or, with null, resets) the effect sizes; every estimate is read again. */
export function useSaveEffects() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (effects: EffectSizes | null) =>
      effects ? call(insightsApi.updateEffects, { body: effects }) : call(insightsApi.resetEffects),
    onSuccess: async (saved) => {
      client.setQueryData(effectsKey, saved);
      await client.invalidateQueries({ queryKey: insightsKey });
    },
  });
}

export const useFunnels = (period: Period) =>
  useQuery({
    queryKey: [...insightsKey, 'funnels', period],
    queryFn: () => call(insightsFunnelsApi.funnels, { query: periodQuery(period) }),
    placeholderData: keepPreviousData,
  });

export const useCommitteeActivity = (period: Period) =>
  useQuery({
    queryKey: [...insightsKey, 'committee-activity', period],
    queryFn: () => call(insightsFunnelsApi.committeeActivity, { query: periodQuery(period) }),
    placeholderData: keepPreviousData,
  });

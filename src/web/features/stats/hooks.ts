import { keepPreviousData, useQuery } from '@tanstack/react-query';
import type { RecruitmentStats } from '../../../contracts/recruitment.ts';
import { api, toQuery } from '../../core/api.ts';

export function useRecruitmentStats(from: string, to: string) {
  return useQuery({
    queryKey: ['stats', 'recruitment', from, to],
    queryFn: () => api.get<RecruitmentStats>(`/api/stats/recruitment${toQuery({ from, to })}`),
    placeholderData: keepPreviousData,
  });
}

import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { recruitmentApi } from '../../../contracts/recruitment-api.ts';
import { call } from '../../core/api.ts';

export function useRecruitmentStats(from: string, to: string) {
  return useQuery({
    queryKey: ['stats', 'recruitment', from, to],
    queryFn: () => call(recruitmentApi.stats, { query: { from, to } }),
    placeholderData: keepPreviousData,
  });
}

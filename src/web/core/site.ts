import { useQuery } from '@tanstack/react-query';
import type { PublicSite } from '../../contracts/recruitment.ts';
import { api } from './api.ts';

export const siteKey = ['site'] as const;

export function useSite() {
  return useQuery({
    queryKey: siteKey,
    queryFn: () => api.get<PublicSite>('/api/site'),
    staleTime: 5 * 60_000,
  });
}

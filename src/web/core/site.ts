import { useQuery } from '@tanstack/react-query';
import type { PublicSite } from '../../contracts/recruitment.ts';
import type { ConsentWordingVersion } from '../../contracts/settings.ts';
import { api } from './api.ts';

export const siteKey = ['site'] as const;

export function useSite() {
  return useQuery({
    queryKey: siteKey,
    queryFn: () => api.get<PublicSite>('/api/site'),
    staleTime: 5 * 60_000,
  });
}

export const consentWordingsKey = ['site', 'consent-wordings'] as const;

/** Every version of the consent wording (public: the texts people agreed to). */
export function useConsentWordings() {
  return useQuery({
    queryKey: consentWordingsKey,
    queryFn: () => api.get<ConsentWordingVersion[]>('/api/site/consent-wordings'),
    staleTime: 60_000,
  });
}

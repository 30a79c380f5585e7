import { useQuery } from '@tanstack/react-query';
import { settingsApi } from '../../contracts/settings-api.ts';
import { call } from './api.ts';

export const siteKey = ['site'] as const;

export function useSite() {
  return useQuery({
    queryKey: siteKey,
    queryFn: () => call(settingsApi.site),
    staleTime: 5 * 60_000,
  });
}

export const consentWordingsKey = ['site', 'consent-wordings'] as const;

/** Every version of the consent wording (public: the texts people agreed to). */
export function useConsentWordings() {
  return useQuery({
    queryKey: consentWordingsKey,
    queryFn: () => call(settingsApi.consentWordings),
    staleTime: 60_000,
  });
}

import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { accountsApi } from '../../../contracts/accounts-api.ts';
import { committeesApi } from '../../../contracts/committees-api.ts';
import { eventsApi } from '../../../contracts/events-api.ts';
import { meApi } from '../../../contracts/me-api.ts';
import type { Permission } from '../../../contracts/roles.ts';
import { call } from '../../core/api.ts';
import { pageAllows } from '../../core/pages.ts';
import { navPages } from '../../pages.ts';
import { sessionKey } from '../../core/session.tsx';
import type { BodyInput } from './forms.ts';

export const profileKey = ['me', 'profile'] as const;

export function useLoginStart() {
  return useMutation({
    mutationFn: (body: BodyInput<typeof accountsApi.loginStart>) =>
      call(accountsApi.loginStart, { body }),
  });
}

export function useLoginCode() {
  return useMutation({
    mutationFn: (body: BodyInput<typeof accountsApi.loginCode>) =>
      call(accountsApi.loginCode, { body }),
  });
}

export function useLoginPassword() {
  return useMutation({
    mutationFn: (body: BodyInput<typeof accountsApi.loginPassword>) =>
      call(accountsApi.loginPassword, { body }),
  });
}

export function useLoginLink() {
  return useMutation({
    mutationFn: (token: string) => call(accountsApi.loginLink, { body: { token } }),
  });
}

export function useProfile() {
  return useQuery({ queryKey: profileKey, queryFn: () => call(meApi.profile) });
}

/** How many committees and events the supporter space shows near the person. */
export const NEARBY_COUNT = 3;

/** The committees nearest the person's postal code (none asked without one). */
export function useNearbyCommittees(postalCode: string | null) {
  return useQuery({
    queryKey: ['committees', 'near', postalCode],
    queryFn: () =>
      call(committeesApi.search, { query: { place: postalCode ?? '', limit: NEARBY_COUNT } }),
    enabled: Boolean(postalCode),
  });
}

/** The upcoming public events nearest the person's postal code. */
export function useNearbyEvents(postalCode: string | null) {
  return useQuery({
    queryKey: ['events', 'near', postalCode],
    queryFn: () =>
      call(eventsApi.list, { query: { place: postalCode ?? '', limit: NEARBY_COUNT } }),
    enabled: Boolean(postalCode),
  });
}

export function useUpdateProfile() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (body: BodyInput<typeof meApi.updateProfile>) =>
      call(meApi.updateProfile, { body }),
    onSuccess: async () => {
      await client.invalidateQueries({ queryKey: profileKey });
      await client.invalidateQueries({ queryKey: sessionKey });
    },
  });
}

export function useUpdateConsents() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (body: BodyInput<typeof meApi.updateConsents>) =>
      call(meApi.updateConsents, { body }),
    onSettled: () => client.invalidateQueries({ queryKey: profileKey }),
  });
}

export function useSetPassword() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (body: BodyInput<typeof accountsApi.setPassword>) =>
      call(accountsApi.setPassword, { body }),
    onSuccess: () => client.invalidateQueries({ queryKey: sessionKey }),
  });
}

export function useDeleteAccount() {
  return useMutation({
    mutationFn: () => call(meApi.deleteAccount, { body: { confirm: 'DELETE' } }),
  });
}

/** Where a login lands without a destination: staff in HQ (their first page), others in their space. */
export function landingFor(permissions: readonly Permission[]): string {
  const allowed = navPages.filter((page) => pageAllows(page.access, permissions));
  return (allowed.find((page) => page.nav.group === 'hq') ?? allowed[0])?.path ?? '/me';
}

/** Only same-site paths are accepted as a post-login destination. */
export function safeNext(next: string | null, permissions: readonly Permission[]): string {
  if (next && next.startsWith('/') && !next.startsWith('//') && !next.startsWith('/\\'))
    return next;
  return landingFor(permissions);
}

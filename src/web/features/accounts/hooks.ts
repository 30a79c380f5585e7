import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { z } from 'zod';
import type {
  consentUpdateSchema,
  Profile,
  profileUpdateSchema,
  SessionInfo,
  setPasswordSchema,
} from '../../../contracts/accounts.ts';
import type { Locale } from '../../../contracts/common.ts';
import type { Permission } from '../../../contracts/roles.ts';
import { api } from '../../core/api.ts';
import { pageAllows } from '../../core/pages.ts';
import { navPages } from '../../pages.ts';
import { sessionKey } from '../../core/session.tsx';

export const profileKey = ['me', 'profile'] as const;

export function useLoginStart() {
  return useMutation({
    mutationFn: (input: { email: string; locale: Locale }) =>
      api.post<{ ok: true }>('/api/auth/login/start', input),
  });
}

export function useLoginCode() {
  return useMutation({
    mutationFn: (input: { email: string; code: string }) =>
      api.post<SessionInfo>('/api/auth/login/code', input),
  });
}

export function useLoginPassword() {
  return useMutation({
    mutationFn: (input: { email: string; password: string }) =>
      api.post<SessionInfo>('/api/auth/login/password', input),
  });
}

export function useLoginLink() {
  return useMutation({
    mutationFn: (token: string) => api.post<SessionInfo>('/api/auth/login/link', { token }),
  });
}

export function useProfile() {
  return useQuery({ queryKey: profileKey, queryFn: () => api.get<Profile>('/api/me/profile') });
}

export function useUpdateProfile() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (input: z.input<typeof profileUpdateSchema>) =>
      api.put<Profile>('/api/me/profile', input),
    onSuccess: async () => {
      await client.invalidateQueries({ queryKey: profileKey });
      await client.invalidateQueries({ queryKey: sessionKey });
    },
  });
}

export function useUpdateConsents() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (input: z.input<typeof consentUpdateSchema>) =>
      api.put<unknown>('/api/me/consents', input),
    onSettled: () => client.invalidateQueries({ queryKey: profileKey }),
  });
}

export function useSetPassword() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (input: z.input<typeof setPasswordSchema>) =>
      api.post<unknown>('/api/auth/password', input),
    onSuccess: () => client.invalidateQueries({ queryKey: sessionKey }),
  });
}

export function useDeleteAccount() {
  return useMutation({
    mutationFn: () => api.post<unknown>('/api/me/delete', { confirm: 'DELETE' }),
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

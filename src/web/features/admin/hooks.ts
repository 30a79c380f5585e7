import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { HomeContent } from '../../../contracts/recruitment.ts';
import type {
  ConsentWordingUpdate,
  ConsentWordingVersion,
  LegalUpdate,
} from '../../../contracts/settings.ts';
import { api } from '../../core/api.ts';
import { consentWordingsKey, siteKey } from '../../core/site.ts';
import type { AuditPage, CaughtMail, CaughtMailPage } from '../../../contracts/admin.ts';
import type { RoleUpdate, StaffAccount } from './types.ts';

const accountsKey = ['admin', 'accounts'] as const;

export function useSaveHome() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (input: HomeContent) => api.put<unknown>('/api/admin/site/home', input),
    onSuccess: () => client.invalidateQueries({ queryKey: siteKey }),
  });
}

export function useSaveLegal() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (input: LegalUpdate) => api.put<unknown>('/api/admin/site/legal', input),
    onSuccess: () => client.invalidateQueries({ queryKey: siteKey }),
  });
}

export function useSaveConsentWording() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (input: ConsentWordingUpdate) =>
      api.post<ConsentWordingVersion[]>('/api/admin/site/consent-wordings', input),
    onSuccess: (versions) => {
      client.setQueryData(consentWordingsKey, versions);
      return client.invalidateQueries({ queryKey: siteKey, exact: true });
    },
  });
}

export function useAccounts() {
  return useQuery({
    queryKey: accountsKey,
    queryFn: () => api.get<StaffAccount[]>('/api/admin/accounts'),
  });
}

export function useUpdateAccount() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: ({ personId, ...input }: RoleUpdate & { personId: number }) =>
      api.put<StaffAccount>(`/api/admin/accounts/${personId}`, input),
    onSuccess: () => client.invalidateQueries({ queryKey: accountsKey }),
  });
}

export function useAddAccount() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (input: RoleUpdate & { email: string }) =>
      api.post<StaffAccount>('/api/admin/accounts', input),
    onSuccess: () => client.invalidateQueries({ queryKey: accountsKey }),
  });
}

export function useMailList(page: number) {
  return useQuery({
    queryKey: ['admin', 'mail', page],
    queryFn: () => api.get<CaughtMailPage>(`/api/admin/mail?page=${page}`),
    placeholderData: keepPreviousData,
    refetchInterval: 5000,
  });
}

export function useMail(id: string | null) {
  return useQuery({
    queryKey: ['admin', 'mail', 'detail', id],
    queryFn: () => api.get<CaughtMail>(`/api/admin/mail/${encodeURIComponent(id ?? '')}`),
    enabled: id !== null,
  });
}

export function useAudit(page: number) {
  return useQuery({
    queryKey: ['admin', 'audit', page],
    queryFn: () => api.get<AuditPage>(`/api/admin/audit?page=${page}`),
    placeholderData: keepPreviousData,
  });
}

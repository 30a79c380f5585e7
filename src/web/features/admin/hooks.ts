import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { HomeContent } from '../../../contracts/recruitment.ts';
import { api } from '../../core/api.ts';
import { siteKey } from '../../core/site.ts';
import type {
  AdminPage,
  AuditEntry,
  MailDetail,
  MailSummary,
  RoleUpdate,
  StaffAccount,
} from './types.ts';

const accountsKey = ['admin', 'accounts'] as const;

export function useSaveHome() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (input: HomeContent) => api.put<unknown>('/api/admin/site/home', input),
    onSuccess: () => client.invalidateQueries({ queryKey: siteKey }),
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
    queryFn: () => api.get<AdminPage<MailSummary>>(`/api/admin/mail?page=${page}`),
    placeholderData: keepPreviousData,
    refetchInterval: 5000,
  });
}

export function useMail(id: string | null) {
  return useQuery({
    queryKey: ['admin', 'mail', 'detail', id],
    queryFn: () => api.get<MailDetail>(`/api/admin/mail/${encodeURIComponent(id ?? '')}`),
    enabled: id !== null,
  });
}

export function useAudit(page: number) {
  return useQuery({
    queryKey: ['admin', 'audit', page],
    queryFn: () => api.get<AdminPage<AuditEntry>>(`/api/admin/audit?page=${page}`),
    placeholderData: keepPreviousData,
  });
}

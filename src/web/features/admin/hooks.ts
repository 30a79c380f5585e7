import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { adminApi } from '../../../contracts/admin-api.ts';
import type { StaffInvite } from '../../../contracts/admin.ts';
import type { HomeContent } from '../../../contracts/recruitment.ts';
import { settingsApi } from '../../../contracts/settings-api.ts';
import type { ConsentWordingUpdate, LegalUpdate } from '../../../contracts/settings.ts';
import type { BodyOf } from '../../../contracts/route.ts';
import { call } from '../../core/api.ts';
import { consentWordingsKey, siteKey } from '../../core/site.ts';

const accountsKey = ['admin', 'accounts'] as const;

export function useSaveHome() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (body: HomeContent) => call(settingsApi.saveHome, { body }),
    onSuccess: () => client.invalidateQueries({ queryKey: siteKey }),
  });
}

export function useSaveLegal() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (body: LegalUpdate) => call(settingsApi.saveLegal, { body }),
    onSuccess: () => client.invalidateQueries({ queryKey: siteKey }),
  });
}

export function useSaveConsentWording() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (body: ConsentWordingUpdate) => call(settingsApi.saveConsentWording, { body }),
    onSuccess: (versions) => {
      client.setQueryData(consentWordingsKey, versions);
      return client.invalidateQueries({ queryKey: siteKey, exact: true });
    },
  });
}

export function useAccounts() {
  return useQuery({
    queryKey: accountsKey,
    queryFn: () => call(adminApi.accounts),
  });
}

export function useUpdateAccount() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: ({
      personId,
      ...body
    }: BodyOf<typeof adminApi.updateAccount> & { personId: number }) =>
      call(adminApi.updateAccount, { params: { id: personId }, body }),
    onSuccess: () => client.invalidateQueries({ queryKey: accountsKey }),
  });
}

export function useAddAccount() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (body: StaffInvite) => call(adminApi.addAccount, { body }),
    onSuccess: () => client.invalidateQueries({ queryKey: accountsKey }),
  });
}

export function useMailList(page: number) {
  return useQuery({
    queryKey: ['admin', 'mail', page],
    queryFn: () => call(adminApi.mailList, { query: { page } }),
    placeholderData: keepPreviousData,
    refetchInterval: 5000,
  });
}

export function useMail(id: string | null) {
  return useQuery({
    queryKey: ['admin', 'mail', 'detail', id],
    queryFn: () => call(adminApi.mail, { params: { id: Number(id) } }),
    enabled: id !== null,
  });
}

export function useAudit(page: number) {
  return useQuery({
    queryKey: ['admin', 'audit', page],
    queryFn: () => call(adminApi.audit, { query: { page } }),
    placeholderData: keepPreviousData,
  });
}

import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { KioskCreate } from '../../../contracts/kiosk.ts';
import { kiosksApi } from '../../../contracts/kiosks-api.ts';
import { call } from '../../core/api.ts';

const kiosksKey = ['kiosks'] as const;

export function useKioskLinks() {
  return useQuery({ queryKey: kiosksKey, queryFn: () => call(kiosksApi.list) });
}

export function useCreateKioskLink() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (body: KioskCreate) => call(kiosksApi.create, { body }),
    onSuccess: () => client.invalidateQueries({ queryKey: kiosksKey }),
  });
}

export function useRevokeKioskLink() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (id: number) => call(kiosksApi.revoke, { params: { id } }),
    onSuccess: () => client.invalidateQueries({ queryKey: kiosksKey }),
  });
}

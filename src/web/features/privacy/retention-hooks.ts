import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { privacyRetentionApi } from '../../../contracts/privacy-retention-api.ts';
import type { RetentionSettings } from '../../../contracts/privacy-retention.ts';
import { call } from '../../core/api.ts';

const retentionKey = ['privacy', 'retention'] as const;

export function useRetention() {
  return useQuery({ queryKey: retentionKey, queryFn: () => call(privacyRetentionApi.overview) });
}

export function useSaveRetentionSettings() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (body: RetentionSettings) => call(privacyRetentionApi.settings, { body }),
    onSuccess: () => client.invalidateQueries({ queryKey: retentionKey }),
  });
}

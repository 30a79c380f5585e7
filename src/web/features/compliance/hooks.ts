import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { complianceApi } from '../../../contracts/compliance-api.ts';
import type { ElectionInput } from '../../../contracts/compliance.ts';
import { call } from '../../core/api.ts';

const electionsKey = ['compliance', 'elections'] as const;

export function useElections() {
  return useQuery({
    queryKey: electionsKey,
    queryFn: () => call(complianceApi.elections),
  });
}

export function useCreateElection() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (body: ElectionInput) => call(complianceApi.createElection, { body }),
    onSuccess: () => client.invalidateQueries({ queryKey: electionsKey }),
  });
}

export function useDeleteElection() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (id: number) => call(complianceApi.deleteElection, { params: { id } }),
    onSuccess: () => client.invalidateQueries({ queryKey: electionsKey }),
  });
}

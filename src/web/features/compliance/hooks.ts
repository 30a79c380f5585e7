import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { Election, ElectionInput } from '../../../contracts/compliance.ts';
import { api } from '../../core/api.ts';

const electionsKey = ['compliance', 'elections'] as const;

export function useElections() {
  return useQuery({
    queryKey: electionsKey,
    queryFn: () => api.get<Election[]>('/api/compliance/elections'),
  });
}

export function useCreateElection() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (input: ElectionInput) => api.post<Election>('/api/compliance/elections', input),
    onSuccess: () => client.invalidateQueries({ queryKey: electionsKey }),
  });
}

export function useDeleteElection() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (id: number) => api.delete(`/api/compliance/elections/${id}`),
    onSuccess: () => client.invalidateQueries({ queryKey: electionsKey }),
  });
}

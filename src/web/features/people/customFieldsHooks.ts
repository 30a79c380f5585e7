import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type {
  CustomField,
  CustomFieldInput,
  CustomValue,
} from '../../../contracts/custom-fields.ts';
import { api } from '../../core/api.ts';
import { peopleKey } from './hooks.ts';

export const customFieldsKey = ['custom-fields'] as const;

export function useCustomFields(enabled = true) {
  return useQuery({
    queryKey: customFieldsKey,
    queryFn: () => api.get<CustomField[]>('/api/custom-fields'),
    staleTime: 30_000,
    enabled,
  });
}

export function useSaveCustomField() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: ({ id, input }: { id?: number; input: CustomFieldInput }) =>
      id
        ? api.put<CustomField>(`/api/custom-fields/${id}`, input)
        : api.post<CustomField>('/api/custom-fields', input),
    onSuccess: () => client.invalidateQueries({ queryKey: customFieldsKey }),
  });
}

export function useDeleteCustomField() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (id: number) => api.delete(`/api/custom-fields/${id}`),
    onSuccess: async () => {
      await client.invalidateQueries({ queryKey: customFieldsKey });
      await client.invalidateQueries({ queryKey: peopleKey });
    },
  });
}

const valuesKey = (personId: number) => [...peopleKey, 'custom-fields', personId] as const;

export function usePersonCustomValues(personId: number) {
  return useQuery({
    queryKey: valuesKey(personId),
    queryFn: () => api.get<Record<string, CustomValue>>(`/api/people/${personId}/custom-fields`),
  });
}

export function useSavePersonCustomValues(personId: number) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (values: Record<string, CustomValue>) =>
      api.put<Record<string, CustomValue>>(`/api/people/${personId}/custom-fields`, { values }),
    onSuccess: () => client.invalidateQueries({ queryKey: peopleKey }),
  });
}

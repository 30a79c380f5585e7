import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { customFieldsApi } from '../../../contracts/custom-fields-api.ts';
import type { CustomFieldInput, CustomValue } from '../../../contracts/custom-fields.ts';
import { call } from '../../core/api.ts';
import { peopleKey } from './hooks.ts';

export const customFieldsKey = ['custom-fields'] as const;

export function useCustomFields(enabled = true) {
  return useQuery({
    queryKey: customFieldsKey,
    queryFn: () => call(customFieldsApi.list),
    staleTime: 30_000,
    enabled,
  });
}

export function useSaveCustomField() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: ({ id, input }: { id?: number; input: CustomFieldInput }) =>
      id
        ? call(customFieldsApi.update, { params: { id }, body: input })
        : call(customFieldsApi.create, { body: input }),
    onSuccess: () => client.invalidateQueries({ queryKey: customFieldsKey }),
  });
}

export function useDeleteCustomField() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (id: number) => call(customFieldsApi.remove, { params: { id } }),
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
    queryFn: () => call(customFieldsApi.personValues, { params: { id: personId } }),
  });
}

export function useSavePersonCustomValues(personId: number) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (values: Record<string, CustomValue>) =>
      call(customFieldsApi.setPersonValues, { params: { id: personId }, body: { values } }),
    onSuccess: () => client.invalidateQueries({ queryKey: peopleKey }),
  });
}

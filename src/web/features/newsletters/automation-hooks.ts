import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { newsletterAutomationsApi } from '../../../contracts/newsletters-automations-api.ts';
import type {
  Automation,
  AutomationInput,
  AutomationStatus,
} from '../../../contracts/newsletters-automations.ts';
import { call } from '../../core/api.ts';

const automationsKey = ['newsletter-automations'] as const;
const automationKey = (id: number) => [...automationsKey, 'one', id] as const;

export const useAutomations = () =>
  useQuery({ queryKey: automationsKey, queryFn: () => call(newsletterAutomationsApi.list) });

/** One automation; asked again every 5 s while active, so its steps' counts follow. */
export const useAutomation = (id: number) =>
  useQuery({
    queryKey: automationKey(id),
    queryFn: () => call(newsletterAutomationsApi.get, { params: { id } }),
    refetchInterval: (query) => (query.state.data?.status === 'active' ? 5000 : false),
  });

function useAutomationMutation<I>(mutationFn: (input: I) => Promise<Automation>) {
  const client = useQueryClient();
  return useMutation({
    mutationFn,
    onSuccess: async (saved) => {
      client.setQueryData(automationKey(saved.id), saved);
      await client.invalidateQueries({ queryKey: automationsKey, exact: true });
    },
  });
}

export const useSaveAutomation = () =>
  useAutomationMutation(({ id, body }: { id: number | null; body: AutomationInput }) =>
    id === null
      ? call(newsletterAutomationsApi.create, { body })
      : call(newsletterAutomationsApi.update, { params: { id }, body }),
  );

export const useSetAutomationStatus = () =>
  useAutomationMutation(({ id, status }: { id: number; status: AutomationStatus }) =>
    call(newsletterAutomationsApi.setStatus, { params: { id }, body: { status } }),
  );

/** A saved step, marked as a test, to the staff member's own address. */
export const useTestAutomationStep = () =>
  useMutation({
    mutationFn: (params: { id: number; stepId: number }) =>
      call(newsletterAutomationsApi.testStep, { params }),
  });

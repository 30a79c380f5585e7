import { useInfiniteQuery, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { integrationsApi } from '../../../contracts/integrations-api.ts';
import type { ApiTokenInput, WebhookInput } from '../../../contracts/integrations.ts';
import { call } from '../../core/api.ts';

const tokensKey = ['integrations', 'tokens'] as const;
const webhooksKey = ['integrations', 'webhooks'] as const;

export const useTokens = () =>
  useQuery({ queryKey: tokensKey, queryFn: () => call(integrationsApi.tokens) });

export function useCreateToken() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (body: ApiTokenInput) => call(integrationsApi.createToken, { body }),
    onSuccess: () => client.invalidateQueries({ queryKey: tokensKey }),
  });
}

export function useRevokeToken() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (id: number) => call(integrationsApi.revokeToken, { params: { id } }),
    onSuccess: () => client.invalidateQueries({ queryKey: tokensKey }),
  });
}

export const useWebhooks = () =>
  useQuery({
    queryKey: webhooksKey,
    queryFn: () => call(integrationsApi.webhooks),
    refetchInterval: 5000,
  });

export function useCreateWebhook() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (body: WebhookInput) => call(integrationsApi.createWebhook, { body }),
    onSuccess: () => client.invalidateQueries({ queryKey: webhooksKey }),
  });
}

export function useUpdateWebhook() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: ({ id, body }: { id: number; body: WebhookInput }) =>
      call(integrationsApi.updateWebhook, { params: { id }, body }),
    onSuccess: () => client.invalidateQueries({ queryKey: webhooksKey }),
  });
}

export function useDeleteWebhook() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (id: number) => call(integrationsApi.deleteWebhook, { params: { id } }),
    onSuccess: () => client.invalidateQueries({ queryKey: webhooksKey }),
  });
}

export const useDeliveries = (id: number) =>
  useInfiniteQuery({
    queryKey: [...webhooksKey, id, 'deliveries'],
    initialPageParam: undefined as number | undefined,
    queryFn: ({ pageParam }) =>
      call(integrationsApi.deliveries, {
        params: { id },
        query: pageParam ? { before: pageParam, limit: 50 } : { limit: 50 },
      }),
    getNextPageParam: (page) => page.next ?? undefined,
    refetchInterval: 5000,
  });

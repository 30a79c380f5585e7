import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { z } from 'zod';
import type {
  decisionInputSchema,
  ModerationRules,
  moderationQueueSchema,
} from '../../../contracts/moderation.ts';
import { moderationApi } from '../../../contracts/moderation-api.ts';
import { call } from '../../core/api.ts';

const queueKey = ['moderation', 'queue'] as const;
const sanctionsKey = ['moderation', 'sanctions'] as const;
const rulesKey = ['moderation', 'rules'] as const;

type Queue = z.infer<typeof moderationQueueSchema>;
export type ReportGroup = Queue['items'][number];
export type DecisionInput = z.input<typeof decisionInputSchema>;

export function useModerationQueue(page: number) {
  return useQuery({
    queryKey: [...queueKey, page],
    queryFn: () => call(moderationApi.queue, { query: { page } }),
    placeholderData: keepPreviousData,
  });
}

export function useDecide() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (body: DecisionInput) => call(moderationApi.decide, { body }),
    onSuccess: (decision) => {
      // The group leaves the queue at once, before the queue is read again.
      client.setQueriesData<Queue>({ queryKey: queueKey }, (queue) =>
        queue
          ? {
              items: queue.items.filter(
                (group) =>
                  group.target.kind !== decision.targetKind ||
                  group.target.id !== decision.targetId,
              ),
              total: Math.max(0, queue.total - 1),
            }
          : queue,
      );
      void client.invalidateQueries({ queryKey: queueKey });
      void client.invalidateQueries({ queryKey: sanctionsKey });
    },
  });
}

export function useSanctions() {
  return useQuery({ queryKey: sanctionsKey, queryFn: () => call(moderationApi.sanctions) });
}

export function useLiftSanction() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (id: number) => call(moderationApi.lift, { params: { id } }),
    onSuccess: () => client.invalidateQueries({ queryKey: sanctionsKey }),
  });
}

export function useModerationRules() {
  return useQuery({ queryKey: rulesKey, queryFn: () => call(moderationApi.rules) });
}

export function useSetModerationRules() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (body: ModerationRules) => call(moderationApi.setRules, { body }),
    onSuccess: (rules) => client.setQueryData(rulesKey, rules),
  });
}

import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { mailSuppressionApi } from '../../../contracts/mail-feedback-api.ts';
import type { MailSuppressionLiftReason } from '../../../contracts/mail-feedback.ts';
import { call } from '../../core/api.ts';
import { peopleKey } from './hooks.ts';

// Under the people's key: a person's address changed, this is read again with the rest.
const suppressionKey = (id: number) => [...peopleKey, 'records', id, 'mail-suppression'] as const;

/** Whether the person's address is on the suppression list, why and since when. */
export function useMailSuppression(id: number) {
  return useQuery({
    queryKey: suppressionKey(id),
    queryFn: () => call(mailSuppressionApi.personSuppression, { params: { id } }),
  });
}

export function useLiftMailSuppression(id: number) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (reason: MailSuppressionLiftReason) =>
      call(mailSuppressionApi.liftSuppression, { params: { id }, body: { reason } }),
    onSuccess: (state) => client.setQueryData(suppressionKey(id), state),
  });
}

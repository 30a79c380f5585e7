import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { donationPlansApi as api } from '../../../contracts/donation-plans-api.ts';
import type { Locale } from '../../../contracts/common.ts';
import { call } from '../../core/api.ts';

const plansKey = ['donations', 'my-plans'] as const;

export const useMyPlans = () => useQuery({ queryKey: plansKey, queryFn: () => call(api.list) });

function usePlanMutation<I, O>(mutationFn: (input: I) => Promise<O>) {
  const client = useQueryClient();
  return useMutation({
    mutationFn,
    onSuccess: () => client.invalidateQueries({ queryKey: plansKey }),
  });
}

export const useChangePlanAmount = () =>
  usePlanMutation((input: { id: number; amount: string; locale: Locale }) =>
    call(api.changeAmount, {
      params: { id: input.id },
      body: { amount: input.amount, locale: input.locale },
    }),
  );

export const useStopPlan = () =>
  usePlanMutation((id: number) => call(api.stop, { params: { id } }));

/** The provider's page where the donor gives a new card (the browser is sent there). */
export const useChangePlanCard = () =>
  useMutation({
    mutationFn: (input: { id: number; locale: Locale }) =>
      call(api.changeCard, { params: { id: input.id }, body: { locale: input.locale } }),
  });

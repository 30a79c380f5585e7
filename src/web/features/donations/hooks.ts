import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { donationsApi } from '../../../contracts/donations-api.ts';
import { donationsFinanceApi as api } from '../../../contracts/donations-finance-api.ts';
import { type FinanceListQuery, type ManualGift } from '../../../contracts/donations-finance.ts';
import type { DonationSettings } from '../../../contracts/donations.ts';
import type { z } from 'zod';
import { call } from '../../core/api.ts';

/** Every finance query starts with this key: a change anywhere reads them all again. */
const financeKey = ['donations', 'finance'] as const;
const settingsKey = ['donations', 'settings'] as const;
const myGiftsKey = ['donations', 'mine'] as const;

export type GiftQuery = Partial<FinanceListQuery>;
export type ManualGiftInput = z.input<typeof api.record.body>;
export type SeriesInput = z.input<typeof api.recordSeries.body>;
export type RemittanceInput = z.input<typeof api.createRemittance.body>;
export type SpoilInput = z.input<typeof api.spoilForm.body>;
export type { ManualGift };

function useFinanceMutation<I, O>(mutationFn: (input: I) => Promise<O>) {
  const client = useQueryClient();
  return useMutation({
    mutationFn,
    onSuccess: () => client.invalidateQueries({ queryKey: financeKey }),
  });
}

export function useGifts(query: GiftQuery, enabled = true) {
  return useQuery({
    queryKey: [...financeKey, 'gifts', query],
    queryFn: () => call(api.list, { query }),
    placeholderData: keepPreviousData,
    enabled,
  });
}

export const useTotals = () =>
  useQuery({ queryKey: [...financeKey, 'totals'], queryFn: () => call(api.totals) });

export const useNearCap = () =>
  useQuery({ queryKey: [...financeKey, 'near-cap'], queryFn: () => call(api.nearCap) });

export const useDuplicateDonors = () =>
  useQuery({ queryKey: [...financeKey, 'duplicates'], queryFn: () => call(api.duplicateDonors) });

export const useSeries = () =>
  useQuery({ queryKey: [...financeKey, 'series'], queryFn: () => call(api.series) });

export const useFormsToReturn = () =>
  useQuery({ queryKey: [...financeKey, 'to-return'], queryFn: () => call(api.formsToReturn) });

export const useFormsToSend = () =>
  useQuery({ queryKey: [...financeKey, 'to-send'], queryFn: () => call(api.formsToSend) });

export const useAssignAllForms = () => useFinanceMutation(() => call(api.assignAllForms));

export const useMarkFormsSent = () =>
  useFinanceMutation((body: { from: string; to: string }) => call(api.markFormsSent, { body }));

export const useRemittances = () =>
  useQuery({ queryKey: [...financeKey, 'remittances'], queryFn: () => call(api.remittances) });

export const usePayouts = () =>
  useQuery({ queryKey: [...financeKey, 'payouts'], queryFn: () => call(api.payouts) });

export const useMergeDonors = () =>
  useFinanceMutation((body: { keptId: number; mergedId: number }) =>
    call(api.mergeDonors, { body }),
  );

export const useRecordGift = () =>
  useFinanceMutation((body: ManualGiftInput) => call(api.record, { body }));

export const useRefund = () =>
  useFinanceMutation((id: number) => call(api.refund, { params: { id } }));

export const useBankReference = () =>
  useFinanceMutation(({ id, reference }: { id: number; reference: string }) =>
    call(api.bankReference, { params: { id }, body: { reference } }),
  );

export const useAssignForm = () =>
  useFinanceMutation((id: number) => call(api.assignForm, { params: { id } }));

export const useRecordSeries = () =>
  useFinanceMutation((body: SeriesInput) => call(api.recordSeries, { body }));

export const useSpoilForm = () =>
  useFinanceMutation((body: SpoilInput) => call(api.spoilForm, { body }));

export const useCreateRemittance = () =>
  useFinanceMutation((body: RemittanceInput) => call(api.createRemittance, { body }));

export const useElectionChoices = () =>
  useQuery({
    queryKey: [...settingsKey, 'elections'],
    queryFn: () => call(donationsApi.elections),
  });

export const useDonationSettings = () =>
  useQuery({ queryKey: settingsKey, queryFn: () => call(donationsApi.settings) });

export function useSaveDonationSettings() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (body: DonationSettings) => call(donationsApi.updateSettings, { body }),
    onSuccess: (saved) => client.setQueryData(settingsKey, saved),
  });
}

export const useMyGifts = () =>
  useQuery({ queryKey: myGiftsKey, queryFn: () => call(donationsApi.myGifts) });

import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { z } from 'zod';
import { committeesApi } from '../../../../contracts/committees-api.ts';
import { phoneBanksApi as api } from '../../../../contracts/phone-banks-api.ts';
import type {
  PhoneBank,
  PhoneBankInput,
  PhoneBankStatus,
  phoneBankPatchSchema,
  phoneBankShiftInputSchema,
} from '../../../../contracts/phone-banks.ts';
import { call } from '../../../core/api.ts';
import { useSegments } from '../../people/hooks.ts';
import { callingKey } from '../hooks.ts';

const banksKey = [...callingKey, 'phone-banks'] as const;
const overviewKey = [...banksKey, 'overview'] as const;
const bankKey = (id: number) => [...banksKey, id] as const;
const statsKey = (id: number) => [...bankKey(id), 'stats'] as const;
const shiftsKey = (id: number) => [...bankKey(id), 'shifts'] as const;

/** A bank volunteers may be calling in: its figures move. */
export const isCalling = (status: PhoneBankStatus) => status === 'open';

/** The campaign's banks, newest first; asked again while one of them is open. */
export const usePhoneBanks = () =>
  useQuery({
    queryKey: banksKey,
    queryFn: () => call(api.list),
    refetchInterval: (query) =>
      query.state.data?.some((bank) => isCalling(bank.status)) ? 15_000 : false,
  });

export const usePhoneBanksOverview = () =>
  useQuery({ queryKey: overviewKey, queryFn: () => call(api.overview) });

export const usePhoneBank = (id: number) =>
  useQuery({
    queryKey: bankKey(id),
    // A malformed id in the address is asked too: the server's refusal is shown.
    queryFn: () => call(api.get, { params: { id } }),
  });

/** A bank's figures, asked again every 10 s while volunteers may be calling. */
export const usePhoneBankStats = (id: number, live: boolean) =>
  useQuery({
    queryKey: statsKey(id),
    queryFn: () => call(api.stats, { params: { id } }),
    refetchInterval: live ? 10_000 : false,
  });

export const usePhoneBankShifts = (id: number) =>
  useQuery({ queryKey: shiftsKey(id), queryFn: () => call(api.shifts, { params: { id } }) });

/** A committee's name for a bank that names one (null while unknown or refused). */
/** A bank's segment by its name (its number until the segments are read). */
export function useSegmentName(id: number): string {
  const segments = useSegments();
  return segments.data?.find((segment) => segment.id === id)?.name ?? `#${id}`;
}

export const useCommitteeName = (id: number | null) =>
  useQuery({
    queryKey: ['committees', 'name', id],
    queryFn: async () => (await call(committeesApi.detail, { params: { committeeId: id! } })).name,
    enabled: id !== null,
    staleTime: 60_000,
    retry: false,
  });

/** After any change: the bank's cache is the answer; the list, overview and figures reloaded. */
function useBankMutation<I>(mutationFn: (input: I) => Promise<PhoneBank>) {
  const client = useQueryClient();
  return useMutation({
    mutationFn,
    onSuccess: async (saved) => {
      client.setQueryData(bankKey(saved.id), saved);
      await client.invalidateQueries({ queryKey: banksKey, exact: true });
      await client.invalidateQueries({ queryKey: overviewKey });
      await client.invalidateQueries({ queryKey: statsKey(saved.id) });
    },
  });
}

export const useCreatePhoneBank = () =>
  useBankMutation((body: PhoneBankInput) => call(api.create, { body }));

export type PhoneBankPatch = z.input<typeof phoneBankPatchSchema>;

export const useUpdatePhoneBank = () =>
  useBankMutation(({ id, body }: { id: number; body: PhoneBankPatch }) =>
    call(api.update, { params: { id }, body }),
  );

/** The changes of a bank's state, each a POST on the bank. */
export type PhoneBankAction = 'open' | 'pause' | 'resume' | 'close';

export const usePhoneBankAction = (action: PhoneBankAction) =>
  useBankMutation((id: number) => call(api[action], { params: { id } }));

/** Deletes a draft; the list is asked again. */
export function useDeletePhoneBank() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (id: number) => call(api.remove, { params: { id } }),
    // The bank's own page is left for the list: its cache goes stale with it.
    onSuccess: async () => {
      await client.invalidateQueries({ queryKey: banksKey, exact: true });
    },
  });
}

export type ShiftInput = z.input<typeof phoneBankShiftInputSchema>;

/** Adds a shift; the bank's shifts are asked again. */
export function useAddShift(bankId: number) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (body: ShiftInput) => call(api.addShift, { params: { id: bankId }, body }),
    onSuccess: async () => {
      await client.invalidateQueries({ queryKey: shiftsKey(bankId) });
    },
  });
}

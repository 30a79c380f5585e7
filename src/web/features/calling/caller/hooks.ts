import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { phoneBanksApi as api } from '../../../../contracts/phone-banks-api.ts';
import type { CallRecordInput } from '../../../../contracts/phone-banks.ts';
import { call } from '../../../core/api.ts';

const callerKey = ['phone-banks', 'caller'] as const;
const mineKey = [...callerKey, 'mine'] as const;
const bankKey = (id: number) => [...callerKey, id] as const;

/** The banks the volunteer may call in; asked again each minute (hours open and close). */
export const useMyPhoneBanks = () =>
  useQuery({ queryKey: mineKey, queryFn: () => call(api.mine), refetchInterval: 60_000 });

/** A bank as its volunteers see it: whether calling is possible now follows the clock. */
export const useCallerBank = (id: number) =>
  useQuery({
    queryKey: bankKey(id),
    // A malformed id in the address is asked too: the server's refusal is shown.
    queryFn: () => call(api.caller, { params: { id } }),
    refetchInterval: 60_000,
  });

/** The bank's figures (waiting, mine) after a call or a refusal that says the state changed. */
export function useRefreshBank(id: number) {
  const client = useQueryClient();
  return () =>
    Promise.all([
      client.invalidateQueries({ queryKey: bankKey(id) }),
      client.invalidateQueries({ queryKey: mineKey }),
    ]);
}

export const useClaim = (id: number) =>
  useMutation({ mutationFn: () => call(api.claim, { params: { id } }) });

export function useRelease(id: number) {
  const refresh = useRefreshBank(id);
  return useMutation({
    mutationFn: (targetId: number) => call(api.release, { params: { id }, body: { targetId } }),
    onSettled: refresh,
  });
}

/**
 * Sends a call's record; sent again as it is (same id) after a failure that may have stored it.
 * The bank is asked again either way: a refusal may say its questionnaire changed.
 */
export function useRecordCall(id: number) {
  const refresh = useRefreshBank(id);
  return useMutation({
    mutationFn: (record: CallRecordInput) => call(api.record, { params: { id }, body: record }),
    onSettled: refresh,
  });
}

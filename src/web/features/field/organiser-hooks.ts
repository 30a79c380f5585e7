import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { fieldOrganisersApi } from '../../../contracts/field-api.ts';
import type { CommitteeTurfUpdate } from '../../../contracts/field-organisers.ts';
import { ApiError, call } from '../../core/api.ts';
import type { Translate } from '../../core/i18n/index.tsx';
import { fieldErrorText } from './fieldErrors.ts';

const organisersKey = ['field', 'organisers'] as const;
const committeeTurfsKey = (committeeId: number) =>
  [...organisersKey, 'committee', committeeId, 'turfs'] as const;
const eventTurfsKey = (eventId: number) => [...organisersKey, 'event', eventId, 'turfs'] as const;

/** The turfs given to a committee, for its organisers. */
export const useCommitteeTurfs = (committeeId: number) =>
  useQuery({
    queryKey: committeeTurfsKey(committeeId),
    queryFn: () => call(fieldOrganisersApi.committeeTurfs, { params: { committeeId } }),
  });

export function useAssignCommitteeTurf(committeeId: number) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: ({ turfId, change }: { turfId: number; change: CommitteeTurfUpdate }) =>
      call(fieldOrganisersApi.assignCommitteeTurf, {
        params: { committeeId, turfId },
        body: change,
      }),
    onSuccess: () => client.invalidateQueries({ queryKey: committeeTurfsKey(committeeId) }),
  });
}

/** The turfs a session carries, for its managers. */
export const useEventTurfs = (eventId: number, enabled: boolean) =>
  useQuery({
    queryKey: eventTurfsKey(eventId),
    queryFn: () => call(fieldOrganisersApi.eventTurfs, { params: { eventId } }),
    enabled,
  });

/** Turfs the session may carry, whose name holds `q`. */
export const useEventTurfChoices = (eventId: number, q: string) =>
  useQuery({
    queryKey: [...eventTurfsKey(eventId), 'choices', q],
    queryFn: () => call(fieldOrganisersApi.eventTurfChoices, { params: { eventId }, query: { q } }),
    placeholderData: keepPreviousData,
  });

/** Attaching or detaching a turf answers the session's turfs: the list is set from it. */
export function useEventTurfChange(eventId: number) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: ({ turfId, attach }: { turfId: number; attach: boolean }) =>
      call(attach ? fieldOrganisersApi.attachEventTurf : fieldOrganisersApi.detachEventTurf, {
        params: { eventId, turfId },
      }),
    onSuccess: async (turfs) => {
      client.setQueryData(eventTurfsKey(eventId), turfs);
      await client.invalidateQueries({ queryKey: [...eventTurfsKey(eventId), 'choices'] });
    },
  });
}

/** The sessions that carry a turf, for HQ's turf drawer. */
export const useTurfSessions = (turfId: number | null) =>
  useQuery({
    queryKey: [...organisersKey, 'turf', turfId, 'events'],
    queryFn: () => call(fieldOrganisersApi.turfEvents, { params: { id: turfId ?? 0 } }),
    enabled: turfId !== null,
  });

/** Whether the caller may not manage this (a 403): the section is then not shown. */
export const isRefused = (error: unknown) => error instanceof ApiError && error.status === 403;

/** A refusal of the organisers' routes in the visitor's language. */
export function organiserErrorText(error: unknown, t: Translate): string {
  if (error instanceof ApiError) {
    if (error.code === 'volunteer_not_member')
      return t('field.organisers.error.volunteer_not_member');
    if (error.code === 'not_door_to_door') return t('field.organisers.error.not_door_to_door');
  }
  return fieldErrorText(error, t);
}

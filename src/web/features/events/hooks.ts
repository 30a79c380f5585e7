import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { eventsApi } from '../../../contracts/events-api.ts';
import type { CallInput } from '../../../contracts/route.ts';
import { call } from '../../core/api.ts';

type EventBody = CallInput<typeof eventsApi.create>['body'];

const mineKey = ['events', 'mine'] as const;
const eventKey = (id: number) => ['events', id] as const;
const committeeEventsKey = (committeeId: number) => ['events', 'committee', committeeId] as const;

/** The events the caller answered. */
export function useMyEvents() {
  return useQuery({ queryKey: mineKey, queryFn: () => call(eventsApi.mine) });
}

/** A committee's events of every visibility, for its managers. */
export function useCommitteeEvents(committeeId: number, enabled = true) {
  return useQuery({
    queryKey: committeeEventsKey(committeeId),
    queryFn: () => call(eventsApi.ofCommittee, { params: { committeeId } }),
    enabled,
  });
}

export function useCreateCommitteeEvent(committeeId: number) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (body: EventBody) =>
      call(eventsApi.createForCommittee, { params: { committeeId }, body }),
    onSuccess: () => client.invalidateQueries({ queryKey: committeeEventsKey(committeeId) }),
  });
}

/** An event with its form's source, for its managers. */
export function useEventForEdit(id: number) {
  return useQuery({
    queryKey: [...eventKey(id), 'edit'],
    queryFn: () => call(eventsApi.forEdit, { params: { eventId: id } }),
  });
}

export function useUpdateEvent(id: number) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (body: EventBody) => call(eventsApi.update, { params: { eventId: id }, body }),
    onSuccess: () => client.invalidateQueries({ queryKey: ['events'] }),
  });
}

export function useCancelEvent(id: number) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: () => call(eventsApi.cancel, { params: { eventId: id } }),
    onSuccess: () => client.invalidateQueries({ queryKey: ['events'] }),
  });
}

export function useAttendees(id: number, enabled = true) {
  return useQuery({
    queryKey: [...eventKey(id), 'attendees'],
    queryFn: () => call(eventsApi.attendees, { params: { eventId: id } }),
    enabled,
  });
}

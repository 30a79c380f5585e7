import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { eventCheckinApi } from '../../../contracts/event-checkin-api.ts';
import type {
  CheckinList,
  EventMessageInput,
  EventReportInput,
  WalkInInput,
} from '../../../contracts/events.ts';
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

const feedKey = ['events', 'mine', 'calendar'] as const;

/** The address of the caller's own calendar of events. */
export function useCalendarFeed() {
  return useQuery({ queryKey: feedKey, queryFn: () => call(eventsApi.calendarFeed) });
}

/** A new address for that calendar: the old one stops working. */
export function useRenewCalendarFeed() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: () => call(eventsApi.renewCalendarFeed),
    onSuccess: (feed) => client.setQueryData(feedKey, feed),
  });
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

const checkinKey = (id: number) => [...eventKey(id), 'checkin'] as const;

/** The door's list: those coming or waiting who match the search, checked in or not. */
export function useCheckinList(id: number, q: string) {
  return useQuery({
    queryKey: [...checkinKey(id), q],
    queryFn: () => call(eventCheckinApi.checkinList, { params: { eventId: id }, query: { q } }),
    placeholderData: keepPreviousData,
  });
}

/** Marks someone there or not; the lists and the report's count of check-ins follow. */
export function useCheckIn(id: number) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: ({ personId, present }: { personId: number; present: boolean }) =>
      call(eventCheckinApi.checkin, { params: { eventId: id, personId }, body: { present } }),
    onSuccess: async (attendee) => {
      // The tapped row shows its state at once; the counts come back with the refetch.
      client.setQueriesData<CheckinList>(
        { queryKey: checkinKey(id) },
        (list) =>
          list && {
            ...list,
            items: list.items.map((item) =>
              item.personId === attendee.personId ? attendee : item,
            ),
          },
      );
      await Promise.all(
        (['checkin', 'attendees', 'report'] as const).map((part) =>
          client.invalidateQueries({ queryKey: [...eventKey(id), part] }),
        ),
      );
    },
  });
}

export function useAddWalkIn(id: number) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (body: WalkInInput) =>
      call(eventCheckinApi.walkIn, { params: { eventId: id }, body }),
    onSuccess: () => client.invalidateQueries({ queryKey: eventKey(id) }),
  });
}

export function useMessageAttendees(id: number) {
  return useMutation({
    mutationFn: (body: EventMessageInput) =>
      call(eventsApi.message, { params: { eventId: id }, body }),
  });
}

export function useEventReport(id: number) {
  return useQuery({
    queryKey: [...eventKey(id), 'report'],
    queryFn: () => call(eventCheckinApi.report, { params: { eventId: id } }),
  });
}

export function useSaveEventReport(id: number) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (body: EventReportInput) =>
      call(eventCheckinApi.saveReport, { params: { eventId: id }, body }),
    onSuccess: (state) => client.setQueryData([...eventKey(id), 'report'], state),
  });
}

/** A committee's figures, for its managers' dashboard. */
export function useCommitteeStats(committeeId: number) {
  return useQuery({
    queryKey: ['events', 'committee', committeeId, 'stats'],
    queryFn: () => call(eventCheckinApi.committeeStats, { params: { committeeId } }),
  });
}

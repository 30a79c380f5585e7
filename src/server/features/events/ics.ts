import { createEvents, type EventAttributes } from 'ics';
import type { Event, EventSummary } from '../../../contracts/events.ts';

/** An event as a calendar entry: times in UTC, its page as the URL, a stable UID. */
function entry(
  event: EventSummary & Partial<Pick<Event, 'onlineUrl'>>,
  publicUrl: string,
  description: string,
  tentative: boolean,
): EventAttributes {
  const host = new URL(publicUrl).host;
  return {
    uid: `event-${event.id}@${host}`,
    start: Date.parse(event.startsAt),
    end: Date.parse(event.endsAt),
    startInputType: 'utc',
    startOutputType: 'utc',
    endInputType: 'utc',
    endOutputType: 'utc',
    title: event.title,
    description,
    location: event.place?.label ?? event.onlineUrl ?? undefined,
    url: `${publicUrl}/events/${event.id}`,
    status: event.status === 'cancelled' ? 'CANCELLED' : tentative ? 'TENTATIVE' : 'CONFIRMED',
    productId: 'levier',
  };
}

/**
 * An iCalendar file (RFC 5545) of one event or a feed of several; `tentative` for a place
 * not yet held (the waiting list).
 */
export function calendar(
  events: Array<{
    event: EventSummary & Partial<Pick<Event, 'onlineUrl'>>;
    description: string;
    tentative?: boolean;
  }>,
  publicUrl: string,
  name: string,
): string {
  const { error, value } = createEvents(
    events.map(({ event, description, tentative }) =>
      entry(event, publicUrl, description, tentative ?? false),
    ),
    { calName: name, productId: 'levier' },
  );
  if (error || !value) throw error ?? new Error('calendar not built');
  return value;
}

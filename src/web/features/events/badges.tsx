import { Badge } from '@mantine/core';
import type { z } from 'zod';
import type { eventStatusSchema, rsvpStatusSchema } from '../../../contracts/events.ts';
import { useT } from '../../core/i18n/index.tsx';

type EventStatus = z.infer<typeof eventStatusSchema>;
type RsvpStatus = z.infer<typeof rsvpStatusSchema>;

const rsvpColors: Record<RsvpStatus, string> = {
  going: 'teal',
  waitlist: 'orange',
  pending: 'gray',
  cancelled: 'red',
};

export function RsvpBadge({ status }: { status: RsvpStatus }) {
  const t = useT();
  return (
    <Badge color={rsvpColors[status]} variant="light">
      {t(`events.rsvp.${status}`)}
    </Badge>
  );
}

/** An event's state when it is not simply upcoming: cancelled, unpublished or past. */
export function EventStatusBadge({ status, endsAt }: { status: EventStatus; endsAt: string }) {
  const t = useT();
  if (status !== 'published') {
    return (
      <Badge color={status === 'cancelled' ? 'red' : 'orange'} variant="outline">
        {t(`events.status.${status}`)}
      </Badge>
    );
  }
  if (Date.parse(endsAt) < Date.now()) {
    return (
      <Badge color="gray" variant="outline">
        {t('events.past')}
      </Badge>
    );
  }
  return null;
}

import type { Event } from '../../../../contracts/events.ts';
import type { AppContext } from '../../../core/context.ts';
import type { Viewer } from '../../../core/http/viewer.ts';
import { eventDetail } from '../../events/service.ts';

/**
 * How the field feature reads an event: as those who manage events see it, whatever its
 * visibility (members, private, unpublished). The routes that call this have admitted the
 * caller already (the event's managers, or staff with `field.manage`, who may not hold
 * `events.manage` and so would not see a private event through `eventDetail` as themselves).
 * The events feature offers no other reader of an event by id; nobody is person 0, so no
 * membership or answer is read for this viewer.
 */
const AS_EVENT_MANAGER: Viewer = { personId: 0, permissions: ['events.manage'] };

export const sessionEvent = (ctx: AppContext, eventId: number): Promise<Event> =>
  eventDetail(ctx, eventId, AS_EVENT_MANAGER);

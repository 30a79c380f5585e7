import type { EventSummary } from '../../../../contracts/events.ts';
import type { AppContext } from '../../../core/context.ts';
import { notFound } from '../../../core/http/errors.ts';
import { eventsByIds } from '../../events/service.ts';

/**
 * A door-to-door session as the field feature reads it: whatever its visibility, the routes
 * that call this having admitted the caller already (the event's managers, or staff with
 * `field.manage`).
 */
export async function sessionEvent(ctx: AppContext, eventId: number): Promise<EventSummary> {
  const [event] = await eventsByIds(ctx, [eventId]);
  if (!event) throw notFound('event');
  return event;
}

import { z } from 'zod';
import { daySchema } from './common.ts';
import { eventIdParamsSchema, eventStatusSchema, eventTypeSchema } from './events.ts';
import { turfSchema } from './field-turfs.ts';

/**
 * Door-to-door in the organisers' hands: the turfs a door-to-door session (an event) carries,
 * and the turfs HQ gave a committee, which its organisers hand to members for dates.
 */

/** A turf as an event's page lists it: its size and progress, never its addresses or volunteers. */
export const eventTurfSchema = turfSchema.pick({
  id: true,
  areaId: true,
  name: true,
  committeeId: true,
  committeeName: true,
  startsOn: true,
  endsOn: true,
  addressCount: true,
  visited: true,
});
export type EventTurf = z.infer<typeof eventTurfSchema>;

export const eventTurfsSchema = z.object({
  items: z.array(eventTurfSchema),
  /** Doors of the turfs carried, together. */
  doors: z.number().int(),
  /**
   * Whether the caller may attach any turf of the campaign (staff with `field.manage`), or
   * only those given to the event's committee.
   */
  anyTurf: z.boolean(),
});
export type EventTurfs = z.infer<typeof eventTurfsSchema>;

/** The turfs one may attach to the session, searched by name (50 at most). */
export const turfChoicesQuerySchema = z.object({
  q: z.string().trim().max(120, 'too_long').default(''),
});
export const turfChoicesSchema = z.object({ items: z.array(eventTurfSchema) });

export const eventTurfParamsSchema = eventIdParamsSchema.extend({
  turfId: z.coerce.number().int().min(1),
});

/** A door-to-door session that carries a turf, for HQ's turf drawer. */
export const turfEventSchema = z.object({
  id: z.number().int(),
  type: eventTypeSchema,
  title: z.string(),
  startsAt: z.iso.datetime(),
  endsAt: z.iso.datetime(),
  status: eventStatusSchema,
  committeeId: z.number().int().nullable(),
  committeeName: z.string().nullable(),
  going: z.number().int(),
});
export type TurfEvent = z.infer<typeof turfEventSchema>;
export const turfEventsSchema = z.object({ items: z.array(turfEventSchema) });

export const committeeTurfParamsSchema = z.object({
  committeeId: z.coerce.number().int().min(1),
  turfId: z.coerce.number().int().min(1),
});

export const committeeTurfListSchema = z.object({ items: z.array(turfSchema) });

/**
 * What a committee's organisers change on one of its turfs: dates and volunteers (members of
 * the committee). Neither its name nor its committee: a key other than these is refused.
 */
export const committeeTurfUpdateSchema = z.strictObject({
  startsOn: daySchema.nullable().optional(),
  endsOn: daySchema.nullable().optional(),
  /** The volunteers it is given to (replaces the list). */
  volunteerIds: z.array(z.number().int().positive()).max(50, 'too_many').optional(),
});
export type CommitteeTurfUpdate = z.input<typeof committeeTurfUpdateSchema>;

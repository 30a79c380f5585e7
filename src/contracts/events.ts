import { z } from 'zod';
import { placeSchema } from './places.ts';

export const eventTypeSchema = z.enum([
  'meeting',
  'public_meeting',
  'door_to_door',
  'leaflet_drop',
  'phone_bank',
  'other',
]);
export type EventType = z.infer<typeof eventTypeSchema>;
/** Public campaigning, which the pre-election silence (Code électoral L49) stops. */
export const PROPAGANDA_EVENT_TYPES: readonly EventType[] = [
  'public_meeting',
  'door_to_door',
  'leaflet_drop',
  'phone_bank',
];

/** `public`: listed and open to all; `members`: the committee's members; `private`: by link. */
export const eventVisibilitySchema = z.enum(['public', 'members', 'private']);
export type EventVisibility = z.infer<typeof eventVisibilitySchema>;

export const eventStatusSchema = z.enum(['published', 'cancelled', 'unpublished']);

const placeInput = z.object({
  communeCode: z.string().trim().max(5, 'too_long').optional(),
  postalCode: z.string().trim().max(10, 'too_long').optional(),
  communeName: z.string().trim().max(100, 'too_long').optional(),
  street: z.string().trim().max(200, 'too_long').optional(),
});

export const eventInputSchema = z
  .object({
    type: eventTypeSchema,
    title: z.string().trim().min(3, 'too_short').max(150, 'too_long'),
    description: z.string().trim().max(10_000, 'too_long').default(''),
    startsAt: z.iso.datetime({ offset: true, message: 'invalid_date' }),
    endsAt: z.iso.datetime({ offset: true, message: 'invalid_date' }),
    /** Where: a place, or an online link (or both). */
    place: placeInput.optional(),
    onlineUrl: z
      .url({ protocol: /^https?$/, message: 'invalid_url' })
      .max(500, 'too_long')
      .optional(),
    capacity: z.number().int().min(1).max(100_000).nullable().default(null),
    visibility: eventVisibilitySchema.default('public'),
  })
  .refine((e) => Date.parse(e.endsAt) > Date.parse(e.startsAt), {
    message: 'ends_before_start',
    path: ['endsAt'],
  })
  .refine((e) => !!(e.place?.postalCode || e.place?.communeCode || e.onlineUrl), {
    message: 'required',
    path: ['place', 'postalCode'],
  });
export type EventInput = z.input<typeof eventInputSchema>;

export const eventSummarySchema = z.object({
  id: z.number().int(),
  type: eventTypeSchema,
  title: z.string(),
  startsAt: z.iso.datetime(),
  endsAt: z.iso.datetime(),
  place: placeSchema.nullable(),
  online: z.boolean(),
  committeeId: z.number().int().nullable(),
  committeeName: z.string().nullable(),
  going: z.number().int(),
  capacity: z.number().int().nullable(),
  status: eventStatusSchema,
  distanceKm: z.number().nullable(),
});
export type EventSummary = z.infer<typeof eventSummarySchema>;

export const rsvpStatusSchema = z.enum(['going', 'waitlist', 'pending', 'cancelled']);

export const eventSchema = eventSummarySchema.extend({
  descriptionHtml: z.string(),
  visibility: eventVisibilitySchema,
  onlineUrl: z.string().nullable(),
  waitlist: z.number().int(),
  /** The private link's key, for its managers only. */
  privateKey: z.string().nullable(),
  myRsvp: z.object({ status: rsvpStatusSchema, guests: z.number().int() }).nullable(),
});
export type Event = z.infer<typeof eventSchema>;

export const eventListQuerySchema = z.object({
  lat: z.coerce.number().min(-90).max(90).optional(),
  lng: z.coerce.number().min(-180).max(180).optional(),
  place: z.string().trim().max(10, 'too_long').optional(),
  committeeId: z.coerce.number().int().min(1).optional(),
  type: eventTypeSchema.optional(),
  /** Calendar days (campaign time zone), inclusive; from today by default. */
  from: z.iso.date({ message: 'invalid_date' }).optional(),
  to: z.iso.date({ message: 'invalid_date' }).optional(),
  limit: z.coerce.number().int().min(1).max(100).default(20),
  offset: z.coerce.number().int().min(0).max(10_000).default(0),
});
export type EventListQuery = z.infer<typeof eventListQuerySchema>;
export const eventListSchema = z.object({ items: z.array(eventSummarySchema), more: z.boolean() });

export const eventIdParamsSchema = z.object({ eventId: z.coerce.number().int().min(1) });
export const eventDetailQuerySchema = z.object({ key: z.string().max(100).optional() });

export const rsvpInputSchema = z.object({ guests: z.number().int().min(0).max(10).default(0) });
export const rsvpSchema = z.object({
  eventId: z.number().int(),
  status: rsvpStatusSchema,
  guests: z.number().int(),
});

export const attendeeSchema = z.object({
  personId: z.number().int(),
  firstName: z.string().nullable(),
  lastName: z.string().nullable(),
  status: rsvpStatusSchema,
  guests: z.number().int(),
  checkedIn: z.boolean(),
  at: z.iso.datetime(),
});
export const attendeesSchema = z.array(attendeeSchema);

export const rsvpTokenSchema = z.object({ token: z.string().min(10).max(200) });

/** An event with what its form was given (Markdown, postal code, address), for its managers. */
export const eventForEditSchema = eventSchema.extend({
  description: z.string(),
  postalCode: z.string().nullable(),
  street: z.string().nullable(),
});
export type EventForEdit = z.infer<typeof eventForEditSchema>;

/** A committee's events as its managers list them: every visibility and status. */
export const committeeEventSchema = eventSummarySchema.extend({
  visibility: eventVisibilitySchema,
});
export const committeeEventsSchema = z.array(committeeEventSchema);

export const myEventSchema = eventSummarySchema.extend({ rsvp: rsvpStatusSchema });
export const myEventsSchema = z.array(myEventSchema);

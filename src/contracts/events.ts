import { z } from 'zod';
import { refuseBadName } from './names.ts';
import { phoneProblem } from './phone.ts';
import { isOrderedView, mapClusterSchema, mapViewShape, orderedViewError } from './maps.ts';
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

/** The events' map view, with the list's filters: a type and calendar days (inclusive). */
export const eventMapQuerySchema = z
  .object({
    ...mapViewShape,
    type: eventTypeSchema.optional(),
    from: z.iso.date({ message: 'invalid_date' }).optional(),
    to: z.iso.date({ message: 'invalid_date' }).optional(),
  })
  .refine(isOrderedView, orderedViewError);
export type EventMapQuery = z.infer<typeof eventMapQuerySchema>;
/** Clusters zoomed out; zoomed in, the events with their start (for the marker's popup). */
export const eventMapAnswerSchema = z.object({
  clusters: z.array(mapClusterSchema),
  markers: z.array(
    z.object({
      id: z.number().int(),
      title: z.string(),
      lat: z.number(),
      lng: z.number(),
      startsAt: z.iso.datetime(),
    }),
  ),
});
export type EventMapAnswer = z.infer<typeof eventMapAnswerSchema>;
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

/**
 * A person's own calendar feed (the events they are going to or waiting for): its secret
 * address, and the same as webcal:// for calendar apps to subscribe to.
 */
export const calendarFeedSchema = z.object({ url: z.string(), webcalUrl: z.string() });
export type CalendarFeed = z.infer<typeof calendarFeedSchema>;

/** Check-in on the day: those coming or waiting who match a search, in phone-sized pages. */
export const checkinQuerySchema = z.object({
  /** Part of a name, an email, a phone number. */
  q: z.string().trim().max(100, 'too_long').default(''),
  limit: z.coerce.number().int().min(1).max(100).default(50),
});

export const checkinAttendeeSchema = z.object({
  personId: z.number().int(),
  firstName: z.string().nullable(),
  lastName: z.string().nullable(),
  status: z.enum(['going', 'waitlist']),
  guests: z.number().int(),
  checkedIn: z.boolean(),
  /** Added at the door rather than answered beforehand. */
  walkIn: z.boolean(),
});
export type CheckinAttendee = z.infer<typeof checkinAttendeeSchema>;

export const checkinListSchema = z.object({
  items: z.array(checkinAttendeeSchema),
  more: z.boolean(),
  /** People coming or waiting (guests apart), and how many of them are checked in. */
  expected: z.number().int(),
  present: z.number().int(),
});
export type CheckinList = z.infer<typeof checkinListSchema>;

export const checkinParamsSchema = eventIdParamsSchema.extend({
  personId: z.coerce.number().int().min(1),
});
export const checkinInputSchema = z.object({ present: z.boolean() });

const metName = z
  .string({ error: 'required' })
  .trim()
  .min(1, 'required')
  .max(100, 'too_long')
  .superRefine(refuseBadName);

/** Someone who came without answering, added at the door: a name, and how to reach them if given. */
export const walkInInputSchema = z.object({
  firstName: metName,
  lastName: metName,
  email: z
    .string()
    .trim()
    .max(254, 'too_long')
    .refine((email) => email === '' || z.regexes.email.test(email), 'invalid_email')
    .default(''),
  phone: z
    .string()
    .trim()
    .max(30, 'too_long')
    .refine((phone) => phoneProblem(phone, false) === null, 'invalid_phone')
    .default(''),
});
export type WalkInInput = z.input<typeof walkInInputSchema>;

export const walkInSchema = z.object({
  /** A new person; false when the email was someone's already (who is left as they were). */
  created: z.boolean(),
  attendee: checkinAttendeeSchema,
});

const figure = (max: number) =>
  z
    .number({ error: 'invalid_number' })
    .int('invalid_number')
    .min(0, 'invalid_number')
    .max(max, 'too_large');

/** The figures and words of an event that took place, as its managers report them. */
export const eventReportInputSchema = z.object({
  attendance: figure(100_000),
  doorsKnocked: figure(1_000_000).default(0),
  conversations: figure(1_000_000).default(0),
  leaflets: figure(1_000_000).default(0),
  calls: figure(1_000_000).default(0),
  /** Plain text. */
  notes: z.string().trim().max(5_000, 'too_long').default(''),
});
export type EventReportInput = z.input<typeof eventReportInputSchema>;

export const eventReportSchema = z.object({
  attendance: z.number().int(),
  doorsKnocked: z.number().int(),
  conversations: z.number().int(),
  leaflets: z.number().int(),
  calls: z.number().int(),
  notes: z.string(),
  reportedBy: z.string().nullable(),
  reportedAt: z.iso.datetime(),
});
export type EventReport = z.infer<typeof eventReportSchema>;

/** An event's report, if written, with what the form starts from. */
export const eventReportStateSchema = z.object({
  /** Reports are written once the event has started. */
  started: z.boolean(),
  /** People checked in, for the attendance a new report starts from. */
  checkedIn: z.number().int(),
  report: eventReportSchema.nullable(),
});
export type EventReportState = z.infer<typeof eventReportStateSchema>;

const reportTotals = z.object({
  reports: z.number().int(),
  attendance: z.number().int(),
  doorsKnocked: z.number().int(),
  conversations: z.number().int(),
  leaflets: z.number().int(),
  calls: z.number().int(),
});

/** A committee's activity for its managers: members month by month, its events and their reports. */
export const committeeStatsSchema = z.object({
  /**
   * The last twelve months (campaign time zone, `YYYY-MM`): how many of the present members and
   * followers had joined by the end of each (those who left are no longer counted).
   */
  months: z.array(
    z.object({ month: z.string(), members: z.number().int(), followers: z.number().int() }),
  ),
  members: z.number().int(),
  followers: z.number().int(),
  /** Published events already started, and those to come. */
  eventsHeld: z.number().int(),
  eventsUpcoming: z.number().int(),
  /** Answers (coming or waiting) to the events held, and the people checked in at them. */
  answers: z.number().int(),
  attendance: z.number().int(),
  /** The sums of the events' reports. */
  reported: reportTotals,
});
export type CommitteeStats = z.infer<typeof committeeStatsSchema>;

/** An organiser's message to those coming (plain text), and how many it went to. */
export const eventMessageInputSchema = z.object({
  subject: z.string().trim().min(1, 'required').max(200, 'too_long'),
  text: z.string().trim().min(1, 'required').max(5_000, 'too_long'),
  /** Those waiting too, or only those with a place. */
  waitlistToo: z.boolean().default(false),
});
export type EventMessageInput = z.input<typeof eventMessageInputSchema>;
export const eventMessageSentSchema = z.object({ recipients: z.number().int() });

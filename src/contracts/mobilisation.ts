import { z } from 'zod';

/**
 * Mobilisation: the actions a supporter can take near them ("Act near me") and their volunteer
 * profile. An action is one of the owning features' things, named by its kind and id:
 * - `turf`: a walkable piece of a target area that has no volunteer yet (field);
 * - `door_session`: a door-to-door session, an event carrying turfs (events, field);
 * - `shift`: a phone bank's shift, an event volunteers sign up for (calling, events);
 * - `event`: another upcoming public event with places left (events);
 * - `share_kit`: a live article to share, with its texts (content); taken anywhere.
 */
export const actionKinds = ['turf', 'door_session', 'shift', 'event', 'share_kit'] as const;
export const actionKindSchema = z.enum(actionKinds);
export type ActionKind = z.infer<typeof actionKindSchema>;

/** Which action: its kind and the owning feature's id. */
export const actionRefSchema = z.object({
  kind: actionKindSchema,
  id: z.coerce.number().int().positive().max(Number.MAX_SAFE_INTEGER),
});
export type ActionRef = z.infer<typeof actionRefSchema>;

/** The kinds a volunteer may prefer (door-to-door covers turfs and sessions). */
export const preferredActions = ['door_to_door', 'phone_bank', 'events', 'sharing'] as const;
export const preferredActionSchema = z.enum(preferredActions);
export type PreferredAction = z.infer<typeof preferredActionSchema>;

/** The preference an action answers. */
export const preferenceOf: Record<ActionKind, PreferredAction> = {
  turf: 'door_to_door',
  door_session: 'door_to_door',
  shift: 'phone_bank',
  event: 'events',
  share_kit: 'sharing',
};

/** Days and parts of the day, as an action's start falls in the campaign's time zone. */
export const dayKinds = ['weekday', 'weekend'] as const;
export const dayParts = ['morning', 'afternoon', 'evening'] as const;
export const dayKindSchema = z.enum(dayKinds);
export const dayPartSchema = z.enum(dayParts);
export type DayKind = z.infer<typeof dayKindSchema>;
export type DayPart = z.infer<typeof dayPartSchema>;

const tag = z
  .string()
  .trim()
  .min(1, 'required')
  .max(40, 'too_long')
  .transform((value) => value.toLowerCase());

/** ISO 639-1 language codes (`fr`, `en`, `ar`…). */
const language = z
  .string()
  .trim()
  .toLowerCase()
  .regex(/^[a-z]{2}$/, 'invalid_language');

export const MAX_TRAVEL_KM = 200;

/** What a volunteer says of themselves; every field optional in effect (empty: no filter). */
export const volunteerProfileInputSchema = z.object({
  days: z.array(dayKindSchema).max(dayKinds.length),
  dayParts: z.array(dayPartSchema).max(dayParts.length),
  driving: z.boolean(),
  languages: z.array(language).max(20),
  skills: z.array(tag).max(20),
  preferredActions: z.array(preferredActionSchema).max(preferredActions.length),
  /** How far they will go, in kilometres; null: no limit given (the feed's default reach). */
  maxTravelKm: z.number().int().min(1).max(MAX_TRAVEL_KM).nullable(),
});
export type VolunteerProfileInput = z.infer<typeof volunteerProfileInputSchema>;

export const volunteerProfileSchema = volunteerProfileInputSchema.extend({
  /** Null: never filled in (the values are the defaults). */
  updatedAt: z.string().nullable(),
});
export type VolunteerProfile = z.infer<typeof volunteerProfileSchema>;

/** An open action as the feed shows it. */
export const feedActionSchema = z.object({
  kind: actionKindSchema,
  id: z.number().int(),
  title: z.string(),
  /** Where, in words (a commune, a place), or null (anywhere: a share kit). */
  placeLabel: z.string().nullable(),
  startsAt: z.string().nullable(),
  endsAt: z.string().nullable(),
  /** Kilometres from the supporter's commune, or null (no place on either side). */
  distanceKm: z.number().nullable(),
  /** How much the campaign needs it, 0 to 1. */
  need: z.number(),
  /** What makes it needed, for the card: doors to knock, places to fill. */
  doors: z.number().int().nullable(),
  placesLeft: z.number().int().nullable(),
  /** It matches the supporter's preferred actions / availability. */
  preferred: z.boolean(),
  available: z.boolean().nullable(),
  /** Already signed up (taken from this feed or elsewhere). */
  taken: z.boolean(),
  /** Where to go to act on it (the event's page, the article). */
  url: z.string().nullable(),
});
export type FeedAction = z.infer<typeof feedActionSchema>;

export const actionFeedSchema = z.object({
  /** The supporter's commune, as the feed reads distances from it; null: none known. */
  origin: z.object({ communeCode: z.string(), label: z.string() }).nullable(),
  /** The reach used, in kilometres (their profile's, else the default). */
  reachKm: z.number(),
  items: z.array(feedActionSchema),
});
export type ActionFeed = z.infer<typeof actionFeedSchema>;

export const actionFeedQuerySchema = z.object({
  limit: z.coerce.number().int().min(1).max(50).default(20),
});

export const takeActionResultSchema = z.object({
  kind: actionKindSchema,
  id: z.number().int(),
  /** signed_up: done now; already: it was done before (nothing changed); waitlist: an event full. */
  status: z.enum(['signed_up', 'already', 'waitlist']),
  url: z.string().nullable(),
});
export type TakeActionResult = z.infer<typeof takeActionResultSchema>;

/** How many open actions a refresh found. */
export const refreshResultSchema = z.object({
  count: z.number().int(),
  /** When the campaign's open actions were last copied whole (this copy, or one made since). */
  refreshedAt: z.string(),
});

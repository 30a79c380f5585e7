import type { ActionRef, DayKind, DayPart } from '../../../contracts/mobilisation.ts';
import type { AppContext } from '../../core/context.ts';
import { localParts, weekdayOf } from '../../core/local-time.ts';
import { shiftEventsAmong } from '../calling/banks/shift-events.ts';
import { articlePath, liveItems } from '../content/service.ts';
import { openEvents, type OpenEvent } from '../events/open-events.ts';
import { sessionDoors, turfsWithoutVolunteers, type TurfWanted } from '../field/volunteer-turfs.ts';
import { copiedWithin, writeActions, type OpenAction } from './store.ts';

/** How many live articles are offered to share, the latest first. */
export const SHARE_KITS = 10;
/** The doors that make a turf as needed as a turf can be. */
const FULL_TURF_DOORS = 200;
/** The people a session or shift without a limit of places is taken to want. */
const UNLIMITED_WANTS = 10;
/** Within this many days, an action becomes urgent (see docs/mobilisation.md). */
const URGENT_DAYS = 30;

const clamp = (value: number) => Math.max(0, Math.min(1, value));

/** 1 when it starts now, 0 when a month or more away; a half when it has no date. */
export function urgency(startsAt: string | null, now = Date.now()): number {
  if (startsAt === null) return 0.5;
  const days = (Date.parse(startsAt) - now) / 86_400_000;
  return clamp(1 - days / URGENT_DAYS);
}

/** How full it is, 0 to 1: going out of capacity, or out of what an unlimited one wants. */
const fullness = (going: number, capacity: number | null) =>
  clamp(going / (capacity ?? UNLIMITED_WANTS));

/** The day kind and part an instant falls in, in the campaign's time zone. */
export function slotOf(at: string, timeZone: string): { dayKind: DayKind; dayPart: DayPart } {
  const parts = localParts(timeZone, Date.parse(at));
  const day = `${parts.year}-${String(parts.month).padStart(2, '0')}-${String(parts.day).padStart(2, '0')}`;
  const dayKind: DayKind = weekdayOf(day) >= 6 ? 'weekend' : 'weekday';
  const dayPart: DayPart = parts.hour < 12 ? 'morning' : parts.hour < 18 ? 'afternoon' : 'evening';
  return { dayKind, dayPart };
}

function fromTurf(turf: TurfWanted): OpenAction {
  const startsAt = turf.startsOn ? `${turf.startsOn}T00:00:00.000Z` : null;
  const base = 0.5 + 0.5 * clamp(turf.doors / FULL_TURF_DOORS);
  return {
    kind: 'turf',
    id: turf.id,
    title: turf.name,
    placeLabel: null,
    communeCode: null,
    lat: turf.lat,
    lng: turf.lng,
    committeeId: turf.committeeId,
    need: 0.7 * base + 0.3 * urgency(startsAt),
    doors: turf.doors,
    placesLeft: null,
    startsAt,
    endsAt: turf.endsOn ? `${turf.endsOn}T23:59:59.000Z` : null,
    dayKind: null,
    dayPart: null,
    url: '/canvass/',
  };
}

function fromEvent(
  ctx: AppContext,
  event: OpenEvent,
  kind: 'door_session' | 'shift' | 'event',
  doors: number | null,
): OpenAction {
  const empty = 1 - fullness(event.going, event.capacity);
  // Sessions and shifts are what the campaign asks for; other events count for less.
  const weight = kind === 'event' ? 0.6 : 1;
  return {
    kind,
    id: event.id,
    title: event.title,
    placeLabel: event.placeLabel,
    communeCode: event.communeCode,
    lat: event.lat,
    lng: event.lng,
    committeeId: event.membersOf,
    need: weight * (0.6 * empty + 0.4 * urgency(event.startsAt)),
    doors,
    placesLeft: event.capacity === null ? null : Math.max(0, event.capacity - event.going),
    startsAt: event.startsAt,
    endsAt: event.endsAt,
    ...slotOf(event.startsAt, ctx.config.CAMPAIGN_TIMEZONE),
    url: `/events/${event.id}`,
  };
}

async function eventActions(ctx: AppContext, ids?: readonly number[]): Promise<OpenAction[]> {
  const events = await openEvents(ctx, ids ? { ids } : {});
  const eventIds = events.map((event) => event.id);
  const sessions = events.filter((event) => event.type === 'door_to_door').map((e) => e.id);
  const [shifts, doors] = await Promise.all([
    shiftEventsAmong(ctx, eventIds),
    sessionDoors(ctx, sessions),
  ]);
  return events.map((event) => {
    if (shifts.has(event.id)) return fromEvent(ctx, event, 'shift', null);
    if (event.type === 'door_to_door') {
      return fromEvent(ctx, event, 'door_session', doors.get(event.id) ?? null);
    }
    return fromEvent(ctx, event, 'event', null);
  });
}

async function shareKits(ctx: AppContext): Promise<OpenAction[]> {
  const { items } = await liveItems(ctx, { offset: 0, limit: SHARE_KITS });
  return items.map((item, index) => ({
    kind: 'share_kit',
    id: Number(item.id),
    title: item.title,
    placeLabel: null,
    communeCode: null,
    lat: null,
    lng: null,
    committeeId: null,
    // The latest article is the one to share.
    need: 0.3 - index * 0.01,
    doors: null,
    placesLeft: null,
    startsAt: null,
    endsAt: null,
    dayKind: null,
    dayPart: null,
    url: articlePath(item.slug),
  }));
}

/**
 * Copies the open actions from the features that own them into `mobilisation_actions`: all of
 * them (the periodic job), or only `refs` (after a sign-up changed their need; a share kit is
 * refreshed with all). An action no longer open (a turf that found volunteers, a full shift)
 * leaves the table.
 */
export async function refreshActions(
  ctx: AppContext,
  refs?: readonly ActionRef[],
): Promise<number> {
  if (!refs) {
    const [turfs, events, kits] = await Promise.all([
      turfsWithoutVolunteers(ctx),
      eventActions(ctx),
      shareKits(ctx),
    ]);
    const actions = [...turfs.map(fromTurf), ...events, ...kits];
    await writeActions(ctx, actions, 'all');
    return actions.length;
  }
  const turfIds = refs.filter((ref) => ref.kind === 'turf').map((ref) => ref.id);
  const eventIds = refs
    .filter((ref) => ref.kind !== 'turf' && ref.kind !== 'share_kit')
    .map((ref) => ref.id);
  const [turfs, events] = await Promise.all([
    turfIds.length ? turfsWithoutVolunteers(ctx, turfIds) : [],
    eventIds.length ? eventActions(ctx, eventIds) : [],
  ]);
  const actions = [...turfs.map(fromTurf), ...events];
  const looked = refs.filter((ref) => ref.kind !== 'share_kit');
  await writeActions(ctx, actions, looked);
  return actions.length;
}

/** How old a whole copy may be for HQ's needs list to use it as it is. */
export const FRESH_SECONDS = 30;

/**
 * Copies every open action again unless a whole copy was made within `seconds` (HQ's needs list:
 * a turf cut half a minute ago is there, and reading the list again and again costs one row).
 * True when it copied.
 */
export async function refreshActionsIfStale(
  ctx: AppContext,
  seconds = FRESH_SECONDS,
): Promise<boolean> {
  if (await copiedWithin(ctx, seconds)) return false;
  await refreshActions(ctx);
  return true;
}

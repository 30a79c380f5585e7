import {
  preferenceOf,
  type ActionFeed,
  type ActionKind,
  type FeedAction,
  type VolunteerProfile,
} from '../../../contracts/mobilisation.ts';
import { actionKinds } from '../../../contracts/mobilisation.ts';
import type { AppContext } from '../../core/context.ts';
import { communeCentres } from '../../core/geo/commune-centres.ts';
import { distanceKm } from '../../core/geo/place.ts';
import { committeesMemberOf } from '../committees/member-of.ts';
import { communeCodeOf } from '../people/directory.ts';
import { formatActionRef, takenAmong } from './actions.ts';
import { volunteerProfile } from './profile.ts';
import { listActions, type OpenAction } from './store.ts';

/** How far the feed looks when the profile says nothing (never filled in). */
export const DEFAULT_REACH_KM = 20;
/**
 * How far a volunteer without a car is taken to go: on foot, by bike or by public transport
 * across a town and its outskirts. Their own maximum distance is capped to it.
 */
export const WITHOUT_CAR_REACH_KM = 10;
/** How far a driver is offered actions when they gave no maximum: rural turfs come in. */
export const DRIVING_REACH_KM = 40;

/**
 * The feed's reach for a profile: a driver's own maximum distance (up to 200 km), else 40 km,
 * so that turfs and sessions in the countryside around, which no one reaches on foot, reach
 * them; a volunteer who filled in their profile without driving is capped to 10 km, whatever
 * maximum they gave; a profile never filled in says nothing of either: 20 km.
 */
export function reachOf(
  profile: Pick<VolunteerProfile, 'driving' | 'maxTravelKm' | 'updatedAt'>,
): number {
  if (profile.driving) return profile.maxTravelKm ?? DRIVING_REACH_KM;
  if (profile.updatedAt === null) return profile.maxTravelKm ?? DEFAULT_REACH_KM;
  return Math.min(profile.maxTravelKm ?? WITHOUT_CAR_REACH_KM, WITHOUT_CAR_REACH_KM);
}
/**
 * The nearest open actions the feed ranks: a fixed number read through the index, so that the
 * feed costs the same with a thousand actions or a hundred thousand.
 */
export const CANDIDATES = 60;
/** Actions without a place (share kits) shown at most. */
const UNPLACED = 3;

/** The weights of the ranking (docs/mobilisation.md). */
export const WEIGHTS = { need: 0.5, nearness: 0.3, available: 0.2 } as const;

/** Whether an action's start suits the profile's availability; null: no time, or not said. */
export function availableFor(
  action: Pick<OpenAction, 'dayKind' | 'dayPart'>,
  profile: Pick<VolunteerProfile, 'days' | 'dayParts'>,
): boolean | null {
  if (action.dayKind === null || action.dayPart === null) return null;
  if (profile.days.length === 0 && profile.dayParts.length === 0) return null;
  return (
    (profile.days.length === 0 || profile.days.includes(action.dayKind)) &&
    (profile.dayParts.length === 0 || profile.dayParts.includes(action.dayPart))
  );
}

/**
 * An action's rank: its need, how near it is within the reach, and whether its time suits
 * (an action at no set time, or a profile that says nothing, counts a half).
 */
export function score(
  need: number,
  distance: number | null,
  reachKm: number,
  available: boolean | null,
) {
  const nearness = distance === null ? 0.5 : Math.max(0, 1 - distance / reachKm);
  const suits = available === null ? 0.5 : available ? 1 : 0;
  return WEIGHTS.need * need + WEIGHTS.nearness * nearness + WEIGHTS.available * suits;
}

/** The kinds the profile's preferred actions admit (all when none is preferred). */
export function kindsFor(profile: Pick<VolunteerProfile, 'preferredActions'>): ActionKind[] {
  if (profile.preferredActions.length === 0) return [...actionKinds];
  return actionKinds.filter((kind) => profile.preferredActions.includes(preferenceOf[kind]));
}

/**
 * "Act near me": the open actions around the supporter's commune, within their reach, of the
 * kinds they prefer, ranked by need, distance and availability, with the share kits after.
 */
export async function actionFeed(
  ctx: AppContext,
  personId: number,
  limit = 20,
): Promise<ActionFeed> {
  const [profile, communeCode, memberOf] = await Promise.all([
    volunteerProfile(ctx, personId),
    communeCodeOf(ctx, personId),
    committeesMemberOf(ctx, personId),
  ]);
  const centre = communeCode ? communeCentres().get(communeCode) : undefined;
  const reachKm = reachOf(profile);
  const kinds = kindsFor(profile);
  const placedKinds = kinds.filter((kind) => kind !== 'share_kit');
  const [placed, unplaced] = await Promise.all([
    centre && placedKinds.length > 0
      ? listActions(ctx, {
          kinds: placedKinds,
          near: { lat: centre.lat, lng: centre.lng, km: reachKm },
          memberOf,
          limit: CANDIDATES,
        })
      : [],
    kinds.includes('share_kit')
      ? listActions(ctx, { kinds: ['share_kit'], unplaced: true, memberOf, limit: UNPLACED })
      : [],
  ]);
  const near = placed
    .map((action) => ({
      action,
      distance:
        centre && action.lat !== null && action.lng !== null
          ? distanceKm(centre, { lat: action.lat, lng: action.lng })
          : null,
    }))
    // The box holds its corners too: farther than the reach is out.
    .filter(({ distance }) => distance === null || distance <= reachKm);
  const taken = await takenAmong(
    ctx,
    personId,
    [...near.map(({ action }) => action), ...unplaced].map(({ kind, id }) => ({ kind, id })),
  );
  const ranked = near
    .map(({ action, distance }) => {
      const available = availableFor(action, profile);
      return {
        action,
        distance,
        available,
        rank: score(action.need, distance, reachKm, available),
      };
    })
    .sort((a, b) => b.rank - a.rank || a.action.id - b.action.id)
    .slice(0, Math.max(0, limit - Math.min(unplaced.length, UNPLACED)));
  const preferred = (kind: ActionKind) => profile.preferredActions.includes(preferenceOf[kind]);
  const item = (
    action: OpenAction,
    distance: number | null,
    available: boolean | null,
  ): FeedAction => ({
    kind: action.kind,
    id: action.id,
    title: action.title,
    placeLabel: action.placeLabel,
    startsAt: action.startsAt,
    endsAt: action.endsAt,
    distanceKm: distance,
    need: Math.round(action.need * 100) / 100,
    doors: action.doors,
    placesLeft: action.placesLeft,
    preferred: preferred(action.kind),
    available,
    taken: taken.has(formatActionRef(action)),
    url: action.url,
  });
  const commune = communeCode ? ctx.geo.commune(communeCode) : undefined;
  return {
    origin: communeCode && centre ? { communeCode, label: commune?.name ?? communeCode } : null,
    reachKm,
    items: [
      ...ranked.map(({ action, distance, available }) => item(action, distance, available)),
      ...unplaced.map((action) => item(action, null, null)),
    ].slice(0, limit),
  };
}

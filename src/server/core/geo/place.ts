import { sql, type SQL } from 'drizzle-orm';
import type { Place } from '../../../contracts/places.ts';
import type { AppContext } from '../context.ts';
import { badRequest } from '../http/errors.ts';

export interface PlaceInput {
  communeCode?: string;
  postalCode?: string;
  communeName?: string;
  street?: string;
}

/** A place from what someone typed; refused when it names no French commune. */
export async function placeOf(ctx: AppContext, input: PlaceInput): Promise<Place> {
  const place = await ctx.geocoder.geocode(input);
  if (!place) {
    throw badRequest('unknown_place', 'No French commune has this postal code or INSEE code.', [
      { field: 'place.postalCode', code: 'unknown_place', message: 'Unknown postal code.' },
    ]);
  }
  return place;
}

const EARTH_RADIUS_M = 6_378_137;

/**
 * Web Mercator metres (x, y) of a point: what the `location` column holds, so that the GiST
 * index can order committees by distance to a point.
 */
export function mercator(lat: number, lng: number): [number, number] {
  const clamped = Math.max(-85, Math.min(85, lat));
  return [
    (EARTH_RADIUS_M * lng * Math.PI) / 180,
    EARTH_RADIUS_M * Math.log(Math.tan(Math.PI / 4 + (clamped * Math.PI) / 360)),
  ];
}

/** The great-circle distance in kilometres, one decimal. */
export function distanceKm(a: { lat: number; lng: number }, b: { lat: number; lng: number }) {
  const rad = Math.PI / 180;
  const dLat = (b.lat - a.lat) * rad;
  const dLng = (b.lng - a.lng) * rad;
  const h =
    Math.sin(dLat / 2) ** 2 +
    Math.cos(a.lat * rad) * Math.cos(b.lat * rad) * Math.sin(dLng / 2) ** 2;
  return Math.round(2 * 6371 * Math.asin(Math.sqrt(h)) * 10) / 10;
}

/** The point a search starts from: given, or the centre of a postal code or a commune. */
export async function searchOrigin(
  ctx: AppContext,
  query: { lat?: number; lng?: number; place?: string },
): Promise<{ lat: number; lng: number } | null> {
  if (query.lat !== undefined && query.lng !== undefined) return { lat: query.lat, lng: query.lng };
  const code = query.place?.replace(/\s/g, '').toUpperCase();
  if (!code) return null;
  // People type postal codes: a code that is one (69003, Lyon 3e) is read as one, even when
  // it is also a commune's INSEE code (69003, Albigny-sur-Saône).
  const place = await ctx.geocoder.geocode(
    ctx.geo.isPostalCode(code) ? { postalCode: code } : { communeCode: code },
  );
  if (!place) {
    throw badRequest('unknown_place', 'No commune has this postal or INSEE code.', [
      { field: 'place', code: 'unknown_place', message: 'Unknown postal code or commune.' },
    ]);
  }
  return { lat: place.lat, lng: place.lng };
}

/**
 * What a table holding a place writes: the place, its `location` (Web Mercator, for a GiST
 * index) and its commune's département.
 */
export async function placeColumns(
  ctx: AppContext,
  input: PlaceInput,
): Promise<{ place: Place; location: SQL; departementCode: string | null }> {
  const place = await placeOf(ctx, input);
  const [x, y] = mercator(place.lat, place.lng);
  const commune = place.communeCode ? ctx.geo.commune(place.communeCode) : undefined;
  return {
    place,
    location: sql`point(${x}, ${y})`,
    departementCode: commune?.departementCode ?? null,
  };
}

import type { FastifyBaseLogger } from 'fastify';
import type { Commune } from '../../../contracts/geo.ts';
import { PLACE_PRECISIONS, type Place, type PlacePrecision } from '../../../contracts/places.ts';
import { addressCommuneCodes } from './arrondissements.ts';
import { communeCentres } from './commune-centres.ts';
import type { GeoReference } from './communes.ts';
import type { PlaceRequest, PlaceSource, SourcePlace } from './place-source.ts';
import { parseStreetLine } from './street-line.ts';

/** An address as a form or an import gives it: any part may be missing. */
export interface AddressQuery {
  street?: string | null;
  postalCode?: string | null;
  communeCode?: string | null;
  communeName?: string | null;
}

/** The geocoder port: a place for an address, as precise as the sources allow. */
export interface Geocoder {
  /** Null only when nothing in the query names a French commune or postal code. */
  geocode(query: AddressQuery): Promise<Place | null>;
}

/**
 * From reference data only: the commune's centre (commune-centres.ts), or the centre of the
 * communes a postal code serves when the commune is not known.
 */
export function offlineGeocoder(geo: GeoReference): Geocoder {
  return { geocode: async (query) => Promise.resolve(placeOffline(geo, query)) };
}

/**
 * The commune a query names (by INSEE code, by a postal code serving one commune, or by a
 * postal code and the commune's name), else the communes its postal code serves.
 */
function communesOf(geo: GeoReference, query: AddressQuery) {
  const postal = query.postalCode?.replace(/\s/g, '') ?? '';
  const candidates = postal ? geo.communesByPostalCode(postal) : [];
  const commune =
    (query.communeCode ? geo.commune(query.communeCode) : undefined) ??
    (candidates.length === 1 ? candidates[0] : undefined) ??
    candidates.find((c) => sameName(c.name, query.communeName));
  return { postal, commune, candidates };
}

function placeOffline(geo: GeoReference, query: AddressQuery): Place | null {
  const centres = communeCentres();
  const { postal, commune, candidates } = communesOf(geo, query);
  if (commune) {
    const centre = centres.get(commune.code);
    if (!centre) return null;
    return {
      lat: centre.lat,
      lng: centre.lng,
      precision: centre.precision,
      label: [postal || geo.postalCodesOf(commune.code)[0], commune.name].filter(Boolean).join(' '),
      communeCode: commune.code,
    };
  }
  const points = candidates.flatMap((c) => centres.get(c.code) ?? []);
  if (points.length === 0) return null;
  return {
    lat: points.reduce((s, p) => s + p.lat, 0) / points.length,
    lng: points.reduce((s, p) => s + p.lng, 0) / points.length,
    precision: 'postal_code',
    label: postal,
    communeCode: null,
  };
}

const fold = (name: string) =>
  name
    .normalize('NFD')
    .replace(/\p{M}/gu, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '');
const sameName = (a: string, b?: string | null) => !!b && fold(a) === fold(b);

/** What the national address API answers (a GeoJSON FeatureCollection, best first). */
interface AddressApiAnswer {
  features?: Array<{
    geometry?: { coordinates?: [number, number] };
    properties?: { type?: string; score?: number; label?: string; citycode?: string };
  }>;
}

const PRECISION_OF_TYPE: Record<string, PlacePrecision> = {
  housenumber: 'address',
  street: 'street',
  locality: 'street',
  municipality: 'commune',
};

/** Below this score the API's best guess is not trusted; the commune's centre is used. */
const MIN_SCORE = 0.5;
const TIMEOUT_MS = 3_000;

/**
 * The national address API (`GET {url}/search/?q=…&limit=1`, filtered by postal code): an
 * address or a street when it finds one with confidence, otherwise (or when it cannot be
 * reached) the offline answer. Only the address typed is sent, never who it belongs to.
 */
export function addressApiGeocoder(
  url: string,
  fallback: Geocoder,
  log: FastifyBaseLogger,
): Geocoder {
  const base = url.replace(/\/$/, '');
  return {
    async geocode(query) {
      const offline = await fallback.geocode(query);
      if (!query.street?.trim()) return offline;
      const search = new URLSearchParams({
        q: [query.street, query.postalCode, query.communeName].filter(Boolean).join(' '),
        limit: '1',
      });
      const postal = query.postalCode?.replace(/\s/g, '');
      if (postal && /^\d{5}$/.test(postal)) search.set('postcode', postal);
      try {
        const response = await fetch(`${base}/search/?${search}`, {
          signal: AbortSignal.timeout(TIMEOUT_MS),
        });
        if (!response.ok) throw new Error(`the address API answered ${response.status}`);
        const best = ((await response.json()) as AddressApiAnswer).features?.[0];
        const [lng, lat] = best?.geometry?.coordinates ?? [];
        const precision = PRECISION_OF_TYPE[best?.properties?.type ?? ''];
        const score = best?.properties?.score ?? 0;
        if (lat === undefined || lng === undefined || !precision || score < MIN_SCORE) {
          return offline;
        }
        return {
          lat,
          lng,
          precision,
          label: best?.properties?.label ?? offline?.label ?? '',
          communeCode: best?.properties?.citycode ?? offline?.communeCode ?? null,
        };
      } catch (error) {
        log.warn({ err: error }, 'address API unreachable: the commune centre is used');
        return offline;
      }
    },
  };
}

/**
 * The context's geocoder: one campaign's. It asks the sources features registered (the field
 * feature's imported addresses) first, for this campaign only: an address they place is the
 * answer; a street or a commune they place is kept unless reference data or the address API
 * answers more precisely.
 */
export interface CampaignGeocoder extends Geocoder {
  readonly campaignId: number;
  /** The same geocoder and sources, for another campaign's places (`forCampaign` of context.ts). */
  forCampaign(campaignId: number): CampaignGeocoder;
  /** Registers (or replaces) a source by name; every campaign's copy shares it. */
  addSource(name: string, source: PlaceSource): void;
}

export function createGeocoder(
  url: string | undefined,
  geo: GeoReference,
  log: FastifyBaseLogger,
  campaignId: number,
): CampaignGeocoder {
  const offline = offlineGeocoder(geo);
  const reference = url ? addressApiGeocoder(url, offline, log) : offline;
  return campaignGeocoder({ reference, geo, log, sources: new Map() }, campaignId);
}

interface Shared {
  reference: Geocoder;
  geo: GeoReference;
  log: FastifyBaseLogger;
  sources: Map<string, PlaceSource>;
}

const rank = (precision: PlacePrecision) => PLACE_PRECISIONS.indexOf(precision);

function campaignGeocoder(shared: Shared, campaignId: number): CampaignGeocoder {
  return {
    campaignId,
    forCampaign: (id) => campaignGeocoder(shared, id),
    addSource: (name, source) => {
      shared.sources.set(name, source);
    },
    async geocode(query) {
      const known = await fromSources(shared, campaignId, query);
      if (known?.precision === 'address') return known;
      const reference = await shared.reference.geocode(query);
      if (!known) return reference;
      return reference && rank(reference.precision) < rank(known.precision) ? reference : known;
    },
  };
}

async function fromSources(
  { geo, log, sources }: Shared,
  campaignId: number,
  query: AddressQuery,
): Promise<Place | null> {
  if (sources.size === 0) return null;
  const { postal, commune, candidates } = communesOf(geo, query);
  const communes = commune ? [commune] : candidates;
  if (communes.length === 0) return null;
  const request: PlaceRequest = {
    campaignId,
    communes: communes.map((c) => ({
      code: c.code,
      addressCodes: addressCommuneCodes(c.code, postal),
    })),
    postalCode: postal || null,
    street: query.street?.trim() ? parseStreetLine(query.street) : null,
  };
  for (const [name, source] of sources) {
    try {
      const found = await source.place(request);
      const inCommune = found && communes.find((c) => c.code === found.communeCode);
      if (found && inCommune) return sourcePlace(geo, found, inCommune, postal);
    } catch (error) {
      // A source is a refinement: without it the place is the commune's, as before.
      log.warn({ err: error, source: name }, 'place source failed: reference data is used');
    }
  }
  return null;
}

function sourcePlace(
  geo: GeoReference,
  found: SourcePlace,
  commune: Commune,
  postal: string,
): Place {
  const postalCode = found.postalCode || postal || geo.postalCodesOf(commune.code)[0];
  const town = [postalCode, commune.name].filter(Boolean).join(' ');
  return {
    lat: found.lat,
    lng: found.lng,
    precision: found.precision,
    label: found.streetLabel ? `${found.streetLabel}, ${town}` : town,
    communeCode: commune.code,
  };
}

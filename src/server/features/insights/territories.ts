import { sql } from 'drizzle-orm';
import {
  contactKindSchema,
  contactKinds,
  type ImpactMap,
  type KindCounts,
  type TerritoriesQuery,
  type TerritoryImpact,
  type TerritoryList,
} from '../../../contracts/insights.ts';
import type { AppContext } from '../../core/context.ts';
import { runSql } from '../../core/db/statement.ts';
import { communeCentres } from '../../core/geo/commune-centres.ts';
import { geoReference } from '../../core/geo/communes.ts';
import {
  stationPoints,
  targetedStationMargins,
  type StationMargin,
} from '../field/impact-reads.ts';
import { targetingOf } from '../field/targeting/service.ts';
import { currentEffects } from './effects.ts';
import { freshness } from './impact.ts';
import { conversationsNeeded, emptyCounts, estimate } from './model.ts';

/*
 * Contacts and estimated votes by polling station, commune or constituency, against the margin
 * of the election field's targeting chose. Reads the aggregate by kind and territory (its size
 * grows with territories, not contacts) and the stations' results.
 */

interface Accumulator {
  id: string;
  name: string;
  communeCode: string | null;
  constituencyCode: string | null;
  byKind: KindCounts;
  communeOnly: number;
  results: { registered: number; expressed: number; ours: number; others: Map<string, number> };
  hasResults: boolean;
  points: Array<{ lat: number; lng: number; by: 'reu' | 'addresses' | 'commune' }>;
}

const stationCode = (stationId: string) => stationId.split('_')[1] ?? stationId;

/** The territories of one level with their contacts, votes and margins, ordered and ranked. */
export async function impactTerritories(
  ctx: AppContext,
  query: TerritoriesQuery,
): Promise<TerritoryList> {
  const filter = query.commune
    ? sql`AND commune_code = ${query.commune}`
    : query.departement
      ? sql`AND left(commune_code, ${query.departement.length}) = ${query.departement}`
      : sql``;
  // A commune's stations are summed here: one row per kind, and one more for its contacts
  // placed on no station.
  const station =
    query.level === 'commune'
      ? sql`CASE WHEN station_id = '' THEN '' ELSE '*' END`
      : sql`station_id`;
  const [places, margins, effects, fresh] = await Promise.all([
    runSql<{ kind: string; commune_code: string; station_id: string; contacts: number }>(
      ctx.database,
      sql`SELECT kind, commune_code, ${station} AS station_id, sum(contacts)::float8 AS contacts
            FROM insights_contact_places WHERE campaign_id = ${ctx.campaignId} ${filter}
           GROUP BY kind, commune_code, ${station}`,
    ),
    stationMargins(ctx, { departement: query.departement, commune: query.commune }),
    currentEffects(ctx),
    freshness(ctx),
  ]);
  const level = query.level;
  const stations = new Map(margins.stations.map((s) => [s.stationId, s]));
  const communeConstituencies = new Map<string, Set<string>>();
  const communeNames = new Map<string, string>();
  for (const s of margins.stations) {
    communeNames.set(s.communeCode, s.communeName);
    if (!s.constituencyCode) continue;
    const set = communeConstituencies.get(s.communeCode) ?? new Set<string>();
    set.add(s.constituencyCode);
    communeConstituencies.set(s.communeCode, set);
  }
  const geo = geoReference();
  const centres = communeCentres();
  const communeName = (code: string) => communeNames.get(code) ?? geo.commune(code)?.name ?? code;
  const onlyConstituency = (commune: string) => {
    const set = communeConstituencies.get(commune);
    return set?.size === 1 ? [...set][0] : null;
  };

  /** The territory of a station, or of a commune's unmatched contacts, at this level. */
  const keyOf = (communeCode: string, stationId: string): string | null => {
    if (level === 'station') return stationId || null;
    if (level === 'commune') return communeCode || null;
    if (stationId)
      return stations.get(stationId)?.constituencyCode ?? onlyConstituency(communeCode);
    return communeCode ? onlyConstituency(communeCode) : null;
  };

  const territories = new Map<string, Accumulator>();
  const territory = (id: string, communeCode: string, stationId: string): Accumulator => {
    let found = territories.get(id);
    if (found) return found;
    const station = stationId ? stations.get(stationId) : undefined;
    found = {
      id,
      name:
        level === 'station'
          ? `${communeName(communeCode)} ${stationCode(stationId)}`
          : level === 'commune'
            ? communeName(communeCode)
            : id,
      communeCode: level === 'constituency' ? null : communeCode || null,
      constituencyCode:
        level === 'constituency'
          ? id
          : (station?.constituencyCode ?? (communeCode ? onlyConstituency(communeCode) : null)),
      byKind: emptyCounts(),
      communeOnly: 0,
      results: { registered: 0, expressed: 0, ours: 0, others: new Map() },
      hasResults: false,
      points: [],
    };
    territories.set(id, found);
    return found;
  };

  for (const s of margins.stations) {
    const key = keyOf(s.communeCode, s.stationId);
    if (!key) continue;
    addResults(territory(key, s.communeCode, s.stationId), s);
  }
  let notPlacedAtLevel = 0;
  for (const row of places) {
    const kind = contactKindSchema.safeParse(row.kind);
    if (!kind.success) continue;
    const contacts = Number(row.contacts);
    const key = keyOf(row.commune_code, row.station_id);
    if (!key) {
      notPlacedAtLevel += contacts;
      continue;
    }
    const t = territory(key, row.commune_code, row.station_id);
    t.byKind[kind.data] += contacts;
    if (!row.station_id) t.communeOnly += contacts;
  }

  // Points: a station's REU point, else its commune's centre; a commune's centre; a
  // constituency's mean of its communes' centres.
  const unplacedStations = [...territories.values()]
    .filter((t) => level === 'station' && !stations.get(t.id)?.lat)
    .map((t) => t.id);
  const extraPoints = await stationPoints(ctx, unplacedStations);
  for (const t of territories.values()) {
    if (level === 'station') {
      const s = stations.get(t.id);
      const point =
        s?.lat != null && s.lng != null ? { lat: s.lat, lng: s.lng } : extraPoints.get(t.id);
      if (point) t.points.push({ ...point, by: 'reu' });
    }
    if (t.points.length === 0) {
      const communes =
        level === 'constituency'
          ? [...communeConstituencies].filter(([, set]) => set.has(t.id)).map(([code]) => code)
          : t.communeCode
            ? [t.communeCode]
            : [];
      for (const code of communes) {
        const centre = centres.get(code);
        if (centre) t.points.push({ lat: centre.lat, lng: centre.lng, by: 'commune' });
      }
    }
  }

  const items: TerritoryImpact[] = [...territories.values()].map((t) => {
    const votes = estimate(t.byKind, effects);
    const bestOther = Math.max(0, ...t.results.others.values());
    const margin =
      t.hasResults && margins.electionId !== null
        ? {
            electionId: margins.electionId,
            registered: t.results.registered,
            expressed: t.results.expressed,
            ours: t.results.ours,
            bestOther,
            margin: t.results.ours - bestOther,
          }
        : null;
    const point = meanPoint(t.points);
    return {
      level,
      id: t.id,
      name: t.name,
      communeCode: t.communeCode,
      constituencyCode: t.constituencyCode,
      contacts: contactKinds.reduce((sum, k) => sum + t.byKind[k], 0),
      byKind: t.byKind,
      communeOnly: t.communeOnly,
      votes,
      margin,
      contactsNeeded: margin
        ? conversationsNeeded(margin.margin, votes.total.central, effects)
        : null,
      rank: 1,
      lat: point?.lat ?? null,
      lng: point?.lng ?? null,
      placedBy: point?.by ?? null,
    };
  });
  items.sort(ORDERS[query.sort]);
  items.forEach((item, index) => (item.rank = index + 1));
  return {
    level,
    electionId: margins.electionId,
    items: items.slice(0, query.limit),
    truncated: items.length > query.limit,
    notPlacedAtLevel,
    freshness: fresh,
  };
}

type Margins = Awaited<ReturnType<typeof targetedStationMargins>>;
const MARGINS_TTL_MS = 60_000;
const marginsCache = new WeakMap<object, Map<string, { at: number; margins: Margins }>>();

/**
 * The stations' margins in the targeted election, kept a minute per database, campaign,
 * targeting and filter: past results change only when an election is imported, and reading
 * them is the dashboard's costliest part (every station of the country).
 */
async function stationMargins(
  ctx: AppContext,
  filter: { departement?: string; commune?: string },
): Promise<Margins> {
  const targeting = await targetingOf(ctx);
  const key = JSON.stringify([ctx.campaignId, targeting.electionId, targeting.choice, filter]);
  let cache = marginsCache.get(ctx.database);
  if (!cache) marginsCache.set(ctx.database, (cache = new Map()));
  const hit = cache.get(key);
  if (hit && Date.now() - hit.at < MARGINS_TTL_MS) return hit.margins;
  const margins = await targetedStationMargins(ctx, filter, targeting);
  if (cache.size > 100) cache.clear();
  cache.set(key, { at: Date.now(), margins });
  return margins;
}

function addResults(t: Accumulator, s: StationMargin) {
  t.hasResults = true;
  t.results.registered += s.registered;
  t.results.expressed += s.expressed;
  t.results.ours += s.ours;
  for (const [rival, votes] of Object.entries(s.others)) {
    t.results.others.set(rival, (t.results.others.get(rival) ?? 0) + Number(votes));
  }
}

function meanPoint(points: Accumulator['points']) {
  if (points.length === 0) return null;
  const lat = points.reduce((sum, p) => sum + p.lat, 0) / points.length;
  const lng = points.reduce((sum, p) => sum + p.lng, 0) / points.length;
  return { lat, lng, by: points[0].by };
}

type Order = (a: TerritoryImpact, b: TerritoryImpact) => number;

/**
 * `short`: first the territories whose margin the central estimate does not cover yet, fewest
 * conversations needed first (where a little more work decides most); then those covered,
 * closest margin first; then those without a margin, most contacts first.
 */
const shortGroup = (t: TerritoryImpact) =>
  t.contactsNeeded === null ? 2 : t.contactsNeeded > 0 ? 0 : 1;
const absMargin = (t: TerritoryImpact) =>
  t.margin ? Math.abs(t.margin.margin) : Number.POSITIVE_INFINITY;
const byId: Order = (a, b) => a.id.localeCompare(b.id);

const ORDERS: Record<TerritoriesQuery['sort'], Order> = {
  short: (a, b) =>
    shortGroup(a) - shortGroup(b) ||
    (shortGroup(a) === 0 ? a.contactsNeeded! - b.contactsNeeded! : 0) ||
    (shortGroup(a) === 1 ? absMargin(a) - absMargin(b) : 0) ||
    b.contacts - a.contacts ||
    byId(a, b),
  contacts: (a, b) => b.contacts - a.contacts || byId(a, b),
  margin: (a, b) => absMargin(a) - absMargin(b) || byId(a, b),
  votes: (a, b) => b.votes.total.central - a.votes.total.central || byId(a, b),
};

/** The same territories as GeoJSON points ([lng, lat]); those without a point are counted. */
export async function impactMap(ctx: AppContext, query: TerritoriesQuery): Promise<ImpactMap> {
  const list = await impactTerritories(ctx, query);
  const placed = list.items.filter((t) => t.lat !== null && t.lng !== null);
  return {
    type: 'FeatureCollection',
    features: placed.map((t) => ({
      type: 'Feature',
      geometry: { type: 'Point', coordinates: [t.lng!, t.lat!] },
      properties: t,
    })),
    truncated: list.truncated,
    withoutPoint: list.items.length - placed.length,
  };
}

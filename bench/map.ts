/**
 * Events in a map's view, at two counts, on PostgreSQL:
 *   npm run bench -- map [--small 500] [--large 50000] [--queries 5000]
 * Seeds each count of upcoming public events over real communes (weighted by population, as
 * campaigns are) in its own database, puts them on the map's cells, then asks the map service
 * for a country view (metropolitan France, zoom 5), the same view filtered by one type (each
 * type has its own cells) and for city views (zoom 12 around random towns), alternating
 * between the databases. The cost must not grow with the count: p99 at the
 * large count ≤ 1.5 × p99 at the small one, at each zoom; no answer above 500 markers.
 */
import { sql } from 'drizzle-orm';
import { mkdirSync, writeFileSync } from 'node:fs';
import { parseArgs } from 'node:util';
import { mapViewQuerySchema } from '../src/contracts/maps.ts';
import { loadConfig } from '../src/server/core/config.ts';
import type { AppContext } from '../src/server/core/context.ts';
import { runSql } from '../src/server/core/db/statement.ts';
import { communeCentres } from '../src/server/core/geo/commune-centres.ts';
import { geoReference } from '../src/server/core/geo/communes.ts';
import { mercator } from '../src/server/core/geo/place.ts';
import { closeContext, createContext } from '../src/server/core/runtime.ts';
import { eventTypeSchema } from '../src/contracts/events.ts';
import { eventsMap, putEventsOnMap } from '../src/server/features/events/map.ts';
import { freshDatabase } from './lib/pg.ts';

const { values } = parseArgs({
  options: {
    small: { type: 'string', default: '500' },
    large: { type: 'string', default: '50000' },
    queries: { type: 'string', default: '5000' },
  },
});
const sizes = [Number(values.small), Number(values.large)];
const EVENT_TYPES = [...eventTypeSchema.options];
const queries = Number(values.queries);

function random(seed: number) {
  let state = seed;
  return () => {
    state = (state * 1_103_515_245 + 12_345) % 2_147_483_648;
    return state / 2_147_483_648;
  };
}

const centres = communeCentres();
const towns = geoReference()
  .allCommunes()
  .filter((c) => !c.departementCode.startsWith('97') && (c.population ?? 0) > 0)
  .map((c) => ({ ...centres.get(c.code)!, weight: c.population ?? 1 }));
const totalWeight = towns.reduce((sum, t) => sum + t.weight, 0);
const pickTown = (next: () => number) => {
  let left = next() * totalWeight;
  for (const town of towns) if ((left -= town.weight) <= 0) return town;
  return towns[towns.length - 1]!;
};

async function seed(ctx: AppContext, count: number) {
  const next = random(count);
  const lat: number[] = [];
  const lng: number[] = [];
  for (let i = 0; i < count; i++) {
    const town = pickTown(next);
    lat.push(town.lat + (next() - 0.5) * 0.04);
    lng.push(town.lng + (next() - 0.5) * 0.04);
  }
  const xy = lat.map((la, i) => mercator(la, lng[i]!));
  const rows = await runSql<{ id: number }>(
    ctx.database,
    sql`INSERT INTO events (campaign_id, type, title, starts_at, ends_at, lat, lng, location, precision,
                            place_label, private_key)
        SELECT ${ctx.campaignId}, (${EVENT_TYPES}::text[])[1 + i % ${EVENT_TYPES.length}], 'Action ' || i,
               now() + (i % 30) * interval '1 day', now() + (i % 30) * interval '1 day' + interval '2 hours',
               la, ln, point(x, y), 'commune', 'Commune', 'k' || i
          FROM unnest(${lat}::float8[], ${lng}::float8[], ${xy.map((p) => p[0])}::float8[],
                      ${xy.map((p) => p[1])}::float8[]) WITH ORDINALITY AS s(la, ln, x, y, i)
        RETURNING id`,
  );
  await putEventsOnMap(
    ctx.database,
    ctx.campaignId,
    rows.map((r) => Number(r.id)),
  );
  await ctx.database.exec('ANALYZE');
}

const percentile = (sorted: number[], p: number) =>
  sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))]!;

const databases = await Promise.all(sizes.map((size) => freshDatabase(`levier_bench_map_${size}`)));
const contexts: AppContext[] = [];
try {
  for (const [i, size] of sizes.entries()) {
    const ctx = await createContext(
      loadConfig({ DATABASE_URL: databases[i]!.url, LOG_LEVEL: 'silent' }),
    );
    contexts.push(ctx);
    const t0 = performance.now();
    await seed(ctx, size);
    console.log(
      `seeded ${size.toLocaleString('en')} events on the map in ${Math.round(performance.now() - t0)} ms`,
    );
  }
  const ask = random(11);
  const country = mapViewQuerySchema.parse({
    west: -5.5,
    south: 41,
    east: 10,
    north: 51.5,
    zoom: 5,
  });
  const countryByType = { ...country, type: 'door_to_door' as const };
  const cities = Array.from({ length: queries }, () => {
    const town = pickTown(ask);
    // A 1,280 × 800 screen at zoom 12: 0.088° of longitude per 256 pixels.
    return mapViewQuerySchema.parse({
      west: town.lng - 0.22,
      east: town.lng + 0.22,
      south: town.lat - 0.1,
      north: town.lat + 0.1,
      zoom: 12,
    });
  });
  for (const ctx of contexts) for (const view of cities.slice(0, 100)) await eventsMap(ctx, view);
  const views = ['country', 'country, one type', 'city'] as const;
  const times = Object.fromEntries(
    views.map((v) => [v, sizes.map(() => [] as number[])]),
  ) as Record<(typeof views)[number], number[][]>;
  let largest = 0;
  for (const view of cities) {
    for (const [zoom, v] of [
      ['country', country],
      ['country, one type', countryByType],
      ['city', view],
    ] as const) {
      for (const [i, ctx] of contexts.entries()) {
        const t0 = performance.now();
        const answer = await eventsMap(ctx, v);
        times[zoom][i]!.push(performance.now() - t0);
        largest = Math.max(largest, answer.clusters.length + answer.markers.length);
      }
    }
  }
  const rows = views.flatMap((zoom) =>
    sizes.map((size, i) => {
      const sorted = [...times[zoom][i]!].sort((a, b) => a - b);
      return {
        view: zoom,
        events: size,
        p50ms: +percentile(sorted, 50).toFixed(2),
        p99ms: +percentile(sorted, 99).toFixed(2),
      };
    }),
  );
  console.table(rows);
  const ratios = Object.fromEntries(
    views.map((v, i) => [v, rows[2 * i + 1]!.p99ms / rows[2 * i]!.p99ms]),
  );
  console.log(
    `ratio p99 at ${sizes[1]} / at ${sizes[0]}: ${views.map((v) => `${v} ${ratios[v]!.toFixed(2)}`).join(', ')} (target ≤ 1.5); most markers and clusters in one answer: ${largest} (≤ 500)`,
  );
  mkdirSync(new URL('./results/', import.meta.url), { recursive: true });
  writeFileSync(
    new URL('./results/map.json', import.meta.url),
    JSON.stringify({ date: new Date().toISOString(), queries, rows, ratios, largest }, null, 2),
  );
} finally {
  for (const ctx of contexts) await closeContext(ctx);
  for (const db of databases) await db.drop();
}

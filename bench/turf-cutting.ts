/**
 * Turf cutting, no database:
 *   npm run bench -- turf-cutting [--small 10000] [--large 100000] [--runs 5] [--seed 1]
 * Draws a synthetic town at each size (field/turfs/synthetic-town.ts: a street grid, avenues,
 * winding streets, impasses, hamlets; the same for the same seed), times cutTurfs on each
 * after a warm-up, the sizes alternating, and reports the medians (wall clock and CPU time)
 * and their ratio. Then measures the turfs of cutTurfs against those of a plain k-means of
 * the same addresses (k = round(n / 70)) with turfQuality: share of turfs within 60–80
 * addresses, share of streets split across turfs, and the walk per turf (nearest neighbour
 * + 2-opt). Targets: time at the large size ≤ 12 × time at the small one (10× the
 * addresses); mean walk per turf ≤ 1.1 × k-means's, at each size; no street of ≤ 80
 * addresses split.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { parseArgs } from 'node:util';
import { cutTurfs } from '../src/server/features/field/turfs/cut.ts';
import { kMeansTurfs } from '../src/server/features/field/turfs/kmeans.ts';
import { turfQuality, type TurfQuality } from '../src/server/features/field/turfs/quality.ts';
import { syntheticTown } from '../src/server/features/field/turfs/synthetic-town.ts';
import type { Turf, TurfAddress } from '../src/server/features/field/turfs/types.ts';

const { values } = parseArgs({
  options: {
    small: { type: 'string', default: '10000' },
    large: { type: 'string', default: '100000' },
    runs: { type: 'string', default: '5' },
    seed: { type: 'string', default: '1' },
  },
});
const sizes = [Number(values.small), Number(values.large)];
const runs = Number(values.runs);
const seed = Number(values.seed);
const BOUNDS = { minSize: 60, maxSize: 80 };
const TIME_RATIO_TARGET = 12;
const WALK_RATIO_TARGET = 1.1;

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
const pass = (ok: boolean) => (ok ? 'PASS' : 'FAIL');
const percent = (share: number) => `${(share * 100).toFixed(1)}%`;
const rounded = (xs: number[]) => xs.map((x) => Math.round(x)).join(' / ');

/** Wall-clock and CPU time of a run (CPU time drifts less with other work on the machine). */
function timed<T>(run: () => T): { result: T; ms: number; cpuMs: number } {
  const cpu = process.cpuUsage();
  const start = performance.now();
  const result = run();
  const ms = performance.now() - start;
  const used = process.cpuUsage(cpu);
  return { result, ms, cpuMs: (used.user + used.system) / 1000 };
}

const towns = new Map<number, TurfAddress[]>();
for (const n of sizes) {
  const { result, ms } = timed(() => syntheticTown(n, seed));
  towns.set(n, result);
  const streets = new Set(result.map((a) => a.streetKey)).size;
  console.log(`town of ${n} addresses, ${streets} street keys (${Math.round(ms)} ms to draw)`);
}

// Warm-up (JIT), then the sizes alternate so that drift on a shared machine hits both.
for (const n of sizes) cutTurfs(towns.get(n)!, BOUNDS);
cutTurfs(towns.get(sizes[0])!, BOUNDS);
const wall = new Map<number, number[]>(sizes.map((n) => [n, []]));
const cpu = new Map<number, number[]>(sizes.map((n) => [n, []]));
const levier = new Map<number, Turf[]>();
for (let r = 0; r < runs; r++) {
  for (const n of sizes) {
    const { result, ms, cpuMs } = timed(() => cutTurfs(towns.get(n)!, BOUNDS));
    wall.get(n)!.push(ms);
    cpu.get(n)!.push(cpuMs);
    levier.set(n, result);
  }
}
const [small, large] = sizes;
const wallRatio = median(wall.get(large)!) / median(wall.get(small)!);
const cpuRatio = median(cpu.get(large)!) / median(cpu.get(small)!);
console.log('\ncutTurfs, ms per run:');
console.table(
  sizes.map((n) => ({
    addresses: n,
    'wall clock': rounded(wall.get(n)!),
    'median wall': Math.round(median(wall.get(n)!)),
    CPU: rounded(cpu.get(n)!),
    'median CPU': Math.round(median(cpu.get(n)!)),
  })),
);

interface Row {
  addresses: number;
  algorithm: string;
  ms: number;
  quality: TurfQuality;
}
const rows: Row[] = [];
for (const n of sizes) {
  const town = towns.get(n)!;
  rows.push({
    addresses: n,
    algorithm: 'Levier',
    ms: median(wall.get(n)!),
    quality: turfQuality(town, levier.get(n)!, BOUNDS),
  });
  const kMeans = timed(() => kMeansTurfs(town, Math.round(n / 70), { seed }));
  rows.push({
    addresses: n,
    algorithm: 'k-means',
    ms: kMeans.ms,
    quality: turfQuality(town, kMeans.result, BOUNDS),
  });
}
console.log('\nQuality (turfQuality, the same code for both):');
console.table(
  rows.map(({ addresses, algorithm, ms, quality: q }) => ({
    addresses,
    algorithm,
    ms: Math.round(ms),
    turfs: q.turfCount,
    'sizes min/med/max': `${q.sizes.min} / ${q.sizes.median} / ${q.sizes.max}`,
    'within 60–80': percent(q.withinBoundsShare),
    'streets split': percent(q.streets.splitShare),
    'streets ≤ 80 split': percent(q.streets.shortSplitShare),
    'walk mean m': Math.round(q.walking.meanMetres),
    'median m': Math.round(q.walking.medianMetres),
    'p90 m': Math.round(q.walking.p90Metres),
    'm / address': +q.walking.metresPerAddress.toFixed(2),
  })),
);

const checks: Array<{ check: string; value: string; target: string; result: string }> = [
  {
    check: `time ${large} / ${small}, wall clock`,
    value: wallRatio.toFixed(2),
    target: `≤ ${TIME_RATIO_TARGET}`,
    result: pass(wallRatio <= TIME_RATIO_TARGET),
  },
  {
    check: `time ${large} / ${small}, CPU`,
    value: cpuRatio.toFixed(2),
    target: `≤ ${TIME_RATIO_TARGET}`,
    result: pass(cpuRatio <= TIME_RATIO_TARGET),
  },
];
const walkRatios: Record<number, { perTurf: number; perAddress: number }> = {};
for (const n of sizes) {
  const [ours, reference] = rows.filter((r) => r.addresses === n).map((r) => r.quality);
  const perTurf = ours.walking.meanMetres / reference.walking.meanMetres;
  const perAddress = ours.walking.metresPerAddress / reference.walking.metresPerAddress;
  walkRatios[n] = { perTurf, perAddress };
  checks.push(
    {
      check: `walk per turf, Levier / k-means, ${n}`,
      value: perTurf.toFixed(3),
      target: `≤ ${WALK_RATIO_TARGET}`,
      result: pass(perTurf <= WALK_RATIO_TARGET),
    },
    {
      check: `walk per address, Levier / k-means, ${n}`,
      value: perAddress.toFixed(3),
      target: '(reported)',
      result: '',
    },
    {
      check: `streets of ≤ 80 addresses split, ${n}`,
      value: percent(ours.streets.shortSplitShare),
      target: '0%',
      result: pass(ours.streets.shortSplitShare === 0),
    },
  );
}
console.log('\nTargets:');
console.table(checks);

mkdirSync(new URL('./results/', import.meta.url), { recursive: true });
writeFileSync(
  new URL('./results/turf-cutting.json', import.meta.url),
  JSON.stringify(
    {
      date: new Date().toISOString(),
      seed,
      runs,
      bounds: BOUNDS,
      wallMs: Object.fromEntries(sizes.map((n) => [n, wall.get(n)!])),
      cpuMs: Object.fromEntries(sizes.map((n) => [n, cpu.get(n)!])),
      wallRatio,
      cpuRatio,
      walkRatios,
      quality: rows.map(({ addresses, algorithm, ms, quality }) => ({
        addresses,
        algorithm,
        ms,
        ...quality,
        walking: { ...quality.walking, perTurf: undefined },
      })),
      checks,
    },
    null,
    2,
  ),
);

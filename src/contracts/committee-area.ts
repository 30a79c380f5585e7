import { z } from 'zod';

/**
 * A committee's area, where its door-to-door and mobilisation happen: its own commune (the
 * default), a list of communes, or a polygon drawn on a map (GeoJSON, longitude then latitude).
 */
export const areaKindSchema = z.enum(['commune', 'communes', 'polygon']);
export type AreaKind = z.infer<typeof areaKindSchema>;

export const AREA_COMMUNES_MAX = 200;
/** A closed ring repeats its first corner last: 4 positions make a triangle. */
export const AREA_VERTICES_MIN = 4;
export const AREA_VERTICES_MAX = 2000;

export type Position = [number, number];

const positionSchema = z.tuple([
  z.number().min(-180, 'out_of_range').max(180, 'out_of_range'),
  z.number().min(-90, 'out_of_range').max(90, 'out_of_range'),
]);

/** Why a ring is refused, as a stable code; null when it is a simple closed ring. */
export type RingProblem = 'polygon_not_closed' | 'polygon_vertices' | 'polygon_self_intersecting';

const samePosition = (a: Position, b: Position) => a[0] === b[0] && a[1] === b[1];

/** The ring without a corner repeated right after itself (a double click leaves one). */
export function withoutRepeats(ring: readonly Position[]): Position[] {
  return ring.filter((p, i) => i === 0 || !samePosition(p, ring[i - 1]!));
}

/** >0 counter-clockwise, <0 clockwise, 0 when the three are in a line. */
const orientation = (a: Position, b: Position, c: Position) =>
  (b[0] - a[0]) * (c[1] - a[1]) - (b[1] - a[1]) * (c[0] - a[0]);

const onSegment = (a: Position, b: Position, p: Position) =>
  Math.min(a[0], b[0]) <= p[0] &&
  p[0] <= Math.max(a[0], b[0]) &&
  Math.min(a[1], b[1]) <= p[1] &&
  p[1] <= Math.max(a[1], b[1]);

/** Whether segments ab and cd share a point (touching counts). */
function segmentsMeet(a: Position, b: Position, c: Position, d: Position): boolean {
  const o1 = Math.sign(orientation(a, b, c));
  const o2 = Math.sign(orientation(a, b, d));
  const o3 = Math.sign(orientation(c, d, a));
  const o4 = Math.sign(orientation(c, d, b));
  if (o1 !== o2 && o3 !== o4) return true;
  return (
    (o1 === 0 && onSegment(a, b, c)) ||
    (o2 === 0 && onSegment(a, b, d)) ||
    (o3 === 0 && onSegment(c, d, a)) ||
    (o4 === 0 && onSegment(c, d, b))
  );
}

/**
 * Whether two edges of a closed ring cross or touch, other than neighbours at their shared
 * corner. Every pair is tested: at most 2,000 corners make 2 million cheap tests (a few
 * milliseconds), so a sweep line and a geometry dependency would buy nothing here.
 */
export function selfIntersects(ring: readonly Position[]): boolean {
  const edges = ring.length - 1;
  for (let i = 0; i < edges; i++) {
    const a = ring[i]!;
    const b = ring[i + 1]!;
    for (let j = i + 1; j < edges; j++) {
      const c = ring[j]!;
      const d = ring[j + 1]!;
      const neighbours = j === i + 1 || (i === 0 && j === edges - 1);
      if (neighbours) {
        // Neighbours share a corner; they meet again only when one folds back along the other.
        const [p, shared, q] = j === i + 1 ? [a, b, d] : [b, a, c];
        const sameWay =
          (p[0] - shared[0]) * (q[0] - shared[0]) + (p[1] - shared[1]) * (q[1] - shared[1]) > 0;
        if (orientation(p, shared, q) === 0 && sameWay) return true;
        continue;
      }
      if (segmentsMeet(a, b, c, d)) return true;
    }
  }
  return false;
}

/** The first problem of a ring (as drawn, repeats removed), or null. */
export function ringProblem(ring: readonly Position[]): RingProblem | null {
  if (ring.length < 2 || !samePosition(ring[0]!, ring[ring.length - 1]!)) {
    return 'polygon_not_closed';
  }
  const cleaned = withoutRepeats(ring);
  if (cleaned.length < AREA_VERTICES_MIN || cleaned.length > AREA_VERTICES_MAX) {
    return 'polygon_vertices';
  }
  if (selfIntersects(cleaned)) return 'polygon_self_intersecting';
  return null;
}

const EARTH_RADIUS_M = 6_378_137;

/**
 * The area of a ring on the sphere in km² (the method of Chamberlain and Duquette, 2007, the
 * one GeoJSON tools use): what "not larger than a département" is measured in.
 */
export function ringAreaKm2(ring: readonly Position[]): number {
  const rad = Math.PI / 180;
  let total = 0;
  for (let i = 0; i < ring.length - 1; i++) {
    const [lng1, lat1] = ring[i]!;
    const [lng2, lat2] = ring[i + 1]!;
    total += (lng2 - lng1) * rad * (2 + Math.sin(lat1 * rad) + Math.sin(lat2 * rad));
  }
  return Math.abs((total * EARTH_RADIUS_M * EARTH_RADIUS_M) / 2) / 1_000_000;
}

/** A GeoJSON Polygon of one ring (no holes), checked as the server will check it. */
export const areaPolygonSchema = z
  .object({
    type: z.literal('Polygon'),
    coordinates: z
      .array(z.array(positionSchema).max(AREA_VERTICES_MAX * 2, 'polygon_vertices'))
      .min(1, 'required')
      .max(1, 'polygon_holes'),
  })
  .superRefine((polygon, issues) => {
    // Refinements run after issues that do not abort parsing: look only at a well-formed ring.
    const ring: unknown = polygon.coordinates[0];
    const wellFormed =
      Array.isArray(ring) &&
      ring.every((p) => Array.isArray(p) && p.length === 2 && p.every((n) => Number.isFinite(n)));
    if (!wellFormed) return;
    const problem = ringProblem(ring as Position[]);
    if (problem) issues.addIssue({ code: 'custom', message: problem, path: ['coordinates'] });
  });
export type AreaPolygon = z.infer<typeof areaPolygonSchema>;

const INSEE_CODE = /^(\d{2}|2A|2B)\d{3}$/;

export const areaInputSchema = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('commune') }),
  z.object({
    kind: z.literal('communes'),
    communes: z
      .array(z.string().trim().toUpperCase().regex(INSEE_CODE, 'invalid_commune_code'))
      .min(1, 'required')
      .max(AREA_COMMUNES_MAX, 'too_many_communes')
      .transform((codes) => [...new Set(codes)]),
  }),
  z.object({ kind: z.literal('polygon'), polygon: areaPolygonSchema }),
]);
export type AreaInput = z.input<typeof areaInputSchema>;

export const areaCommuneSchema = z.object({
  code: z.string(),
  name: z.string(),
  departementCode: z.string(),
  /** Its centre (docs/places.md), for orientation on a map. */
  lat: z.number(),
  lng: z.number(),
});
export type AreaCommune = z.infer<typeof areaCommuneSchema>;

export const committeeAreaSchema = z.object({
  kind: areaKindSchema,
  /** `commune`: the committee's own (none when its place knows no commune); `communes`: those chosen. */
  communes: z.array(areaCommuneSchema),
  polygon: z
    .object({ type: z.literal('Polygon'), coordinates: z.array(z.array(z.array(z.number()))) })
    .nullable(),
  /** The drawn area, in km². */
  areaKm2: z.number().nullable(),
  /** The committee's place: a drawn area is "around" it. */
  around: z.string(),
  /** When it was last set; null while it is the commune by default. */
  updatedAt: z.iso.datetime().nullable(),
});
export type CommitteeArea = z.infer<typeof committeeAreaSchema>;

/** For its organisers: the area, the limits the server applies and towns to find one's way. */
export const committeeAreaForEditSchema = committeeAreaSchema.extend({
  limits: z.object({
    communes: z.number().int(),
    vertices: z.number().int(),
    areaKm2: z.number(),
  }),
  /** Towns near the committee's place, for orientation on a map without tiles. */
  landmarks: z.array(z.object({ name: z.string(), lat: z.number(), lng: z.number() })),
});
export type CommitteeAreaForEdit = z.infer<typeof committeeAreaForEditSchema>;

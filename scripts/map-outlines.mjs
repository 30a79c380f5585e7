// Writes src/web/site/france-outlines.json, the built-in basemap's outlines (see
// docs/places.md): the world's land from Natural Earth 1:110m (world-atlas's land-110m.json,
// TopoJSON) and France's départements from Natural Earth 1:10m admin-1 (GeoJSON), both public
// domain, simplified and rounded so the file stays small.
//   node scripts/map-outlines.mjs <land-110m.json> <ne_10m_admin_1_states_provinces.geojson>
import { readFileSync, writeFileSync } from 'node:fs';

const [landPath, admin1Path] = process.argv.slice(2);
if (!landPath || !admin1Path) {
  console.error('usage: node scripts/map-outlines.mjs <land-110m.json> <admin-1.geojson>');
  process.exit(1);
}

/** TopoJSON's quantized, delta-encoded arcs to rings of degrees. */
function topologyRings(topology) {
  const [sx, sy] = topology.transform.scale;
  const [tx, ty] = topology.transform.translate;
  const arcs = topology.arcs.map((arc) => {
    let x = 0;
    let y = 0;
    return arc.map(([dx, dy]) => {
      x += dx;
      y += dy;
      return [x * sx + tx, y * sy + ty];
    });
  });
  const arcOf = (i) => (i >= 0 ? arcs[i] : [...arcs[~i]].reverse());
  const ring = (indexes) => indexes.flatMap((i, k) => (k === 0 ? arcOf(i) : arcOf(i).slice(1)));
  const polygons = [];
  for (const geometry of Object.values(topology.objects).flatMap((o) => o.geometries ?? [o])) {
    if (geometry.type === 'Polygon') polygons.push(geometry.arcs.map(ring));
    if (geometry.type === 'MultiPolygon') polygons.push(...geometry.arcs.map((p) => p.map(ring)));
  }
  return polygons;
}

/** Douglas–Peucker on a ring, then rounded; rings that vanish are dropped. */
function simplify(points, tolerance, digits) {
  if (points.length <= 4) return points;
  const keep = new Uint8Array(points.length);
  keep[0] = keep[points.length - 1] = 1;
  const stack = [[0, points.length - 1]];
  while (stack.length > 0) {
    const [first, last] = stack.pop();
    const [ax, ay] = points[first];
    const [bx, by] = points[last];
    const length = Math.hypot(bx - ax, by - ay);
    let worst = -1;
    let index = -1;
    for (let i = first + 1; i < last; i++) {
      const [px, py] = points[i];
      // A closed ring's ends are one point: then the distance to it.
      const distance =
        length === 0
          ? Math.hypot(px - ax, py - ay)
          : Math.abs((bx - ax) * (ay - py) - (ax - px) * (by - ay)) / length;
      if (distance > worst) {
        worst = distance;
        index = i;
      }
    }
    if (worst > tolerance) {
      keep[index] = 1;
      stack.push([first, index], [index, last]);
    }
  }
  const factor = 10 ** digits;
  const round = (v) => Math.round(v * factor) / factor;
  const out = [];
  points.forEach(([x, y], i) => {
    if (!keep[i]) return;
    const point = [round(x), round(y)];
    const previous = out[out.length - 1];
    if (!previous || previous[0] !== point[0] || previous[1] !== point[1]) out.push(point);
  });
  return out;
}

/** A polygon simplified: none when its outer ring vanishes, without the holes that do. */
const polygon = ([outer, ...holes], tolerance, digits) => {
  const shell = simplify(outer, tolerance, digits);
  if (shell.length < 4) return [];
  return [shell, ...holes.map((r) => simplify(r, tolerance, digits)).filter((r) => r.length >= 4)];
};

const land = topologyRings(JSON.parse(readFileSync(landPath, 'utf8')))
  .map((rings) => polygon(rings, 0.05, 2))
  .filter((p) => p.length > 0);

const admin1 = JSON.parse(readFileSync(admin1Path, 'utf8'));
const departements = admin1.features
  .filter((f) => f.properties.iso_a2 === 'FR' && /^FR-/.test(f.properties.iso_3166_2 ?? ''))
  .map((f) => {
    const polygons =
      f.geometry.type === 'Polygon' ? [f.geometry.coordinates] : f.geometry.coordinates;
    const kept = polygons.map((p) => polygon(p, 0.004, 3)).filter((p) => p.length > 0);
    return {
      type: 'Feature',
      properties: { code: f.properties.iso_3166_2.slice(3) },
      geometry: { type: 'MultiPolygon', coordinates: kept },
    };
  })
  .sort((a, b) => a.properties.code.localeCompare(b.properties.code));

const collection = {
  type: 'FeatureCollection',
  features: [
    {
      type: 'Feature',
      properties: { kind: 'land' },
      geometry: { type: 'MultiPolygon', coordinates: land },
    },
    ...departements.map((f) => ({ ...f, properties: { kind: 'departement', ...f.properties } })),
  ],
};
const out = new URL('../src/web/site/france-outlines.json', import.meta.url);
writeFileSync(out, JSON.stringify(collection));
console.log(`${departements.length} départements, ${land.length} land polygons`);

const EARTH_RADIUS_METRES = 6_371_008.8;
const METRES_PER_DEGREE = (EARTH_RADIUS_METRES * Math.PI) / 180;

/**
 * Coordinates in metres on a local plane: an equirectangular projection around the points'
 * mean longitude and latitude (x east, y north). Over a commune or a constituency (tens of
 * kilometres) its distances are off by well under 1%: the east–west scale is the cosine of the
 * mean latitude, which changes by ~0.2% per 10 km north or south at 45°.
 */
export interface LocalPlane {
  x: Float64Array;
  y: Float64Array;
  toLonLat(x: number, y: number): { lon: number; lat: number };
}

export function projectToLocalPlane(points: readonly { lon: number; lat: number }[]): LocalPlane {
  return projectColumns(
    Float64Array.from(points, (p) => p.lon),
    Float64Array.from(points, (p) => p.lat),
  );
}

/** projectToLocalPlane for coordinates already in columns. */
export function projectColumns(lon: Float64Array, lat: Float64Array): LocalPlane {
  const n = lon.length;
  let lon0 = 0;
  let lat0 = 0;
  for (let i = 0; i < n; i++) {
    lon0 += lon[i];
    lat0 += lat[i];
  }
  lon0 = n ? lon0 / n : 0;
  lat0 = n ? lat0 / n : 0;
  const kx = METRES_PER_DEGREE * Math.cos((lat0 * Math.PI) / 180);
  const ky = METRES_PER_DEGREE;
  const x = new Float64Array(n);
  const y = new Float64Array(n);
  for (let i = 0; i < n; i++) {
    x[i] = (lon[i] - lon0) * kx;
    y[i] = (lat[i] - lat0) * ky;
  }
  return { x, y, toLonLat: (px, py) => ({ lon: lon0 + px / kx, lat: lat0 + py / ky }) };
}

/** The plane's inverse for synthetic data drawn in metres around a given point. */
export function lonLatAround(
  origin: { lon: number; lat: number },
  x: number,
  y: number,
): { lon: number; lat: number } {
  const kx = METRES_PER_DEGREE * Math.cos((origin.lat * Math.PI) / 180);
  return { lon: origin.lon + x / kx, lat: origin.lat + y / METRES_PER_DEGREE };
}

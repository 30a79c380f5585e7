import type { StyleSpecification } from 'maplibre-gl';
import type { FeatureCollection, LineString, Point, Polygon } from 'geojson';
import type { CanvassPack } from '../../../contracts/field-visits.ts';
import { baseStyle } from '../../core/map/baseStyle.ts';

/** The volunteer's position as the `me` source's data (empty when unknown). */
export function positionData(
  position: { lat: number; lng: number } | null,
): FeatureCollection<Point> {
  return {
    type: 'FeatureCollection',
    features: position
      ? [
          {
            type: 'Feature',
            properties: {},
            geometry: { type: 'Point', coordinates: [position.lng, position.lat] },
          },
        ]
      : [],
  };
}

/** The pack's streets as lines (a street of one address draws nothing). */
export function streetsData(pack: Pick<CanvassPack, 'streets'>): FeatureCollection<LineString> {
  return {
    type: 'FeatureCollection',
    features: pack.streets
      .filter((street) => street.line.length >= 2)
      .map((street) => ({
        type: 'Feature',
        properties: { name: street.name },
        geometry: { type: 'LineString', coordinates: street.line },
      })),
  };
}

/** The turf's convex outline, closed, when it has one. */
export function outlineData(pack: Pick<CanvassPack, 'turf'>): FeatureCollection<Polygon> {
  const ring = pack.turf.outline;
  if (ring.length < 3) return { type: 'FeatureCollection', features: [] };
  const [first] = ring;
  const last = ring[ring.length - 1];
  const closed = first[0] === last[0] && first[1] === last[1] ? ring : [...ring, first];
  return {
    type: 'FeatureCollection',
    features: [
      { type: 'Feature', properties: {}, geometry: { type: 'Polygon', coordinates: [closed] } },
    ],
  };
}

/**
 * The app's plain base with the turf drawn from its own data: the outline, the streets as the
 * walk goes, and the volunteer's dot. Addresses are HTML markers on top (see draw.ts).
 */
export function turfStyle(
  pack: Pick<CanvassPack, 'streets' | 'turf'>,
  position: { lat: number; lng: number } | null,
): StyleSpecification {
  const base = baseStyle();
  return {
    ...base,
    sources: {
      ...base.sources,
      outline: { type: 'geojson', data: outlineData(pack) },
      streets: { type: 'geojson', data: streetsData(pack) },
      me: { type: 'geojson', data: positionData(position) },
    },
    layers: [
      ...base.layers,
      {
        id: 'outline-fill',
        type: 'fill',
        source: 'outline',
        paint: { 'fill-color': '#ffffff', 'fill-opacity': 0.7 },
      },
      {
        id: 'outline',
        type: 'line',
        source: 'outline',
        paint: { 'line-color': '#5c6ac4', 'line-width': 2, 'line-dasharray': [2, 2] },
      },
      {
        id: 'streets-casing',
        type: 'line',
        source: 'streets',
        layout: { 'line-cap': 'round', 'line-join': 'round' },
        paint: {
          'line-color': '#9aa5b1',
          'line-width': ['interpolate', ['linear'], ['zoom'], 14, 5, 18, 14],
        },
      },
      {
        id: 'streets',
        type: 'line',
        source: 'streets',
        layout: { 'line-cap': 'round', 'line-join': 'round' },
        paint: {
          'line-color': '#ffffff',
          'line-width': ['interpolate', ['linear'], ['zoom'], 14, 3, 18, 10],
        },
      },
      {
        id: 'me-halo',
        type: 'circle',
        source: 'me',
        paint: { 'circle-radius': 14, 'circle-color': '#1c7ed6', 'circle-opacity': 0.2 },
      },
      {
        id: 'me',
        type: 'circle',
        source: 'me',
        paint: {
          'circle-radius': 7,
          'circle-color': '#1c7ed6',
          'circle-stroke-color': '#ffffff',
          'circle-stroke-width': 2,
        },
      },
    ],
  };
}

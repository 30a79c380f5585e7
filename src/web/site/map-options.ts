// What the public maps decide apart from MapLibre's calls (their style, the API's address,
// clusters and markers), in the map's chunk.
import type { StyleSpecification } from 'maplibre-gl';
import type { MapPanelData, MapTexts } from './map-panel.ts';

/** Metropolitan France and Corsica: the map's first view when nothing was searched. */
export const FRANCE_BOUNDS: [[number, number], [number, number]] = [
  [-5.2, 41.3],
  [9.6, 51.1],
];
/** Around a searched place: its commune and the next ones, as clusters of a few kilometres. */
export const PLACE_ZOOM = 10;
export const MAX_ZOOM = 18;

/**
 * The built-in basemap: a sea, the world's land and France's départements from a file of
 * this build (Natural Earth, public domain), so that nothing is fetched from elsewhere.
 * No glyphs or sprites: the map has no text of its own, the markers are HTML.
 */
export function builtInStyle(outlinesUrl: string, attribution: string): StyleSpecification {
  return {
    version: 8,
    sources: {
      outlines: { type: 'geojson', data: outlinesUrl, attribution },
    },
    layers: [
      { id: 'sea', type: 'background', paint: { 'background-color': '#dce9f2' } },
      {
        id: 'land',
        type: 'fill',
        source: 'outlines',
        filter: ['==', ['get', 'kind'], 'land'],
        paint: { 'fill-color': '#f4f3ef' },
      },
      {
        id: 'france',
        type: 'fill',
        source: 'outlines',
        filter: ['==', ['get', 'kind'], 'departement'],
        paint: { 'fill-color': '#ffffff' },
      },
      {
        id: 'departements',
        type: 'line',
        source: 'outlines',
        filter: ['==', ['get', 'kind'], 'departement'],
        paint: {
          'line-color': '#9aa5b1',
          'line-width': ['interpolate', ['linear'], ['zoom'], 4, 0.4, 9, 1.2],
        },
      },
    ],
  };
}

/** The configured style when there is one, else the built-in outlines. */
export function styleOf(
  panel: Pick<MapPanelData, 'styleUrl' | 'texts'>,
  outlinesUrl: string,
): string | StyleSpecification {
  return panel.styleUrl ?? builtInStyle(outlinesUrl, panel.texts.outlines);
}

export interface View {
  west: number;
  south: number;
  east: number;
  north: number;
  zoom: number;
}

const clamp = (value: number, low: number, high: number) => Math.min(high, Math.max(low, value));
const rounded = (value: number, digits: number) => Number(value.toFixed(digits));

/**
 * The map API's address for a view, the page's filters kept: corners within what the API
 * accepts (a view wider than the world is the world; latitudes within ±85), rounded so that
 * the same view asks the same address.
 */
export function mapQuery(api: string, view: View, base: string): string {
  const url = new URL(api, base);
  const whole = view.east - view.west >= 360;
  const wrap = (lng: number) => ((((lng + 180) % 360) + 360) % 360) - 180;
  let west = whole ? -180 : wrap(view.west);
  let east = whole ? 180 : wrap(view.east);
  // A view across the antimeridian: its larger side, as the API takes one box.
  if (east <= west) {
    if (180 - west >= east + 180) east = 180;
    else west = -180;
  }
  url.searchParams.set('west', String(rounded(west, 5)));
  url.searchParams.set('south', String(rounded(clamp(view.south, -85, 85), 5)));
  url.searchParams.set('east', String(rounded(east, 5)));
  url.searchParams.set('north', String(rounded(clamp(view.north, -85, 85), 5)));
  url.searchParams.set('zoom', String(rounded(clamp(view.zoom, 0, 22), 2)));
  return `${url.pathname}${url.search}`;
}

/** Where a click on a cluster leads: two levels closer (cells a quarter of the size). */
export function clusterZoom(zoom: number): number {
  return Math.min(MAX_ZOOM, zoom + 2);
}

/** A cluster's name: "{count} comités ici : zoomer". */
export function clusterName(texts: MapTexts, count: number, locale: 'fr' | 'en'): string {
  return (count === 1 ? texts.clusterOne : texts.clusterMany).replace(
    '{count}',
    count.toLocaleString(locale === 'en' ? 'en-GB' : 'fr-FR'),
  );
}

/**
 * Pixel offsets for markers on one point (committees placed at their commune's centre share
 * it): around a circle wide enough for `gap` pixels between neighbours (at most 120 px: past
 * that many, some overlap, and the list has them all); none for a point alone.
 */
export function spread<T extends { lat: number; lng: number }>(
  markers: readonly T[],
  gap = 32,
): Map<T, [number, number]> {
  const groups = new Map<string, T[]>();
  for (const marker of markers) {
    const key = `${marker.lat},${marker.lng}`;
    groups.set(key, [...(groups.get(key) ?? []), marker]);
  }
  const offsets = new Map<T, [number, number]>();
  for (const group of groups.values()) {
    group.forEach((marker, i) => {
      if (group.length === 1) return offsets.set(marker, [0, 0]);
      const radius = Math.min(120, gap / 2 / Math.sin(Math.PI / group.length));
      const angle = (2 * Math.PI * i) / group.length - Math.PI / 2;
      offsets.set(marker, [
        Math.round(radius * Math.cos(angle)),
        Math.round(radius * Math.sin(angle)),
      ]);
    });
  }
  return offsets;
}

/** An event's start, in the campaign's time zone and the page's language. */
export function startText(iso: string, timeZone: string, locale: 'fr' | 'en'): string {
  return new Intl.DateTimeFormat(locale === 'en' ? 'en-GB' : 'fr-FR', {
    weekday: 'long',
    day: 'numeric',
    month: 'long',
    hour: '2-digit',
    minute: '2-digit',
    timeZone,
  }).format(new Date(iso));
}

import { describe, expect, it } from 'vitest';
import {
  builtInStyle,
  clusterName,
  clusterZoom,
  mapQuery,
  spread,
  startText,
  styleOf,
} from './map-options.ts';
import { loadsAtOnce, readPanel, type MapTexts } from './map-panel.ts';

const texts: MapTexts = {
  label: 'Carte des comités',
  clusterOne: '{count} comité ici : zoomer',
  clusterMany: '{count} comités ici : zoomer',
  open: 'Voir le comité',
  show: 'Afficher la carte',
  failed: 'La carte n’a pas pu être chargée.',
  zoomIn: 'Zoomer',
  zoomOut: 'Dézoomer',
  resetBearing: 'Nord',
  close: 'Fermer',
  attribution: 'Sources',
  outlines: 'Contours : Natural Earth',
};
const BASE = 'https://levier.example/committees?place=69003';

describe('the map style', () => {
  it('is the configured style when there is one', () => {
    expect(styleOf({ styleUrl: 'https://tiles.example/style.json', texts }, '/o.json')).toBe(
      'https://tiles.example/style.json',
    );
  });

  it('is otherwise built in: the outlines of this build, no glyphs, sprite or tiles', () => {
    const style = styleOf({ styleUrl: null, texts }, 'https://levier.example/assets/o.json');
    expect(style).toEqual(builtInStyle('https://levier.example/assets/o.json', texts.outlines));
    if (typeof style === 'string') throw new Error('a style object was expected');
    expect(style.glyphs).toBeUndefined();
    expect(style.sprite).toBeUndefined();
    expect(Object.values(style.sources)).toEqual([
      {
        type: 'geojson',
        data: 'https://levier.example/assets/o.json',
        attribution: 'Contours : Natural Earth',
      },
    ]);
    // Nothing in it names another address.
    expect(JSON.stringify(style).match(/https?:\/\/[^"]+/g)).toEqual([
      'https://levier.example/assets/o.json',
    ]);
  });
});

describe("the map API's address", () => {
  const view = { west: 2.2, south: 48.8, east: 2.5, north: 48.9, zoom: 11.123456 };

  it("adds the view to the page's filters, rounded", () => {
    expect(mapQuery('/api/events/map?type=door_to_door&from=2027-03-01', view, BASE)).toBe(
      '/api/events/map?type=door_to_door&from=2027-03-01&west=2.2&south=48.8&east=2.5&north=48.9&zoom=11.12',
    );
    expect(
      mapQuery('/api/committees/map', { ...view, west: 2.123456789, zoom: 5 }, BASE),
    ).toContain('west=2.12346&');
  });

  it('keeps within what the API accepts: the world, latitudes within 85°', () => {
    const world = new URL(
      mapQuery(
        '/api/committees/map',
        { west: -400, south: -89, east: 400, north: 89, zoom: 0 },
        BASE,
      ),
      BASE,
    ).searchParams;
    expect(Object.fromEntries(world)).toEqual({
      west: '-180',
      south: '-85',
      east: '180',
      north: '85',
      zoom: '0',
    });
  });

  it('wraps longitudes of a world copy, and takes the larger side across the antimeridian', () => {
    const copy = new URL(
      mapQuery('/api/committees/map', { ...view, west: 362.2, east: 362.5 }, BASE),
      BASE,
    ).searchParams;
    expect([copy.get('west'), copy.get('east')]).toEqual(['2.2', '2.5']);
    // Around Wallis-et-Futuna and New Caledonia (west of 180°, a little east of it).
    const across = new URL(
      mapQuery('/api/committees/map', { ...view, west: 160, east: 185 }, BASE),
      BASE,
    ).searchParams;
    expect([across.get('west'), across.get('east')]).toEqual(['160', '180']);
  });
});

describe('clusters and markers', () => {
  it('zooms two levels into a cluster, up to the street', () => {
    expect(clusterZoom(5)).toBe(7);
    expect(clusterZoom(17.5)).toBe(18);
  });

  it('names a cluster by its count in the page language', () => {
    expect(clusterName(texts, 1, 'fr')).toBe('1 comité ici : zoomer');
    expect(clusterName(texts, 1234, 'fr')).toBe('1\u202f234 comités ici : zoomer');
  });

  it('spreads the markers of one point around it, and leaves a point alone', () => {
    const a = { lat: 45.76, lng: 4.83 };
    const b = { lat: 45.76, lng: 4.83 };
    const c = { lat: 48.85, lng: 2.35 };
    const offsets = spread([a, b, c], 20);
    expect(offsets.get(c)).toEqual([0, 0]);
    expect(offsets.get(a)).toEqual([0, -10]);
    expect(offsets.get(b)).toEqual([0, 10]);
    // Four on one point: a wider circle, 20 px from one to the next.
    const four = spread([a, b, { ...a }, { ...a }], 20);
    const [p, q] = [...four.values()];
    expect(Math.round(Math.hypot(p![0] - q![0], p![1] - q![1]))).toBe(20);
  });

  it("says an event's start in the campaign's time zone", () => {
    expect(startText('2027-03-06T09:30:00Z', 'Europe/Paris', 'fr')).toBe('samedi 6 mars à 10:30');
    expect(startText('2027-03-06T09:30:00Z', 'America/Cayenne', 'en')).toBe(
      'Saturday 6 March at 06:30',
    );
  });
});

describe('the panel', () => {
  const element = (dataset: Record<string, string>) => ({ dataset }) as unknown as HTMLElement;

  it('reads what the server drew', () => {
    expect(
      readPanel(
        element({
          map: 'events',
          mapApi: '/api/events/map?type=meeting',
          mapTexts: JSON.stringify(texts),
          mapCenter: '4.8357,45.7640',
          timeZone: 'Europe/Paris',
        }),
      ),
    ).toEqual({
      kind: 'events',
      api: '/api/events/map?type=meeting',
      texts,
      styleUrl: null,
      center: [4.8357, 45.764],
      timeZone: 'Europe/Paris',
    });
    expect(readPanel(element({ map: 'people', mapApi: '/x', mapTexts: '{}' }))).toBeNull();
    expect(readPanel(element({ map: 'events', mapApi: '/x', mapTexts: '{' }))).toBeNull();
  });

  it('loads the map at once on a wide screen only, never for a visitor saving data', () => {
    expect(loadsAtOnce({ width: 1280, saveData: false, effectiveType: '4g' })).toBe(true);
    expect(loadsAtOnce({ width: 360, saveData: false, effectiveType: '4g' })).toBe(false);
    expect(loadsAtOnce({ width: 1280, saveData: true })).toBe(false);
    expect(loadsAtOnce({ width: 1280, saveData: false, effectiveType: 'slow-2g' })).toBe(false);
    expect(loadsAtOnce({ width: 1280, saveData: false, effectiveType: '3g' })).toBe(false);
  });
});

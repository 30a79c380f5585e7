import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import pino from 'pino';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { communeCentres } from './commune-centres.ts';
import { geoReference } from './communes.ts';
import { addressApiGeocoder, createGeocoder, offlineGeocoder } from './geocoder.ts';
import type { PlaceRequest, PlaceSource, SourcePlace } from './place-source.ts';
import { capturedLog } from '../../testing/captured-log.ts';

const geo = geoReference();
const log = pino({ level: 'silent' });

describe('commune centres', () => {
  it('place every current commune, overseas included, with nothing on the network', () => {
    const centres = communeCentres();
    const communes = geo.allCommunes();
    expect(communes).toHaveLength(34_969);
    const unplaced = communes.filter((c) => !centres.has(c.code)).map((c) => c.code);
    expect(unplaced).toEqual([]);
    const byPrecision = new Map<string, number>();
    for (const c of communes) {
      const precision = centres.get(c.code)!.precision;
      byPrecision.set(precision, (byPrecision.get(precision) ?? 0) + 1);
    }
    // docs/places.md reports these figures: a new GeoNames file changes them a little.
    expect(byPrecision.get('commune')).toBeGreaterThan(8_000);
    expect(byPrecision.get('departement')).toBeLessThan(1_000);
  });

  it('put a commune at its town, and a commune GeoNames lacks near its neighbours', () => {
    const centres = communeCentres();
    const lyon = centres.get('69123')!;
    expect(lyon.precision).toBe('commune');
    expect(lyon.lat).toBeCloseTo(45.75, 1);
    expect(lyon.lng).toBeCloseTo(4.85, 1);
    expect(centres.get('2A004')).toMatchObject({ precision: 'commune' }); // Ajaccio
    expect(centres.get('97502')).toMatchObject({ precision: 'commune' }); // Saint-Pierre
    // Saint-Barthélemy, one commune, which GeoNames calls Gustavia.
    expect(centres.get('97701')).toMatchObject({ precision: 'commune', lat: 17.89618 });
    // A commune nouvelle named after none of its former communes: its EPCI's centre, near by.
    const arboys = centres.get('01015')!;
    expect(arboys.precision).toBe('approximate');
    expect(Math.abs(arboys.lat - 45.72)).toBeLessThan(0.3);
    expect(Math.abs(arboys.lng - 5.65)).toBeLessThan(0.3);
  });
});

describe('offline geocoder', () => {
  const geocoder = offlineGeocoder(geo);

  it('places an address at its commune, found by code, by a postal code or by both', async () => {
    const byCode = await geocoder.geocode({ communeCode: '69123', street: '1 place Bellecour' });
    expect(byCode).toMatchObject({ precision: 'commune', communeCode: '69123' });
    // 01400 serves several communes: the name picks one.
    const byName = await geocoder.geocode({
      postalCode: '01400',
      communeName: 'chatillon sur chalaronne',
    });
    expect(byName).toMatchObject({ communeCode: '01093', precision: 'commune' });
  });

  it('falls back to the centre of a postal code, and to nothing without a place', async () => {
    const postal = await geocoder.geocode({ postalCode: '01400' });
    expect(postal).toMatchObject({ precision: 'postal_code', communeCode: null, label: '01400' });
    expect(await geocoder.geocode({ street: '1 rue de Nulle Part' })).toBeNull();
    expect(await geocoder.geocode({ postalCode: '00000' })).toBeNull();
  });
});

/** A source answering `answer` for every request, keeping what it was asked. */
function fakeSource(answer: (request: PlaceRequest) => SourcePlace | null) {
  const asked: PlaceRequest[] = [];
  const source: PlaceSource = {
    place: async (request) => {
      asked.push(request);
      return Promise.resolve(answer(request));
    },
  };
  return { source, asked };
}

const AVENUE_12_BIS: SourcePlace = {
  lat: 46.205,
  lng: 5.221,
  precision: 'address',
  communeCode: '01053',
  streetLabel: '12 bis Avenue de la République',
  postalCode: '01000',
};

describe('campaign geocoder', () => {
  it('asks the sources first, for its campaign, with the street line read', async () => {
    const geocoder = createGeocoder(undefined, geo, log, 7);
    const { source, asked } = fakeSource(() => AVENUE_12_BIS);
    geocoder.addSource('test', source);
    expect(
      await geocoder.geocode({ postalCode: '01000', street: '12 bis, av. de la République' }),
    ).toEqual({
      lat: 46.205,
      lng: 5.221,
      precision: 'address',
      label: '12 bis Avenue de la République, 01000 Bourg-en-Bresse',
      communeCode: '01053',
    });
    // 01000 serves Bourg-en-Bresse and Saint-Denis-lès-Bourg: both are searched.
    expect(asked).toEqual([
      {
        campaignId: 7,
        communes: [
          { code: '01053', addressCodes: ['01053'] },
          { code: '01344', addressCodes: ['01344'] },
        ],
        postalCode: '01000',
        street: { number: 12, suffix: 'bis', street: 'av. de la République' },
      },
    ]);
    // Another campaign's copy shares the sources and asks for its own campaign.
    await geocoder.forCampaign(8).geocode({ communeCode: '75056', postalCode: '75011' });
    expect(asked[1]).toMatchObject({
      campaignId: 8,
      communes: [{ code: '75056', addressCodes: ['75111'] }],
      street: null,
    });
    expect(geocoder.campaignId).toBe(7);
  });

  it('keeps the reference answer when sources know nothing, fail or answer elsewhere', async () => {
    const { log: watched, lines } = capturedLog();
    const geocoder = createGeocoder(undefined, geo, watched, 1);
    const reference = await offlineGeocoder(geo).geocode({ communeCode: '01053' });
    geocoder.addSource('nothing', fakeSource(() => null).source);
    expect(await geocoder.geocode({ communeCode: '01053' })).toEqual(reference);
    geocoder.addSource(
      'nothing',
      fakeSource(() => ({ ...AVENUE_12_BIS, communeCode: '69123' })).source,
    );
    expect(await geocoder.geocode({ communeCode: '01053' })).toEqual(reference);
    geocoder.addSource('nothing', {
      place: () => Promise.reject(new Error('database gone')),
    });
    expect(await geocoder.geocode({ communeCode: '01053' })).toEqual(reference);
    expect(lines).toContainEqual(
      expect.objectContaining({ level: 40, source: 'nothing', err: expect.anything() }),
    );
    // Nothing in the query names a commune: no source is asked.
    const { source, asked } = fakeSource(() => AVENUE_12_BIS);
    geocoder.addSource('nothing', source);
    expect(await geocoder.geocode({ street: '12 rue de la Paix' })).toBeNull();
    expect(asked).toEqual([]);
  });

  it('labels a street or a commune the sources place', async () => {
    const geocoder = createGeocoder(undefined, geo, log, 1);
    geocoder.addSource(
      'streets',
      fakeSource(({ street }) =>
        street
          ? { ...AVENUE_12_BIS, precision: 'street', streetLabel: 'Avenue de la République' }
          : { ...AVENUE_12_BIS, precision: 'commune', streetLabel: null, postalCode: null },
      ).source,
    );
    expect(
      await geocoder.geocode({ communeCode: '01053', street: 'av de la République' }),
    ).toMatchObject({
      precision: 'street',
      label: 'Avenue de la République, 01000 Bourg-en-Bresse',
    });
    expect(await geocoder.geocode({ communeCode: '01053' })).toMatchObject({
      precision: 'commune',
      lat: 46.205,
      label: '01000 Bourg-en-Bresse',
    });
  });
});

describe('address API geocoder', () => {
  let server: Server;
  let url: string;
  const requests: URL[] = [];
  let answer: { status: number; body: unknown } = { status: 200, body: {} };

  beforeAll(async () => {
    server = createServer((req, res) => {
      requests.push(new URL(req.url!, 'http://x'));
      res.writeHead(answer.status, { 'content-type': 'application/json' });
      res.end(JSON.stringify(answer.body));
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/`;
  });
  afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())));

  const feature = (type: string, score: number) => ({
    type: 'FeatureCollection',
    features: [
      {
        type: 'Feature',
        geometry: { type: 'Point', coordinates: [4.8322, 45.7578] },
        properties: { type, score, label: '1 Place Bellecour 69002 Lyon', citycode: '69123' },
      },
    ],
  });

  it('returns the address it finds, asking only for the address', async () => {
    answer = { status: 200, body: feature('housenumber', 0.93) };
    const geocoder = addressApiGeocoder(url, offlineGeocoder(geo), log);
    const place = await geocoder.geocode({
      street: '1 place Bellecour',
      postalCode: '69002',
      communeName: 'Lyon',
    });
    expect(place).toEqual({
      lat: 45.7578,
      lng: 4.8322,
      precision: 'address',
      label: '1 Place Bellecour 69002 Lyon',
      communeCode: '69123',
    });
    const sent = requests.at(-1)!;
    expect(sent.pathname).toBe('/search/');
    expect(sent.searchParams.get('q')).toBe('1 place Bellecour 69002 Lyon');
    expect(sent.searchParams.get('postcode')).toBe('69002');
  });

  it('keeps the commune centre for a doubtful match, an error or no street', async () => {
    const geocoder = addressApiGeocoder(url, offlineGeocoder(geo), log);
    const query = { street: 'rue inconnue', postalCode: '69002', communeName: 'Lyon' };
    answer = { status: 200, body: feature('street', 0.3) };
    expect(await geocoder.geocode(query)).toMatchObject({
      precision: 'commune',
      communeCode: '69123',
    });
    answer = { status: 503, body: {} };
    expect(await geocoder.geocode(query)).toMatchObject({ precision: 'commune' });
    const before = requests.length;
    expect(await geocoder.geocode({ postalCode: '69002' })).toMatchObject({ precision: 'commune' });
    expect(requests).toHaveLength(before);
  });

  it('is asked when the sources place only a street or a commune, and wins only if nearer', async () => {
    const geocoder = createGeocoder(url, geo, log, 1);
    const street = {
      ...AVENUE_12_BIS,
      precision: 'street' as const,
      streetLabel: 'Place Bellecour',
    };
    const { source } = fakeSource(() => ({ ...street, communeCode: '69123' }));
    geocoder.addSource('streets', source);
    const query = { street: '1 place Bellecour', postalCode: '69002', communeName: 'Lyon' };
    answer = { status: 200, body: feature('housenumber', 0.93) };
    expect(await geocoder.geocode(query)).toMatchObject({ precision: 'address', lat: 45.7578 });
    answer = { status: 200, body: feature('street', 0.93) };
    expect(await geocoder.geocode(query)).toMatchObject({ precision: 'street', lat: 46.205 });
    // An address from the sources: the API is not asked.
    geocoder.addSource(
      'streets',
      fakeSource(() => ({ ...AVENUE_12_BIS, communeCode: '69123' })).source,
    );
    const before = requests.length;
    expect(await geocoder.geocode(query)).toMatchObject({ precision: 'address', lat: 46.205 });
    expect(requests).toHaveLength(before);
  });

  it('keeps the commune centre when the API cannot be reached', async () => {
    const geocoder = addressApiGeocoder('http://127.0.0.1:1/', offlineGeocoder(geo), log);
    const place = await geocoder.geocode({ street: '1 place Bellecour', communeCode: '69123' });
    expect(place).toMatchObject({ precision: 'commune', communeCode: '69123' });
  });
});

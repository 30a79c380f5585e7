import { sql, type SQL } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Committee } from '../../../../contracts/committees.ts';
import type { Event } from '../../../../contracts/events.ts';
import { forCampaign } from '../../../core/context.ts';
import { communeCentres } from '../../../core/geo/commune-centres.ts';
import { addressCommuneCodes } from '../../../core/geo/arrondissements.ts';
import type { AddressQuery } from '../../../core/geo/geocoder.ts';
import {
  createCampaignApp,
  createTestApp,
  engines,
  supporterBrowser,
  type TestApp,
} from '../../../testing/harness.ts';
import { communeMeanSql, streetRowsSql } from './sql.ts';
import { streetNameKey } from './street-key.ts';
import { insertAddresses, street, type TestAddress } from './testing.ts';

const BOURG = { communeCode: '01053', communeName: 'Bourg-en-Bresse', postalCode: '01000' };
const SAINT_DENIS = {
  communeCode: '01344',
  communeName: 'Saint-Denis-lès-Bourg',
  postalCode: '01000',
};

/** Bourg-en-Bresse's Avenue de la République: 1, 2, 3, 12, 12 bis, 14, 20 m apart. */
const AVENUE = street(
  { ...BOURG, streetKey: '01053_0100', streetName: 'Avenue de la République' },
  { lon: 5.22, lat: 46.205 },
  [1, 2, 3, 12, [12, 'bis'], 14],
);
/** Another street whose name ends the same way, 1 km away. */
const RUE = street(
  { ...BOURG, streetKey: '01053_0200', streetName: 'Rue de la République' },
  { lon: 5.232, lat: 46.21 },
  [1, 2, 3, 4],
);
const HUGO = street(
  { ...BOURG, streetKey: '01053_0300', streetName: 'Rue Victor Hugo' },
  { lon: 5.225, lat: 46.2 },
  [1, 3, 5],
);
const GARE = street(
  { ...SAINT_DENIS, streetKey: '01344_0100', streetName: 'Rue de la Gare' },
  { lon: 5.19, lat: 46.2 },
  [1, 2],
);
const OBERKAMPF = street(
  {
    communeCode: '75111',
    communeName: 'Paris',
    postalCode: '75011',
    streetKey: '75111_6910',
    streetName: 'Rue Oberkampf',
  },
  { lon: 2.372, lat: 46.865 },
  [1, 2],
);
/** Only the second campaign imported Ambérieu-en-Bugey. */
const BERARD = street(
  {
    communeCode: '01004',
    communeName: 'Ambérieu-en-Bugey',
    postalCode: '01500',
    streetKey: '01004_0050',
    streetName: 'Rue Alexandre Bérard',
  },
  { lon: 5.36, lat: 45.96 },
  [1, 2, 3],
);

const BOURG_ROWS = [...AVENUE, ...RUE, ...HUGO];
const mean = (rows: readonly TestAddress[]) => ({
  lat: rows.reduce((s, r) => s + r.lat, 0) / rows.length,
  lng: rows.reduce((s, r) => s + r.lon, 0) / rows.length,
});
const at = (row: TestAddress) => ({ lat: row.lat, lng: row.lon });

describe.each(engines)('geocoding from imported addresses on %s', (engine) => {
  let t: TestApp;
  let other: TestApp;

  beforeAll(async () => {
    t = await createTestApp(engine);
    other = await createCampaignApp(t, 'Autre campagne');
    await insertAddresses(t.ctx.database, t.ctx.campaignId, [...BOURG_ROWS, ...GARE, ...OBERKAMPF]);
    await insertAddresses(t.ctx.database, other.ctx.campaignId, BERARD);
  });
  afterAll(async () => {
    await other?.close();
    await t?.close();
  });

  it('keys a typed street and a held one alike, by the last word folded', async () => {
    const keyOf = async (name: string) =>
      (
        await t.ctx.database.query<{ key: string }>(
          sql`SELECT ${streetNameKey(sql`${name}::text`)} AS key`,
        )
      )[0].key;
    const keys: Array<[string, string]> = [
      ["Rue de l'Église", 'eglise'],
      ['RUE DE L’ÉGLISE', 'eglise'],
      ['r. de l eglise', 'eglise'],
      ['Rue du Sacré-Cœur', 'coeur'],
      ['Rue Jean-Jaurès', 'jaures'],
      ['Avenue du Général de Gaulle.', 'gaulle'],
      ['Rue X (Ancienne)', 'ancienne'],
      ['Allée des Châtaigniers ', 'chataigniers'],
      ['Avenue Simón Bolívar', 'bolivar'],
      ['Rue du 8 Mai 1945', '1945'],
    ];
    for (const [name, key] of keys) expect(await keyOf(name), name).toBe(key);
  });

  const geocode = (query: AddressQuery) => t.ctx.geocoder.geocode(query);

  it('places a typed number and suffix on the street at that address', async () => {
    expect(
      await geocode({ ...BOURG, communeCode: undefined, street: '12 bis, av. de la République' }),
    ).toEqual({
      ...at(AVENUE[4]),
      precision: 'address',
      label: '12 bis Avenue de la République, 01000 Bourg-en-Bresse',
      communeCode: '01053',
    });
    // The postal code serves two communes; the street tells which.
    expect(await geocode({ postalCode: '01000', street: '3 AVENUE DE LA REPUBLIQUE' })).toEqual({
      ...at(AVENUE[2]),
      precision: 'address',
      label: '3 Avenue de la République, 01000 Bourg-en-Bresse',
      communeCode: '01053',
    });
    expect(await geocode({ postalCode: '01000', street: '2 r de la gare' })).toMatchObject({
      ...at(GARE[1]),
      precision: 'address',
      communeCode: '01344',
    });
  });

  it('takes the plain number for a suffix it lacks, and 12 bis written 12 b', async () => {
    expect(
      await geocode({ communeCode: '01053', street: '14 ter avenue de la République' }),
    ).toMatchObject({
      ...at(AVENUE[5]),
      precision: 'address',
      label: expect.stringMatching(/^14 Av/),
    });
    expect(
      await geocode({ communeCode: '01053', street: '12b avenue de la République' }),
    ).toMatchObject({ ...at(AVENUE[4]), precision: 'address' });
    expect(
      await geocode({ communeCode: '01053', street: '12 avenue de la République' }),
    ).toMatchObject({
      ...at(AVENUE[3]),
      precision: 'address',
      label: expect.stringMatching(/^12 Av/),
    });
  });

  it('places a street, or a number it does not hold, at the street’s middle', async () => {
    // The middle: the door nearest the mean of the street's doors.
    const centre = mean(AVENUE);
    const middle = AVENUE.reduce((best, row) =>
      Math.abs(row.lon - centre.lng) < Math.abs(best.lon - centre.lng) ? row : best,
    );
    const expected = {
      ...at(middle),
      precision: 'street',
      label: 'Avenue de la République, 01000 Bourg-en-Bresse',
      communeCode: '01053',
    };
    expect(await geocode({ communeCode: '01053', street: 'avenue de la république' })).toEqual(
      expected,
    );
    expect(await geocode({ communeCode: '01053', street: '99 av. de la République' })).toEqual(
      expected,
    );
    // Same last word, another street.
    expect(await geocode({ communeCode: '01053', street: 'r. de la République' })).toMatchObject({
      precision: 'street',
      label: 'Rue de la République, 01000 Bourg-en-Bresse',
    });
    // A part of the name, when only one street fits.
    expect(await geocode({ communeCode: '01053', street: '3 rue Hugo' })).toMatchObject({
      ...at(HUGO[1]),
      precision: 'address',
      label: '3 Rue Victor Hugo, 01000 Bourg-en-Bresse',
    });
  });

  it('places a commune it holds addresses of at their mean, else as before', async () => {
    const bourg = { ...mean(BOURG_ROWS), precision: 'commune', communeCode: '01053' };
    expect(await geocode({ communeCode: '01053' })).toEqual({
      ...bourg,
      label: '01000 Bourg-en-Bresse',
    });
    // A street it does not hold is the commune's.
    const unknown = await geocode({ ...BOURG, street: '5 impasse des Inconnus' });
    expect(unknown).toMatchObject({ precision: 'commune', communeCode: '01053' });
    expect(unknown!.lat).toBeCloseTo(bourg.lat, 9);
    // A postal code serving two communes names neither: its centre, from reference data.
    expect(await geocode({ postalCode: '01000' })).toMatchObject({ precision: 'postal_code' });
    // A commune it holds nothing of: the reference centre.
    const centre = communeCentres().get('01004')!;
    expect(await geocode({ communeCode: '01004', street: '1 rue Alexandre Bérard' })).toEqual({
      lat: centre.lat,
      lng: centre.lng,
      precision: centre.precision,
      label: '01500 Ambérieu-en-Bugey',
      communeCode: '01004',
    });
  });

  it('finds Paris addresses under their arrondissement', async () => {
    expect(await geocode({ postalCode: '75011', street: '2 rue Oberkampf' })).toEqual({
      ...at(OBERKAMPF[1]),
      precision: 'address',
      label: '2 Rue Oberkampf, 75011 Paris',
      communeCode: '75056',
    });
    expect(await geocode({ postalCode: '75011' })).toMatchObject({
      ...mean(OBERKAMPF),
      precision: 'commune',
      communeCode: '75056',
    });
  });

  it("never answers with another campaign's addresses", async () => {
    const theirs = { communeCode: '01004', street: '1 rue Alexandre Bérard' };
    expect(await other.ctx.geocoder.geocode(theirs)).toMatchObject({
      ...at(BERARD[0]),
      precision: 'address',
    });
    // The same context turned to the other campaign (a job of theirs) reads theirs only.
    const turned = forCampaign(t.ctx, other.ctx.campaignId);
    expect(await turned.geocoder.geocode(theirs)).toMatchObject({ precision: 'address' });
    expect(
      await turned.geocoder.geocode({ communeCode: '01053', street: '12 bis av de la République' }),
    ).toMatchObject({
      precision: communeCentres().get('01053')!.precision,
      lat: communeCentres().get('01053')!.lat,
    });
    expect(await t.ctx.geocoder.geocode(theirs)).toMatchObject({
      precision: communeCentres().get('01004')!.precision,
    });
  });

  it('gives a committee and an event typed with a street their precise place', async () => {
    const { browser } = await supporterBrowser(t, 'organiser@geocoding.example');
    const created = await browser.post('/api/committees', {
      name: 'Comité de la République',
      place: {
        postalCode: '01000',
        communeName: 'Bourg-en-Bresse',
        street: '12 bis, av. de la République',
      },
    });
    expect(created.statusCode, created.body).toBe(201);
    const committee = created.json() as Committee;
    expect(committee.place).toEqual({
      ...at(AVENUE[4]),
      precision: 'address',
      label: '12 bis Avenue de la République, 01000 Bourg-en-Bresse',
      communeCode: '01053',
    });
    const response = await browser.post(`/api/committees/${committee.id}/events`, {
      type: 'public_meeting',
      title: 'Réunion rue Victor Hugo',
      description: 'Venez',
      startsAt: new Date(Date.now() + 5 * 86_400_000).toISOString(),
      endsAt: new Date(Date.now() + 5 * 86_400_000 + 7_200_000).toISOString(),
      place: { postalCode: '01000', street: 'rue Victor-Hugo' },
    });
    expect(response.statusCode, response.body).toBe(201);
    expect((response.json() as Event).place).toEqual({
      ...at(HUGO[1]),
      precision: 'street',
      label: 'Rue Victor Hugo, 01000 Bourg-en-Bresse',
      communeCode: '01053',
    });

    // The other campaign's committee at the same address: its commune's reference centre.
    const theirs = await supporterBrowser(other, 'organiser@other-geocoding.example');
    const elsewhere = await theirs.browser.post('/api/committees', {
      name: 'Comité voisin',
      place: {
        postalCode: '01000',
        communeName: 'Bourg-en-Bresse',
        street: '12 bis, av. de la République',
      },
    });
    expect(elsewhere.statusCode, elsewhere.body).toBe(201);
    expect((elsewhere.json() as Committee).place).toMatchObject({
      precision: communeCentres().get('01053')!.precision,
      lat: communeCentres().get('01053')!.lat,
    });
  });

  it('reads streets and communes through indexes', async () => {
    // Enough addresses elsewhere that reading the table whole would not pay.
    await t.ctx.database.query(
      sql`INSERT INTO field_addresses (campaign_id, ban_id, street_key, street_name, number,
                 postal_code, commune_code, commune_name, lon, lat, location)
          SELECT ${t.ctx.campaignId}, 'bulk_' || i, 'bulk_' || (i / 20), 'Rue numéro ' || (i / 20),
                 i % 20 + 1, '02000', '02' || lpad((i / 400)::text, 3, '0'), 'Commune',
                 3 + i * 1e-5, 49, point(3 + i * 1e-5, 49)
            FROM generate_series(1, 20000) AS i`,
    );
    await t.ctx.database.query(sql`ANALYZE field_addresses`);
    const plan = async (statement: SQL) =>
      (await t.ctx.database.query<{ 'QUERY PLAN': string }>(statement))
        .map((row) => row['QUERY PLAN'])
        .join('\n');
    const streetPlan = await plan(
      sql`EXPLAIN ${streetRowsSql(t.ctx.campaignId, ['02010'], 'rue numero 210')}`,
    );
    expect(streetPlan).toContain('field_addresses_street_name_idx');
    expect(streetPlan).not.toContain('Seq Scan');
    const communePlan = await plan(
      sql`EXPLAIN ${communeMeanSql(t.ctx.campaignId, addressCommuneCodes('02010'))}`,
    );
    expect(communePlan).toMatch(/Index (Only )?Scan|Bitmap Index Scan/);
    expect(communePlan).not.toContain('Seq Scan');
  });
});

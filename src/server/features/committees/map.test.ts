import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Committee } from '../../../contracts/committees.ts';
import type { MapAnswer } from '../../../contracts/maps.ts';
import {
  Browser,
  createTestApp,
  engines,
  staffBrowser,
  supporterBrowser,
  type TestApp,
} from '../../testing/harness.ts';

/** Metropolitan France and Corsica, as a country zoom shows them. */
const FRANCE = 'west=-5.5&south=41&east=10&north=51.5&zoom=5';
const NAMES = ['Armelle', 'Benoît', 'Clarisse', 'Didier', 'Emma', 'Félix'];

describe.each(engines)('maps on %s', (engine) => {
  let t: TestApp;
  let n = 0;
  const supporter = () => {
    n += 1;
    return supporterBrowser(t, `map-${n}@maps.example`, { firstName: NAMES[n % NAMES.length] });
  };
  const anonymous = () => new Browser(t.app, '10.60.0.1');
  const total = (answer: MapAnswer) => answer.clusters.reduce((sum, c) => sum + c.count, 0);

  beforeAll(async () => {
    t = await createTestApp(engine);
  });
  afterAll(async () => {
    await t?.close();
  });

  it('clusters committees on the server when zoomed out and shows them zoomed in; an unpublished one leaves', async () => {
    const places = ['69001', '69003', '75001', '13001'];
    const created: Committee[] = [];
    for (const postalCode of places) {
      const { browser } = await supporter();
      const response = await browser.post('/api/committees', {
        name: `Comité ${postalCode}`,
        place: { postalCode },
      });
      created.push(response.json() as Committee);
    }
    const country = (await anonymous().get(`/api/committees/map?${FRANCE}`)).json() as MapAnswer;
    expect(total(country)).toBe(4);
    expect(country.markers).toEqual([]);
    // At zoom 5 Lyon and Marseille share a cell (about 430 km a side in France); at zoom 6
    // only Lyon's two committees do.
    expect(country.clusters.map((c) => c.count).sort()).toEqual([1, 3]);
    const closer = (
      await anonymous().get(`/api/committees/map?${FRANCE.replace('zoom=5', 'zoom=6')}`)
    ).json() as MapAnswer;
    expect(closer.clusters.map((c) => c.count).sort()).toEqual([1, 1, 2]);
    const lyon = created[0]!.place;
    const zoomedIn = (
      await anonymous().get(
        `/api/committees/map?west=${lyon.lng - 0.01}&south=${lyon.lat - 0.01}&east=${lyon.lng + 0.01}&north=${lyon.lat + 0.01}&zoom=16`,
      )
    ).json() as MapAnswer;
    expect(zoomedIn.markers.map((m) => m.title).sort()).toEqual(['Comité 69001', 'Comité 69003']);

    const moderator = await staffBrowser(t, 'moderator@maps.example', ['moderator']);
    await moderator.post('/api/moderation/decisions', {
      targetKind: 'committee',
      targetId: created[2]!.id,
      action: 'unpublish',
      message: 'Retiré.',
    });
    expect(total((await anonymous().get(`/api/committees/map?${FRANCE}`)).json())).toBe(3);
    // Moved: out of its old cell, into the new one.
    const { browser: owner } = await supporter();
    const moving = (
      await owner.post('/api/committees', { name: 'Comité mobile', place: { postalCode: '33000' } })
    ).json() as Committee;
    await owner.put(`/api/committees/${moving.id}`, {
      name: 'Comité mobile',
      place: { postalCode: '67000' },
      openToMembers: true,
    });
    const after = (await anonymous().get(`/api/committees/map?${FRANCE}`)).json() as MapAnswer;
    expect(total(after)).toBe(4);
    expect(after.clusters.some((c) => c.lng > 7 && c.lat > 48)).toBe(true);
    expect(after.clusters.some((c) => c.lng < 0 && c.lat < 45.5)).toBe(false);
    const bad = await anonymous().get(
      '/api/committees/map?west=10&south=41&east=-5&north=51&zoom=5',
    );
    expect(bad.statusCode).toBe(400);
  });

  it('shows upcoming public events, not private ones, and drops a cancelled one', async () => {
    const { browser: organiser } = await supporter();
    const committee = (
      await organiser.post('/api/committees', {
        name: 'Comité agenda',
        place: { postalCode: '31000' },
      })
    ).json() as Committee;
    const body = (overrides: Record<string, unknown>) => ({
      type: 'public_meeting',
      title: 'Réunion',
      startsAt: new Date(Date.now() + 2 * 86_400_000).toISOString(),
      endsAt: new Date(Date.now() + 2 * 86_400_000 + 7_200_000).toISOString(),
      place: { postalCode: '31000' },
      ...overrides,
    });
    const shown = (
      await organiser.post(`/api/committees/${committee.id}/events`, body({}))
    ).json() as { id: number };
    await organiser.post(`/api/committees/${committee.id}/events`, body({ visibility: 'private' }));
    expect(total((await anonymous().get(`/api/events/map?${FRANCE}`)).json())).toBe(1);
    await organiser.post(`/api/events/${shown.id}/cancel`);
    expect(total((await anonymous().get(`/api/events/map?${FRANCE}`)).json())).toBe(0);
  });

  it("filters the events' map by type and days, as the list does, with each marker's start", async () => {
    const { browser: organiser } = await supporter();
    const committee = (
      await organiser.post('/api/committees', {
        name: 'Comité filtres',
        place: { postalCode: '87000' },
      })
    ).json() as Committee;
    const inDays = (days: number, hours = 0) =>
      new Date(Date.now() + days * 86_400_000 + hours * 3_600_000).toISOString();
    const create = async (type: string, days: number) =>
      (
        await organiser.post(`/api/committees/${committee.id}/events`, {
          type,
          title: `${type} dans ${days} jours`,
          startsAt: inDays(days),
          endsAt: inDays(days, 2),
          place: { postalCode: '87000' },
        })
      ).json() as { id: number; startsAt: string };
    const leaflets = await create('leaflet_drop', 3);
    await create('leaflet_drop', 20);
    const meeting = await create('meeting', 3);
    const limoges = 'west=1.1&south=45.7&east=1.4&north=45.95';
    const count = async (query: string) => {
      const response = await anonymous().get(`/api/events/map?${limoges}&zoom=9${query}`);
      expect(response.statusCode).toBe(200);
      return total(response.json() as MapAnswer);
    };
    expect(await count('')).toBe(3);
    expect(await count('&type=leaflet_drop')).toBe(2);
    const day = (days: number) => inDays(days).slice(0, 10);
    expect(await count(`&type=leaflet_drop&from=${day(1)}&to=${day(10)}`)).toBe(1);
    expect(await count(`&from=${day(15)}`)).toBe(1);
    const zoomedIn = (
      await anonymous().get(`/api/events/map?${limoges}&zoom=16&type=leaflet_drop&to=${day(10)}`)
    ).json() as { markers: { id: number; startsAt: string }[] };
    expect(zoomedIn.markers).toEqual([
      expect.objectContaining({ id: leaflets.id, startsAt: leaflets.startsAt }),
    ]);
    // A type's clusters come from its own cells, kept as events change type or leave.
    const edited = await organiser.put(`/api/events/${meeting.id}`, {
      type: 'leaflet_drop',
      title: 'Tractage du marché',
      startsAt: inDays(3),
      endsAt: inDays(3, 2),
      place: { postalCode: '87000' },
    });
    expect(edited.statusCode, edited.body).toBe(200);
    expect(await count('&type=leaflet_drop')).toBe(3);
    expect(await count('&type=meeting')).toBe(0);
    expect((await organiser.post(`/api/events/${leaflets.id}/cancel`, {})).statusCode).toBe(200);
    expect(await count('&type=leaflet_drop')).toBe(2);
    expect(await count('')).toBe(2);
    for (const bad of ['&type=rally', '&from=2027-13-01', '&to=demain']) {
      const response = await anonymous().get(`/api/events/map?${limoges}&zoom=9${bad}`);
      expect(response.statusCode).toBe(400);
      expect(response.json()).toMatchObject({ code: 'validation_failed' });
    }
  });
});

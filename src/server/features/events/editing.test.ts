import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Committee } from '../../../contracts/committees.ts';
import type { Event, EventForEdit } from '../../../contracts/events.ts';
import { createTestApp, engines, supporterBrowser, type TestApp } from '../../testing/harness.ts';

const day = 86_400_000;
const inDays = (days: number, hour = 17) => {
  const at = new Date(Date.now() + days * day);
  at.setUTCHours(hour, 0, 0, 0);
  return at.toISOString();
};

describe.each(engines)('event management reads on %s', (engine) => {
  let t: TestApp;
  let organiser: Awaited<ReturnType<typeof supporterBrowser>>;
  let committee: Committee;

  const create = async (days: number, overrides: Record<string, unknown> = {}) => {
    const response = await organiser.browser.post(`/api/committees/${committee.id}/events`, {
      type: 'meeting',
      title: 'Réunion',
      description: 'Ordre du jour :\n\n- **tracts**',
      startsAt: inDays(days),
      endsAt: inDays(days, 19),
      place: { postalCode: '69001', street: '1 place des Terreaux' },
      ...overrides,
    });
    if (response.statusCode !== 201) throw new Error(response.body);
    return response.json() as Event;
  };

  beforeAll(async () => {
    t = await createTestApp(engine);
    organiser = await supporterBrowser(t, 'organiser@event-editing.example');
    committee = (
      await organiser.browser.post('/api/committees', {
        name: 'Comité des Pentes',
        place: { postalCode: '69001' },
      })
    ).json() as Committee;
  });
  afterAll(async () => {
    await t?.close();
  });

  it('gives the managers what the form was given, and nobody else', async () => {
    const event = await create(4, { onlineUrl: 'https://visio.example/a', capacity: 12 });
    const response = await organiser.browser.get(`/api/events/${event.id}/edit`);
    expect(response.statusCode, response.body).toBe(200);
    expect(response.json() as EventForEdit).toMatchObject({
      id: event.id,
      description: 'Ordre du jour :\n\n- **tracts**',
      postalCode: '69001',
      street: '1 place des Terreaux',
      onlineUrl: 'https://visio.example/a',
      capacity: 12,
      place: { communeCode: '69123' },
    });
    const other = await supporterBrowser(t, 'other@event-editing.example');
    expect((await other.browser.get(`/api/events/${event.id}/edit`)).statusCode).toBe(403);
    expect((await organiser.browser.get('/api/events/999999/edit')).statusCode).toBe(404);
  });

  it('lists a committee’s events of every visibility to its managers, upcoming first', async () => {
    const later = await create(9, { title: 'Plus tard', visibility: 'private' });
    const sooner = await create(2, { title: 'Bientôt', visibility: 'members' });
    const cancelled = await create(3, { title: 'Annulée', visibility: 'public' });
    await organiser.browser.post(`/api/events/${cancelled.id}/cancel`);
    const response = await organiser.browser.get(`/api/committees/${committee.id}/events`);
    expect(response.statusCode, response.body).toBe(200);
    const list = response.json() as Array<{ id: number; visibility: string; status: string }>;
    const ids = list.map((event) => event.id);
    expect(ids.indexOf(sooner.id)).toBeLessThan(ids.indexOf(cancelled.id));
    expect(ids.indexOf(cancelled.id)).toBeLessThan(ids.indexOf(later.id));
    expect(list.find((event) => event.id === later.id)).toMatchObject({ visibility: 'private' });
    expect(list.find((event) => event.id === cancelled.id)).toMatchObject({ status: 'cancelled' });
    const other = await supporterBrowser(t, 'member@event-editing.example');
    await other.browser.put(`/api/committees/${committee.id}/membership`, { as: 'member' });
    expect((await other.browser.get(`/api/committees/${committee.id}/events`)).statusCode).toBe(
      403,
    );
  });
});

import ICAL from 'ical.js';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Committee } from '../../../contracts/committees.ts';
import type { CalendarFeed, Event } from '../../../contracts/events.ts';
import { erasePerson } from '../people/service.ts';
import {
  Browser,
  createTestApp,
  engines,
  supporterBrowser,
  type TestApp,
} from '../../testing/harness.ts';

const day = 86_400_000;
const inDays = (days: number, hour = 17) => {
  const at = new Date(Date.now() + days * day);
  at.setUTCHours(hour, 0, 0, 0);
  return at.toISOString();
};

/** The feed's entries as a calendar reads them: title and status by UID. */
function entries(body: string) {
  const calendar = new ICAL.Component(ICAL.parse(body));
  return calendar.getAllSubcomponents('vevent').map((vevent) => {
    const event = new ICAL.Event(vevent);
    return {
      uid: event.uid,
      title: event.summary,
      status: String(vevent.getFirstPropertyValue('status')),
      start: event.startDate.toJSDate().toISOString(),
    };
  });
}

describe.each(engines)('a person’s own calendar feed on %s', (engine) => {
  let t: TestApp;
  let n = 0;
  let organiser: Awaited<ReturnType<typeof supporterBrowser>>;
  let committee: Committee;

  const create = async (overrides: Record<string, unknown> = {}) => {
    const response = await organiser.browser.post(`/api/committees/${committee.id}/events`, {
      type: 'meeting',
      title: `Événement ${++n}`,
      startsAt: inDays(3 + n),
      endsAt: inDays(3 + n, 19),
      place: { postalCode: '69001' },
      ...overrides,
    });
    if (response.statusCode !== 201) throw new Error(response.body);
    return response.json() as Event;
  };
  const pathOf = (feed: CalendarFeed) => new URL(feed.url).pathname;

  beforeAll(async () => {
    t = await createTestApp(engine);
    organiser = await supporterBrowser(t, 'organiser@feed.example');
    committee = (
      await organiser.browser.post('/api/committees', {
        name: 'Comité du calendrier',
        place: { postalCode: '69001' },
      })
    ).json() as Committee;
  });
  afterAll(async () => {
    await t?.close();
  });

  it('lists the events one goes to or waits for, under a secret address one can change', async () => {
    const { browser } = await supporterBrowser(t, 'ada@feed.example');
    const going = await create({ title: 'Réunion de quartier' });
    const full = await create({ title: 'Atelier complet', capacity: 1 });
    const withdrawn = await create({ title: 'Porte-à-porte annulé' });
    const membersOnly = await create({ title: 'Réunion des membres', visibility: 'members' });
    const notAnswered = await create({ title: 'Tractage' });
    await organiser.browser.put(`/api/events/${full.id}/rsvp`, { guests: 0 });
    expect((await browser.put(`/api/events/${going.id}/rsvp`, { guests: 1 })).statusCode).toBe(200);
    expect((await browser.put(`/api/events/${full.id}/rsvp`, { guests: 0 })).json()).toMatchObject({
      status: 'waitlist',
    });
    await browser.put(`/api/events/${withdrawn.id}/rsvp`, { guests: 0 });
    await browser.delete(`/api/events/${withdrawn.id}/rsvp`);

    const asked = await browser.get('/api/me/events/calendar');
    expect(asked.statusCode).toBe(200);
    const feed = asked.json() as CalendarFeed;
    expect(feed.url).toMatch(/^http:\/\/levier\.test\/events\/calendar\/[\w-]{32}\.ics$/);
    expect(feed.webcalUrl).toBe(feed.url.replace('http:', 'webcal:'));
    // Asked again: the same address.
    expect((await browser.get('/api/me/events/calendar')).json()).toEqual(feed);

    // The calendar app fetches it with no session.
    const response = await new Browser(t.app).get(pathOf(feed));
    expect(response.statusCode).toBe(200);
    expect(response.headers['content-type']).toMatch(/^text\/calendar/);
    expect(response.headers['cache-control']).toBe('private, no-store');
    const host = new URL(t.ctx.config.publicUrl).host;
    expect(entries(response.body)).toEqual([
      {
        uid: `event-${going.id}@${host}`,
        title: 'Réunion de quartier',
        status: 'CONFIRMED',
        start: going.startsAt,
      },
      {
        uid: `event-${full.id}@${host}`,
        title: 'Atelier complet',
        status: 'TENTATIVE',
        start: full.startsAt,
      },
    ]);
    expect(response.body).not.toContain(membersOnly.title);
    expect(response.body).not.toContain(notAnswered.title);

    // A cancelled event stays, marked cancelled, so calendars take it off.
    await organiser.browser.post(`/api/events/${going.id}/cancel`);
    const after = entries((await new Browser(t.app).get(pathOf(feed))).body);
    expect(after.find((entry) => entry.title === 'Réunion de quartier')?.status).toBe('CANCELLED');

    // A new address: the old one answers nothing any more.
    const renewed = await browser.post('/api/me/events/calendar');
    expect(renewed.statusCode).toBe(200);
    const next = renewed.json() as CalendarFeed;
    expect(next.url).not.toBe(feed.url);
    expect((await new Browser(t.app).get(pathOf(feed))).statusCode).toBe(404);
    expect((await new Browser(t.app).get(pathOf(next))).statusCode).toBe(200);
    expect((await browser.get('/api/me/events/calendar')).json()).toEqual(next);
  });

  it('is one’s own: asked only when logged in, and a guessed address finds nothing', async () => {
    const anonymous = new Browser(t.app);
    await anonymous.session();
    expect((await anonymous.get('/api/me/events/calendar')).statusCode).toBe(401);
    expect((await anonymous.post('/api/me/events/calendar')).statusCode).toBe(401);
    for (const token of ['x', 'a'.repeat(32), '../../etc/passwd', 'é'.repeat(20)]) {
      const response = await anonymous.get(`/events/calendar/${encodeURIComponent(token)}.ics`);
      expect(response.statusCode).toBe(404);
    }
  });

  it('goes with its person when they are erased', async () => {
    const { browser, personId } = await supporterBrowser(t, 'erased@feed.example');
    const feed = (await browser.get('/api/me/events/calendar')).json() as CalendarFeed;
    await erasePerson(t.ctx, personId, null);
    expect((await new Browser(t.app).get(pathOf(feed))).statusCode).toBe(404);
  });
});

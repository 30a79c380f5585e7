import ICAL from 'ical.js';
import { addDays, instantOf, wallClock } from '../../core/local-time.ts';
import { mailBeforeSend } from '../compliance/mail-gate.ts';
import { sendDueReminders } from './reminders.ts';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Committee } from '../../../contracts/committees.ts';
import type { Event, EventSummary } from '../../../contracts/events.ts';
import {
  Browser,
  createTestApp,
  engines,
  staffBrowser,
  supporterBrowser,
  type TestApp,
} from '../../testing/harness.ts';

interface Problem {
  code: string;
  errors?: Array<{ field: string; code: string }>;
}

const NAMES = ['Amandine', 'Baptiste', 'Capucine', 'Dorian', 'Eugénie', 'Florent', 'Garance'];
const day = 86_400_000;
/** Times a few days ahead, so that every run finds them upcoming. */
const inDays = (days: number, hour = 18) => {
  const at = new Date(Date.now() + days * day);
  at.setUTCHours(hour, 0, 0, 0);
  return at.toISOString();
};

describe.each(engines)('events on %s', (engine) => {
  let t: TestApp;
  let n = 0;
  let organiser: Awaited<ReturnType<typeof supporterBrowser>>;
  let committee: Committee;

  const supporter = () => {
    n += 1;
    return supporterBrowser(t, `person-${n}@events.example`, {
      firstName: NAMES[n % NAMES.length],
    });
  };
  const eventBody = (overrides: Record<string, unknown> = {}) => ({
    type: 'public_meeting',
    title: 'Réunion publique',
    description: 'Venez **nombreux**',
    startsAt: inDays(5),
    endsAt: inDays(5, 20),
    place: { postalCode: '69001', street: '1 place des Terreaux' },
    ...overrides,
  });
  const createEvent = async (overrides: Record<string, unknown> = {}) => {
    const response = await organiser.browser.post(
      `/api/committees/${committee.id}/events`,
      eventBody(overrides),
    );
    if (response.statusCode !== 201) throw new Error(response.body);
    return response.json() as Event;
  };

  beforeAll(async () => {
    t = await createTestApp(engine);
    organiser = await supporter();
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

  it('lets a committee’s organiser create an event that anyone finds near them and in a calendar', async () => {
    const event = await createEvent();
    expect(event).toMatchObject({
      title: 'Réunion publique',
      committeeId: committee.id,
      committeeName: 'Comité des Pentes',
      status: 'published',
      visibility: 'public',
      going: 0,
      place: { precision: 'commune', communeCode: '69123' },
    });
    expect(event.descriptionHtml).toContain('<strong>nombreux</strong>');
    expect(event.privateKey).toEqual(expect.any(String));
    const anonymous = new Browser(t.app, '10.40.0.1');
    const seen = (await anonymous.get(`/api/events/${event.id}`)).json() as Event;
    expect(seen.privateKey).toBeNull();
    const near = (await anonymous.get('/api/events?place=69003')).json() as {
      items: EventSummary[];
    };
    expect(near.items.map((e) => e.id)).toContain(event.id);
    expect(near.items[0]!.distanceKm).toBeLessThan(5);
    const byType = (await anonymous.get('/api/events?type=phone_bank')).json();
    expect(byType.items).toEqual([]);

    const ics = await anonymous.get(`/events/${event.id}/calendar.ics`);
    expect(ics.headers['content-type']).toMatch(/^text\/calendar/);
    const vevent = new ICAL.Component(ICAL.parse(ics.body)).getFirstSubcomponent('vevent')!;
    const parsed = new ICAL.Event(vevent);
    expect(parsed.summary).toBe('Réunion publique');
    expect(parsed.startDate.toJSDate().toISOString()).toBe(event.startsAt);
    expect(parsed.location).toBe('69001 Lyon');
    const feed = await anonymous.get(`/committees/${committee.id}/calendar.ics`);
    const entries = new ICAL.Component(ICAL.parse(feed.body)).getAllSubcomponents('vevent');
    expect(entries.map((e) => new ICAL.Event(e).uid)).toContain(
      `event-${event.id}@${new URL(t.ctx.config.publicUrl).host}`,
    );
  });

  it('fills places in order, keeps a waiting list that moves up, and cancels from the mail', async () => {
    const event = await createEvent({ title: 'Atelier tractage', capacity: 2 });
    const url = `/api/events/${event.id}/rsvp`;
    const [a, b, c, d] = [
      await supporter(),
      await supporter(),
      await supporter(),
      await supporter(),
    ];
    expect((await a.browser.put(url, {})).json()).toMatchObject({ status: 'going' });
    expect((await b.browser.put(url, {})).json()).toMatchObject({ status: 'going' });
    const since = t.smtp.received.length;
    expect((await c.browser.put(url, {})).json()).toMatchObject({ status: 'waitlist' });
    expect((await d.browser.put(url, {})).json()).toMatchObject({ status: 'waitlist' });
    expect((await a.browser.get(`/api/events/${event.id}`)).json()).toMatchObject({
      going: 2,
      waitlist: 2,
      myRsvp: { status: 'going', guests: 0 },
    });
    const tooMany = await a.browser.put(url, { guests: 2 });
    expect((tooMany.json() as Problem).code).toBe('not_enough_places');

    expect((await b.browser.delete(url)).statusCode).toBe(200);
    const promoted = await t.smtp.waitFor(
      c.email,
      (m) => /place pour vous/i.test(m.subject),
      10_000,
      since,
    );
    expect(promoted.text).toContain('Atelier tractage');

    const confirmation = await t.smtp.waitFor(
      a.email,
      (m) => /Inscription confirmée/.test(m.subject),
      10_000,
    );
    const token = /rsvp\/cancel\?token=([\w.-]+)/.exec(confirmation.text)![1]!;
    const visitor = new Browser(t.app, '10.40.0.2');
    await visitor.session();
    const cancelled = await visitor.post('/api/events/rsvp/cancel', { token });
    expect(cancelled.json()).toEqual({ eventId: event.id, title: 'Atelier tractage' });
    await t.smtp.waitFor(d.email, (m) => /place pour vous/i.test(m.subject), 10_000, since);
    const forged = await visitor.post('/api/events/rsvp/cancel', {
      token: `${token.slice(0, -2)}xx`,
    });
    expect((forged.json() as Problem).code).toBe('invalid_token');
    expect((await organiser.browser.get(`/api/events/${event.id}`)).json()).toMatchObject({
      going: 2,
      waitlist: 0,
    });
    const list = (
      await organiser.browser.get(`/api/events/${event.id}/attendees`)
    ).json() as Array<{
      personId: number;
      status: string;
    }>;
    expect(list.map((x) => [x.personId, x.status])).toEqual([
      [c.personId, 'going'],
      [d.personId, 'going'],
    ]);
    expect((await c.browser.get(`/api/events/${event.id}/attendees`)).statusCode).toBe(403);
  });

  it('shows a members’ event to members only, and a private one with its key', async () => {
    const members = await createEvent({
      title: 'Réunion interne',
      type: 'meeting',
      visibility: 'members',
    });
    const privateOne = await createEvent({
      title: 'Réunion privée',
      type: 'meeting',
      visibility: 'private',
    });
    const outsider = await supporter();
    const member = await supporter();
    await member.browser.put(`/api/committees/${committee.id}/membership`, { as: 'member' });
    expect((await outsider.browser.get(`/api/events/${members.id}`)).statusCode).toBe(404);
    expect((await outsider.browser.put(`/api/events/${members.id}/rsvp`, {})).statusCode).toBe(404);
    expect((await member.browser.put(`/api/events/${members.id}/rsvp`, {})).json().status).toBe(
      'going',
    );
    expect((await outsider.browser.get(`/api/events/${privateOne.id}`)).statusCode).toBe(404);
    const withKey = await outsider.browser.get(
      `/api/events/${privateOne.id}?key=${privateOne.privateKey}`,
    );
    expect(withKey.statusCode).toBe(200);
    const anonymous = new Browser(t.app, '10.40.0.3');
    const listed = (await anonymous.get('/api/events?limit=100')).json() as {
      items: EventSummary[];
    };
    expect(listed.items.map((e) => e.id)).not.toContain(members.id);
    expect(listed.items.map((e) => e.id)).not.toContain(privateOne.id);
  });

  it('refuses public campaigning scheduled in the pre-election silence, not an internal meeting', async () => {
    const staff = await staffBrowser(t, 'staff@events.example', ['staff']);
    const voteDay = new Date(Date.now() + 20 * day).toISOString().slice(0, 10);
    const election = await staff.post('/api/compliance/elections', {
      name: 'Municipales',
      kind: 'local',
      rounds: [{ date: voteDay }],
    });
    expect(election.statusCode, election.body).toBe(200);
    const dayBefore = new Date(Date.parse(`${voteDay}T10:00:00Z`) - day).toISOString();
    const evening = new Date(
      Date.parse(`${voteDay}T10:00:00Z`) - day + 3 * 3_600_000,
    ).toISOString();
    const refused = await organiser.browser.post(
      `/api/committees/${committee.id}/events`,
      eventBody({ type: 'door_to_door', startsAt: dayBefore, endsAt: evening }),
    );
    expect(refused.statusCode).toBe(409);
    expect((refused.json() as Problem).code).toBe('pre_election_silence');
    const online = await organiser.browser.post(
      `/api/committees/${committee.id}/events`,
      eventBody({
        type: 'phone_bank',
        startsAt: dayBefore,
        endsAt: evening,
        place: undefined,
        onlineUrl: 'https://visio.example/abc',
      }),
    );
    expect((online.json() as Problem).code).toBe('pre_election_silence');
    const internal = await organiser.browser.post(
      `/api/committees/${committee.id}/events`,
      eventBody({ type: 'meeting', startsAt: dayBefore, endsAt: evening }),
    );
    expect(internal.statusCode).toBe(201);
    const { id } = (await staff.get('/api/compliance/elections')).json()[0] as { id: number };
    await staff.delete(`/api/compliance/elections/${id}`);
  });

  it('refuses bad input and another committee’s organisers, changing nothing', async () => {
    const event = await createEvent({ title: 'À protéger' });
    const endsFirst = await organiser.browser.post(
      `/api/committees/${committee.id}/events`,
      eventBody({ startsAt: inDays(6, 20), endsAt: inDays(6, 18) }),
    );
    expect((endsFirst.json() as Problem).errors).toEqual([
      expect.objectContaining({ field: 'endsAt', code: 'ends_before_start' }),
    ]);
    const script = await organiser.browser.post(
      `/api/committees/${committee.id}/events`,
      eventBody({ onlineUrl: 'javascript:alert(1)' }),
    );
    expect((script.json() as Problem).errors?.[0]).toMatchObject({ field: 'onlineUrl' });
    const other = await supporter();
    await other.browser.post('/api/committees', {
      name: 'Autre comité',
      place: { postalCode: '75001' },
    });
    const change = await other.browser.put(`/api/events/${event.id}`, eventBody({ title: 'Pris' }));
    expect(change.statusCode).toBe(403);
    expect((await other.browser.post(`/api/events/${event.id}/cancel`)).statusCode).toBe(403);
    expect(
      (await other.browser.post(`/api/committees/${committee.id}/events`, eventBody())).statusCode,
    ).toBe(403);
    expect((await other.browser.get(`/api/events/${event.id}`)).json().title).toBe('À protéger');
  });

  it('tells those coming of a change and of a cancellation; a cancelled event takes no answer', async () => {
    const event = await createEvent({ title: 'Porte-à-porte samedi', type: 'door_to_door' });
    const coming = await supporter();
    await coming.browser.put(`/api/events/${event.id}/rsvp`, {});
    const since = t.smtp.received.length;
    const changed = await organiser.browser.put(
      `/api/events/${event.id}`,
      eventBody({
        title: 'Porte-à-porte samedi',
        type: 'door_to_door',
        place: { postalCode: '69004' },
      }),
    );
    expect(changed.statusCode, changed.body).toBe(200);
    await t.smtp.waitFor(coming.email, (m) => /Changement/.test(m.subject), 10_000, since);
    const cancelled = await organiser.browser.post(`/api/events/${event.id}/cancel`);
    expect(cancelled.json()).toMatchObject({ status: 'cancelled' });
    await t.smtp.waitFor(coming.email, (m) => /Annulé/.test(m.subject), 10_000, since);
    const late = await supporter();
    const refused = await late.browser.put(`/api/events/${event.id}/rsvp`, {});
    expect((refused.json() as Problem).code).toBe('event_cancelled');
    const ics = await late.browser.get(`/events/${event.id}/calendar.ics`);
    expect(ics.body).toContain('STATUS:CANCELLED');
    const mine = (await coming.browser.get('/api/me/events')).json() as Array<{ id: number }>;
    expect(mine.map((e) => e.id)).toContain(event.id);
  });

  it('reminds those coming the day before and on the day, thanks them after, each once', async () => {
    const zone = t.ctx.config.CAMPAIGN_TIMEZONE;
    const day = addDays(wallClock(new Date(), zone).day, 3);
    const meeting = await createEvent({
      title: 'Réunion de rentrée',
      type: 'meeting',
      startsAt: instantOf(day, 19 * 60, zone).toISOString(),
      endsAt: instantOf(day, 21 * 60, zone).toISOString(),
    });
    const canvass = await createEvent({
      title: 'Porte-à-porte du soir',
      type: 'door_to_door',
      startsAt: instantOf(day, 18 * 60, zone).toISOString(),
      endsAt: instantOf(day, 20 * 60, zone).toISOString(),
    });
    const coming = await supporter();
    await coming.browser.put(`/api/events/${meeting.id}/rsvp`, {});
    await coming.browser.put(`/api/events/${canvass.id}/rsvp`, {});
    // What each queued mail is (its payload is cleared once sent): the canvass's are campaign
    // mail tied to the answer, the meeting's transactional.
    const queued = async () =>
      (
        await t.ctx.database.query<{ kind: string; purpose: string; subscription: string | null }>(
          `SELECT kind, purpose, subscription FROM mail_outbox
            WHERE campaign_id = $1 AND person_id = $2 AND template = 'event_reminder'`,
          [t.ctx.campaignId, coming.personId],
        )
      )
        .map((r) => `${r.kind} ${r.purpose} ${r.subscription ?? '-'}`)
        .sort();
    const canvassMail = (kind: string) => `${kind} event_reminder event:${canvass.id}`;
    const meetingMail = (kind: string) => `${kind} transactional -`;
    const since = t.smtp.received.length;
    await sendDueReminders(t.ctx, instantOf(addDays(day, -1), 17 * 60, zone));
    expect(await queued()).toEqual([]);
    await sendDueReminders(t.ctx, instantOf(addDays(day, -1), 18 * 60 + 30, zone));
    await sendDueReminders(t.ctx, instantOf(addDays(day, -1), 19 * 60, zone));
    expect(await queued()).toEqual(
      [canvassMail('event_day_before'), meetingMail('event_day_before')].sort(),
    );
    await t.smtp.waitFor(
      coming.email,
      (m) => m.subject === 'Demain : Réunion de rentrée',
      10_000,
      since,
    );
    await sendDueReminders(t.ctx, instantOf(day, 9 * 60, zone));
    await sendDueReminders(t.ctx, instantOf(day, 23 * 60, zone));
    expect(await queued()).toEqual(
      ['event_day_before', 'event_day_of', 'event_thanks']
        .flatMap((kind) => [canvassMail(kind), meetingMail(kind)])
        .sort(),
    );
    // The gate asks whether the person still comes: withdrawn, the canvass's mail is not sent.
    await coming.browser.delete(`/api/events/${canvass.id}/rsvp`);
    const verdicts = await mailBeforeSend(
      t.ctx.database,
      t.ctx.campaignId,
      [
        {
          id: 1,
          personId: coming.personId,
          to: 'coming@example.org',
          purpose: 'event_reminder',
          subscription: `event:${canvass.id}`,
        },
      ],
      new Date(),
    );
    expect(verdicts.get(1)).toEqual({ suppress: 'opted_out' });
  });

  it('lets the organisers mail those coming, and those waiting when asked', async () => {
    const event = await createEvent({ title: 'Atelier affiches', capacity: 1 });
    const going = await supporter();
    const waiting = await supporter();
    await going.browser.put(`/api/events/${event.id}/rsvp`, {});
    await waiting.browser.put(`/api/events/${event.id}/rsvp`, {});
    const since = t.smtp.received.length;
    const sent = await organiser.browser.post(`/api/events/${event.id}/messages`, {
      subject: 'Apportez des pinceaux',
      text: 'Rendez-vous devant la mairie à 10 h.',
    });
    expect(sent.statusCode, sent.body).toBe(201);
    expect(sent.json()).toEqual({ recipients: 1 });
    const mail = await t.smtp.waitFor(
      going.email,
      (m) => m.subject === '[Atelier affiches] Apportez des pinceaux',
      10_000,
      since,
    );
    expect(mail.text).toContain('Rendez-vous devant la mairie à 10 h.');
    expect(mail.text).toContain('/events/rsvp/cancel?token=');
    const both = await organiser.browser.post(`/api/events/${event.id}/messages`, {
      subject: 'Encore',
      text: 'Pour tous.',
      waitlistToo: true,
    });
    expect(both.json()).toEqual({ recipients: 2 });
    expect(
      (await going.browser.post(`/api/events/${event.id}/messages`, { subject: 'x', text: 'y' }))
        .statusCode,
    ).toBe(403);
  });
});

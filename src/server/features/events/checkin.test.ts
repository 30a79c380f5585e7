import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Committee } from '../../../contracts/committees.ts';
import type {
  CheckinAttendee,
  CheckinList,
  CommitteeStats,
  Event,
  EventReportState,
} from '../../../contracts/events.ts';
import { runSql } from '../../core/db/statement.ts';
import {
  createTestApp,
  engines,
  staffBrowser,
  supporterBrowser,
  type TestApp,
} from '../../testing/harness.ts';
import { sendDueReminders } from './reminders.ts';

interface Problem {
  code: string;
  errors?: Array<{ field: string; code: string }>;
}

const hour = 3_600_000;
const at = (fromNow: number) => new Date(Date.now() + fromNow).toISOString();

describe.each(engines)('check-in, walk-ins and reports on %s', (engine) => {
  let t: TestApp;
  let n = 0;
  let organiser: Awaited<ReturnType<typeof supporterBrowser>>;
  let outsider: Awaited<ReturnType<typeof supporterBrowser>>;
  let committee: Committee;

  const supporter = (firstName: string, lastName = 'Durand') => {
    n += 1;
    return supporterBrowser(t, `person-${n}@checkin.example`, { firstName, lastName });
  };
  const createEvent = async (overrides: Record<string, unknown> = {}) => {
    const response = await organiser.browser.post(`/api/committees/${committee.id}/events`, {
      type: 'door_to_door',
      title: 'Porte-à-porte',
      startsAt: at(2 * hour),
      endsAt: at(4 * hour),
      place: { postalCode: '69001' },
      ...overrides,
    });
    if (response.statusCode !== 201) throw new Error(response.body);
    return response.json() as Event;
  };
  const select = <T>(statement: ReturnType<typeof sql>) => runSql<T>(t.ctx.database, statement);
  const personByEmail = async (email: string) =>
    (
      await select<{
        id: number;
        first_name: string | null;
        last_name: string | null;
        phone: string | null;
        source: string;
        confirmed_at: Date | null;
        consent_email: boolean;
        consent_sms: boolean;
        consent_phone: boolean;
      }>(
        sql`SELECT id, first_name, last_name, phone, source, confirmed_at, consent_email,
                   consent_sms, consent_phone
              FROM people WHERE campaign_id = ${t.ctx.campaignId} AND email_normalized = ${email}`,
      )
    )[0];
  const auditOf = (personId: number) =>
    select<{ action: string; actor_id: number; details: Record<string, unknown> }>(
      sql`SELECT action, actor_id, details FROM audit_log
           WHERE campaign_id = ${t.ctx.campaignId} AND target = ${`person:${personId}`}`,
    );

  beforeAll(async () => {
    t = await createTestApp(engine);
    organiser = await supporter('Odile', 'Martin');
    committee = (
      await organiser.browser.post('/api/committees', {
        name: 'Comité de la Croix-Rousse',
        place: { postalCode: '69004' },
      })
    ).json() as Committee;
    outsider = await supporter('Octave', 'Bernard');
    await outsider.browser.post('/api/committees', {
      name: 'Comité voisin',
      place: { postalCode: '69003' },
    });
  });
  afterAll(async () => {
    await t?.close();
  });

  it('lists those coming by name, checks them in and out, and refuses someone who did not answer', async () => {
    const event = await createEvent();
    const amandine = await supporter('Amandine', 'Lefèvre');
    const baptiste = await supporter('Baptiste', 'Arnaud');
    const absent = await supporter('Capucine', 'Roux');
    for (const who of [amandine, baptiste])
      expect(
        (await who.browser.put(`/api/events/${event.id}/rsvp`, { guests: 1 })).statusCode,
      ).toBe(200);
    const url = `/api/events/${event.id}/checkin`;
    const all = (await organiser.browser.get(url)).json() as CheckinList;
    expect(all).toMatchObject({ expected: 2, present: 0, more: false });
    expect(all.items.map((a) => [a.lastName, a.guests, a.checkedIn])).toEqual([
      ['Arnaud', 1, false],
      ['Lefèvre', 1, false],
    ]);
    // Accents, case and the email are searched; the list is phone-sized.
    const found = (await organiser.browser.get(`${url}?q=LEFEVRE`)).json() as CheckinList;
    expect(found.items.map((a) => a.personId)).toEqual([amandine.personId]);
    const byEmail = (await organiser.browser.get(`${url}?q=${baptiste.email}`)).json();
    expect(byEmail.items.map((a: CheckinAttendee) => a.personId)).toEqual([baptiste.personId]);
    const page = (await organiser.browser.get(`${url}?limit=1`)).json() as CheckinList;
    expect(page).toMatchObject({ more: true, items: [{ lastName: 'Arnaud' }] });
    expect((await organiser.browser.get(`${url}?limit=101`)).statusCode).toBe(400);

    const checked = await organiser.browser.put(`${url}/${amandine.personId}`, { present: true });
    expect(checked.json()).toMatchObject({
      personId: amandine.personId,
      firstName: 'Amandine',
      checkedIn: true,
      walkIn: false,
    });
    expect((await organiser.browser.get(url)).json()).toMatchObject({ expected: 2, present: 1 });
    const undone = await organiser.browser.put(`${url}/${amandine.personId}`, { present: false });
    expect(undone.json()).toMatchObject({ checkedIn: false });
    expect((await organiser.browser.get(url)).json()).toMatchObject({ present: 0 });

    const stranger = await organiser.browser.put(`${url}/${absent.personId}`, { present: true });
    expect(stranger.statusCode).toBe(404);
    const bad = await organiser.browser.put(`${url}/${amandine.personId}`, { present: 'oui' });
    expect(bad.statusCode).toBe(400);
    // Another committee's organiser, and an attendee, see nothing of the door.
    expect((await outsider.browser.get(url)).statusCode).toBe(403);
    const refused = await outsider.browser.put(`${url}/${amandine.personId}`, { present: true });
    expect(refused.statusCode).toBe(403);
    expect((await amandine.browser.get(url)).statusCode).toBe(403);
    expect((await organiser.browser.get(url)).json()).toMatchObject({ present: 0 });
  });

  it('adds a walk-in as a new person with no consent, on their timeline and in the audit log', async () => {
    const event = await createEvent({ capacity: 1 });
    const already = await supporter('Dorian', 'Faure');
    await already.browser.put(`/api/events/${event.id}/rsvp`, {});
    const response = await organiser.browser.post(`/api/events/${event.id}/walk-ins`, {
      firstName: 'Éloïse',
      lastName: 'Garnier',
      email: 'Eloise.Garnier@Walkin.example',
      phone: '06 12 34 56 78',
    });
    expect(response.statusCode, response.body).toBe(201);
    const { created, attendee } = response.json() as {
      created: boolean;
      attendee: CheckinAttendee;
    };
    expect(created).toBe(true);
    // The event is full: a walk-in is in the room all the same, checked in and coming.
    expect(attendee).toMatchObject({
      firstName: 'Éloïse',
      lastName: 'Garnier',
      status: 'going',
      checkedIn: true,
      walkIn: true,
      guests: 0,
    });
    const person = await personByEmail('eloise.garnier@walkin.example');
    expect(person).toMatchObject({
      id: attendee.personId,
      source: 'event',
      confirmed_at: null,
      phone: '+33612345678',
      consent_email: false,
      consent_sms: false,
      consent_phone: false,
    });
    const consents = await select(
      sql`SELECT 1 FROM consent_events WHERE campaign_id = ${t.ctx.campaignId} AND person_id = ${person!.id}`,
    );
    expect(consents).toEqual([]);
    const timeline = await select<{ kind: string; actor_id: number; data: { source: string } }>(
      sql`SELECT kind, actor_id, data FROM person_events
           WHERE campaign_id = ${t.ctx.campaignId} AND person_id = ${person!.id}`,
    );
    expect(timeline).toEqual([
      expect.objectContaining({
        kind: 'created',
        actor_id: organiser.personId,
        data: expect.objectContaining({ source: 'event', eventId: event.id }),
      }),
    ]);
    expect(await auditOf(person!.id)).toEqual([
      {
        action: 'person.create',
        actor_id: organiser.personId,
        details: {
          fields: ['firstName', 'lastName', 'email', 'phone'],
          source: 'event',
          eventId: event.id,
        },
      },
    ]);
    const list = (await organiser.browser.get(`/api/events/${event.id}/checkin?q=garnier`)).json();
    expect(list).toMatchObject({ expected: 2, present: 1, items: [{ walkIn: true }] });

    const [counts] = await select<{ going: number; waiting: number }>(
      sql`SELECT going, waiting FROM events WHERE campaign_id = ${t.ctx.campaignId} AND id = ${event.id}`,
    );
    expect(counts).toEqual({ going: 2, waiting: 0 });

    // Without an email, the form sent twice adds one person; another name is another person.
    const walkIn = (firstName: string) =>
      organiser.browser.post(`/api/events/${event.id}/walk-ins`, {
        firstName,
        lastName: 'Garnier',
      });
    const nameOnly = (await walkIn('Firmin')).json();
    expect(nameOnly).toMatchObject({ created: true, attendee: { checkedIn: true } });
    const twice = (await walkIn('firmin ')).json();
    expect(twice).toMatchObject({
      created: false,
      attendee: { personId: nameOnly.attendee.personId, checkedIn: true },
    });
    expect((await walkIn('Gaspard')).json()).toMatchObject({ created: true });
  });

  it('lets in someone from the waiting list who is checked in at the door', async () => {
    const event = await createEvent({ capacity: 1 });
    const first = await supporter('Hélène', 'Blanc');
    const second = await supporter('Igor', 'Blanc');
    await first.browser.put(`/api/events/${event.id}/rsvp`, {});
    const waiting = await second.browser.put(`/api/events/${event.id}/rsvp`, { guests: 1 });
    expect(waiting.json()).toMatchObject({ status: 'waitlist' });
    const checked = await organiser.browser.put(
      `/api/events/${event.id}/checkin/${second.personId}`,
      { present: true },
    );
    expect(checked.json()).toMatchObject({ status: 'going', checkedIn: true, guests: 1 });
    const [counts] = await select<{ going: number; waiting: number }>(
      sql`SELECT going, waiting FROM events WHERE campaign_id = ${t.ctx.campaignId} AND id = ${event.id}`,
    );
    expect(counts).toEqual({ going: 3, waiting: 0 });
  });

  it('leaves a known email’s person as they were, and keeps their answer and guests', async () => {
    const event = await createEvent();
    const known = await supporter('Garance', 'Perrin');
    await known.browser.put(`/api/events/${event.id}/rsvp`, { guests: 2 });
    const before = await personByEmail(known.email);
    const auditBefore = await auditOf(known.personId);
    const response = await organiser.browser.post(`/api/events/${event.id}/walk-ins`, {
      firstName: 'Autre',
      lastName: 'Nom',
      email: known.email.toUpperCase(),
      phone: '0798765432',
    });
    expect(response.statusCode, response.body).toBe(201);
    expect(response.json()).toMatchObject({
      created: false,
      attendee: {
        personId: known.personId,
        firstName: 'Garance',
        lastName: 'Perrin',
        status: 'going',
        guests: 2,
        checkedIn: true,
        walkIn: false,
      },
    });
    expect(await personByEmail(known.email)).toEqual(before);
    expect(await auditOf(known.personId)).toEqual(auditBefore);

    // A known person who had not answered gets a walk-in answer; their details stay theirs.
    const other = await createEvent({ title: 'Tractage' });
    const again = await organiser.browser.post(`/api/events/${other.id}/walk-ins`, {
      firstName: 'Autre',
      lastName: 'Nom',
      email: known.email,
    });
    expect(again.json()).toMatchObject({
      created: false,
      attendee: { personId: known.personId, firstName: 'Garance', status: 'going', walkIn: true },
    });
    expect(await personByEmail(known.email)).toEqual(before);
  });

  it('refuses bad walk-ins and another committee’s organiser, creating nobody', async () => {
    const event = await createEvent();
    const url = `/api/events/${event.id}/walk-ins`;
    const missing = await organiser.browser.post(url, { firstName: 'Hugo', email: 'x@y' });
    expect(missing.statusCode).toBe(400);
    expect((missing.json() as Problem).errors?.map((e) => [e.field, e.code]).sort()).toEqual([
      ['email', 'invalid_email'],
      ['lastName', 'required'],
    ]);
    const badPhone = await organiser.browser.post(url, {
      firstName: 'Hugo',
      lastName: 'Blanc',
      email: 'hugo.blanc@walkin.example',
      phone: '12',
    });
    expect((badPhone.json() as Problem).errors).toEqual([
      expect.objectContaining({ field: 'phone', code: 'invalid_phone' }),
    ]);
    const link = await organiser.browser.post(url, { firstName: 'www.spam.fr', lastName: 'Blanc' });
    expect((link.json() as Problem).errors?.[0]).toMatchObject({ field: 'firstName' });
    const refused = await outsider.browser.post(url, {
      firstName: 'Hugo',
      lastName: 'Blanc',
      email: 'hugo.blanc@walkin.example',
    });
    expect(refused.statusCode).toBe(403);
    expect(await personByEmail('hugo.blanc@walkin.example')).toBeUndefined();
    expect((await organiser.browser.get(`/api/events/${event.id}/checkin`)).json()).toMatchObject({
      expected: 0,
    });

    const cancelled = await createEvent({ title: 'Annulé' });
    await organiser.browser.post(`/api/events/${cancelled.id}/cancel`);
    const late = await organiser.browser.post(`/api/events/${cancelled.id}/walk-ins`, {
      firstName: 'Hugo',
      lastName: 'Blanc',
      email: 'hugo.blanc@walkin.example',
    });
    expect((late.json() as Problem).code).toBe('event_cancelled');
    expect(await personByEmail('hugo.blanc@walkin.example')).toBeUndefined();
  });

  it('sends no reminder or thank-you to a walk-in', async () => {
    const event = await createEvent({
      type: 'meeting',
      startsAt: at(-4 * hour),
      endsAt: at(-2 * hour),
    });
    const walkIn = await organiser.browser.post(`/api/events/${event.id}/walk-ins`, {
      firstName: 'Inès',
      lastName: 'Moreau',
      email: 'ines.moreau@walkin.example',
    });
    expect(walkIn.json()).toMatchObject({ created: true, attendee: { status: 'going' } });
    await sendDueReminders(t.ctx);
    const person = await personByEmail('ines.moreau@walkin.example');
    const mails = await select(
      sql`SELECT 1 FROM mail_outbox WHERE campaign_id = ${t.ctx.campaignId} AND person_id = ${person!.id}`,
    );
    expect(mails).toEqual([]);
  });

  it('takes a report once the event has started, checks its figures, and sums reports in the committee’s figures', async () => {
    const coming = await createEvent({ title: 'À venir' });
    const early = await organiser.browser.put(`/api/events/${coming.id}/report`, { attendance: 3 });
    expect(early.statusCode).toBe(409);
    expect((early.json() as Problem).code).toBe('event_not_started');
    expect((await organiser.browser.get(`/api/events/${coming.id}/report`)).json()).toEqual({
      started: false,
      checkedIn: 0,
      report: null,
    });

    const held = await createEvent({ title: 'Porte-à-porte du matin', startsAt: at(-hour) });
    const amandine = await supporter('Juliette', 'Caron');
    await amandine.browser.put(`/api/events/${held.id}/rsvp`, {});
    const late = await supporter('Kevin', 'Caron');
    await late.browser.put(`/api/events/${held.id}/rsvp`, {});
    await organiser.browser.put(`/api/events/${held.id}/checkin/${amandine.personId}`, {
      present: true,
    });
    await organiser.browser.post(`/api/events/${held.id}/walk-ins`, {
      firstName: 'Léon',
      lastName: 'Caron',
    });
    const url = `/api/events/${held.id}/report`;
    expect((await organiser.browser.get(url)).json()).toEqual({
      started: true,
      checkedIn: 2,
      report: null,
    });
    for (const [body, field] of [
      [{ attendance: -1 }, 'attendance'],
      [{ attendance: 2.5 }, 'attendance'],
      [{ attendance: '12' }, 'attendance'],
      [{ attendance: 2, doorsKnocked: 2_000_000 }, 'doorsKnocked'],
      [{ attendance: 2, notes: 'x'.repeat(5_001) }, 'notes'],
    ] as const) {
      const bad = await organiser.browser.put(url, body);
      expect(bad.statusCode, JSON.stringify(body)).toBe(400);
      expect((bad.json() as Problem).errors?.[0]?.field).toBe(field);
    }
    expect((await organiser.browser.get(url)).json()).toMatchObject({ report: null });
    expect((await outsider.browser.put(url, { attendance: 1 })).statusCode).toBe(403);

    const saved = await organiser.browser.put(url, {
      attendance: 5,
      doorsKnocked: 120,
      conversations: 34,
      leaflets: 300,
      notes: '  Bon accueil rue Dumenge.\nÀ refaire.  ',
    });
    expect(saved.statusCode, saved.body).toBe(200);
    expect((saved.json() as EventReportState).report).toMatchObject({
      attendance: 5,
      doorsKnocked: 120,
      conversations: 34,
      leaflets: 300,
      calls: 0,
      notes: 'Bon accueil rue Dumenge.\nÀ refaire.',
      reportedBy: 'Odile Martin',
    });
    // Corrected: one report per event.
    await organiser.browser.put(url, {
      attendance: 6,
      doorsKnocked: 130,
      conversations: 34,
      leaflets: 300,
    });
    const phoning = await createEvent({
      type: 'phone_bank',
      title: 'Phoning',
      startsAt: at(-3 * hour),
      endsAt: at(-2 * hour),
    });
    await organiser.browser.put(`/api/events/${phoning.id}/report`, { attendance: 4, calls: 210 });

    const statsUrl = `/api/committees/${committee.id}/stats`;
    const stats = (await organiser.browser.get(statsUrl)).json() as CommitteeStats;
    // Held: this morning's, the phoning and the earlier test's meeting (its walk-in was there).
    expect(stats).toMatchObject({
      eventsHeld: 3,
      answers: 2,
      attendance: 3,
      reported: {
        reports: 2,
        attendance: 10,
        doorsKnocked: 130,
        conversations: 34,
        leaflets: 300,
        calls: 210,
      },
    });
    expect(stats.eventsUpcoming).toBeGreaterThanOrEqual(1);
    expect(stats.months).toHaveLength(12);
    expect(stats.months.at(-1)).toEqual({
      month: expect.stringMatching(/^\d{4}-\d{2}$/),
      members: stats.members,
      followers: stats.followers,
    });
    expect(stats.members).toBe(1);
    expect((await outsider.browser.get(statsUrl)).statusCode).toBe(403);
    const staff = await staffBrowser(t, 'staff@checkin.example', ['staff']);
    expect((await staff.get(statsUrl)).json()).toMatchObject({ eventsHeld: 3 });
  });
});

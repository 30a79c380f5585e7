import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Committee } from '../../../contracts/committees.ts';
import type { Event } from '../../../contracts/events.ts';
import { runRetentionPurges } from '../../core/personal-data/rights.ts';
import {
  Browser,
  createTestApp,
  engines,
  signupAndConfirm,
  supporterBrowser,
  type TestApp,
} from '../../testing/harness.ts';
import { personalData } from '../personal-data.ts';

const urlencoded = { 'content-type': 'application/x-www-form-urlencoded' };
const day = 86_400_000;
const inDays = (days: number, hour = 17) => {
  const at = new Date(Date.now() + days * day);
  at.setUTCHours(hour, 0, 0, 0);
  return at.toISOString();
};

describe.each(engines)('a visitor answers an event on %s', (engine) => {
  let t: TestApp;
  let n = 0;
  let organiser: Awaited<ReturnType<typeof supporterBrowser>>;
  let committee: Committee;

  /** A browser from its own address, as each visitor is. */
  const visitor = () => new Browser(t.app, `10.77.${++n}.1`);
  const address = (name: string) => `${name}.${++n}@visitor.example`;

  const create = async (overrides: Record<string, unknown> = {}) => {
    const response = await organiser.browser.post(`/api/committees/${committee.id}/events`, {
      type: 'public_meeting',
      title: `Réunion ${++n}`,
      startsAt: inDays(5),
      endsAt: inDays(5, 19),
      place: { postalCode: '69001', street: '1 place des Terreaux' },
      ...overrides,
    });
    if (response.statusCode !== 201) throw new Error(response.body);
    return response.json() as Event;
  };

  const answer = (browser: Browser, eventId: number, fields: Record<string, string>) =>
    browser.request(
      'POST',
      `/events/${eventId}/rsvp/visitor`,
      new URLSearchParams({
        firstName: 'Louise',
        lastName: 'Martin',
        postalCode: '69003',
        guests: '0',
        'consents.email': 'on',
        ...fields,
      }).toString(),
      urlencoded,
    );

  const rsvp = async (eventId: number, email: string) =>
    (
      await t.ctx.database.query<{ status: string; guests: number; source: string }>(
        `SELECT r.status, r.guests, r.source FROM event_rsvps r
           JOIN people p ON p.campaign_id = r.campaign_id AND p.id = r.person_id
          WHERE r.event_id = $1 AND p.email_normalized = $2`,
        [eventId, email],
      )
    )[0];
  const counts = async (eventId: number) =>
    (
      await t.ctx.database.query<{ going: number; waiting: number }>(
        'SELECT going, waiting FROM events WHERE id = $1',
        [eventId],
      )
    )[0];
  const person = async (email: string) =>
    (
      await t.ctx.database.query<{
        first_name: string;
        source: string;
        confirmed_at: Date | null;
        commune_code: string;
      }>(
        'SELECT first_name, source, confirmed_at, commune_code FROM people WHERE email_normalized = $1',
        [email],
      )
    )[0];

  /** The confirmation mail to `email`, and the page its link's button leads to. */
  const confirmByMail = async (email: string, since: number) => {
    const mail = await t.smtp.waitFor(
      email,
      (m) => m.text.includes('/confirm?token='),
      10_000,
      since,
    );
    const token = /confirm\?token=([\w.-]+)/.exec(mail.text)![1];
    const page = await new Browser(t.app, `10.78.${++n}.1`).request(
      'POST',
      '/confirm',
      new URLSearchParams({ token, locale: 'fr' }).toString(),
      urlencoded,
    );
    return { mail, page };
  };

  beforeAll(async () => {
    t = await createTestApp(engine);
    organiser = await supporterBrowser(t, 'organiser@visitor.example', { firstName: 'Odile' });
    committee = (
      await organiser.browser.post('/api/committees', {
        name: 'Comité des Terreaux',
        place: { postalCode: '69001' },
      })
    ).json() as Committee;
  });
  afterAll(async () => {
    await t?.close();
  });

  it('makes a new unconfirmed person and a pending answer; the confirmation books the place', async () => {
    const event = await create({ title: 'Réunion des Terreaux', capacity: 10 });
    const email = address('louise');
    const since = t.smtp.received.length;
    const browser = visitor();
    const response = await answer(browser, event.id, { email, guests: '1' });
    expect(response.statusCode).toBe(303);
    expect(response.headers.location).toBe(`/events/${event.id}?notice=pending`);
    const page = (await browser.get(response.headers.location as string)).body;
    expect(page).toContain('Vérifiez votre boîte e-mail pour confirmer');

    expect(await person(email)).toMatchObject({
      first_name: 'Louise',
      source: 'event_rsvp',
      confirmed_at: null,
      commune_code: '69123',
    });
    expect(await rsvp(event.id, email)).toEqual({
      status: 'pending',
      guests: 1,
      source: 'visitor',
    });
    expect(await counts(event.id)).toEqual({ going: 0, waiting: 0 });

    const { mail, page: confirmed } = await confirmByMail(email, since);
    // The mail says which event, in the campaign's words only.
    expect(mail.text).toContain('Votre réponse à « Réunion des Terreaux » (');
    expect(confirmed.statusCode).toBe(200);
    expect(confirmed.body).toContain(
      'Votre place à « Réunion des Terreaux » est réservée. Une confirmation part par e-mail',
    );
    expect(await rsvp(event.id, email)).toEqual({ status: 'going', guests: 1, source: 'visitor' });
    expect(await counts(event.id)).toEqual({ going: 2, waiting: 0 });
    expect((await person(email)).confirmed_at).not.toBeNull();

    // The event's own mail follows, with its calendar file and the one-click cancellation.
    const going = await t.smtp.waitFor(email, (m) => m.subject.startsWith('Inscription confirmée'));
    expect(going.subject).toBe('Inscription confirmée : Réunion des Terreaux');
    expect(going.text).toContain(`http://levier.test/events/${event.id}/calendar.ics`);
    expect(going.text).toMatch(/http:\/\/levier\.test\/events\/rsvp\/cancel\?token=[\w.-]+/);

    // Near the person (Lyon 3e): the committee of the Terreaux and its event, with distances.
    expect(confirmed.body).toContain(
      '<h2 id="nearby-committees-title">Les comités près de chez vous</h2>',
    );
    expect(confirmed.body).toMatch(
      new RegExp(
        `<a href="/committees/${committee.id}">Comité des Terreaux</a>[\\s\\S]*?à \\d+,\\d km`,
      ),
    );
    expect(confirmed.body).toContain(
      '<h2 id="nearby-events-title">Les prochains événements près de chez vous</h2>',
    );
    expect(confirmed.body).toContain(`<a href="/events/${event.id}">Réunion des Terreaux</a>`);
    expect(confirmed.body).toMatch(
      /href="\/events\?lat=45\.\d+&amp;lng=4\.\d+"|href="\/events\?lat=45\.\d+&lng=4\.\d+"/,
    );

    // Clicking again confirms nothing twice: one event mail only.
    await confirmByMail(email, since);
    await new Promise((resolve) => setTimeout(resolve, 300));
    expect(
      t.smtp.received.filter((m) => m.to === email && m.subject.startsWith('Inscription')),
    ).toHaveLength(1);
  });

  it('changes nothing about a known person until their address confirms the answer', async () => {
    const email = address('known');
    await signupAndConfirm(t, { email, firstName: 'Bérénice', postalCode: '69001' });
    const event = await create();
    const since = t.smtp.received.length;
    const response = await answer(visitor(), event.id, {
      email,
      firstName: 'Usurpatrice',
      postalCode: '13001',
    });
    expect(response.statusCode).toBe(303);
    expect(await person(email)).toMatchObject({ first_name: 'Bérénice', commune_code: '69123' });
    expect(await rsvp(event.id, email)).toMatchObject({ status: 'pending' });
    expect(await counts(event.id)).toEqual({ going: 0, waiting: 0 });

    // Someone typing the address of a person already coming changes neither answer nor guests.
    const other = await create({ capacity: 5 });
    const { browser } = await supporterBrowser(t, address('coming'));
    await browser.put(`/api/events/${other.id}/rsvp`, { guests: 0 });
    const comingEmail = (
      await t.ctx.database.query<{ email_normalized: string }>(
        `SELECT p.email_normalized FROM event_rsvps r JOIN people p ON p.id = r.person_id
          WHERE r.event_id = $1`,
        [other.id],
      )
    )[0]!.email_normalized;
    await answer(visitor(), other.id, { email: comingEmail, guests: '4' });
    expect(await rsvp(other.id, comingEmail)).toMatchObject({ status: 'going', guests: 0 });
    expect(await counts(other.id)).toEqual({ going: 1, waiting: 0 });

    const { page } = await confirmByMail(email, since);
    expect(page.statusCode).toBe(200);
    expect(await rsvp(event.id, email)).toMatchObject({ status: 'going' });
    // Confirmed: the submission applies, as a sign-up's does.
    expect(await person(email)).toMatchObject({ first_name: 'Usurpatrice', commune_code: '13055' });
    // Nothing near Marseille yet: the way to start a committee there.
    expect(page.body).toContain(
      '<h2 id="nearby-committees-title">Lancez le premier comité près de chez vous</h2>',
    );
    expect(page.body).toContain(
      '<a class="button primary" href="/me/committees/new">Créer un comité</a>',
    );
    expect(page.body).toContain('Aucun événement prévu près de chez vous pour l’instant.');
  });

  it('puts the answer on the waiting list when the event filled up before the confirmation', async () => {
    const event = await create({ capacity: 1 });
    const email = address('late');
    const since = t.smtp.received.length;
    await answer(visitor(), event.id, { email });
    const { browser } = await supporterBrowser(t, address('early'));
    expect((await browser.put(`/api/events/${event.id}/rsvp`, { guests: 0 })).json()).toMatchObject(
      { status: 'going' },
    );
    const { page } = await confirmByMail(email, since);
    expect(page.body).toContain('est complet : vous êtes sur la liste d’attente');
    expect(await rsvp(event.id, email)).toMatchObject({ status: 'waitlist' });
    expect(await counts(event.id)).toEqual({ going: 1, waiting: 1 });
    const mail = await t.smtp.waitFor(email, (m) => m.subject.startsWith('Liste d'));
    expect(mail.subject).toMatch(/^Liste d’attente|^Liste d'attente/);
    expect(mail.text).not.toContain('calendar.ics');
  });

  it('keeps the answer pending when the event was cancelled before the confirmation', async () => {
    const event = await create();
    const email = address('cancelled');
    const since = t.smtp.received.length;
    await answer(visitor(), event.id, { email });
    expect((await organiser.browser.post(`/api/events/${event.id}/cancel`)).statusCode).toBe(200);
    const { page } = await confirmByMail(email, since);
    expect(page.statusCode).toBe(200);
    expect(page.body).toContain('ne prend plus d’inscription (annulé ou terminé)');
    expect(await rsvp(event.id, email)).toMatchObject({ status: 'pending' });
    expect(await counts(event.id)).toEqual({ going: 0, waiting: 0 });
    // The sign-up itself stands.
    expect((await person(email)).confirmed_at).not.toBeNull();
  });

  it('refuses bad input with the form as typed, and writes nothing', async () => {
    const event = await create();
    const browser = visitor();
    const email = address('bad');
    const refused = await answer(browser, event.id, {
      email: 'not-an-address',
      firstName: '',
      postalCode: '00000',
      guests: '40',
    });
    expect(refused.statusCode).toBe(400);
    const html = refused.body;
    expect(html).toContain('<title>Erreur : ');
    expect(html).toMatch(/id="event-firstName-error">Ce champ est obligatoire\.</);
    expect(html).toMatch(/id="event-email-error">Cette adresse e-mail n’est pas valide\.</);
    expect(html).toMatch(/id="event-postalCode-error">Ce code postal est inconnu\.</);
    expect(html).toContain('id="event-guests-error">Choisissez de 0 à 10 personnes.<');
    expect(html).toContain('value="not-an-address"');
    expect(html).toContain('value="Martin"');
    expect(
      await t.ctx.database.query('SELECT 1 FROM event_rsvps WHERE event_id = $1', [event.id]),
    ).toHaveLength(0);

    // A cancelled event takes no answer, and no person is made for it.
    const cancelled = await create();
    await organiser.browser.post(`/api/events/${cancelled.id}/cancel`);
    const closed = await answer(browser, cancelled.id, { email });
    expect(closed.statusCode).toBe(409);
    expect(closed.body).toContain('Cet événement est annulé : il ne prend plus d’inscription.');
    expect(await person(email)).toBeUndefined();

    // A members' event is not seen by a visitor; an unknown event is not found.
    const members = await create({ visibility: 'members' });
    expect((await answer(browser, members.id, { email })).statusCode).toBe(404);
    expect((await answer(browser, 999_999, { email })).statusCode).toBe(404);
    expect(await person(email)).toBeUndefined();
  });

  it('purges pending answers with the sign-ups never confirmed', async () => {
    const event = await create();
    const stranger = address('stranger');
    const known = address('knownpurge');
    await signupAndConfirm(t, { email: known });
    await answer(visitor(), event.id, { email: stranger });
    await answer(visitor(), event.id, { email: known });
    await t.smtp.waitFor(stranger, (m) => m.text.includes('/confirm?token='));
    const old = "now() - interval '30 days'";
    await t.ctx.database.query(
      `UPDATE people SET created_at = ${old} WHERE email_normalized = $1`,
      [stranger],
    );
    await t.ctx.database.query(
      `UPDATE signups SET created_at = ${old} WHERE confirmed_at IS NULL AND data->>'email' IN ($1, $2)`,
      [stranger, known],
    );
    await t.ctx.database.query(
      `UPDATE event_rsvps SET updated_at = ${old} WHERE event_id = $1 AND status = 'pending'`,
      [event.id],
    );
    const removed = await runRetentionPurges(personalData(), t.ctx);
    expect(removed.pendingAnswers).toBe(1);
    expect(await person(stranger)).toBeUndefined();
    expect(await rsvp(event.id, stranger)).toBeUndefined();
    expect(await rsvp(event.id, known)).toBeUndefined();
    expect(await person(known)).toBeDefined();
  });
});

import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Committee } from '../../../../contracts/committees.ts';
import type { Event } from '../../../../contracts/events.ts';
import {
  Browser,
  createTestApp,
  engines,
  supporterBrowser,
  type TestApp,
} from '../../../testing/harness.ts';

const urlencoded = { 'content-type': 'application/x-www-form-urlencoded' };
const form = (fields: Record<string, string>) => new URLSearchParams(fields).toString();

/** The content of a `<meta property=…>` or `<meta name=…>` of a page. */
const meta = (html: string, name: string) =>
  new RegExp(`<meta (?:property|name)="${name}" content="([^"]*)">`).exec(html)?.[1];

/** The value of a hidden field in a page's form. */
const hidden = (html: string, name: string) =>
  new RegExp(`<input type="hidden" name="${name}" value="([^"]*)">`).exec(html)?.[1];

/** The events' titles in a list page, in the order shown. */
const listed = (html: string) =>
  [...html.matchAll(/<h3><a href="\/events\/\d+">([^<]*)<\/a>/g)].map((m) => m[1]);

const NAMES = ['Amandine', 'Baptiste', 'Capucine', 'Dorian', 'Eugénie', 'Florent', 'Garance'];
const day = 86_400_000;
/** Times a few days ahead, so that every run finds them upcoming. */
const inDays = (days: number, hour = 17) => {
  const at = new Date(Date.now() + days * day);
  at.setUTCHours(hour, 0, 0, 0);
  return at.toISOString();
};

describe.each(engines)('public event pages on %s', (engine) => {
  let t: TestApp;
  let n = 0;
  let organiser: Awaited<ReturnType<typeof supporterBrowser>>;
  let committee: Committee;

  const supporter = () => {
    n += 1;
    return supporterBrowser(t, `person-${n}@event-pages.example`, {
      firstName: NAMES[n % NAMES.length],
    });
  };
  const visitor = () => new Browser(t.app, `10.41.${++n}.1`);

  const create = async (overrides: Record<string, unknown> = {}) => {
    const response = await organiser.browser.post(`/api/committees/${committee.id}/events`, {
      type: 'public_meeting',
      title: 'Réunion publique',
      description: 'Venez **nombreux** parler du programme.',
      startsAt: inDays(5),
      endsAt: inDays(5, 19),
      place: { postalCode: '69001', street: '1 place des Terreaux' },
      ...overrides,
    });
    if (response.statusCode !== 201) throw new Error(response.body);
    return response.json() as Event;
  };
  /** The event as the API tells it to `browser` (its answer, the counts). */
  const apiView = async (browser: Browser, id: number) =>
    (await browser.get(`/api/events/${id}`)).json() as Event;

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

  it('lists upcoming public events nearest a postal code, with when, where, how far and places', async () => {
    await create({ title: 'Porte-à-porte Croix-Rousse', type: 'door_to_door', capacity: 10 });
    await create({
      title: 'Tractage Vieux-Port',
      type: 'leaflet_drop',
      place: { postalCode: '13001' },
    });
    await create({ title: 'Réunion interne', type: 'meeting', visibility: 'members' });
    const response = await visitor().get('/events?place=69003');
    expect(response.statusCode).toBe(200);
    expect(response.headers['content-type']).toContain('text/html');
    const html = response.body;
    expect(html).toContain('<title>Événements — ');
    expect(html).toContain(
      '<h2 id="event-results-title">Les événements les plus proches de 69003 Lyon</h2>',
    );
    const titles = listed(html);
    expect(titles.indexOf('Porte-à-porte Croix-Rousse')).toBeLessThan(
      titles.indexOf('Tractage Vieux-Port'),
    );
    expect(titles).not.toContain('Réunion interne');
    const item = html.slice(html.indexOf('Porte-à-porte Croix-Rousse'));
    // Type, then the day and hours on the campaign's clock, in French.
    expect(item).toMatch(
      /<span class="event-type">Porte-à-porte<\/span> · <time datetime="[^"]+">[A-Z][a-zé]+ \d{1,2} [a-zéû]+( \d{4})?, \d{2}:00\s–\s\d{2}:00<\/time>/,
    );
    expect(item).toMatch(/69001 Lyon · à \d+,\d km · Comité des Pentes/);
    expect(item).toContain('0 participant · 10 places restantes');
    // The header leads to the events too, next to the committees.
    expect(html).toMatch(
      /<nav class="site-nav"[^>]*><a href="\/committees">Comités<\/a><a href="\/events" aria-current="page">Événements<\/a><\/nav>/,
    );
    expect(html).toContain('<script src="/committees/near-me.js" defer></script>');

    // By type and by days; an empty field of the form is no filter.
    const byType = await visitor().get('/events?place=69003&type=leaflet_drop&from=&to=');
    expect(listed(byType.body)).toContain('Tractage Vieux-Port');
    expect(listed(byType.body)).not.toContain('Porte-à-porte Croix-Rousse');
    expect(byType.body).toContain('<option value="leaflet_drop" selected>Tractage</option>');
    // The map's place, hidden until the script draws it: the page's filters, the place searched.
    const panel = /<div class="map-panel" [^>]*hidden><\/div>/.exec(byType.body)?.[0] ?? '';
    expect(panel).toContain('data-map="events"');
    expect(panel).toContain('data-map-api="/api/events/map?type=leaflet_drop"');
    expect(panel).toMatch(/data-map-center="4\.8\d{3},45\.7\d{3}"/);
    expect(panel).toContain('&quot;label&quot;:&quot;Carte des événements&quot;');
    // No style configured: the built-in outlines.
    expect(panel).not.toContain('data-map-style');
    const later = new Date(Date.now() + 30 * day).toISOString().slice(0, 10);
    const none = await visitor().get(`/events?from=${later}`);
    expect(listed(none.body)).toEqual([]);
    expect(none.body).toContain('Aucun événement prévu pour ces dates.');
    expect(none.body).toContain('<a class="button primary" href="/committees">');
    const soonest = await visitor().get('/events');
    expect(soonest.body).toContain('Les prochains événements');

    const english = await visitor().get('/events?place=69003&lang=en');
    expect(english.body).toContain('<h1>Events</h1>');
    expect(english.body).toMatch(/Door-to-door<\/span> · <time[^>]*>[A-Z][a-z]+ \d{1,2} [A-Z]/);

    const unknown = await visitor().get('/events?place=00000');
    expect(unknown.statusCode).toBe(400);
    expect(unknown.body).toMatch(/<input [^>]*name="place" value="00000"[^>]*aria-invalid="true">/);
    const malformed = await visitor().get('/events?from=demain');
    expect(malformed.statusCode).toBe(400);
    expect(malformed.body).toContain('Cette recherche n’est pas valide');
    expect(malformed.body).not.toContain('data-map=');
  });

  it('draws an event’s page with its Open Graph tags, calendar and committee; the online link only for those going', async () => {
    const event = await create({
      title: 'Réunion publique des Pentes',
      onlineUrl: 'https://visio.example/pentes',
      capacity: 1,
    });
    const response = await visitor().get(`/events/${event.id}`);
    expect(response.statusCode).toBe(200);
    const html = response.body;
    expect(html).toContain('<title>Réunion publique des Pentes — ');
    expect(meta(html, 'og:title')).toMatch(/^Réunion publique des Pentes — /);
    expect(meta(html, 'og:description')).toBe('Venez nombreux parler du programme.');
    expect(meta(html, 'og:url')).toBe(`${t.ctx.config.publicUrl}/events/${event.id}`);
    expect(html).toContain('<h1>Réunion publique des Pentes</h1>');
    expect(html).toContain('<li>1 place des Terreaux, 69001 Lyon</li>');
    expect(html).toContain('<strong>nombreux</strong>');
    expect(html).toContain(
      `Organisé par <a href="/committees/${committee.id}">Comité des Pentes</a>`,
    );
    expect(html).toContain('0 participant · 1 place restante');
    expect(html).toContain(
      `<a class="button secondary" href="/events/${event.id}/calendar.ics">Ajouter à mon agenda</a>`,
    );
    expect(html).toContain('En ligne : le lien est donné aux participants inscrits.');
    expect(html).not.toContain('visio.example');
    // A visitor answers with their name and address, or logs in (and comes back).
    expect(html).toContain(
      `<form class="signup-form event-form" method="post" action="/events/${event.id}/rsvp/visitor"`,
    );
    expect(html).toContain(
      `Vous avez déjà un compte ? <a href="/login?next=%2Fevents%2F${event.id}">Se connecter</a>`,
    );

    const { browser } = await supporter();
    const token = hidden((await browser.get(`/events/${event.id}`)).body, '_csrf')!;
    const answered = await browser.request(
      'POST',
      `/events/${event.id}/rsvp`,
      form({ guests: '0', _csrf: token }),
      urlencoded,
    );
    const going = (await browser.get(answered.headers.location as string)).body;
    expect(going).toContain('https://visio.example/pentes');
    expect(going).toContain('1 participant · Complet : liste d’attente');
    expect((await visitor().get(`/events/${event.id}`)).body).not.toContain('visio.example');

    // On the committee's page: its next events and its calendar.
    const committeePage = (await visitor().get(`/committees/${committee.id}`)).body;
    expect(committeePage).toContain(
      `<h3><a href="/events/${event.id}">Réunion publique des Pentes</a></h3>`,
    );
    expect(committeePage).toContain(
      `<a href="/committees/${committee.id}/calendar.ics">S’abonner à l’agenda du comité</a>`,
    );

    for (const id of ['0', 'abc', '99999999999', '2147483647']) {
      const missing = await visitor().get(`/events/${id}`);
      expect(missing.statusCode).toBe(404);
      expect(missing.body).toContain('<h1>Événement introuvable</h1>');
    }
  });

  it('shows a private event with its key only, and keeps the key through login and answers', async () => {
    const event = await create({ title: 'Réunion privée', type: 'meeting', visibility: 'private' });
    expect((await visitor().get(`/events/${event.id}`)).statusCode).toBe(404);
    expect((await visitor().get(`/events/${event.id}?key=wrong`)).statusCode).toBe(404);
    const key = event.privateKey!;
    const page = await visitor().get(`/events/${event.id}?key=${key}`);
    expect(page.statusCode).toBe(200);
    expect(page.body).toContain('<h1>Réunion privée</h1>');
    expect(page.body).toContain(
      `href="/login?next=${encodeURIComponent(`/events/${event.id}?key=${key}`)}"`,
    );
    // Its calendar file is served to anyone: not offered for it.
    expect(page.body).not.toContain('calendar.ics');

    const { browser, personId } = await supporter();
    const html = (await browser.get(`/events/${event.id}?key=${key}`)).body;
    expect(hidden(html, 'key')).toBe(key);
    const answered = await browser.request(
      'POST',
      `/events/${event.id}/rsvp`,
      form({ guests: '2', key, _csrf: hidden(html, '_csrf')! }),
      urlencoded,
    );
    expect(answered.statusCode).toBe(303);
    expect(answered.headers.location).toBe(`/events/${event.id}?key=${key}&notice=going`);
    const after = (await browser.get(answered.headers.location as string)).body;
    expect(after).toContain('Vous participez, avec 2 personnes.');
    const list = (
      await organiser.browser.get(`/api/events/${event.id}/attendees`)
    ).json() as Array<{
      personId: number;
      guests: number;
    }>;
    expect(list).toEqual([expect.objectContaining({ personId, guests: 2 })]);
    // Its managers see where to manage it and the link to share.
    const own = (await organiser.browser.get(`/events/${event.id}`)).body;
    expect(own).toContain(`href="/me/events/${event.id}/manage"`);
    expect(own).toContain(`${t.ctx.config.publicUrl}/events/${event.id}?key=${key}`);
  });

  it('answers and withdraws by form posts with the CSRF token in the form, and refuses them without', async () => {
    const event = await create({ title: 'Atelier tractage', capacity: 1 });
    const { browser, email } = await supporter();
    const page = (await browser.get(`/events/${event.id}`)).body;
    expect(page).toContain(
      `<form class="event-form" method="post" action="/events/${event.id}/rsvp">`,
    );
    expect(page).toContain('<a class="account" href="/me">Mon espace</a>');
    const token = hidden(page, '_csrf')!;
    expect(token).toBeTruthy();
    const post = (path: string, fields: Record<string, string>) =>
      browser.request('POST', `/events/${event.id}/${path}`, form(fields), urlencoded);

    // Without the form's token (the API's header is not enough), or with a wrong one: refused.
    const withoutToken: Array<Record<string, string>> = [
      { guests: '0' },
      { guests: '0', _csrf: 'forged' },
    ];
    for (const fields of withoutToken) {
      const refused = await post('rsvp', fields);
      expect(refused.statusCode).toBe(403);
      expect(refused.headers['content-type']).toContain('text/html');
      expect(refused.body).toContain('Rechargez la page puis réessayez');
      expect(hidden(refused.body, '_csrf')).toBeTruthy();
      expect((await apiView(browser, event.id)).myRsvp).toBeNull();
    }

    const since = t.smtp.received.length;
    const answered = await post('rsvp', { guests: '0', _csrf: token });
    expect(answered.statusCode).toBe(303);
    expect(answered.headers.location).toBe(`/events/${event.id}?notice=going`);
    const after = (await browser.get(answered.headers.location as string)).body;
    expect(after).toContain('C’est noté : vous participez.');
    expect(after).toContain('<strong>Vous participez.</strong>');
    expect((await apiView(browser, event.id)).myRsvp).toEqual({ status: 'going', guests: 0 });
    const mail = await t.smtp.waitFor(
      email,
      (m) => /Inscription confirmée/.test(m.subject),
      10_000,
      since,
    );
    expect(mail.text).toContain('Atelier tractage');

    // Two guests do not fit in the one place: said on the page, nothing changed.
    const tooMany = await post('rsvp', { guests: '2', _csrf: token });
    expect(tooMany.statusCode).toBe(409);
    expect(tooMany.body).toContain('Il ne reste pas assez de places');
    expect((await apiView(browser, event.id)).myRsvp?.guests).toBe(0);

    // Full: the next one is offered the waiting list.
    const { browser: late } = await supporter();
    const full = (await late.get(`/events/${event.id}`)).body;
    expect(full).toContain('M’inscrire sur la liste d’attente');
    const waiting = await late.request(
      'POST',
      `/events/${event.id}/rsvp`,
      form({ guests: '0', _csrf: hidden(full, '_csrf')! }),
      urlencoded,
    );
    expect(waiting.headers.location).toBe(`/events/${event.id}?notice=waitlist`);
    expect((await late.get(waiting.headers.location as string)).body).toContain(
      'Vous êtes sur la liste d’attente',
    );

    const withdrawn = await post('rsvp/withdraw', { _csrf: token });
    expect(withdrawn.statusCode).toBe(303);
    expect(withdrawn.headers.location).toBe(`/events/${event.id}?notice=withdrawn`);
    expect((await browser.get(withdrawn.headers.location as string)).body).toContain(
      'Votre participation est annulée.',
    );
    expect((await apiView(browser, event.id)).myRsvp).toBeNull();
    // The waiting list moved up.
    expect((await apiView(late, event.id)).myRsvp?.status).toBe('going');

    // A form posted once the session ended leads to the login page.
    const anonymous = visitor();
    const { csrfToken } = await anonymous.session();
    const loggedOut = await anonymous.request(
      'POST',
      `/events/${event.id}/rsvp`,
      form({ guests: '0', _csrf: csrfToken }),
      urlencoded,
    );
    expect(loggedOut.statusCode).toBe(303);
    expect(loggedOut.headers.location).toBe(`/login?next=%2Fevents%2F${event.id}`);
  });

  it('cancels from the mail’s link with one button: opening the link changes nothing', async () => {
    const event = await create({ title: 'Porte-à-porte samedi', type: 'door_to_door' });
    const coming = await supporter();
    const since = t.smtp.received.length;
    await coming.browser.put(`/api/events/${event.id}/rsvp`, {});
    const mail = await t.smtp.waitFor(
      coming.email,
      (m) => /Inscription confirmée/.test(m.subject),
      10_000,
      since,
    );
    const link = /https?:\/\/\S+\/events\/rsvp\/cancel\?token=[\w.-]+/.exec(mail.text)![0];
    const path = new URL(link).pathname + new URL(link).search;

    // A mail client (no cookie, no session) opening it twice: a button, nothing withdrawn.
    const scanner = visitor();
    for (let i = 0; i < 2; i++) {
      const opened = await scanner.get(path);
      expect(opened.statusCode).toBe(200);
      expect(opened.body).toContain(
        '<form class="event-form" method="post" action="/events/rsvp/cancel">',
      );
      expect(opened.body).toContain('Vous ne pouvez plus venir à « Porte-à-porte samedi »');
    }
    expect((await apiView(coming.browser, event.id)).myRsvp?.status).toBe('going');

    // The button without the page's token is refused; with it, the answer is withdrawn.
    const page = (await scanner.get(path)).body;
    const token = hidden(page, 'token')!;
    const refused = await scanner.request(
      'POST',
      '/events/rsvp/cancel',
      form({ token }),
      urlencoded,
    );
    expect(refused.statusCode).toBe(403);
    expect(refused.body).toContain('Rechargez la page puis réessayez');
    expect((await apiView(coming.browser, event.id)).myRsvp?.status).toBe('going');
    const done = await scanner.request(
      'POST',
      '/events/rsvp/cancel',
      form({ token, _csrf: hidden(page, '_csrf')! }),
      urlencoded,
    );
    expect(done.statusCode).toBe(200);
    expect(done.body).toContain(
      'C’est fait : votre participation à « Porte-à-porte samedi » est annulée.',
    );
    expect((await apiView(coming.browser, event.id)).myRsvp).toBeNull();
    expect((await scanner.get(path)).body).toContain(
      'Votre participation à « Porte-à-porte samedi » est déjà annulée.',
    );

    const forged = await visitor().get(`/events/rsvp/cancel?token=${token.slice(0, -2)}xx`);
    expect(forged.statusCode).toBe(400);
    expect(forged.body).toContain('Ce lien d’annulation n’est pas valable.');
  });

  it('shows a cancelled event as such, and takes no answer', async () => {
    const event = await create({ title: 'Réunion annulée' });
    const cancelled = await organiser.browser.post(`/api/events/${event.id}/cancel`);
    expect(cancelled.statusCode).toBe(200);
    const { browser } = await supporter();
    const page = (await browser.get(`/events/${event.id}`)).body;
    expect(page).toContain('<strong>Annulé</strong> · Cet événement est annulé.');
    expect(page).toContain('<span class="badge-cancelled">Annulé</span>');
    expect(page).toContain('Les inscriptions sont fermées.');
    expect(page).not.toContain(`action="/events/${event.id}/rsvp"`);
    expect(page).not.toContain('Ajouter à mon agenda');
    const { csrfToken } = await browser.session();
    const refused = await browser.request(
      'POST',
      `/events/${event.id}/rsvp`,
      form({ guests: '0', _csrf: csrfToken }),
      urlencoded,
    );
    expect(refused.statusCode).toBe(409);
    expect(refused.body).toContain('Cet événement est annulé : il ne prend plus d’inscription.');
    expect((await apiView(browser, event.id)).myRsvp).toBeNull();
    expect(listed((await visitor().get('/events?place=69001')).body)).not.toContain(
      'Réunion annulée',
    );
  });

  it('escapes the title and keeps the description sanitised, in the list and the page', async () => {
    const event = await create({
      title: '<img src=x onerror=alert(1)> "Réunion"',
      description:
        'Bonjour <script>alert(1)</script><b onclick="alert(2)">gras</b> [x](javascript:alert(3))',
    });
    const page = (await visitor().get(`/events/${event.id}`)).body;
    expect(page).not.toMatch(/<img|<script>alert|onclick|onerror=alert\(1\)>|javascript:/);
    expect(page).toContain('<h1>&lt;img src=x onerror=alert(1)&gt; &quot;Réunion&quot;</h1>');
    expect(meta(page, 'og:title')).toMatch(
      /^&lt;img src=x onerror=alert\(1\)&gt; &quot;Réunion&quot; — /,
    );
    expect(meta(page, 'og:description')).not.toContain('<');
    const list = (await visitor().get('/events?place=69001')).body;
    expect(list).toContain('&lt;img src=x onerror=alert(1)&gt; &quot;Réunion&quot;</a>');
    expect(list).not.toContain('<img');
  });
});

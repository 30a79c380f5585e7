import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Committee, CommitteeRules } from '../../../../contracts/committees.ts';
import {
  Browser,
  createTestApp,
  engines,
  signupAndConfirm,
  staffBrowser,
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

/** The committees' names in a list page, in the order shown. */
const listed = (html: string) =>
  [...html.matchAll(/<h3><a href="\/committees\/\d+">([^<]*)<\/a>/g)].map((m) => m[1]);

const FIRST_NAMES = ['Élise', 'Bruno', 'Chloé', 'David', 'Farid', 'Gaëlle', 'Hugo', 'Inès'];

describe.each(engines)('public committee pages on %s', (engine) => {
  let t: TestApp;
  let staff: Browser;
  let n = 0;

  /** A confirmed supporter, logged in. */
  async function supporter() {
    n += 1;
    const email = `supporter-${n}@committee-pages.example`;
    const firstName = FIRST_NAMES[n % FIRST_NAMES.length];
    const personId = await signupAndConfirm(t, { email, firstName });
    const browser = new Browser(t.app, `10.30.${n}.1`);
    await browser.login(t, email);
    return { browser, personId, firstName };
  }

  const visitor = () => new Browser(t.app, `10.31.${++n}.1`);

  async function create(browser: Browser, body: Record<string, unknown>) {
    const response = await browser.post('/api/committees', {
      name: 'Comité',
      place: { postalCode: '69001' },
      ...body,
    });
    expect(response.statusCode, response.body).toBe(201);
    return response.json() as Committee;
  }

  /** A committee's page as the API tells it to `browser` (membership, count). */
  const apiView = async (browser: Browser, id: number) =>
    (await browser.get(`/api/committees/${id}`)).json() as Committee;

  beforeAll(async () => {
    t = await createTestApp(engine);
    staff = await staffBrowser(t, 'staff@committee-pages.example', ['staff']);
  });
  afterAll(async () => {
    await t?.close();
  });

  it('lists the committees nearest a postal code, nearest first, with distance and members', async () => {
    const places: Array<[string, Record<string, string>]> = [
      ['Comité Marseille', { communeCode: '13055' }],
      ['Comité Paris Centre', { postalCode: '75001' }],
      ['Comité Villeurbanne', { postalCode: '69100' }],
      ['Comité Lyon Presqu’île', { postalCode: '69001' }],
    ];
    for (const [name, place] of places) {
      await create((await supporter()).browser, { name, place });
    }
    const response = await visitor().get('/committees?place=69003');
    expect(response.statusCode).toBe(200);
    expect(response.headers['content-type']).toContain('text/html');
    const html = response.body;
    expect(html).toContain('<title>Trouver un comité — ');
    expect(html).toMatch(/<h2 id="committee-results-title">Les comités les plus proches de 69003/);
    expect(html).toContain('value="69003"');
    const names = listed(html);
    expect(names.slice(0, 2).sort()).toEqual(['Comité Lyon Presqu’île', 'Comité Villeurbanne']);
    // Marseille is nearer Lyon than Paris is.
    expect(names.slice(2)).toEqual(['Comité Marseille', 'Comité Paris Centre']);
    const distances = [...html.matchAll(/ · à (\d+),(\d) km · /g)].map((m) =>
      Number(`${m[1]}.${m[2]}`),
    );
    expect(distances).toHaveLength(4);
    expect([...distances].sort((a, b) => a - b)).toEqual(distances);
    // One decimal, in the page's language; one member each.
    expect(html).toMatch(/69001 Lyon · à \d+,\d km · 1 membre</);
    expect(html).not.toContain('rel="next"');
    expect(html).toContain('href="/me/committees/new"');
    // The "near me" button waits for its script: hidden without it.
    expect(html).toMatch(/<button type="button" class="secondary" data-near-me [^>]*hidden>/);
    expect(html).toContain('<script src="/committees/near-me.js" defer></script>');

    const english = await visitor().get('/committees?place=69003&lang=en');
    expect(english.body).toContain('<h1>Find a committee</h1>');
    expect(english.body).toMatch(/69001 Lyon · \d+\.\d km away · 1 member</);

    // From a point ("near me") and without anything: biggest first.
    const nearParis = await visitor().get('/committees?lat=48.86&lng=2.35');
    expect(listed(nearParis.body)[0]).toBe('Comité Paris Centre');
    expect(nearParis.body).toContain('Les comités autour de vous');
    const all = await visitor().get('/committees');
    expect(all.statusCode).toBe(200);
    expect(all.body).toContain('Les plus grands comités');
    expect(listed(all.body)).toEqual(expect.arrayContaining(places.map(([name]) => name)));
  });

  it('says so when a postal code names no commune, and refuses a malformed search', async () => {
    const response = await visitor().get('/committees?place=00000');
    expect(response.statusCode).toBe(400);
    const html = response.body;
    expect(html).toContain('<title>Erreur : Trouver un comité — ');
    expect(html).toMatch(/<input [^>]*name="place" value="00000"[^>]*aria-invalid="true">/);
    expect(html).toContain(
      '<p class="field-error" id="committee-place-error">Aucune commune n’a ce code postal ou ce code commune. Vérifiez-le puis réessayez.</p>',
    );
    expect(listed(html)).toEqual([]);
    const malformed = await visitor().get('/committees?lat=200&lng=2');
    expect(malformed.statusCode).toBe(400);
    expect(malformed.body).toContain('Cette recherche n’est pas valide');
  });

  it('pages the list with a "more" link that keeps the search', async () => {
    const rules = (await staff.get('/api/committee-rules')).json() as CommitteeRules;
    await staff.put('/api/committee-rules', { ...rules, maxLedPerPerson: 50, createdPerDay: 100 });
    const { browser } = await supporter();
    for (let i = 1; i <= 21; i++) {
      await create(browser, { name: `Pagination ${i}`, place: { postalCode: '29200' } });
    }
    await staff.put('/api/committee-rules', rules);
    const first = await visitor().get('/committees?place=29200&q=Pagination');
    expect(listed(first.body)).toHaveLength(20);
    const more =
      /<a class="button secondary" rel="next" href="([^"]+)">Voir plus de comités<\/a>/.exec(
        first.body,
      )?.[1];
    expect(more).toBe('/committees?place=29200&amp;q=Pagination&amp;offset=20');
    const second = await visitor().get(more!.replace(/&amp;/g, '&'));
    expect(listed(second.body)).toHaveLength(1);
    expect(second.body).not.toContain('rel="next"');
  });

  it('tells what to do next when no committee is near', async () => {
    // Far from every committee of these tests, but a near-by search walks them all in order:
    // a search by name that finds none is the empty list.
    const response = await visitor().get('/committees?place=97411&q=Nulle part');
    expect(response.statusCode).toBe(200);
    expect(response.body).toContain('Aucun comité près de 97411');
    expect(response.body).toContain('Lancez le premier comité près de chez vous');
    expect(response.body).toContain('<a class="button primary" href="/me/committees/new">');
  });

  it('draws a committee’s page: place, organisers, members, description, contact, Open Graph', async () => {
    const { browser, firstName } = await supporter();
    const committee = await create(browser, {
      name: 'Comité des Pentes',
      description: '**Réunions** le jeudi soir, au café.\n\n- tracts\n- porte-à-porte',
      place: { postalCode: '69001', street: '1 place des Terreaux' },
      contactEmail: 'pentes@example.org',
      contactPhone: '06 12 34 56 78',
    });
    const response = await visitor().get(`/committees/${committee.id}`);
    expect(response.statusCode).toBe(200);
    const html = response.body;
    expect(html).toContain('<title>Comité des Pentes — ');
    expect(meta(html, 'og:title')).toMatch(/^Comité des Pentes — /);
    expect(meta(html, 'og:description')).toBe(
      'Réunions le jeudi soir, au café. tracts porte-à-porte',
    );
    expect(meta(html, 'description')).toBe(meta(html, 'og:description'));
    expect(meta(html, 'og:url')).toBe(`${t.ctx.config.publicUrl}/committees/${committee.id}`);
    expect(html).toContain('<h1>Comité des Pentes</h1>');
    expect(html).toContain(`${committee.place.label} · 1 membre`);
    expect(html).not.toContain('position approximative');
    expect(html).toContain(`Animé par ${firstName}`);
    expect(html).toContain('<strong>Réunions</strong>');
    expect(html).toContain('<li>tracts</li>');
    expect(html).toContain('<a href="mailto:pentes@example.org">pentes@example.org</a>');
    expect(html).toContain('<a href="tel:0612345678">06 12 34 56 78</a>');
    // The header leads to the committees, marked as the current section, and to the events.
    expect(html).toMatch(
      /<nav class="site-nav"[^>]*><a href="\/committees" aria-current="true">Comités<\/a><a href="\/events">Événements<\/a><\/nav>/,
    );
    const list = await visitor().get('/committees');
    expect(list.body).toContain('<a href="/committees" aria-current="page">Comités</a>');
    const home = await visitor().get('/');
    expect(home.body).toContain('<a href="/committees">Comités</a>');

    // A place the offline geocoder only knows roughly says so.
    const rough = await create((await supporter()).browser, {
      name: 'Comité du plateau',
      place: { communeCode: '01002' },
    });
    expect(rough.place.precision).toBe('approximate');
    const page = await visitor().get(`/committees/${rough.id}`);
    expect(page.body).toContain('01640 L&#39;Abergement-de-Varey (position approximative)');
    // No description: a summary of its own.
    expect(meta(page.body, 'og:description')).toBe(
      'Comité local à 01640 L&#39;Abergement-de-Varey.',
    );
  });

  it('escapes the name and keeps the description sanitised, in the list and the page', async () => {
    const { browser } = await supporter();
    const committee = await create(browser, {
      name: '<img src=x onerror=alert(1)> "Comité"',
      description:
        'Bonjour <script>alert(1)</script><b onclick="alert(2)">gras</b> [x](javascript:alert(3))',
    });
    const page = (await visitor().get(`/committees/${committee.id}`)).body;
    expect(page).not.toMatch(/<img|<script>alert|onclick|onerror=alert\(1\)>|javascript:/);
    expect(page).toContain('<h1>&lt;img src=x onerror=alert(1)&gt; &quot;Comité&quot;</h1>');
    expect(meta(page, 'og:title')).toMatch(
      /^&lt;img src=x onerror=alert\(1\)&gt; &quot;Comité&quot; — /,
    );
    expect(meta(page, 'og:description')).not.toContain('<');
    const list = (await visitor().get('/committees?place=69001')).body;
    expect(list).toContain('&lt;img src=x onerror=alert(1)&gt; &quot;Comité&quot;</a>');
    expect(list).not.toContain('<img');
  });

  it('answers 404 for a held committee, except to its organisers, and for an id that is none', async () => {
    const rules = (await staff.get('/api/committee-rules')).json() as CommitteeRules;
    await staff.put('/api/committee-rules', { ...rules, forbiddenWords: ['Arnaque'] });
    const { browser } = await supporter();
    const committee = await create(browser, { name: 'Comité arnaque' });
    await staff.put('/api/committee-rules', rules);
    expect(committee.status).toBe('held');

    const response = await visitor().get(`/committees/${committee.id}`);
    expect(response.statusCode).toBe(404);
    expect(response.body).toContain('<h1>Comité introuvable</h1>');
    expect(response.body).not.toContain('Comité arnaque');
    const { browser: other } = await supporter();
    expect((await other.get(`/committees/${committee.id}`)).statusCode).toBe(404);
    expect((await visitor().get('/committees?q=arnaque')).body).not.toContain('Comité arnaque');

    const own = await browser.get(`/committees/${committee.id}`);
    expect(own.statusCode).toBe(200);
    expect(own.body).toContain('Ce comité n’est pas public');
    for (const id of ['0', 'abc', '99999999999', '2147483647']) {
      expect((await visitor().get(`/committees/${id}`)).statusCode).toBe(404);
    }
  });

  it('leads a visitor to log in or sign up, with no form', async () => {
    const committee = await create((await supporter()).browser, { name: 'Comité ouvert' });
    const html = (await visitor().get(`/committees/${committee.id}`)).body;
    expect(html).toContain(
      `<a class="button primary" href="/login?next=%2Fcommittees%2F${committee.id}">Se connecter</a>`,
    );
    expect(html).toContain('<a href="/">Pas encore inscrit·e ? Rejoignez la campagne</a>');
    expect(html).not.toContain('method="post"');
    // A form posted once the session ended (its token still good) leads to the login page.
    const anonymous = visitor();
    const { csrfToken } = await anonymous.session();
    const post = await anonymous.request(
      'POST',
      `/committees/${committee.id}/join`,
      form({ as: 'member', _csrf: csrfToken }),
      urlencoded,
    );
    expect(post.statusCode).toBe(303);
    expect(post.headers.location).toBe(`/login?next=%2Fcommittees%2F${committee.id}`);
  });

  it('lets a logged-in supporter join, follow and leave with form posts, a CSRF token in the form', async () => {
    const { browser: organiser } = await supporter();
    const committee = await create(organiser, { name: 'Comité des Brotteaux' });
    const { browser } = await supporter();
    const page = (await browser.get(`/committees/${committee.id}`)).body;
    expect(page).toContain(
      `<form class="committee-form" method="post" action="/committees/${committee.id}/join">`,
    );
    expect(page).toContain('<a class="account" href="/me">Mon espace</a>');
    const token = hidden(page, '_csrf')!;
    expect(token).toBeTruthy();
    const post = (path: string, fields: Record<string, string>) =>
      browser.request('POST', `/committees/${committee.id}/${path}`, form(fields), urlencoded);

    // Without the form's token (the API's header is not enough), or with a wrong one: refused.
    const withoutToken: Array<Record<string, string>> = [
      { as: 'member' },
      { as: 'member', _csrf: 'forged' },
    ];
    for (const fields of withoutToken) {
      const refused = await post('join', fields);
      expect(refused.statusCode).toBe(403);
      expect(refused.headers['content-type']).toContain('text/html');
      expect(refused.body).toContain('Rechargez la page puis réessayez');
      expect(hidden(refused.body, '_csrf')).toBeTruthy();
      expect((await apiView(browser, committee.id)).myMembership).toBeNull();
    }

    const joined = await post('join', { as: 'member', shareContact: 'on', _csrf: token });
    expect(joined.statusCode).toBe(303);
    expect(joined.headers.location).toBe(`/committees/${committee.id}?notice=member`);
    const after = (await browser.get(joined.headers.location as string)).body;
    expect(after).toContain('Bienvenue ! Vous êtes membre de ce comité.');
    expect(after).toContain('<strong>Vous êtes membre de ce comité.</strong>');
    expect(after).toContain('name="shareContact" value="on" checked');
    expect(after).toContain('Comité des Brotteaux');
    expect(after).toContain(' · 2 membres');
    expect(await apiView(browser, committee.id)).toMatchObject({
      memberCount: 2,
      myMembership: { rank: 'member', shareContact: true },
    });

    const followed = await post('join', { as: 'follower', _csrf: token });
    expect(followed.headers.location).toBe(`/committees/${committee.id}?notice=follower`);
    expect(await apiView(browser, committee.id)).toMatchObject({
      memberCount: 1,
      myMembership: { rank: 'follower', shareContact: false },
    });
    const saved = await post('join', { as: 'follower', shareContact: 'on', _csrf: token });
    expect(saved.headers.location).toBe(`/committees/${committee.id}?notice=saved`);

    const left = await post('leave', { _csrf: token });
    expect(left.statusCode).toBe(303);
    expect(left.headers.location).toBe(`/committees/${committee.id}?notice=left`);
    expect((await browser.get(left.headers.location as string)).body).toContain(
      'Vous avez quitté ce comité.',
    );
    expect((await apiView(browser, committee.id)).myMembership).toBeNull();

    // The last organiser cannot leave: the page says why.
    const own = (await organiser.get(`/committees/${committee.id}`)).body;
    expect(own).toContain('<strong>Vous organisez ce comité.</strong>');
    expect(own).toContain(`href="/me/committees/${committee.id}/manage"`);
    const stays = await organiser.request(
      'POST',
      `/committees/${committee.id}/leave`,
      form({ _csrf: hidden(own, '_csrf')! }),
      urlencoded,
    );
    expect(stays.statusCode).toBe(409);
    expect(stays.body).toContain('Un comité garde au moins un organisateur');
    expect((await apiView(organiser, committee.id)).myMembership?.rank).toBe('organiser');
  });

  it('offers only following when the organisers closed the committee to members', async () => {
    const { browser: organiser } = await supporter();
    const committee = await create(organiser, { name: 'Comité fermé' });
    const update = await organiser.put(`/api/committees/${committee.id}`, {
      name: committee.name,
      description: '',
      place: { postalCode: '69001' },
      openToMembers: false,
    });
    expect(update.statusCode, update.body).toBe(200);
    const { browser } = await supporter();
    const page = (await browser.get(`/committees/${committee.id}`)).body;
    expect(page).not.toContain('value="member"');
    expect(page).toContain('name="as" value="follower" checked');
    const refused = await browser.request(
      'POST',
      `/committees/${committee.id}/join`,
      form({ as: 'member', _csrf: hidden(page, '_csrf')! }),
      urlencoded,
    );
    expect(refused.statusCode).toBe(409);
    expect(refused.body).toContain('vous pouvez le suivre');
  });

  it('serves the "near me" script', async () => {
    const response = await visitor().get('/committees/near-me.js');
    expect(response.statusCode).toBe(200);
    expect(response.headers['content-type']).toContain('application/javascript');
    expect(response.body).toContain('navigator.geolocation');
  });
});

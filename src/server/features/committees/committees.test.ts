import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type {
  Committee,
  CommitteeForEdit,
  CommitteeSummary,
} from '../../../contracts/committees.ts';
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

const FIRST_NAMES = ['Élise', 'Bruno', 'Chloé', 'David', 'Farid', 'Gaëlle', 'Hugo', 'Inès'];

describe.each(engines)('committees on %s', (engine) => {
  let t: TestApp;
  let staff: Browser;
  let n = 0;

  /** A confirmed supporter, logged in. */
  const supporter = (overrides: Record<string, unknown> = {}) => {
    n += 1;
    return supporterBrowser(t, `supporter-${n}@committees.example`, {
      firstName: FIRST_NAMES[n % FIRST_NAMES.length],
      ...overrides,
    });
  };

  const create = (browser: Browser, body: Record<string, unknown>) =>
    browser.post('/api/committees', { name: 'Comité', place: { postalCode: '69001' }, ...body });
  const committeeCount = async () =>
    (
      await t.ctx.database.query<{ n: number }>(
        'SELECT count(*)::int AS n FROM committees WHERE campaign_id = $1',
        [t.ctx.campaignId],
      )
    )[0]!.n;

  beforeAll(async () => {
    t = await createTestApp(engine);
    staff = await staffBrowser(t, 'staff@committees.example', ['staff']);
  });
  afterAll(async () => {
    await t?.close();
  });

  it('lets a confirmed supporter create a committee, public at once, its organiser', async () => {
    const { browser } = await supporter();
    const response = await create(browser, {
      name: 'Comité Lyon Presqu’île',
      description: '**Réunions** le jeudi.\n\n<script>alert(1)</script>[site](javascript:alert(1))',
      place: { postalCode: '69001', street: '1 place des Terreaux' },
      contactEmail: 'comite@example.org',
    });
    expect(response.statusCode, response.body).toBe(201);
    const committee = response.json() as Committee;
    expect(committee).toMatchObject({
      name: 'Comité Lyon Presqu’île',
      status: 'published',
      memberCount: 1,
      organisers: [expect.stringMatching(/^\p{L}+$/u)],
      contactEmail: 'comite@example.org',
      myMembership: { rank: 'organiser', shareContact: false, subscribed: true },
      place: { precision: 'commune', communeCode: '69123', label: '69001 Lyon' },
    });
    expect(committee.descriptionHtml).toContain('<strong>Réunions</strong>');
    expect(committee.descriptionHtml).not.toMatch(/<script|href="javascript/);

    const anonymous = new Browser(t.app, '10.20.0.9');
    const seen = (await anonymous.get(`/api/committees/${committee.id}`)).json() as Committee;
    expect(seen).toMatchObject({ id: committee.id, myMembership: null });
    expect(seen).not.toHaveProperty('description');
    expect(seen).not.toHaveProperty('street');
    // Organisers edit the place as they typed it.
    const edit = (
      await browser.get(`/api/committees/${committee.id}/edit`)
    ).json() as CommitteeForEdit;
    expect(edit).toMatchObject({ postalCode: '69001', street: '1 place des Terreaux' });
    const mine = (await browser.get('/api/me/committees')).json() as Array<{ rank: string }>;
    expect(mine).toMatchObject([{ id: committee.id, rank: 'organiser' }]);
  });

  it('finds the nearest committees from a postal code, a commune or a point, by distance', async () => {
    const { browser: a } = await supporter();
    const { browser: b } = await supporter();
    const { browser: c } = await supporter();
    await create(a, { name: 'Comité Villeurbanne', place: { postalCode: '69100' } });
    await create(b, { name: 'Comité Paris Centre', place: { postalCode: '75001' } });
    await create(c, { name: 'Comité Marseille', place: { communeCode: '13055' } });
    const anonymous = new Browser(t.app, '10.20.0.10');
    const fromLyon = (await anonymous.get('/api/committees?place=69003&limit=3')).json() as {
      items: CommitteeSummary[];
      more: boolean;
    };
    expect(fromLyon.items.map((i) => i.name).slice(0, 2)).toEqual(
      expect.arrayContaining(['Comité Lyon Presqu’île', 'Comité Villeurbanne']),
    );
    expect(fromLyon.items[0]!.distanceKm).toBeLessThan(10);
    expect(fromLyon.more).toBe(true);
    const distances = fromLyon.items.map((i) => i.distanceKm!);
    expect([...distances].sort((x, y) => x - y)).toEqual(distances);

    const fromParis = (await anonymous.get('/api/committees?lat=48.86&lng=2.35&limit=1')).json();
    expect(fromParis.items[0].name).toBe('Comité Paris Centre');
    const byCommune = (await anonymous.get('/api/committees?place=13055&limit=1')).json();
    expect(byCommune.items[0].name).toBe('Comité Marseille');
    const byName = (await anonymous.get('/api/committees?q=villeur')).json();
    expect(byName.items.map((i: CommitteeSummary) => i.name)).toEqual(['Comité Villeurbanne']);
    expect(byName.items[0].distanceKm).toBeNull();
    // A % in a name search is a character, not a wildcard.
    expect((await anonymous.get('/api/committees?q=%25')).json().items).toEqual([]);
  });

  it('refuses a place that names no commune, and bad fields, changing nothing', async () => {
    const { browser } = await supporter();
    const before = await committeeCount();
    const unknown = await create(browser, { place: { postalCode: '00000' } });
    expect(unknown.statusCode).toBe(400);
    expect((unknown.json() as Problem).code).toBe('unknown_place');
    const bad = await create(browser, { name: 'a', place: {} });
    expect(bad.statusCode).toBe(400);
    expect((bad.json() as Problem).errors?.map((e) => e.field).sort()).toEqual([
      'name',
      'place.postalCode',
    ]);
    const search = await new Browser(t.app).get('/api/committees?place=00000');
    expect((search.json() as Problem).code).toBe('unknown_place');
    expect(await committeeCount()).toBe(before);
  });

  it('holds a supporter whose address is not confirmed, and limits committees led and per day', async () => {
    const { browser, personId } = await supporter();
    await t.ctx.database.query(
      'UPDATE people SET confirmed_at = NULL WHERE campaign_id = $1 AND id = $2',
      [t.ctx.campaignId, personId],
    );
    const unconfirmed = await create(browser, {});
    expect(unconfirmed.statusCode).toBe(403);
    expect((unconfirmed.json() as Problem).code).toBe('email_not_confirmed');
    await t.ctx.database.query(
      'UPDATE people SET confirmed_at = now() WHERE campaign_id = $1 AND id = $2',
      [t.ctx.campaignId, personId],
    );

    // Two at once when one more is allowed: exactly one passes.
    expect((await create(browser, { name: 'Premier' })).statusCode).toBe(201);
    const both = await Promise.all([
      create(browser, { name: 'Deuxième A' }),
      create(browser, { name: 'Deuxième B' }),
    ]);
    expect(both.map((r) => r.statusCode).sort()).toEqual([201, 409]);
    expect(both.map((r) => r.json().code).filter(Boolean)).toEqual(['too_many_led']);

    const rules = (await staff.get('/api/committee-rules')).json();
    expect(rules).toMatchObject({ maxLedPerPerson: 2, createdPerDay: 3 });
    const set = await staff.put('/api/committee-rules', {
      ...rules,
      maxLedPerPerson: 10,
      createdPerDay: 2,
    });
    expect(set.statusCode, set.body).toBe(200);
    const third = await create(browser, { name: 'Troisième' });
    expect(third.statusCode).toBe(429);
    expect((third.json() as Problem).code).toBe('too_many_created');
    await staff.put('/api/committee-rules', rules);
    const audited = await t.ctx.database.query(
      "SELECT 1 FROM audit_log WHERE campaign_id = $1 AND action = 'committees.rules.update'",
      [t.ctx.campaignId],
    );
    expect(audited.length).toBe(2);
  });

  it('holds a committee whose text has a forbidden word: only its organisers and staff see it', async () => {
    const rules = (await staff.get('/api/committee-rules')).json();
    await staff.put('/api/committee-rules', { ...rules, forbiddenWords: ['Arnaque totale'] });
    const { browser } = await supporter();
    const held = await create(browser, {
      name: 'Comité des voisins',
      description: 'Une ARNAQUE, totale !',
    });
    expect(held.statusCode).toBe(201);
    const committee = held.json() as Committee;
    expect(committee.status).toBe('held');
    const anonymous = new Browser(t.app, '10.20.0.11');
    expect((await anonymous.get(`/api/committees/${committee.id}`)).statusCode).toBe(404);
    expect((await anonymous.get('/api/committees?q=voisins')).json().items).toEqual([]);
    expect((await staff.get(`/api/committees/${committee.id}`)).json().status).toBe('held');
    const { browser: other } = await supporter();
    const join = await other.put(`/api/committees/${committee.id}/membership`, { as: 'member' });
    expect(join.statusCode).toBe(404);
    // A word inside another is not the word.
    const clean = await create(other, { name: 'Comité arnaquetotale' });
    expect((clean.json() as Committee).status).toBe('published');
    await staff.put('/api/committee-rules', rules);
  });

  it('lets anyone join or follow; organisers close it to members, promote, and cannot all leave', async () => {
    const { browser: organiser } = await supporter();
    const committee = (
      await create(organiser, { name: 'Comité Croix-Rousse' })
    ).json() as Committee;
    const url = `/api/committees/${committee.id}`;
    const { browser: member, personId: memberId } = await supporter({ phone: '0612345678' });
    const { browser: follower, personId: followerId } = await supporter();

    const joined = await member.put(`${url}/membership`, { as: 'member', shareContact: true });
    expect(joined.json()).toEqual({
      committeeId: committee.id,
      rank: 'member',
      shareContact: true,
      subscribed: true,
    });
    expect((await follower.put(`${url}/membership`, { as: 'follower' })).json().rank).toBe(
      'follower',
    );
    expect((await member.get(url)).json()).toMatchObject({ memberCount: 2 });

    const members = (await organiser.get(`${url}/members`)).json() as {
      items: Array<{ personId: number; email: string | null; rank: string }>;
      total: number;
    };
    expect(members.total).toBe(3);
    expect(members.items[0]!.rank).toBe('organiser');
    const shared = members.items.find((m) => m.personId === memberId)!;
    expect(shared.email).toMatch(/@committees\.example$/);
    const notShared = members.items.find((m) => m.personId === followerId)!;
    expect(notShared).toMatchObject({ email: null, rank: 'follower' });
    // A member (below manager) does not see the list.
    expect((await member.get(`${url}/members`)).statusCode).toBe(403);

    const edit = (await organiser.get(`${url}/edit`)).json();
    const closed = await organiser.put(url, {
      name: edit.name,
      description: edit.description,
      place: { postalCode: '69004' },
      openToMembers: false,
    });
    expect(closed.json()).toMatchObject({ openToMembers: false });
    const { browser: late } = await supporter();
    const refused = await late.put(`${url}/membership`, { as: 'member' });
    expect(refused.statusCode).toBe(409);
    expect((refused.json() as Problem).code).toBe('committee_closed');
    expect((await late.put(`${url}/membership`, { as: 'follower' })).statusCode).toBe(200);

    const leaving = await organiser.delete(`${url}/membership`);
    expect(leaving.statusCode).toBe(409);
    expect((leaving.json() as Problem).code).toBe('last_organiser');
    const promoted = await organiser.put(`${url}/members/${memberId}`, { rank: 'organiser' });
    expect(promoted.json()).toMatchObject({ rank: 'organiser' });
    expect((await organiser.delete(`${url}/membership`)).statusCode).toBe(200);
    const demoteLast = await member.put(`${url}/members/${memberId}`, { rank: 'member' });
    expect((demoteLast.json() as Problem).code).toBe('last_organiser');
    expect((await member.get(url)).json()).toMatchObject({ memberCount: 1 });
    const audited = await t.ctx.database.query<{ details: { to: string } }>(
      "SELECT details FROM audit_log WHERE campaign_id = $1 AND action = 'committees.rank' AND target = $2",
      [t.ctx.campaignId, `committee:${committee.id}`],
    );
    expect(audited.map((a) => a.details.to)).toEqual(['organiser']);
  });

  it("keeps one committee's organisers out of another's members and settings", async () => {
    const { browser: a } = await supporter();
    const { browser: b } = await supporter();
    const first = (await create(a, { name: 'Comité A' })).json() as Committee;
    const second = (await create(b, { name: 'Comité B' })).json() as Committee;
    expect((await a.get(`/api/committees/${second.id}/members`)).statusCode).toBe(403);
    expect((await a.get(`/api/committees/${second.id}/edit`)).statusCode).toBe(403);
    const change = await a.put(`/api/committees/${second.id}`, {
      name: 'Pris',
      place: { postalCode: '69001' },
      openToMembers: true,
    });
    expect(change.statusCode).toBe(403);
    expect((await b.get(`/api/committees/${second.id}`)).json().name).toBe('Comité B');
    expect((await a.get(`/api/committees/${first.id}/members`)).statusCode).toBe(200);
    expect((await a.get('/api/committees/999999/members')).statusCode).toBe(404);
  });

  it('offers its members as an audience: "organisers", "members of committees in a département"', async () => {
    const staffList = (query: string) =>
      staff
        .get(`/api/people?${query}&pageSize=200`)
        .then((r) => r.json() as { items: Array<{ id: number }> });
    const { browser: organiser, personId: organiserId } = await supporter();
    const committee = (
      await create(organiser, { name: 'Comité audience', place: { postalCode: '33000' } })
    ).json() as Committee;
    const { browser: member, personId: memberId } = await supporter();
    await member.put(`/api/committees/${committee.id}/membership`, { as: 'member' });
    const organisers = (
      await staffList('committeeRank=organiser&committeeDepartements=33')
    ).items.map((p) => p.id);
    expect(organisers).toEqual([organiserId]);
    const inGironde = (await staffList('committeeDepartements=33')).items.map((p) => p.id).sort();
    expect(inGironde).toEqual([organiserId, memberId].sort());
    expect((await staffList('committeeDepartements=2A')).items).toEqual([]);
  });

  it('computes the certification checklist from the data; staff grant the badge (audited)', async () => {
    const { browser: organiser } = await supporter();
    const committee = (
      await create(organiser, { name: 'Comité à certifier', place: { postalCode: '35000' } })
    ).json() as Committee;
    const url = `/api/committees/${committee.id}`;
    const checklist = async () =>
      (
        (await organiser.get(`${url}/certification`)).json() as {
          checklist: Array<{ criterion: string; actual: number; met: boolean }>;
        }
      ).checklist.map((c) => `${c.criterion}:${c.actual}:${c.met}`);
    expect(await checklist()).toEqual([
      'ageDays:0:false',
      'members:1:false',
      'recentPublicEvents:0:false',
      'organisers:1:false',
    ]);
    for (let i = 0; i < 3; i++) {
      const { browser, personId } = await supporter();
      await browser.put(`${url}/membership`, { as: 'member' });
      if (i === 0) await organiser.put(`${url}/members/${personId}`, { rank: 'organiser' });
    }
    for (let i = 1; i <= 3; i++) {
      const at = Date.now() - i * 7 * 86_400_000;
      const event = await organiser.post(`${url}/events`, {
        type: 'public_meeting',
        title: `Réunion ${i}`,
        startsAt: new Date(at).toISOString(),
        endsAt: new Date(at + 7_200_000).toISOString(),
        place: { postalCode: '35000' },
      });
      expect(event.statusCode, event.body).toBe(201);
    }
    await t.ctx.database.query(
      "UPDATE committees SET created_at = now() - interval '40 days' WHERE campaign_id = $1 AND id = $2",
      [t.ctx.campaignId, committee.id],
    );
    expect(await checklist()).toEqual([
      'ageDays:40:true',
      'members:4:true',
      'recentPublicEvents:3:true',
      'organisers:2:true',
    ]);
    expect((await organiser.put(`${url}/certification`, { certified: true })).statusCode).toBe(403);
    const granted = await staff.put(`${url}/certification`, { certified: true });
    // Organisers read the criteria's window with the checklist: they cannot read the criteria.
    expect(granted.json()).toMatchObject({ certified: true, recentDays: 62 });
    const found = (await new Browser(t.app).get('/api/committees?q=certifier')).json();
    expect(found.items[0]).toMatchObject({ id: committee.id, certified: true });
    const audited = await t.ctx.database.query(
      "SELECT 1 FROM audit_log WHERE campaign_id = $1 AND action = 'committees.certify' AND target = $2",
      [t.ctx.campaignId, `committee:${committee.id}`],
    );
    expect(audited).toHaveLength(1);
  });

  it('lists every committee for HQ by place, state, reports and activity, and exports them (audited)', async () => {
    const { browser: organiser } = await supporter();
    const quiet = (
      await create(organiser, { name: 'HQ calme', place: { postalCode: '29200' } })
    ).json() as Committee;
    const { browser: other } = await supporter();
    const reported = (
      await create(other, { name: 'HQ signalé', place: { postalCode: '29200' } })
    ).json() as Committee;
    const visitor = new Browser(t.app, '10.20.0.99');
    await visitor.session();
    await visitor.post('/api/reports', {
      targetKind: 'committee',
      targetId: reported.id,
      reason: 'spam',
    });
    const list = async (query: string) =>
      (await staff.get(`/api/hq/committees?${query}`)).json() as {
        items: Array<{ id: number; openReports: number; departementCode: string }>;
        total: number;
      };
    const inFinistere = await list('departement=29');
    expect(inFinistere.items.map((c) => c.id).sort()).toEqual([quiet.id, reported.id].sort());
    expect(inFinistere.items.find((c) => c.id === reported.id)!.openReports).toBe(1);
    expect((await list('departement=29&reported=yes')).items.map((c) => c.id)).toEqual([
      reported.id,
    ]);
    expect((await list('departement=29&inactive=yes')).total).toBe(2);
    const csv = await staff.get('/api/hq/committees/export.csv?departement=29');
    expect(csv.headers['content-type']).toMatch(/^text\/csv/);
    expect(csv.body.split('\n').filter(Boolean)).toHaveLength(3);
    expect(csv.body).toContain('HQ signalé');
    const audited = await t.ctx.database.query<{ details: { count: number } }>(
      "SELECT details FROM audit_log WHERE campaign_id = $1 AND action = 'committees.export'",
      [t.ctx.campaignId],
    );
    expect(audited.at(-1)!.details.count).toBe(2);
  });
});

import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type {
  AreaNeed,
  CallAudiencePreview,
  CallToAction,
  CallToActionSummary,
} from '../../../../contracts/calls-to-action.ts';
import { communeCentres } from '../../../core/geo/commune-centres.ts';
import { turfsOfVolunteer } from '../../field/volunteer-turfs.ts';
import { erasePerson } from '../../people/service.ts';
import {
  Browser,
  createCampaignApp,
  createTestApp,
  engines,
  staffBrowser,
  supporterBrowser,
  type TestApp,
} from '../../../testing/harness.ts';
import { refreshActions } from '../sources.ts';
import { signupToken } from './mail.ts';
import { communesWithin } from './reach.ts';

const urlencoded = { 'content-type': 'application/x-www-form-urlencoded' };
const LYON = '69123';

describe('communesWithin', () => {
  it('keeps the targets, adds the communes whose centre is near, and the arrondissements', () => {
    const near = communesWithin([LYON], 10);
    expect(near).toEqual(expect.arrayContaining([LYON, '69381', '69389', '69266']));
    expect(near).not.toContain('75056');
    expect(communesWithin([LYON], 0)).toEqual(expect.arrayContaining([LYON, '69381']));
    expect(communesWithin([LYON], 0)).not.toContain('69266');
  });
});

describe.each(engines)('calls to action (%s)', (engine) => {
  let t: TestApp;
  let staff: Browser;
  let turfId: number;
  const people: Record<string, { browser: Browser; personId: number; email: string }> = {};

  const inCampaign = <T>(query: ReturnType<typeof sql>) => t.ctx.database.query<T>(query);
  const callBody = (overrides: Record<string, unknown> = {}) => ({
    areas: [LYON],
    distanceKm: 10,
    actions: [{ kind: 'turf', id: turfId }],
    subject: 'Il manque des bras à Lyon',
    body: 'Bonjour,\n\nUn **secteur** attend ses bénévoles. <script>alert(1)</script>',
    ...overrides,
  });
  const tokenIn = (text: string) => /\/act\?token=([\w.-]+)/.exec(text)![1]!;

  beforeAll(async () => {
    t = await createTestApp(engine);
    staff = await staffBrowser(t, 'appel@staff.example', ['staff']);
    for (const [key, postalCode, email] of [
      ['lyon', '69001', true],
      ['villeurbanne', '69100', true],
      ['lyonNoConsent', '69002', false],
      ['paris', '75001', true],
    ] as const) {
      people[key] = await supporterBrowser(t, `${key.toLowerCase()}@appel.example`, {
        postalCode,
        consents: { email, sms: false, phone: false },
      });
    }
    const centre = communeCentres().get(LYON)!;
    const [turf] = await inCampaign<{ id: number }>(
      sql`INSERT INTO field_turfs (campaign_id, area_id, name, door_count, lat, lon)
          VALUES (${t.ctx.campaignId}, 1, 'Pentes de la Croix-Rousse', 120, ${centre.lat}, ${centre.lng})
          RETURNING id`,
    );
    turfId = Number(turf!.id);
    await refreshActions(t.ctx);
  }, 180_000);
  afterAll(() => t?.close());

  it('lists the areas that need volunteers, with their counts', async () => {
    const response = await staff.get('/api/calls-to-action/needs');
    expect(response.statusCode, response.body).toBe(200);
    const lyon = (response.json() as AreaNeed[]).find((area) => area.communeCode === LYON);
    expect(lyon).toMatchObject({ communeName: 'Lyon', turfsUnassigned: 1 });
    expect(lyon!.needs).toContainEqual(
      expect.objectContaining({ kind: 'turf', id: turfId, title: 'Pentes de la Croix-Rousse' }),
    );
  });

  it('counts the supporters within the distance who agreed to email', async () => {
    const preview = await staff.post('/api/calls-to-action/preview', {
      areas: [LYON],
      distanceKm: 10,
    });
    expect(preview.statusCode, preview.body).toBe(200);
    expect(preview.json()).toMatchObject({ recipients: 2, notReachable: 1 } as CallAudiencePreview);
    const close = await staff.post('/api/calls-to-action/preview', {
      areas: [LYON],
      distanceKm: 0,
    });
    expect(close.json()).toMatchObject({ recipients: 1, notReachable: 1 });
  });

  it('refuses bad input, closed actions and people without the right, changing nothing', async () => {
    for (const [body, code] of [
      [callBody({ distanceKm: 500 }), 'validation_failed'],
      [callBody({ subject: '' }), 'validation_failed'],
      [callBody({ actions: [] }), 'validation_failed'],
      [callBody({ areas: ['99999'] }), 'validation_failed'],
      [callBody({ actions: [{ kind: 'share_kit', id: 1 }] }), 'validation_failed'],
    ] as const) {
      const response = await staff.post('/api/calls-to-action', body);
      expect(response.statusCode, response.body).toBe(400);
      expect(response.headers['content-type']).toMatch(/problem\+json/);
      expect(response.json()).toMatchObject({ code });
    }
    const closed = await staff.post(
      '/api/calls-to-action',
      callBody({ actions: [{ kind: 'turf', id: 987654 }] }),
    );
    expect(closed.statusCode).toBe(404);
    expect(closed.json()).toMatchObject({ code: 'action_not_found' });
    const nobody = await staff.post(
      '/api/calls-to-action',
      callBody({ areas: ['2A004'], distanceKm: 0 }),
    );
    expect(nobody.statusCode).toBe(409);
    expect(nobody.json()).toMatchObject({ code: 'no_recipients' });
    expect((await people.lyon!.browser.get('/api/calls-to-action')).statusCode).toBe(403);
    expect((await people.lyon!.browser.post('/api/calls-to-action', callBody())).statusCode).toBe(
      403,
    );
    const finance = await staffBrowser(t, 'tresorier@staff.example', ['finance']);
    expect((await finance.get('/api/calls-to-action/needs')).statusCode).toBe(403);
    expect((await new Browser(t.app).get('/api/calls-to-action')).statusCode).toBe(401);
    expect((await staff.get('/api/calls-to-action')).json()).toEqual([]);
    expect((await staff.get('/api/calls-to-action/1')).statusCode).toBe(404);
  });

  it('refuses to send during the pre-election silence', async () => {
    const tomorrow = new Date(Date.now() + 86_400_000).toLocaleDateString('sv-SE', {
      timeZone: 'Europe/Paris',
    });
    const election = await staff.post('/api/compliance/elections', {
      name: 'Municipales',
      kind: 'local',
      rounds: [{ date: tomorrow }],
    });
    expect(election.statusCode, election.body).toBe(200);
    const refused = await staff.post('/api/calls-to-action', callBody());
    expect(refused.statusCode).toBe(409);
    expect(refused.json()).toMatchObject({ code: 'pre_election_silence' });
    const { id } = election.json() as { id: number };
    expect((await staff.delete(`/api/compliance/elections/${id}`)).statusCode).toBe(200);
    expect((await staff.get('/api/calls-to-action')).json()).toEqual([]);
  });

  it('sends to those within reach only, and signs a logged-out recipient up in one tap, once', async () => {
    const since = t.smtp.received.length;
    const sent = await staff.post('/api/calls-to-action', callBody());
    expect(sent.statusCode, sent.body).toBe(201);
    const call = sent.json() as CallToAction;
    expect(call).toMatchObject({ recipients: 2, clicks: 0, signups: 0 });
    expect(call.actions).toEqual([
      { kind: 'turf', id: turfId, title: 'Pentes de la Croix-Rousse', clicks: 0, signups: 0 },
    ]);
    const [audited] = await inCampaign<{ actor_id: number; details: { recipients: number } }>(
      sql`SELECT actor_id, details FROM audit_log WHERE campaign_id = ${t.ctx.campaignId}
           AND action = 'call_to_action.send' AND target = ${`call_to_action:${call.id}`}`,
    );
    expect(audited!.details.recipients).toBe(2);

    const mail = await t.smtp.waitFor(
      people.lyon!.email,
      (m) => m.subject === 'Il manque des bras à Lyon',
      10_000,
      since,
    );
    expect(mail.html).toContain('<strong>secteur</strong>');
    expect(mail.html).not.toMatch(/<script/);
    expect(mail.text).toContain('/act/unsubscribe?token=');
    await t.smtp.waitFor(
      people.villeurbanne!.email,
      (m) => m.subject.includes('Lyon'),
      10_000,
      since,
    );
    const recipients = await inCampaign<{ person_id: number }>(
      sql`SELECT person_id FROM call_to_action_recipients
           WHERE campaign_id = ${t.ctx.campaignId} AND call_id = ${call.id} ORDER BY person_id`,
    );
    expect(recipients.map((r) => Number(r.person_id))).toEqual(
      [people.lyon!.personId, people.villeurbanne!.personId].sort((a, b) => a - b),
    );

    // The recipient opens the link without a session: the page asks, and nothing is done yet.
    const token = tokenIn(mail.text);
    const phone = new Browser(t.app, '10.7.0.1');
    const opened = await phone.get(`/act?token=${token}`);
    expect(opened.statusCode).toBe(200);
    expect(opened.body).toContain('Pentes de la Croix-Rousse');
    expect(opened.body).toContain('name="_csrf"');
    // Drawn with the public site's shell (its section links), not the HQ app.
    expect(opened.body).toContain('href="/committees"');
    expect(opened.body).not.toContain('/hq/');
    expect([...(await turfsOfVolunteer(t.ctx, people.lyon!.personId, [turfId]))]).toEqual([]);
    const csrf = /name="_csrf" value="([^"]+)"/.exec(opened.body)![1]!;

    // A post without the page's CSRF token changes nothing.
    const forged = await new Browser(t.app, '10.7.0.2').request(
      'POST',
      '/act',
      new URLSearchParams({ token, _csrf: 'forged' }).toString(),
      urlencoded,
    );
    expect(forged.statusCode).toBe(403);
    expect([...(await turfsOfVolunteer(t.ctx, people.lyon!.personId, [turfId]))]).toEqual([]);

    const form = new URLSearchParams({ token, _csrf: csrf, locale: 'fr' }).toString();
    const confirmed = await phone.request('POST', '/act', form, urlencoded);
    expect(confirmed.statusCode, confirmed.body).toBe(200);
    expect(confirmed.body).toContain('inscrit');
    expect([...(await turfsOfVolunteer(t.ctx, people.lyon!.personId, [turfId]))]).toEqual([turfId]);
    // A second tap changes nothing and counts nothing more.
    const again = await phone.request('POST', '/act', form, urlencoded);
    expect(again.statusCode).toBe(200);
    expect(again.body).toContain('déjà inscrit');

    const detail = (await staff.get(`/api/calls-to-action/${call.id}`)).json() as CallToAction;
    expect(detail).toMatchObject({ recipients: 2, clicks: 1, signups: 1, clickers: 1 });
    expect(detail.actions[0]).toMatchObject({ clicks: 1, signups: 1 });
    expect(detail.overTime).toHaveLength(1);
    expect(detail.overTime[0]).toMatchObject({ clicks: 1, signups: 1 });
    const list = (await staff.get('/api/calls-to-action')).json() as CallToActionSummary[];
    expect(list).toEqual([expect.objectContaining({ id: call.id, recipients: 2, signups: 1 })]);
  });

  it('refuses forged tokens, another campaign’s and another person’s', async () => {
    const [call] = (await staff.get('/api/calls-to-action')).json() as CallToActionSummary[];
    const lyon = people.lyon!.personId;
    const valid = signupToken(t.ctx, call!.id, lyon, 0);
    const other = await createCampaignApp(t, 'Autre campagne');
    try {
      for (const token of [
        `${valid.slice(0, -2)}xx`,
        signupToken(other.ctx, call!.id, lyon, 0),
        // Signed, but for someone the call did not go to, and an action it does not have.
        signupToken(t.ctx, call!.id, people.paris!.personId, 0),
        signupToken(t.ctx, call!.id, lyon, 3),
        'nonsense',
      ]) {
        const response = await new Browser(t.app).get(`/act?token=${encodeURIComponent(token)}`);
        expect(response.statusCode, token).toBe(400);
        expect(response.body).toContain('pas valide');
      }
    } finally {
      await other.close();
    }
  });

  it('updates the needs list now for staff with field.manage; refuses the other roles', async () => {
    const centre = communeCentres().get('13055')!;
    const [turf] = await inCampaign<{ id: number }>(
      sql`INSERT INTO field_turfs (campaign_id, area_id, name, door_count, lat, lon)
          VALUES (${t.ctx.campaignId}, 1, 'Le Panier', 80, ${centre.lat}, ${centre.lng})
          RETURNING id`,
    );
    const cut = Number(turf!.id);
    const listed = async () =>
      ((await staff.get('/api/calls-to-action/needs')).json() as AreaNeed[]).some((area) =>
        area.needs.some((need) => need.kind === 'turf' && need.id === cut),
      );
    // A copy made a moment ago: the needs list uses it as it is, without the new turf.
    await inCampaign(
      sql`UPDATE mobilisation_refreshes SET refreshed_at = now() WHERE campaign_id = ${t.ctx.campaignId}`,
    );
    expect(await listed()).toBe(false);

    const refused = [
      people.paris!.browser,
      await staffBrowser(t, 'tresorier-maj@staff.example', ['finance']),
      await staffBrowser(t, 'moderateur-maj@staff.example', ['moderator']),
      // The page's own permission is not enough: the copy is mobilisation's (`field.manage`).
      await staffBrowser(t, 'messagerie@staff.example', [], ['messaging.send']),
    ];
    for (const browser of refused) {
      const response = await browser.post('/api/mobilisation/actions/refresh');
      expect(response.statusCode, response.body).toBe(403);
    }
    const anonymous = new Browser(t.app);
    await anonymous.session();
    expect((await anonymous.post('/api/mobilisation/actions/refresh')).statusCode).toBe(401);
    const token = staff.csrfToken;
    staff.csrfToken = '';
    try {
      expect((await staff.post('/api/mobilisation/actions/refresh')).statusCode).toBe(403);
    } finally {
      staff.csrfToken = token;
    }
    expect(await listed()).toBe(false);

    const before = Date.now();
    const response = await staff.post('/api/mobilisation/actions/refresh');
    expect(response.statusCode, response.body).toBe(200);
    const body = response.json() as { count: number; refreshedAt: string };
    expect(body.count).toBeGreaterThanOrEqual(1);
    expect(Date.parse(body.refreshedAt)).toBeGreaterThan(before - 5_000);
    expect(Date.parse(body.refreshedAt)).toBeLessThanOrEqual(Date.now() + 5_000);
    expect(await listed()).toBe(true);
  });

  it('unsubscribes from the mail’s link, and forgets an erased recipient', async () => {
    const [call] = (await staff.get('/api/calls-to-action')).json() as CallToActionSummary[];
    const mail = t.smtp.received.find(
      (m) => m.to.includes(people.villeurbanne!.email) && m.subject.includes('Lyon'),
    )!;
    const unsubscribe = /\/act\/unsubscribe\?token=([\w.-]+)/.exec(mail.text)![1]!;
    const oneClick = await new Browser(t.app).post(`/act/unsubscribe?token=${unsubscribe}`);
    expect(oneClick.statusCode).toBe(204);
    const [consent] = await inCampaign<{ consent_email: boolean }>(
      sql`SELECT consent_email FROM people WHERE campaign_id = ${t.ctx.campaignId}
           AND id = ${people.villeurbanne!.personId}`,
    );
    expect(consent!.consent_email).toBe(false);

    await erasePerson(t.ctx, people.lyon!.personId, null);
    const left = await inCampaign<{ n: number }>(
      sql`SELECT (SELECT count(*)::int FROM call_to_action_recipients
                   WHERE campaign_id = ${t.ctx.campaignId} AND person_id = ${people.lyon!.personId})
               + (SELECT count(*)::int FROM call_to_action_responses
                   WHERE campaign_id = ${t.ctx.campaignId} AND person_id = ${people.lyon!.personId}) AS n`,
    );
    expect(left[0]!.n).toBe(0);
    const detail = (await staff.get(`/api/calls-to-action/${call!.id}`)).json() as CallToAction;
    expect(detail.signups).toBe(0);
  });
});

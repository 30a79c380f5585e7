import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  Browser,
  createTestApp,
  engines,
  signupAndConfirm,
  signupBody,
  staffBrowser,
  type TestApp,
} from '../../testing/harness.ts';

interface Problem {
  status: number;
  code: string;
  errors?: Array<{ field: string; code: string }>;
}

interface Profile {
  personId: number;
  email: string;
  firstName: string;
  lastName: string;
  phone: string | null;
  postalCode: string;
  communeCode: string;
  communeName: string;
  locale: string;
  consents: { email: boolean; sms: boolean; phone: boolean };
  automatedCall: { granted: boolean; slot: unknown };
  emailTracking: boolean;
  confirmed: boolean;
}

const fieldErrors = (body: Problem) =>
  (body.errors ?? []).map((e) => `${e.field}:${e.code}`).sort();

describe.each(engines)('supporter space on %s', (engine) => {
  let t: TestApp;
  let staff: Browser;
  let n = 0;

  beforeAll(async () => {
    t = await createTestApp(engine);
    staff = await staffBrowser(t, 'hq@me.example', ['staff']);
  });
  afterAll(async () => {
    await t?.close();
  });

  /** Raw SQL on the test app's campaign: `$1` is its id, the given parameters follow. */
  const inCampaign = <T = Record<string, unknown>>(text: string, params: unknown[] = []) =>
    t.ctx.database.query<T>(text, [t.ctx.campaignId, ...params]);

  /** Logs a browser in with the code from the newest login mail (any number of devices). */
  const login = async (browser: Browser, email: string) => {
    await browser.session();
    const before = t.smtp.received.length;
    expect((await browser.post('/api/auth/login/start', { email })).statusCode).toBe(200);
    const mail = await t.smtp.waitFor(
      email,
      (m) => t.smtp.received.indexOf(m) >= before && /^\d{6} /.test(m.subject),
    );
    const code = mail.subject.slice(0, 6);
    const response = await browser.post('/api/auth/login/code', { email, code });
    expect(response.statusCode).toBe(200);
    browser.csrfToken = (response.json() as { csrfToken: string }).csrfToken;
  };

  /** A confirmed supporter, logged in in their own browser. */
  const loggedInSupporter = async (overrides: Record<string, unknown> = {}) => {
    const email = `supporter.${++n}@me.example`;
    const personId = await signupAndConfirm(t, { email, ...overrides });
    const browser = new Browser(t.app);
    await login(browser, email);
    return { email, personId, browser };
  };

  const validUpdate = {
    firstName: 'Éloïse',
    lastName: 'Martin',
    phone: '06 11 22 33 44',
    postalCode: '13001',
    locale: 'fr',
  };

  it('shows the profile of the logged-in person only', async () => {
    const { email, personId, browser } = await loggedInSupporter({ firstName: 'Inès' });
    const response = await browser.get('/api/me/profile');
    expect(response.statusCode).toBe(200);
    expect(response.json()).toMatchObject({
      personId,
      email,
      firstName: 'Inès',
      lastName: 'Durand',
      postalCode: '69001',
      communeCode: '69123',
      communeName: 'Lyon',
      consents: { email: true, sms: false, phone: false },
      confirmed: true,
      recruitedCount: 0,
    });
  });

  it('updates the profile, normalising the phone and resolving the commune', async () => {
    const { personId, browser } = await loggedInSupporter();
    const response = await browser.put('/api/me/profile', validUpdate);
    expect(response.statusCode).toBe(200);
    expect(response.json()).toMatchObject({
      firstName: 'Éloïse',
      lastName: 'Martin',
      phone: '+33611223344',
      postalCode: '13001',
      communeCode: '13055',
      communeName: 'Marseille',
    });
    const [row] = await inCampaign<{ departement_code: string; search_text: string }>(
      'SELECT departement_code, search_text FROM people WHERE campaign_id = $1 AND id = $2',
      [personId],
    );
    expect(row.departement_code).toBe('13');
    expect(row.search_text).toContain('eloise martin');
    expect(row.search_text).toContain('0611223344');
    const detail = (await staff.get(`/api/people/${personId}`)).json() as {
      timeline: Array<{ kind: string; data: Record<string, unknown>; actorName: string | null }>;
    };
    expect(detail.timeline[0]).toMatchObject({ kind: 'profile_update', data: { by: 'self' } });
    const changed = detail.timeline[0].data.changed as string[];
    expect(changed).toEqual(expect.arrayContaining(['lastName', 'postalCode', 'communeCode']));
    expect(changed).not.toContain('locale');
    // Saving the same profile again changes nothing, so it adds nothing to the timeline.
    expect((await browser.put('/api/me/profile', validUpdate)).statusCode).toBe(200);
    const again = (await staff.get(`/api/people/${personId}`)).json() as typeof detail;
    expect(again.timeline.filter((e) => e.kind === 'profile_update')).toHaveLength(1);
    // HQ search finds the person under the new name.
    const found = (await staff.get('/api/people?q=eloise%20martin')).json() as {
      items: Array<{ id: number }>;
    };
    expect(found.items.map((p) => p.id)).toContain(personId);
  });

  it('names a staff member who has no name by their address in the timeline', async () => {
    const { personId } = await loggedInSupporter();
    const tagged = await staff.post('/api/people/tags/bulk', {
      personIds: [personId],
      add: ['hq'],
    });
    expect(tagged.statusCode).toBe(200);
    const detail = (await staff.get(`/api/people/${personId}`)).json() as {
      timeline: Array<{ kind: string; actorName: string | null }>;
    };
    expect(detail.timeline.find((e) => e.kind === 'tags')?.actorName).toBe('hq@me.example');
  });

  it('refuses a bad phone or postal code with field errors and changes nothing', async () => {
    const { browser } = await loggedInSupporter();
    const before = (await browser.get('/api/me/profile')).json() as Profile;
    const bad = await browser.put('/api/me/profile', {
      ...validUpdate,
      phone: '12 34',
      postalCode: '99999',
    });
    expect(bad.statusCode).toBe(400);
    const body = bad.json() as Problem;
    expect(body.code).toBe('validation_failed');
    expect(fieldErrors(body)).toEqual(['phone:invalid_phone', 'postalCode:unknown_postal_code']);

    const empty = await browser.put('/api/me/profile', { ...validUpdate, firstName: '  ' });
    expect(empty.statusCode).toBe(400);
    expect(fieldErrors(empty.json() as Problem)).toEqual(['firstName:required']);
    expect((await browser.get('/api/me/profile')).json()).toEqual(before);
  });

  it('requires the commune when the postal code covers several', async () => {
    const { browser } = await loggedInSupporter();
    const missing = await browser.put('/api/me/profile', { ...validUpdate, postalCode: '01400' });
    expect(missing.statusCode).toBe(400);
    expect(fieldErrors(missing.json() as Problem)).toEqual(['communeCode:commune_required']);
    const mismatch = await browser.put('/api/me/profile', {
      ...validUpdate,
      postalCode: '01400',
      communeCode: '69123',
    });
    expect(fieldErrors(mismatch.json() as Problem)).toEqual(['communeCode:commune_mismatch']);
    const chosen = await browser.put('/api/me/profile', {
      ...validUpdate,
      postalCode: '01400',
      communeCode: '01093',
    });
    expect(chosen.statusCode).toBe(200);
    expect(chosen.json()).toMatchObject({
      communeCode: '01093',
      communeName: 'Châtillon-sur-Chalaronne',
    });
  });

  it('refuses SMS asked for without a number SMS reaches, changing nothing', async () => {
    for (const [overrides, code] of [
      [{}, 'mobile_required_for_sms'],
      [{ phone: '01 45 67 89 10' }, 'landline_for_sms'],
      [{ phone: '0262 12 34 56' }, 'landline_for_sms'],
    ] as const) {
      const { personId, browser } = await loggedInSupporter(overrides);
      const response = await browser.put('/api/me/consents', {
        consents: { email: true, sms: true, phone: false },
        locale: 'fr',
      });
      expect(response.statusCode, response.body).toBe(400);
      expect(response.json()).toMatchObject({
        code: 'validation_failed',
        errors: [{ field: 'phone', code }],
      });
      expect(
        await inCampaign(
          `SELECT 1 FROM consent_events WHERE campaign_id = $1 AND person_id = $2 AND channel = 'sms'`,
          [personId],
        ),
      ).toEqual([]);
      // Withdrawing, or anything without SMS, is never refused.
      const without = await browser.put('/api/me/consents', {
        consents: { email: false, sms: false, phone: true },
        locale: 'fr',
      });
      expect(without.statusCode, without.body).toBe(200);
    }
  });

  it('gives automated-call consent within a slot, refuses it without one, and withdraws it', async () => {
    const { personId, browser } = await loggedInSupporter();
    const choices = { consents: { email: true, sms: false, phone: false }, locale: 'fr' };
    const automatedEvents = () =>
      inCampaign<{ granted: boolean; source: string; wording_version: string; slot: unknown }>(
        `SELECT granted, source, wording_version, slot FROM consent_events
          WHERE campaign_id = $1 AND person_id = $2 AND channel = 'automated_call' ORDER BY id`,
        [personId],
      );
    // Off by default.
    const before = (await browser.get('/api/me/profile')).json() as Profile;
    expect(before.automatedCall).toEqual({ granted: false, slot: null });

    // Given without a slot: refused, nothing recorded.
    const refused = await browser.put('/api/me/consents', {
      ...choices,
      automatedCall: { granted: true },
    });
    expect(refused.statusCode, refused.body).toBe(400);
    expect(refused.headers['content-type']).toMatch(/application\/problem\+json/);
    expect(fieldErrors(refused.json() as Problem)).toEqual(['automatedCall.slot:required']);
    expect(await automatedEvents()).toEqual([]);

    const slot = { weekdays: [1, 2, 3, 4, 5], from: '10:00', to: '13:00' };
    const given = await browser.put('/api/me/consents', {
      ...choices,
      automatedCall: { granted: true, slot },
    });
    expect(given.statusCode, given.body).toBe(200);
    expect((given.json() as Profile).automatedCall).toEqual({ granted: true, slot });
    expect(await automatedEvents()).toEqual([
      { granted: true, source: 'supporter_space', wording_version: 'fr-2026-11', slot },
    ]);
    // The same slot again records nothing new; other consents leave it as it is.
    await browser.put('/api/me/consents', { ...choices, automatedCall: { granted: true, slot } });
    await browser.put('/api/me/consents', choices);
    expect(await automatedEvents()).toHaveLength(1);
    const record = await inCampaign(
      `SELECT status, slot FROM person_consents WHERE campaign_id = $1 AND person_id = $2 AND channel = 'automated_call'`,
      [personId],
    );
    expect(record).toEqual([{ status: 'granted', slot }]);

    const withdrawn = await browser.put('/api/me/consents', {
      ...choices,
      automatedCall: { granted: false },
    });
    expect(withdrawn.statusCode, withdrawn.body).toBe(200);
    expect((withdrawn.json() as Profile).automatedCall).toEqual({ granted: false, slot: null });
    expect((await automatedEvents()).map((e) => [e.granted, e.slot])).toEqual([
      [true, slot],
      [false, null],
    ]);
  });

  it('gives and withdraws the measure of newsletter opens and clicks, a consent that is no contact channel', async () => {
    const { personId, browser } = await loggedInSupporter();
    const choices = { consents: { email: true, sms: false, phone: false }, locale: 'fr' };
    const trackingEvents = () =>
      inCampaign<{ granted: boolean; source: string; wording_version: string }>(
        `SELECT granted, source, wording_version FROM consent_events
          WHERE campaign_id = $1 AND person_id = $2 AND channel = 'email_tracking' ORDER BY id`,
        [personId],
      );
    const cache = () =>
      inCampaign(
        'SELECT consent_email, consent_sms, consent_phone FROM people WHERE campaign_id = $1 AND id = $2',
        [personId],
      );
    // Off by default; other consents leave it off.
    expect(((await browser.get('/api/me/profile')).json() as Profile).emailTracking).toBe(false);
    const cached = await cache();
    await browser.put('/api/me/consents', choices);
    expect(await trackingEvents()).toEqual([]);

    const given = await browser.put('/api/me/consents', { ...choices, emailTracking: true });
    expect(given.statusCode, given.body).toBe(200);
    expect((given.json() as Profile).emailTracking).toBe(true);
    expect((given.json() as Profile).consents).toEqual(choices.consents);
    expect(await trackingEvents()).toEqual([
      { granted: true, source: 'supporter_space', wording_version: 'fr-2026-11' },
    ]);
    // Not a way to reach them: the contact consents' cache is unchanged.
    expect(await cache()).toEqual(cached);
    // The same again, or other consents alone, record nothing new.
    await browser.put('/api/me/consents', { ...choices, emailTracking: true });
    await browser.put('/api/me/consents', choices);
    expect(await trackingEvents()).toHaveLength(1);

    // Staff see it in the consent history and the timeline, under its own channel.
    const history = (await staff.get(`/api/people/${personId}/consents`)).json() as Array<{
      channel: string;
      granted: boolean;
    }>;
    expect(history[0]).toMatchObject({ channel: 'email_tracking', granted: true });
    const detail = (await staff.get(`/api/people/${personId}`)).json() as {
      timeline: Array<{ kind: string; data: Record<string, unknown> }>;
    };
    expect(detail.timeline[0]).toMatchObject({
      kind: 'consent',
      data: { channel: 'email_tracking', granted: true, source: 'supporter_space' },
    });

    const withdrawn = await browser.put('/api/me/consents', { ...choices, emailTracking: false });
    expect((withdrawn.json() as Profile).emailTracking).toBe(false);
    expect((await trackingEvents()).map((e) => e.granted)).toEqual([true, false]);
    const file = (await browser.get('/api/me/export')).json() as {
      consents: {
        current: Record<string, boolean>;
        records: Array<{ channel: string; status: string }>;
      };
    };
    expect(file.consents.current.emailTracking).toBe(false);
    expect(file.consents.records).toContainEqual(
      expect.objectContaining({ channel: 'email_tracking', status: 'withdrawn' }),
    );
  });

  it('records consent changes with their source and shows them in the timeline', async () => {
    const { personId, browser } = await loggedInSupporter({ phone: '06 12 34 56 78' });
    const response = await browser.put('/api/me/consents', {
      consents: { email: false, sms: true, phone: false },
      locale: 'en',
    });
    expect(response.statusCode).toBe(200);
    expect((response.json() as Profile).consents).toEqual({
      email: false,
      sms: true,
      phone: false,
    });
    const events = await inCampaign<{
      channel: string;
      granted: boolean;
      source: string;
      wording_version: string;
    }>(
      'SELECT channel, granted, source, wording_version FROM consent_events WHERE campaign_id = $1 AND person_id = $2 ORDER BY id',
      [personId],
    );
    expect(events).toEqual([
      { channel: 'email', granted: true, source: 'signup', wording_version: 'fr-2026-11' },
      {
        channel: 'email',
        granted: false,
        source: 'supporter_space',
        wording_version: 'en-2026-11',
      },
      { channel: 'sms', granted: true, source: 'supporter_space', wording_version: 'en-2026-11' },
    ]);
    // Saving the same choices again records nothing new.
    await browser.put('/api/me/consents', { consents: { email: false, sms: true, phone: false } });
    expect(
      await inCampaign('SELECT 1 FROM consent_events WHERE campaign_id = $1 AND person_id = $2', [
        personId,
      ]),
    ).toHaveLength(3);

    const detail = (await staff.get(`/api/people/${personId}`)).json() as {
      consents: Record<string, boolean>;
      timeline: Array<{ kind: string; data: Record<string, unknown> }>;
    };
    expect(detail.consents).toEqual({ email: false, sms: true, phone: false });
    const consentEntries = detail.timeline.filter(
      (e) => e.kind === 'consent' && e.data.source === 'supporter_space',
    );
    expect(consentEntries.map((e) => `${e.data.channel}:${e.data.granted}`).sort()).toEqual([
      'email:false',
      'sms:true',
    ]);
  });

  it('exports everything held about the person as a JSON attachment, and audits it', async () => {
    const { email, personId, browser } = await loggedInSupporter({ phone: '0611223355' });
    await browser.put('/api/me/consents', { consents: { email: true, sms: false, phone: true } });
    const response = await browser.get('/api/me/export');
    expect(response.statusCode).toBe(200);
    expect(response.headers['content-type']).toMatch(/^application\/json/);
    expect(response.headers['content-disposition']).toMatch(/^attachment; filename=".+\.json"$/);
    expect(response.headers['cache-control']).toBe('no-store');
    const data = response.json() as {
      about: { description: string; campaign: string; exportedAt: string };
      profile: Record<string, unknown>;
      consents: {
        current: Record<string, boolean>;
        records: Array<{ channel: string; status: string; wordingVersion: string }>;
        history: Array<{
          channel: string;
          granted: boolean;
          source: string;
          wordingVersion: string;
        }>;
      };
      signUps: Array<{ source: string; submitted: Record<string, unknown>; createdAt: string }>;
      recruitment: { joinedThrough: { source: string }; yourCode: string; yourLink: string };
      account: { roles: string[]; hasPassword: boolean; sessions: Array<Record<string, unknown>> };
      timeline: Array<{ kind: string; details: unknown; at: string }>;
    };
    expect(Object.keys(data)).toEqual([
      'about',
      'profile',
      'consents',
      'recruitment',
      'timeline',
      'teamNotes',
      'contacts',
      'customFields',
      'signUps',
      'account',
      'committees',
      'committeeBoard',
      'events',
      'doorToDoor',
      'newsletters',
      'sms',
      'smsReceived',
      'shares',
      'comments',
      'volunteerProfile',
      'callsToAction',
      'privacyRequests',
    ]);
    expect(data.about.description).toMatch(/RGPD/);
    expect(Date.parse(data.about.exportedAt)).not.toBeNaN();
    expect(data.profile).toMatchObject({
      personId,
      email,
      firstName: 'Camille',
      phone: '+33611223355',
      language: 'fr',
    });
    expect(JSON.stringify(data)).not.toMatch(/search_text|searchText|password_hash|passwordHash/);
    expect(JSON.stringify(Object.keys(data.profile))).not.toMatch(/_/);
    expect(data.consents.current).toEqual({
      email: true,
      sms: false,
      phone: true,
      emailTracking: false,
    });
    expect(data.consents.history.map((c) => `${c.source}:${c.channel}:${c.granted}`)).toEqual([
      'signup:email:true',
      'supporter_space:volunteer_call:true',
    ]);
    expect(data.consents.history[0].wordingVersion).toBeTruthy();
    // The records as they stand, with their source, wording and time.
    expect(data.consents.records).toEqual([
      expect.objectContaining({
        channel: 'email',
        status: 'granted',
        source: 'signup',
        slot: null,
      }),
      expect.objectContaining({
        channel: 'volunteer_call',
        status: 'granted',
        source: 'supporter_space',
      }),
    ]);
    expect(data.consents.records[0].wordingVersion).toBe(data.consents.history[0].wordingVersion);
    expect(data.timeline.map((e) => e.kind)).toEqual(
      expect.arrayContaining(['confirmed', 'consent']),
    );
    expect(data.signUps).toHaveLength(1);
    expect(data.signUps[0].submitted).toMatchObject({ email });
    expect(data.recruitment.joinedThrough.source).toBe('signup');
    expect(data.recruitment.yourLink).toContain(`?r=${data.recruitment.yourCode}`);
    expect(data.account).toMatchObject({ roles: [], hasPassword: false });
    expect(data.account.sessions.length).toBeGreaterThanOrEqual(1);
    expect(data.account.sessions[0]).toHaveProperty('lastSeenAt');
    const audit = await inCampaign<{ actor_id: number; target: string }>(
      "SELECT actor_id, target FROM audit_log WHERE campaign_id = $1 AND action = 'person.self_export'",
    );
    expect(audit).toContainEqual({ actor_id: personId, target: `person:${personId}` });
  });

  it('refuses to delete without the confirmation word', async () => {
    const { personId, browser } = await loggedInSupporter();
    const response = await browser.post('/api/me/delete', { confirm: 'yes' });
    expect(response.statusCode).toBe(400);
    const [row] = await inCampaign<{ erased_at: Date | null }>(
      'SELECT erased_at FROM people WHERE campaign_id = $1 AND id = $2',
      [personId],
    );
    expect(row.erased_at).toBeNull();
    expect((await browser.get('/api/me/profile')).statusCode).toBe(200);
  });

  it('deletes the account: data erased, sessions ended, login impossible, email free again', async () => {
    const { email, personId, browser } = await loggedInSupporter({ phone: '0611223366' });
    const otherDevice = new Browser(t.app);
    await login(otherDevice, email);
    await browser.put('/api/me/consents', { consents: { email: true, sms: true, phone: true } });

    // As the development mail catcher would have kept it; another campaign's mail to the same
    // address is that campaign's.
    await t.ctx.database.query(
      `INSERT INTO caught_mail (campaign_id, to_address, from_address, subject, text_body)
       VALUES ($2, $1, 'campaign@me.example', 'Bonjour', 'Bonjour Camille'),
              ($2, 'other@me.example', 'campaign@me.example', 'Hi', 'Hi'),
              ($2 + 1000, $1, 'other-campaign@me.example', 'Hi', 'Hi')`,
      [email.toUpperCase(), t.ctx.campaignId],
    );

    const response = await browser.post('/api/me/delete', { confirm: 'DELETE' });
    expect(response.statusCode).toBe(200);
    const caught = await t.ctx.database.query<{ to_address: string }>(
      'SELECT to_address FROM caught_mail ORDER BY id',
    );
    expect(caught).toEqual([
      { to_address: 'other@me.example' },
      { to_address: email.toUpperCase() },
    ]);
    const [row] = await inCampaign<Record<string, unknown>>(
      `SELECT email, email_normalized, first_name, last_name, phone, postal_code, commune_name,
              consent_email, consent_sms, search_text, erased_at FROM people WHERE campaign_id = $1 AND id = $2`,
      [personId],
    );
    expect(row).toMatchObject({
      email: null,
      email_normalized: null,
      first_name: null,
      last_name: null,
      phone: null,
      postal_code: null,
      commune_name: null,
      consent_email: false,
      consent_sms: false,
      search_text: '',
    });
    expect(row.erased_at).not.toBeNull();
    for (const table of [
      'sessions',
      'accounts',
      'login_codes',
      'consent_events',
      'person_events',
    ]) {
      const left = await inCampaign(
        `SELECT 1 FROM ${table} WHERE campaign_id = $1 AND person_id = $2`,
        [personId],
      );
      expect(left, table).toHaveLength(0);
    }
    // Nothing that was mailed to the person still holds their address or name.
    const mails = await inCampaign<Record<string, unknown>>(
      'SELECT to_address, subject, text_body, html_body, payload FROM mail_outbox WHERE campaign_id = $1 AND person_id = $2',
      [personId],
    );
    expect(mails.length).toBeGreaterThan(0);
    for (const mail of mails) {
      const text = JSON.stringify(mail);
      expect(text).not.toContain(email);
      expect(text).not.toContain('Camille');
    }
    const audit = await inCampaign(
      "SELECT 1 FROM audit_log WHERE campaign_id = $1 AND action = 'person.erase' AND target = $2",
      [`person:${personId}`],
    );
    expect(audit).toHaveLength(1);

    // Both devices are logged out.
    expect((await browser.get('/api/me/profile')).statusCode).toBe(401);
    expect((await otherDevice.get('/api/me/profile')).statusCode).toBe(401);
    // HQ no longer sees the person.
    expect((await staff.get(`/api/people/${personId}`)).statusCode).toBe(404);
    const search = (await staff.get(`/api/people?q=${encodeURIComponent(email)}`)).json() as {
      total: number;
    };
    expect(search.total).toBe(0);

    // Logging in again is impossible: no code is even sent.
    const again = new Browser(t.app);
    await again.session();
    expect((await again.post('/api/auth/login/start', { email })).statusCode).toBe(200);
    // Erasure blanked the address on past mails, so any row with it would be a new code.
    const queued = await inCampaign(
      "SELECT 1 FROM mail_outbox WHERE campaign_id = $1 AND kind = 'login_code' AND to_address = $2",
      [email],
    );
    expect(queued).toHaveLength(0);

    // Signing up again with the same email creates a fresh person.
    const visitor = new Browser(t.app);
    const before = t.smtp.received.length;
    const signup = await visitor.post('/api/signup', signupBody({ email, firstName: 'Nouveau' }));
    expect(signup.statusCode).toBe(200);
    const mail = await t.smtp.waitFor(
      email,
      (m) => t.smtp.received.indexOf(m) >= before && m.text.includes('/confirm?token='),
    );
    const token = /confirm\?token=([\w.-]+)/.exec(mail.text)![1];
    expect((await visitor.post('/api/signup/confirm', { token })).statusCode).toBe(200);
    const [{ id: freshId }] = await inCampaign<{ id: number }>(
      'SELECT id FROM people WHERE campaign_id = $1 AND email_normalized = $2',
      [email],
    );
    expect(freshId).not.toBe(personId);
    const [fresh] = await inCampaign<{ first_name: string; consent_sms: boolean }>(
      'SELECT first_name, consent_sms FROM people WHERE campaign_id = $1 AND id = $2',
      [freshId],
    );
    expect(fresh).toEqual({ first_name: 'Nouveau', consent_sms: false });
  });

  it("removes an erased recruiter from their recruits' records", async () => {
    const recruiter = await loggedInSupporter({ firstName: 'Recruteuse' });
    const [{ recruit_code: code }] = await inCampaign<{ recruit_code: string }>(
      'SELECT recruit_code FROM people WHERE campaign_id = $1 AND id = $2',
      [recruiter.personId],
    );
    const recruitId = await signupAndConfirm(t, { email: `recruit.${++n}@me.example`, ref: code });
    const before = (await staff.get(`/api/people/${recruitId}`)).json() as {
      recruitedBy: { id: number; name: string } | null;
    };
    expect(before.recruitedBy).toEqual({ id: recruiter.personId, name: 'Recruteuse Durand' });

    await recruiter.browser.post('/api/me/delete', { confirm: 'DELETE' });
    const after = (await staff.get(`/api/people/${recruitId}`)).json() as {
      recruitedBy: unknown;
    };
    expect(after.recruitedBy).toBeNull();
    const stats = (await staff.get('/api/stats/recruitment')).json() as {
      topRecruiters: Array<{ personId: number }>;
    };
    expect(stats.topRecruiters.map((r) => r.personId)).not.toContain(recruiter.personId);
  });

  it('only ever shows the logged-in person', async () => {
    const a = await loggedInSupporter({ firstName: 'Alpha' });
    const b = await loggedInSupporter({ firstName: 'Bravo' });
    expect(((await a.browser.get('/api/me/profile')).json() as Profile).firstName).toBe('Alpha');
    expect(((await b.browser.get('/api/me/profile')).json() as Profile).firstName).toBe('Bravo');
    await a.browser.put('/api/me/profile', { ...validUpdate, firstName: 'Alphonse' });
    expect(((await b.browser.get('/api/me/profile')).json() as Profile).firstName).toBe('Bravo');
    // The export carries no one else's data.
    const exported = (await b.browser.get('/api/me/export')).body;
    expect(exported).not.toContain(a.email);
    expect(exported).not.toContain('Alphonse');
  });

  it('does not apply a sign-up by someone else to a logged-in supporter', async () => {
    const { email, browser } = await loggedInSupporter({ firstName: 'Real' });
    await new Browser(t.app).post(
      '/api/signup',
      signupBody({
        email,
        firstName: 'Impostor',
        consents: { email: true, sms: true, phone: true },
      }),
    );
    const profile = (await browser.get('/api/me/profile')).json() as Profile;
    expect(profile.firstName).toBe('Real');
    expect(profile.consents.sms).toBe(false);
  });

  it('answers 401 to a logged-out visitor on every change and the export, changing nothing', async () => {
    const { email, personId, browser } = await loggedInSupporter({ phone: '0611223377' });
    // The supporter logs out: the browser keeps its cookies but no longer has a session.
    expect((await browser.post('/api/auth/logout')).statusCode).toBe(200);
    const visitors: Array<[string, Browser]> = [
      ['after logout', browser],
      ['never logged in', new Browser(t.app)],
    ];
    const snapshot = async () => ({
      person: await inCampaign('SELECT * FROM people WHERE campaign_id = $1 AND id = $2', [
        personId,
      ]),
      people: await inCampaign('SELECT id FROM people WHERE campaign_id = $1 ORDER BY id'),
      consents: await inCampaign('SELECT * FROM consent_events WHERE campaign_id = $1 ORDER BY id'),
      events: await inCampaign('SELECT * FROM person_events WHERE campaign_id = $1 ORDER BY id'),
      audit: await inCampaign('SELECT * FROM audit_log WHERE campaign_id = $1 ORDER BY id'),
      account: await inCampaign(
        'SELECT * FROM accounts WHERE campaign_id = $1 AND person_id = $2',
        [personId],
      ),
    });
    const before = await snapshot();
    expect(before.person[0]).toMatchObject({ email, erased_at: null });
    for (const [who, visitor] of visitors) {
      // With a valid CSRF token: the refusal is about the missing login, not the token.
      const session = await visitor.session();
      expect(session.me).toBeNull();
      expect(session.csrfToken).not.toBe('');
      const calls = [
        ['PUT /api/me/profile', await visitor.put('/api/me/profile', validUpdate)],
        [
          'PUT /api/me/consents',
          await visitor.put('/api/me/consents', {
            consents: { email: false, sms: true, phone: true },
          }),
        ],
        ['POST /api/me/delete', await visitor.post('/api/me/delete', { confirm: 'DELETE' })],
        ['GET /api/me/export', await visitor.get('/api/me/export')],
        ['GET /api/me/profile', await visitor.get('/api/me/profile')],
      ] as const;
      for (const [call, response] of calls) {
        expect([who, call, response.statusCode, (response.json() as Problem).code]).toEqual([
          who,
          call,
          401,
          'unauthenticated',
        ]);
        expect(response.body).not.toContain(email);
      }
    }
    expect(await snapshot()).toEqual(before);
    // Logging in again shows the profile as it was.
    await login(browser, email);
    const profile = (await browser.get('/api/me/profile')).json() as Profile;
    expect(profile).toMatchObject({ personId, firstName: 'Camille', phone: '+33611223377' });
    expect(profile.consents).toEqual({ email: true, sms: false, phone: false });
  });
});

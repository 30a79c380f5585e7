import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { MyPhoneBanks, PhoneBank, PhoneBankClaim } from '../../../../contracts/phone-banks.ts';
import { createElection } from '../../compliance/elections.ts';
import { addPhoneOptOuts } from '../../compliance/phone-opt-outs.ts';
import {
  createTestApp,
  engines,
  staffBrowser,
  supporterBrowser,
  type Browser,
  type TestApp,
} from '../../../testing/harness.ts';

/** Every day, all day: the tests may run at any hour. */
const ALWAYS = {
  weekdays: [1, 2, 3, 4, 5, 6, 7],
  windows: [['00:00', '24:00']],
  closedOnPublicHolidays: false,
};

const parisDay = (offsetDays: number) =>
  new Intl.DateTimeFormat('en-CA', { timeZone: 'Europe/Paris' }).format(
    new Date(Date.now() + offsetDays * 86_400_000),
  );

describe.each(engines)('volunteer phone banks (%s)', (engine) => {
  let t: TestApp;
  let staff: Browser;
  let volunteers: Array<{ browser: Browser; personId: number }>;
  let segmentId: number;
  let questionnaire: { id: number; versionId: number };

  const sql = <T>(text: string, params: unknown[] = []) => t.ctx.database.query<T>(text, params);

  /** People of Haute-Corse (the segment's département), each with a mobile number. */
  const addPeople = async (count: number, first: number, consentPhone = true) => {
    const rows = await sql<{ id: number }>(
      `INSERT INTO people (campaign_id, email, email_normalized, recruit_code, first_name, last_name,
                           phone, departement_code, commune_name, consent_phone)
       SELECT $1, 'callee' || g || '@bank.test', 'callee' || g || '@bank.test', 'bank-' || g,
              'Prénom' || g, 'Nom' || g, '+3361' || lpad(g::text, 7, '0'), '2B', 'Bastia', $4
         FROM generate_series($2::int, $2::int + $3::int - 1) AS g RETURNING id`,
      [t.ctx.campaignId, first, count, consentPhone],
    );
    return rows.map((row) => Number(row.id));
  };

  const newBank = async (overrides: Record<string, unknown> = {}) => {
    const created = await staff.post('/api/phone-banks', {
      name: 'Appels Haute-Corse',
      segmentId,
      questionnaireId: questionnaire.id,
      script: 'Bonjour {prénom}, je suis bénévole…\n<b>pas du HTML</b>',
      windows: ALWAYS,
      ...overrides,
    });
    expect(created.statusCode, created.body).toBe(201);
    return created.json() as PhoneBank;
  };

  const claim = (browser: Browser, bankId: number) =>
    browser.post(`/api/phone-banks/${bankId}/claim`, {});
  const record = (browser: Browser, bankId: number, body: Record<string, unknown>) =>
    browser.post(`/api/phone-banks/${bankId}/calls`, { id: randomUUID(), ...body });

  beforeAll(async () => {
    t = await createTestApp(engine);
    staff = await staffBrowser(t, 'banks@staff.test', ['staff']);
    volunteers = [];
    for (const n of [1, 2, 3]) {
      const { browser, personId } = await supporterBrowser(t, `volunteer${n}@bank.test`);
      volunteers.push({ browser, personId });
    }
    await addPeople(6, 1);
    await addPeople(1, 100, false);
    const optedOut = await addPeople(1, 200);
    const [phone] = await sql<{ phone: string }>(`SELECT phone FROM people WHERE id = $1`, [
      optedOut[0],
    ]);
    await addPhoneOptOuts(t.ctx.database.query, t.ctx.campaignId, [phone!.phone], 'staff');
    const segment = await staff.post('/api/segments', {
      name: 'Haute-Corse',
      filter: { departementCodes: ['2B'] },
    });
    segmentId = (segment.json() as { id: number }).id;
    const made = await staff.post('/api/field/questionnaires', {
      name: 'Appels',
      definition: {
        intro: '',
        consentText: 'Acceptez-vous que nous gardions vos réponses ?',
        opinionConsentText: 'Acceptez-vous que nous gardions votre soutien avec votre nom ?',
        contactCapture: { enabled: false, askEmail: false, askPhone: false },
        questions: [
          {
            id: 'q1',
            kind: 'single',
            label: 'Irez-vous voter ?',
            required: true,
            options: [
              { id: 'oui', label: 'Oui' },
              { id: 'non', label: 'Non' },
            ],
          },
          { id: 'q2', kind: 'support', label: 'Soutien', required: false },
        ],
      },
    });
    expect(made.statusCode, made.body).toBeLessThan(300);
    const body = made.json() as { id: number; current: { id: number } };
    questionnaire = { id: body.id, versionId: body.current.id };
  }, 60_000);
  afterAll(() => t?.close());

  it('refuses bad settings and other people than staff, changing nothing', async () => {
    expect((await staff.post('/api/phone-banks', { name: 'x', segmentId })).json()).toMatchObject({
      code: 'validation_failed',
    });
    expect(
      (
        await staff.post('/api/phone-banks', {
          name: 'Sans comité',
          segmentId,
          access: 'committee',
        })
      ).json(),
    ).toMatchObject({ code: 'committee_required' });
    expect(
      (
        await staff.post('/api/phone-banks', { name: 'Autre', segmentId, questionnaireId: 999_999 })
      ).json(),
    ).toMatchObject({ code: 'unknown_questionnaire' });
    const supporter = volunteers[0]!.browser;
    for (const response of [
      await supporter.get('/api/phone-banks'),
      await supporter.post('/api/phone-banks', { name: 'Pirate', segmentId }),
      await supporter.get('/api/phone-banks/overview'),
    ]) {
      expect(response.statusCode).toBe(403);
    }
    expect((await staff.get('/api/phone-banks')).json()).toEqual([]);
  });

  it('freezes the callable people at the opening and serves each to one volunteer at a time', async () => {
    const bank = await newBank();
    expect(bank).toMatchObject({ status: 'draft', counts: { audience: 0 } });
    // Closed to volunteers before it opens.
    expect((await claim(volunteers[0]!.browser, bank.id)).json()).toMatchObject({
      code: 'phone_bank_not_open',
    });
    const opened = await staff.post(`/api/phone-banks/${bank.id}/open`, {});
    // Six with a phone and the consent; the one without consent and the opted-out number left out.
    expect(opened.json()).toMatchObject({ status: 'open', counts: { audience: 6, due: 6 } });
    expect((await staff.post(`/api/phone-banks/${bank.id}/open`, {})).json()).toMatchObject({
      code: 'phone_bank_wrong_status',
    });
    expect(
      (
        await staff.request('PATCH', `/api/phone-banks/${bank.id}`, { segmentId: segmentId + 1 })
      ).json(),
    ).toMatchObject({ code: 'phone_bank_audience_frozen' });

    const first = (await claim(volunteers[0]!.browser, bank.id)).json() as PhoneBankClaim;
    expect(first).toMatchObject({
      firstName: expect.stringMatching(/^Prénom/),
      communeName: 'Bastia',
    });
    expect(first.phoneDisplay).toMatch(/^06 1\d \d\d \d\d \d\d$/);
    // Asking again gives the same person; another volunteer gets another.
    expect(((await claim(volunteers[0]!.browser, bank.id)).json() as PhoneBankClaim).targetId).toBe(
      first.targetId,
    );
    const second = (await claim(volunteers[1]!.browser, bank.id)).json() as PhoneBankClaim;
    expect(second.targetId).not.toBe(first.targetId);

    // Only the holder records the call; a resent call is stored once.
    expect(
      (
        await record(volunteers[1]!.browser, bank.id, {
          targetId: first.targetId,
          outcome: 'refused',
        })
      ).json(),
    ).toMatchObject({ code: 'claim_lost' });
    const id = randomUUID();
    const noAnswer = { id, targetId: first.targetId, outcome: 'no_answer' };
    const stored = await volunteers[0]!.browser.post(`/api/phone-banks/${bank.id}/calls`, noAnswer);
    expect(stored.json()).toMatchObject({ status: 'stored', target: 'due' });
    const again = await volunteers[0]!.browser.post(`/api/phone-banks/${bank.id}/calls`, noAnswer);
    expect(again.json()).toMatchObject({ status: 'duplicate', target: 'due' });
    const [calls] = await sql<{ n: number }>(
      `SELECT count(*)::int AS n FROM phone_bank_calls WHERE campaign_id = $1 AND bank_id = $2`,
      [t.ctx.campaignId, bank.id],
    );
    expect(calls!.n).toBe(1);

    // Skipped: back in the queue for someone else.
    expect(
      (
        await volunteers[1]!.browser.post(`/api/phone-banks/${bank.id}/release`, {
          targetId: second.targetId,
        })
      ).statusCode,
    ).toBe(204);
    const counts = ((await staff.get(`/api/phone-banks/${bank.id}`)).json() as PhoneBank).counts;
    // Due: the five waiting and the one back for a retry later.
    expect(counts).toMatchObject({ audience: 6, due: 6, claimed: 0, done: 0, calls: 1 });
    await staff.post(`/api/phone-banks/${bank.id}/close`, {});
  });

  it('records answers by the questionnaire, keeps opinions only with consent, and honours "do not call"', async () => {
    const bank = await newBank({ name: 'Appels réponses' });
    await staff.post(`/api/phone-banks/${bank.id}/open`, {});
    const caller = volunteers[2]!.browser;
    const take = async () => (await claim(caller, bank.id)).json() as PhoneBankClaim;

    let person = await take();
    const bad = await record(caller, bank.id, {
      targetId: person.targetId,
      outcome: 'conversation',
      answers: {
        versionId: questionnaire.versionId,
        answers: { q1: 'peut-être' },
        residentConsent: { personalData: true },
      },
    });
    expect(bad.statusCode).toBe(422);
    expect(bad.json()).toMatchObject({ code: 'invalid_answers' });
    const noCallBack = await record(caller, bank.id, {
      targetId: person.targetId,
      outcome: 'call_back',
    });
    expect(noCallBack.json()).toMatchObject({ code: 'call_back_required' });
    // Support given without consent to keep it with the name: counted, not kept.
    const counted = await record(caller, bank.id, {
      targetId: person.targetId,
      outcome: 'conversation',
      answers: {
        versionId: questionnaire.versionId,
        answers: { q1: 'oui' },
        supportLevel: 2,
        residentConsent: { personalData: true, storeOpinion: false },
      },
    });
    expect(counted.json()).toMatchObject({ status: 'stored', target: 'done' });

    person = await take();
    await record(caller, bank.id, {
      targetId: person.targetId,
      outcome: 'conversation',
      answers: {
        versionId: questionnaire.versionId,
        answers: { q1: 'non' },
        supportLevel: 1,
        residentConsent: { personalData: true, storeOpinion: true },
      },
    });
    const kept = await sql<{ support_level: number | null; answers: unknown }>(
      `SELECT support_level, answers FROM phone_bank_calls WHERE campaign_id = $1 AND bank_id = $2 ORDER BY called_at`,
      [t.ctx.campaignId, bank.id],
    );
    expect(kept).toEqual([
      { support_level: null, answers: { q1: 'oui' } },
      { support_level: 1, answers: { q1: 'non' } },
    ]);

    person = await take();
    expect(
      (
        await record(caller, bank.id, {
          targetId: person.targetId,
          outcome: 'do_not_call',
          notes: 'ne plus appeler',
        })
      ).json(),
    ).toMatchObject({ target: 'done' });
    const [withdrawn] = await sql<{ consent_phone: boolean; opted_out: boolean }>(
      `SELECT p.consent_phone, EXISTS (SELECT 1 FROM phone_opt_outs o WHERE o.campaign_id = p.campaign_id) AS opted_out
         FROM people p JOIN phone_bank_targets t ON t.campaign_id = p.campaign_id AND t.person_id = p.id
        WHERE t.campaign_id = $1 AND t.bank_id = $2 AND t.id = $3`,
      [t.ctx.campaignId, bank.id, person.targetId],
    );
    expect(withdrawn).toEqual({ consent_phone: false, opted_out: true });

    const stats = (await staff.get(`/api/phone-banks/${bank.id}/stats`)).json() as {
      support: Record<string, number>;
      volunteers: Array<{ id: number; calls: number; conversations: number }>;
      counts: { byOutcome: Record<string, number> };
    };
    expect(stats.support).toEqual({ '1': 1, '2': 1 });
    expect(stats.volunteers).toEqual([
      expect.objectContaining({ id: volunteers[2]!.personId, calls: 3, conversations: 2 }),
    ]);
    expect(stats.counts.byOutcome).toMatchObject({ conversation: 2, do_not_call: 1 });

    // The export: every call, no callee's name or number, no support level, no notes; audited.
    expect((await caller.get(`/api/phone-banks/${bank.id}/calls.csv`)).statusCode).toBe(403);
    const csv = await staff.get(`/api/phone-banks/${bank.id}/calls.csv`);
    expect(csv.headers['content-type']).toMatch(/^text\/csv/);
    const lines = csv.body.trim().split('\r\n');
    expect(lines).toHaveLength(4);
    expect(lines[0]).toContain('Bénévole;Issue');
    expect(csv.body).toContain(';conversation;');
    expect(csv.body).toContain(';do_not_call;');
    expect(csv.body).not.toMatch(/Prénom|\+336|ne plus appeler/);
    const [audited] = await sql<{ n: number }>(
      `SELECT count(*)::int AS n FROM audit_log WHERE campaign_id = $1 AND action = 'calling.bank.export'`,
      [t.ctx.campaignId],
    );
    expect(audited!.n).toBe(1);
    await staff.post(`/api/phone-banks/${bank.id}/close`, {});
  });

  it('brings a call-back back at its time, and nobody before', async () => {
    const bank = await newBank({ name: 'Rappels' });
    await staff.post(`/api/phone-banks/${bank.id}/open`, {});
    // Everyone but one done, so that the call-back is the only person left.
    const caller = volunteers[0]!.browser;
    let last: PhoneBankClaim | null = null;
    for (;;) {
      const response = await claim(caller, bank.id);
      if (response.statusCode !== 200) break;
      last = response.json() as PhoneBankClaim;
      const remaining = ((await staff.get(`/api/phone-banks/${bank.id}`)).json() as PhoneBank)
        .counts;
      if (remaining.due === 0) break;
      await record(caller, bank.id, { targetId: last.targetId, outcome: 'refused' });
    }
    const callBackAt = new Date(Date.now() + 1500).toISOString();
    expect(
      (
        await record(caller, bank.id, {
          targetId: last!.targetId,
          outcome: 'call_back',
          callBackAt,
        })
      ).json(),
    ).toMatchObject({ target: 'due', nextAt: callBackAt });
    expect((await claim(volunteers[1]!.browser, bank.id)).json()).toMatchObject({
      code: 'queue_empty',
    });
    await new Promise((resolve) => setTimeout(resolve, 1800));
    const back = (await claim(volunteers[1]!.browser, bank.id)).json() as PhoneBankClaim;
    expect(back).toMatchObject({ targetId: last!.targetId, lastOutcome: 'call_back', callBackAt });
  });

  it('serves nobody outside its hours, when paused, nor in the pre-election silence', async () => {
    const threeDaysOn = ((new Date(`${parisDay(3)}T12:00:00Z`).getUTCDay() + 6) % 7) + 1;
    const bank = await newBank({
      name: 'Horaires',
      windows: { ...ALWAYS, weekdays: [threeDaysOn] },
    });
    await staff.post(`/api/phone-banks/${bank.id}/open`, {});
    const volunteer = volunteers[1]!.browser;
    expect((await claim(volunteer, bank.id)).json()).toMatchObject({ code: 'outside_hours' });
    const caller = (await volunteer.get(`/api/phone-banks/${bank.id}/caller`)).json();
    expect(caller).toMatchObject({ callingNow: false, closedReason: 'outside_hours' });
    // The volunteer's list of banks says why too.
    const listed = async () =>
      ((await volunteer.get('/api/me/phone-banks')).json() as MyPhoneBanks).find(
        (b) => b.id === bank.id,
      );
    expect(await listed()).toMatchObject({ callingNow: false, closedReason: 'outside_hours' });

    await staff.request('PATCH', `/api/phone-banks/${bank.id}`, { windows: ALWAYS });
    await staff.post(`/api/phone-banks/${bank.id}/pause`, {});
    expect((await claim(volunteer, bank.id)).json()).toMatchObject({ code: 'phone_bank_not_open' });
    expect(await listed()).toMatchObject({ callingNow: false, closedReason: 'not_open' });
    await staff.post(`/api/phone-banks/${bank.id}/resume`, {});
    expect((await claim(volunteer, bank.id)).statusCode).toBe(200);
    expect(await listed()).toMatchObject({ callingNow: true, closedReason: null });

    // The vote tomorrow: from 00:00 today (local time) no claim is served.
    const election = await createElection(
      t.ctx,
      { name: 'Scrutin', kind: 'local', rounds: [{ date: parisDay(1) }] },
      null,
    );
    expect((await claim(volunteers[2]!.browser, bank.id)).json()).toMatchObject({
      code: 'pre_election_silence',
    });
    expect(
      (
        await staff.post(`/api/phone-banks/${bank.id}/shifts`, {
          startsAt: new Date(Date.now() + 3_600_000).toISOString(),
          endsAt: new Date(Date.now() + 7_200_000).toISOString(),
        })
      ).json(),
    ).toMatchObject({ code: 'pre_election_silence' });
    await sql(`DELETE FROM election_rounds WHERE campaign_id = $1 AND election_id = $2`, [
      t.ctx.campaignId,
      election.id,
    ]);
    await sql(`DELETE FROM elections WHERE campaign_id = $1 AND id = $2`, [
      t.ctx.campaignId,
      election.id,
    ]);
  });

  it('opens a committee’s bank to its members and those going to its shifts only', async () => {
    const created = await volunteers[0]!.browser.post('/api/committees', {
      name: 'Comité de Bastia',
      place: { postalCode: '69001' },
    });
    expect(created.statusCode, created.body).toBe(201);
    const committee = created.json() as { id: number };
    const bank = await newBank({
      name: 'Comité',
      access: 'shifts',
      committeeId: committee.id,
    });
    await staff.post(`/api/phone-banks/${bank.id}/open`, {});
    const shift = await staff.post(`/api/phone-banks/${bank.id}/shifts`, {
      startsAt: new Date(Date.now() + 3_600_000).toISOString(),
      endsAt: new Date(Date.now() + 7_200_000).toISOString(),
      capacity: 2,
    });
    expect(shift.statusCode, shift.body).toBe(201);
    const { eventId } = shift.json() as { eventId: number };
    expect((await staff.get(`/api/phone-banks/${bank.id}/shifts`)).json()).toEqual([
      expect.objectContaining({ eventId, capacity: 2, going: 0, open: 2 }),
    ]);

    expect(
      (await volunteers[0]!.browser.get(`/api/phone-banks/${bank.id}/caller`)).statusCode,
    ).toBe(200);
    const outsider = volunteers[1]!.browser;
    expect((await claim(outsider, bank.id)).json()).toMatchObject({ code: 'phone_bank_not_yours' });
    expect(
      ((await outsider.get('/api/me/phone-banks')).json() as Array<{ id: number }>).map(
        (b) => b.id,
      ),
    ).not.toContain(bank.id);
    const rsvp = await outsider.request('PUT', `/api/events/${eventId}/rsvp`, {});
    expect(rsvp.statusCode, rsvp.body).toBe(200);
    expect((await claim(outsider, bank.id)).statusCode).toBe(200);
    expect(
      ((await outsider.get('/api/me/phone-banks')).json() as Array<{ id: number }>).map(
        (b) => b.id,
      ),
    ).toContain(bank.id);
    const shifts = (await staff.get(`/api/phone-banks/${bank.id}/shifts`)).json();
    expect(shifts).toEqual([expect.objectContaining({ going: 1, open: 1 })]);
  });

  it('never gives one person to two volunteers claiming at once', async () => {
    const bank = await newBank({ name: 'Ruée' });
    const { counts } = (
      await staff.post(`/api/phone-banks/${bank.id}/open`, {})
    ).json() as PhoneBank;
    // One person asked not to be called again earlier: five left.
    expect(counts.audience).toBe(5);
    const extra = [];
    for (let n = 0; n < 5; n++) {
      extra.push((await supporterBrowser(t, `rush${n}@bank.test`)).browser);
    }
    const all = [...volunteers.map((v) => v.browser), ...extra];
    const responses = await Promise.all(all.map((browser) => claim(browser, bank.id)));
    const served = responses
      .filter((r) => r.statusCode === 200)
      .map((r) => (r.json() as PhoneBankClaim).targetId);
    // Five people, eight volunteers: five served, each once; three told the queue is empty.
    expect(new Set(served).size).toBe(served.length);
    expect(served).toHaveLength(5);
    expect(responses.filter((r) => r.statusCode === 409).map((r) => r.json().code)).toEqual([
      'queue_empty',
      'queue_empty',
      'queue_empty',
    ]);
  });

  it('holds one person per volunteer, whatever their taps race, and gives it back once run out', async () => {
    const bank = await newBank({ name: 'Double tape' });
    await staff.post(`/api/phone-banks/${bank.id}/open`, {});
    const volunteer = volunteers[2]!.browser;
    const taps = await Promise.all([1, 2, 3].map(() => claim(volunteer, bank.id)));
    expect(taps.map((r) => r.statusCode)).toEqual([200, 200, 200]);
    const held = taps.map((r) => (r.json() as PhoneBankClaim).targetId);
    expect(new Set(held).size).toBe(1);
    const [claimed] = await sql<{ n: number }>(
      `SELECT count(*)::int AS n FROM phone_bank_targets
        WHERE campaign_id = $1 AND bank_id = $2 AND status = 'claimed'`,
      [t.ctx.campaignId, bank.id],
    );
    expect(claimed!.n).toBe(1);

    // The claim runs out and nobody took that person since: the volunteer is given them again,
    // for a new claim time.
    await sql(
      `UPDATE phone_bank_targets SET available_at = now() - interval '1 second'
        WHERE campaign_id = $1 AND bank_id = $2 AND id = $3`,
      [t.ctx.campaignId, bank.id, held[0]],
    );
    const again = (await claim(volunteer, bank.id)).json() as PhoneBankClaim;
    expect(again.targetId).toBe(held[0]);
    expect(new Date(again.claimedUntil).getTime()).toBeGreaterThan(Date.now());
  });
});

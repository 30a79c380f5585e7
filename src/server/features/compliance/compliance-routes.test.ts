import { recordDecisions } from '../people/consents.ts';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Election } from '../../../contracts/compliance.ts';
import { addDays, instantOf, wallClock } from '../../core/local-time.ts';
import { enqueueMail } from '../../core/mail/outbox.ts';
import {
  Browser,
  createTestApp,
  engines,
  signupAndConfirm,
  staffBrowser,
  type TestApp,
} from '../../testing/harness.ts';

interface Problem {
  code: string;
  errors?: Array<{ field: string; code: string }>;
}

describe.each(engines)('compliance on %s', (engine) => {
  let t: TestApp;
  let staff: Browser;
  let finance: Browser;
  const inCampaign = <T = Record<string, unknown>>(text: string, params: unknown[] = []) =>
    t.ctx.database.query<T>(text, [t.ctx.campaignId, ...params]);

  beforeAll(async () => {
    t = await createTestApp(engine);
    staff = await staffBrowser(t, 'staff@compliance.example', ['staff']);
    finance = await staffBrowser(t, 'finance@compliance.example', ['finance']);
  });
  afterAll(async () => {
    await t?.close();
  });

  it('lets staff add a national election whose western territories vote a day earlier (audited)', async () => {
    const response = await staff.post('/api/compliance/elections', {
      name: 'Présidentielle 2027',
      kind: 'national',
      rounds: [{ date: '2027-04-11' }, { date: '2027-04-25', pollsClose: '19:00' }],
    });
    expect(response.statusCode, response.body).toBe(200);
    const election = response.json() as Election;
    expect(election.rounds.map((r) => [r.number, r.date, r.pollsClose])).toEqual([
      [1, '2027-04-11', '20:00'],
      [2, '2027-04-25', '19:00'],
    ]);
    expect(election.rounds[0]!.territoryDates).toMatchObject({
      metropole: '2027-04-11',
      '971': '2027-04-10',
      '987': '2027-04-10',
      '974': '2027-04-11',
    });
    const listed = (await staff.get('/api/compliance/elections')).json() as Election[];
    expect(listed).toContainEqual(election);

    const changed = await staff.put(`/api/compliance/elections/${election.id}`, {
      name: 'Présidentielle 2027 (1er tour)',
      kind: 'national',
      rounds: [{ date: '2027-04-11', territoryDates: { '974': '2027-04-12' } }],
    });
    expect(changed.statusCode, changed.body).toBe(200);
    expect((changed.json() as Election).rounds).toHaveLength(1);
    expect((changed.json() as Election).rounds[0]!.territoryDates['974']).toBe('2027-04-12');

    expect((await staff.delete(`/api/compliance/elections/${election.id}`)).statusCode).toBe(200);
    expect((await staff.get('/api/compliance/elections')).json()).toEqual([]);
    const logged = await inCampaign<{ action: string; details: { name: string } }>(
      `SELECT action, details FROM audit_log WHERE campaign_id = $1 AND target = $2 ORDER BY id`,
      [`election:${election.id}`],
    );
    expect(logged.map((l) => [l.action, l.details.name])).toEqual([
      ['election.create', 'Présidentielle 2027'],
      ['election.update', 'Présidentielle 2027 (1er tour)'],
      ['election.delete', 'Présidentielle 2027 (1er tour)'],
    ]);
  });

  it('refuses rounds out of order or a bad closing time, and changes nothing', async () => {
    const response = await staff.post('/api/compliance/elections', {
      name: 'Municipales',
      kind: 'local',
      rounds: [{ date: '2026-03-22' }, { date: '2026-03-15', pollsClose: '25:00' }],
    });
    expect(response.statusCode).toBe(400);
    const problem = response.json() as Problem;
    expect(problem.code).toBe('validation_failed');
    expect(problem.errors).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ field: 'rounds.1.date', code: 'rounds_out_of_order' }),
        expect.objectContaining({ field: 'rounds.1.pollsClose', code: 'invalid_time' }),
      ]),
    );
    expect(await inCampaign('SELECT 1 FROM elections WHERE campaign_id = $1')).toEqual([]);
    expect(
      (
        await staff.put('/api/compliance/elections/999999', {
          name: 'X',
          kind: 'local',
          rounds: [{ date: '2026-03-15' }],
        })
      ).statusCode,
    ).toBe(404);
    expect((await staff.delete('/api/compliance/elections/999999')).statusCode).toBe(404);
  });

  it('is staff’s and the administrator’s to configure', async () => {
    expect((await finance.get('/api/compliance/elections')).statusCode).toBe(403);
    const body = { name: 'X', kind: 'local', rounds: [{ date: '2026-03-15' }] };
    expect((await finance.post('/api/compliance/elections', body)).statusCode).toBe(403);
    expect((await new Browser(t.app).get('/api/compliance/elections')).statusCode).toBe(401);
  });

  it('answers whether a person may be reached, and why not', async () => {
    const id = await signupAndConfirm(t, {
      email: 'check@compliance.example',
      postalCode: '97110',
      consents: { email: true, sms: false, phone: false },
    });
    const ask = async (query: string) => {
      const response = await finance.get(`/api/compliance/check?personId=${id}&${query}`);
      expect(response.statusCode, response.body).toBe(200);
      return response.json() as Record<string, unknown>;
    };
    expect(await ask('channel=email&purpose=newsletter')).toEqual({
      allowed: true,
      territory: '971',
    });
    expect(await ask('channel=sms&purpose=newsletter')).toEqual({
      allowed: false,
      reason: 'no_consent',
      territory: '971',
    });
    expect(await ask('channel=automated_call&purpose=call')).toMatchObject({
      reason: 'no_consent',
    });
    const bad = await finance.get(`/api/compliance/check?personId=${id}&channel=fax&purpose=call`);
    expect(bad.statusCode).toBe(400);
    const missing = await finance.get(
      '/api/compliance/check?personId=999999&channel=email&purpose=call',
    );
    expect(missing.statusCode).toBe(404);
  });

  describe('the mail outbox', () => {
    /** A mail queued two days ago, due only when the test says so. */
    const queueCampaignMail = async (personId: number | null, to: string, subject: string) => {
      const [row] = await inCampaign<{ id: number }>(
        `INSERT INTO mail_outbox (campaign_id, kind, person_id, to_address, subject, text_body, purpose,
                                  next_attempt_at, created_at)
         VALUES ($1, 'newsletter', $2, $3, $4, 'Bonjour', 'newsletter',
                 now() + interval '1 hour', now() - interval '2 days') RETURNING id`,
        [personId, to, subject],
      );
      return Number(row!.id);
    };
    const outboxRow = async (id: number) =>
      (
        await inCampaign<{
          status: string;
          attempts: number;
          next_attempt_at: Date;
          last_error: string | null;
        }>(
          'SELECT status, attempts, next_attempt_at, last_error FROM mail_outbox WHERE campaign_id = $1 AND id = $2',
          [id],
        )
      )[0]!;
    const makeDue = (ids: number[]) =>
      inCampaign(
        'UPDATE mail_outbox SET next_attempt_at = now() WHERE campaign_id = $1 AND id = ANY($2::bigint[])',
        [ids],
      );
    const received = (subject: string) => t.smtp.received.filter((m) => m.subject === subject);

    it('holds a campaign mail queued before the silence until the polls close, and sends it then', async () => {
      const person = await signupAndConfirm(t, { email: 'silence@compliance.example' });
      const other = await signupAndConfirm(t, { email: 'silence-other@compliance.example' });
      const campaignMail = await queueCampaignMail(
        person,
        'silence@compliance.example',
        'Meeting ce soir',
      );
      const otherMail = await queueCampaignMail(
        other,
        'silence-other@compliance.example',
        'Meeting demain',
      );

      // A round tomorrow in metropolitan France: today is the day before, silent from 00:00.
      const tomorrow = addDays(wallClock(new Date(), 'Europe/Paris').day, 1);
      const created = await staff.post('/api/compliance/elections', {
        name: 'Législatives partielles',
        kind: 'local',
        rounds: [{ date: tomorrow }],
      });
      expect(created.statusCode, created.body).toBe(200);
      const election = created.json() as Election;

      const before = t.smtp.received.length;
      await makeDue([campaignMail, otherMail]);
      await enqueueMail(t.ctx.database, t.ctx.campaignId, {
        kind: 'login_code',
        personId: person,
        to: 'silence@compliance.example',
        subject: 'Votre code de connexion',
        text: 'Code 123456',
      });
      await t.ctx.mailer.drain();

      // The transactional mail goes; the campaign mails wait for the polls to close.
      await t.smtp.waitFor(
        'silence@compliance.example',
        (m) => m.subject === 'Votre code de connexion',
        10_000,
        before,
      );
      expect(received('Meeting ce soir')).toEqual([]);
      expect(received('Meeting demain')).toEqual([]);
      const held = await outboxRow(campaignMail);
      expect(held).toMatchObject({
        status: 'pending',
        attempts: 0,
        last_error: 'held: pre_election_silence',
      });
      expect(new Date(held.next_attempt_at).toISOString()).toBe(
        instantOf(tomorrow, 20 * 60, 'Europe/Paris').toISOString(),
      );
      // Asked again during the silence: still held.
      await makeDue([campaignMail]);
      await t.ctx.mailer.drain();
      expect(received('Meeting ce soir')).toEqual([]);
      expect((await outboxRow(campaignMail)).status).toBe('pending');

      // Once the round is past (moved to yesterday), the held mail goes when due.
      const yesterday = addDays(wallClock(new Date(), 'Europe/Paris').day, -1);
      const moved = await staff.put(`/api/compliance/elections/${election.id}`, {
        name: election.name,
        kind: 'local',
        rounds: [{ date: yesterday }],
      });
      expect(moved.statusCode, moved.body).toBe(200);
      await makeDue([campaignMail, otherMail]);
      await t.ctx.mailer.drain();
      await t.smtp.waitFor(
        'silence@compliance.example',
        (m) => m.subject === 'Meeting ce soir',
        10_000,
        before,
      );
      await t.smtp.waitFor(
        'silence-other@compliance.example',
        (m) => m.subject === 'Meeting demain',
        10_000,
        before,
      );
      expect(await outboxRow(campaignMail)).toMatchObject({ status: 'sent', attempts: 1 });
      await staff.delete(`/api/compliance/elections/${election.id}`);
    });

    it('never sends a campaign mail to someone without consent or who opted out', async () => {
      const never = await signupAndConfirm(t, {
        email: 'never@compliance.example',
        consents: { email: false, sms: false, phone: false },
      });
      const optedOut = await signupAndConfirm(t, { email: 'optout@compliance.example' });
      await t.ctx.database.transaction((query) =>
        recordDecisions(query, t.ctx.campaignId, optedOut, [
          { channel: 'email', granted: false, source: 'me', wordingVersion: 'withdrawal' },
        ]),
      );
      const mails = [
        await queueCampaignMail(never, 'never@compliance.example', 'Lettre 1'),
        await queueCampaignMail(optedOut, 'optout@compliance.example', 'Lettre 2'),
        await queueCampaignMail(null, 'nobody@compliance.example', 'Lettre 3'),
      ];
      await makeDue(mails);
      await t.ctx.mailer.drain();
      expect(await Promise.all(mails.map(outboxRow))).toEqual([
        expect.objectContaining({ status: 'suppressed', last_error: 'not sent: no_consent' }),
        expect.objectContaining({ status: 'suppressed', last_error: 'not sent: opted_out' }),
        expect.objectContaining({ status: 'suppressed', last_error: 'not sent: no_consent' }),
      ]);
      expect(t.smtp.received.filter((m) => m.subject.startsWith('Lettre'))).toEqual([]);
    });
  });
});

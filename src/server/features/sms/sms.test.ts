import twilio from 'twilio';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { SmsCampaign, SmsReach } from '../../../contracts/sms.ts';
import {
  Browser,
  createCampaignApp,
  createTestApp,
  engines,
  signupAndConfirm,
  staffBrowser,
  supporterBrowser,
  type TestApp,
} from '../../testing/harness.ts';
import { CarrierError } from '../calling/carrier/port.ts';
import { simulatorToken } from '../calling/carrier/configured.ts';
import { addPhoneOptOuts, optedOutNumbers } from '../compliance/phone-opt-outs.ts';
import { recordDecisions } from '../people/consents.ts';
import { smsSender } from './channel.ts';
import type { OutgoingSms, SmsProvider } from './port.ts';

/** A weekday morning in Paris: inside the operators' hours. */
const TUESDAY_10H = '2026-12-08T10:00:00+01:00';
const at = (moment: string) => () => new Date(moment);

/** A provider that keeps what it is given, or throws `failing`. */
function memoryProvider() {
  const sent: OutgoingSms[] = [];
  const state: { failing: Error | null } = { failing: null };
  const provider: SmsProvider = {
    name: 'memory',
    async send(sms) {
      if (state.failing) throw state.failing;
      sent.push(sms);
      return { providerId: `SM${sent.length}${Math.random().toString(36).slice(2, 8)}` };
    },
  };
  return { provider, sent, state };
}

describe.each(engines)('text campaigns (%s)', (engine) => {
  let t: TestApp;
  let staff: Browser;
  let staffId: number;
  let segmentId: number;
  const people: Record<string, { id: number; phone: string }> = {};

  const signed = (path: string, params: Record<string, string>) => {
    const url = `${t.ctx.config.publicUrl}${path}`;
    const token = simulatorToken(t.ctx.config.sessionSecret);
    return twilio.getExpectedTwilioSignature(token, url, params);
  };
  const webhook = (path: string, params: Record<string, string>, signature: string) =>
    t.app.inject({
      method: 'POST',
      url: path,
      headers: {
        'content-type': 'application/x-www-form-urlencoded',
        'x-twilio-signature': signature,
      },
      payload: new URLSearchParams(params).toString(),
    });
  const outbox = (smsCampaignId: number) =>
    t.ctx.database.query<{
      person_id: number;
      status: string;
      last_error: string | null;
      next_attempt_at: Date;
      to_number: string | null;
      provider_id: string | null;
    }>(
      `SELECT person_id, status, last_error, next_attempt_at, to_number, provider_id FROM sms_outbox
        WHERE campaign_id = $1 AND sms_campaign_id = $2 AND kind = 'campaign' ORDER BY person_id`,
      [t.ctx.campaignId, smsCampaignId],
    );
  const draft = async (overrides: Record<string, unknown> = {}) => {
    const created = await staff.post('/api/sms', {
      name: 'Meeting de mardi',
      sender: 'Levier2027',
      body: 'Bonjour {prénom}, meeting mardi 19h à {commune} !',
      segmentId,
      ...overrides,
    });
    expect(created.statusCode, created.body).toBe(201);
    return created.json() as SmsCampaign;
  };
  const sendNow = async (id: number) => {
    const response = await staff.post(`/api/sms/${id}/schedule`, { at: null });
    expect(response.statusCode, response.body).toBe(200);
    return response.json() as SmsCampaign;
  };

  beforeAll(async () => {
    t = await createTestApp(engine, { SMS_CLOCK: TUESDAY_10H });
    // Texts are sent only when a test drains them, each with the clock it chooses.
    await smsSender(t.ctx).stop();
    staff = await staffBrowser(t, 'textos@staff.example', ['staff']);
    [{ id: staffId }] = await t.ctx.database.query<{ id: number }>(
      `UPDATE people SET first_name = 'Camille', phone = '+33611000001'
        WHERE campaign_id = $1 AND email_normalized = 'textos@staff.example' RETURNING id`,
      [t.ctx.campaignId],
    );
    for (const [firstName, phone, sms] of [
      ['Aurore', '06 11 00 00 02', true],
      ['Bastien', '06 11 00 00 03', true],
      ['Céleste', '06 11 00 00 04', false],
      ['Loïc', '06 11 00 00 05', true],
    ] as const) {
      const id = await signupAndConfirm(t, {
        email: `${firstName.toLowerCase().normalize('NFD').replace(/\p{M}/gu, '')}@texto.example`,
        firstName,
        lastName: 'Texto',
        phone,
        consents: { email: false, sms, phone: false },
      });
      people[firstName] = { id, phone: `+33${phone.replace(/\s/g, '').slice(1)}` };
    }
    const segment = await staff.post('/api/segments', {
      name: 'Famille Texto',
      filter: { q: 'Texto' },
    });
    segmentId = (segment.json() as { id: number }).id;
  }, 120_000);
  afterAll(() => t?.close());

  it('refuses bad input, unknown segments and people without the right, changing nothing', async () => {
    const bad = await staff.post('/api/sms', {
      name: 'x',
      sender: '0612345678',
      body: '',
      segmentId,
    });
    expect(bad.statusCode).toBe(400);
    expect(bad.headers['content-type']).toMatch(/application\/problem\+json/);
    expect(bad.json()).toMatchObject({ code: 'validation_failed' });
    const codes = (bad.json() as { errors: Array<{ field: string; code: string }> }).errors;
    expect(codes).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ field: 'name', code: 'too_short' }),
        expect.objectContaining({ field: 'sender', code: 'invalid_sender' }),
        expect.objectContaining({ field: 'body', code: 'required' }),
      ]),
    );
    const unknown = await staff.post('/api/sms', {
      name: 'Texto perdu',
      sender: 'Levier',
      body: 'Texte',
      segmentId: 987654,
    });
    expect(unknown.statusCode).toBe(404);
    const supporter = await supporterBrowser(t, 'curieux@texto.example', { lastName: 'Autre' });
    expect((await supporter.browser.get('/api/sms')).statusCode).toBe(403);
    expect(
      (await supporter.browser.post('/api/sms/reach', { body: 'x', segmentId: null })).statusCode,
    ).toBe(403);
    expect((await staff.get('/api/sms')).json()).toEqual([]);
  });

  it('shows before sending who the segment’s text reaches, its encoding, segments and cost', async () => {
    const reach = (
      await staff.post('/api/sms/reach', { body: 'Bonjour {prénom} !', segmentId })
    ).json() as SmsReach;
    expect(reach).toMatchObject({
      recipients: 3,
      estimate: false,
      text: 'Bonjour {prénom} !\nSTOP au 36111',
      encoding: 'GSM-7',
      segments: 1,
      cost: 0.15,
      pricePerSegment: 0.05,
      stopNumber: '36111',
    });
    const long = (
      await staff.post('/api/sms/reach', { body: 'Fête '.repeat(20), segmentId })
    ).json() as SmsReach;
    expect(long).toMatchObject({ encoding: 'UCS-2', segments: 2, cost: 0.3 });
  });

  it('sends a test to the writer’s mobile, then the text to the segment’s people who agreed to SMS, with STOP, through the dev adapter', async () => {
    const text = await draft();
    expect(text).toMatchObject({ status: 'draft', encoding: 'GSM-7', segments: 1 });
    expect(text.text).toBe('Bonjour {prénom}, meeting mardi 19h à {commune} !\nSTOP au 36111');

    const tested = await staff.post(`/api/sms/${text.id}/test`, {});
    expect(tested.json()).toEqual({ to: '+33611000001' });
    await smsSender(t.ctx).drain();
    const caught = async () =>
      (
        (await staff.get('/api/sms/dev-outbox')).json() as {
          items: Array<{ to: string; sender: string; body: string; validitySeconds: number }>;
        }
      ).items;
    expect((await caught())[0]).toMatchObject({
      to: '+33611000001',
      sender: 'Levier2027',
      body: expect.stringMatching(
        /^\[TEST\] Bonjour Camille, meeting mardi 19h à .*\nSTOP au 36111$/,
      ),
    });

    const sending = await sendNow(text.id);
    expect(sending).toMatchObject({ status: 'sending', counts: { recipients: 3, pending: 3 } });
    await smsSender(t.ctx).drain();
    const bodies = (await caught())
      .slice(0, 3)
      .map((sms) => [sms.to, sms.body, sms.validitySeconds]);
    expect(bodies).toEqual(
      expect.arrayContaining([
        [people.Aurore!.phone, 'Bonjour Aurore, meeting mardi 19h à Lyon !\nSTOP au 36111', 10_800],
        [
          people.Bastien!.phone,
          'Bonjour Bastien, meeting mardi 19h à Lyon !\nSTOP au 36111',
          10_800,
        ],
        // Folded to GSM-7: the text stays one segment.
        [people.Loïc!.phone, 'Bonjour Loic, meeting mardi 19h à Lyon !\nSTOP au 36111', 10_800],
      ]),
    );
    expect(bodies.some(([to]) => to === people.Céleste!.phone)).toBe(false);
    const done = (await staff.get(`/api/sms/${text.id}`)).json() as SmsCampaign;
    expect(done).toMatchObject({
      status: 'sent',
      counts: { recipients: 3, pending: 0, sent: 3, failed: 0, suppressed: 0 },
    });
    // Sent or not, a text campaign cannot be edited, scheduled again or deleted.
    expect((await staff.put(`/api/sms/${text.id}`, { ...done, id: undefined })).statusCode).toBe(
      400,
    );
    expect((await staff.post(`/api/sms/${text.id}/schedule`, { at: null })).json()).toMatchObject({
      code: 'sms_not_editable',
    });
    expect((await staff.delete(`/api/sms/${text.id}`)).json()).toMatchObject({
      code: 'sms_not_draft',
    });
  });

  it('suppresses texts to opted-out numbers and withdrawn consents, and holds them at night, on Sundays, public holidays and in the silence', async () => {
    const text = await draft({ name: 'Tractage samedi', body: 'Tractage samedi 10h, venez !' });
    await addPhoneOptOuts(t.ctx.database.query, t.ctx.campaignId, [people.Bastien!.phone], 'staff');
    await sendNow(text.id);
    const memory = memoryProvider();
    const drain = (moment: string) =>
      smsSender(t.ctx, { provider: memory.provider, clock: at(moment) }).drain();
    const due = () =>
      t.ctx.database.query(
        `UPDATE sms_outbox SET next_attempt_at = now() WHERE campaign_id = $1 AND sms_campaign_id = $2`,
        [t.ctx.campaignId, text.id],
      );

    // Sunday: held until Monday 08:00 in Paris; the opted-out number suppressed at once.
    await drain('2026-12-13T11:00:00+01:00');
    let rows = await outbox(text.id);
    const of = (name: string) => rows.find((row) => Number(row.person_id) === people[name]!.id)!;
    expect(of('Bastien')).toMatchObject({
      status: 'suppressed',
      last_error: 'not sent: opted_out',
    });
    expect(of('Aurore')).toMatchObject({ status: 'pending', last_error: 'held: quiet_hours' });
    expect(new Date(of('Aurore').next_attempt_at)).toEqual(new Date('2026-12-14T08:00:00+01:00'));

    // At night, and on Christmas Day (a public holiday): held to the next allowed morning.
    await due();
    await drain('2026-12-08T21:30:00+01:00');
    rows = await outbox(text.id);
    expect(new Date(of('Aurore').next_attempt_at)).toEqual(new Date('2026-12-09T08:00:00+01:00'));
    await due();
    await drain('2026-12-25T10:00:00+01:00');
    rows = await outbox(text.id);
    expect(new Date(of('Aurore').next_attempt_at)).toEqual(new Date('2026-12-26T08:00:00+01:00'));

    // The pre-election silence (the day before a round, and the day until the polls close).
    const [{ id: electionId }] = await t.ctx.database.query<{ id: number }>(
      `INSERT INTO elections (campaign_id, name, kind) VALUES ($1, 'Municipales', 'local') RETURNING id`,
      [t.ctx.campaignId],
    );
    await t.ctx.database.query(
      `INSERT INTO election_rounds (campaign_id, election_id, number, date, polls_close, territory_dates)
       VALUES ($1, $2, 1, '2026-12-09', '20:00', '{}'::jsonb)`,
      [t.ctx.campaignId, electionId],
    );
    await due();
    await drain(TUESDAY_10H);
    rows = await outbox(text.id);
    expect(of('Aurore')).toMatchObject({
      status: 'pending',
      last_error: 'held: pre_election_silence',
    });
    expect(new Date(of('Aurore').next_attempt_at)).toEqual(new Date('2026-12-09T20:00:00+01:00'));
    await t.ctx.database.query(`DELETE FROM election_rounds WHERE campaign_id = $1`, [
      t.ctx.campaignId,
    ]);
    await t.ctx.database.query(`DELETE FROM elections WHERE campaign_id = $1`, [t.ctx.campaignId]);

    // Loïc withdraws his consent before his turn: suppressed. Aurore's goes, at 19:00 with
    // an hour to arrive before the hours close.
    await t.ctx.database.transaction((query) =>
      recordDecisions(query, t.ctx.campaignId, people.Loïc!.id, [
        { channel: 'sms', granted: false, source: 'staff_phone', wordingVersion: '' },
      ]),
    );
    await due();
    await drain('2026-12-08T19:00:00+01:00');
    rows = await outbox(text.id);
    expect(of('Loïc')).toMatchObject({ status: 'suppressed', last_error: 'not sent: opted_out' });
    expect(of('Aurore')).toMatchObject({ status: 'sent', to_number: people.Aurore!.phone });
    expect(memory.sent).toEqual([
      {
        to: people.Aurore!.phone,
        from: 'Levier2027',
        body: 'Tractage samedi 10h, venez !\nSTOP au 36111',
        validitySeconds: 3600,
        statusCallbackUrl: null,
      },
    ]);
    expect(((await staff.get(`/api/sms/${text.id}`)).json() as SmsCampaign).counts).toMatchObject({
      recipients: 3,
      sent: 1,
      suppressed: 2,
    });
  });

  it('never sends a campaign text twice: a begun send lost with its process fails as interrupted, an answer lost is not retried', async () => {
    // Dora agreed to texts: the one text of this send that reaches the provider.
    const dora = await signupAndConfirm(t, {
      email: 'dora@texto.example',
      firstName: 'Dora',
      lastName: 'Texto',
      phone: '06 11 00 00 06',
      consents: { email: false, sms: true, phone: false },
    });
    const text = await draft({ name: 'Rappel', body: 'Rappel : vote dimanche.', segmentId: null });
    const sending = await sendNow(text.id);
    // Aurore, Bastien (opted out) and Dora: Loïc withdrew, Céleste never agreed.
    expect(sending.counts.recipients).toBe(3);
    // Aurore's claim was lost while her text was handed over; Bastien's before.
    await t.ctx.database.query(
      `UPDATE sms_outbox SET status = 'sending', attempts = 1, next_attempt_at = now() - interval '11 minutes',
              send_started_at = CASE WHEN person_id = $3 THEN now() - interval '11 minutes' END
        WHERE campaign_id = $1 AND sms_campaign_id = $2 AND person_id <> $4`,
      [t.ctx.campaignId, text.id, people.Aurore!.id, dora],
    );
    const memory = memoryProvider();
    memory.state.failing = new CarrierError('unknown', 'Twilio gave no answer within 10000 ms');
    await smsSender(t.ctx, { provider: memory.provider, clock: at(TUESDAY_10H) }).drain();
    let rows = await outbox(text.id);
    const of = (id: number) => rows.find((row) => Number(row.person_id) === id)!;
    expect(of(people.Aurore!.id)).toMatchObject({
      status: 'failed',
      last_error: 'interrupted while being sent: not sent again, it may have arrived',
    });
    expect(of(people.Bastien!.id)).toMatchObject({ status: 'suppressed' });
    // Dora's hand-over got no answer: it may have reached the provider. Not tried again.
    expect(of(dora)).toMatchObject({
      status: 'pending',
      last_error: 'Twilio gave no answer within 10000 ms',
    });
    memory.state.failing = null;
    await t.ctx.database.query(
      `UPDATE sms_outbox SET next_attempt_at = now() WHERE campaign_id = $1 AND sms_campaign_id = $2`,
      [t.ctx.campaignId, text.id],
    );
    await smsSender(t.ctx, { provider: memory.provider, clock: at(TUESDAY_10H) }).drain();
    rows = await outbox(text.id);
    expect(memory.sent).toEqual([]);
    expect(of(dora)).toMatchObject({
      status: 'suppressed',
      last_error: 'not sent: may_have_been_sent',
    });
    const counts = ((await staff.get(`/api/sms/${text.id}`)).json() as SmsCampaign).counts;
    expect(counts).toMatchObject({ recipients: 3, sent: 0, failed: 2, suppressed: 1, pending: 0 });
  });

  it('STOP by text (signed) withdraws the SMS consent, opts the number out and suppresses waiting texts at once; a forged one changes nothing', async () => {
    const text = await draft({ name: 'Porte-à-porte', body: 'Porte-à-porte demain.' });
    await sendNow(text.id);
    const path = `/api/sms/webhooks/${t.ctx.campaignId}/inbound`;
    const params = {
      From: people.Aurore!.phone,
      To: '36111',
      Body: ' Arrêt ',
      MessageSid: 'SMin1',
    };

    const forged = await webhook(path, params, 'forged');
    expect(forged.statusCode).toBe(403);
    expect(forged.json()).toMatchObject({ code: 'callback_rejected' });
    const tampered = await webhook(
      path,
      { ...params, From: people.Céleste!.phone },
      signed(path, params),
    );
    expect(tampered.statusCode).toBe(403);
    expect(
      (await outbox(text.id)).find((r) => Number(r.person_id) === people.Aurore!.id),
    ).toMatchObject({
      status: 'pending',
    });
    expect(
      await optedOutNumbers(t.ctx.database.query, t.ctx.campaignId, [people.Aurore!.phone]),
    ).toEqual(new Set());

    const stop = await webhook(path, params, signed(path, params));
    expect(stop.statusCode, stop.body).toBe(200);
    expect(stop.headers['content-type']).toMatch(/text\/xml/);
    expect(
      (await outbox(text.id)).find((r) => Number(r.person_id) === people.Aurore!.id),
    ).toMatchObject({
      status: 'suppressed',
      last_error: 'not sent: opted_out (STOP)',
    });
    expect(
      await optedOutNumbers(t.ctx.database.query, t.ctx.campaignId, [people.Aurore!.phone]),
    ).toEqual(new Set([people.Aurore!.phone]));
    const history = (await staff.get(`/api/people/${people.Aurore!.id}/consents`)).json() as {
      records: Array<{ channel: string; status: string; source: string }>;
    };
    expect(JSON.stringify(history)).toMatch(/sms_stop/);
    const [audited] = await t.ctx.database.query<{ action: string; target: string }>(
      `SELECT action, target FROM audit_log WHERE campaign_id = $1 AND action = 'sms.stop'`,
      [t.ctx.campaignId],
    );
    expect(audited).toEqual({ action: 'sms.stop', target: `person:${people.Aurore!.id}` });
    // Counted against the last campaign text sent to that number.
    const list = (await staff.get('/api/sms')).json() as SmsCampaign[];
    expect(list.reduce((n, c) => n + c.counts.stops, 0)).toBe(1);
  });

  it('schedules a moment to come (not one gone), takes it back to draft, and stops a send: texts still waiting never go', async () => {
    const text = await draft({ name: 'Programmée', body: 'Rendez-vous samedi.' });
    const past = await staff.post(`/api/sms/${text.id}/schedule`, {
      at: '2020-01-01T10:00:00+01:00',
    });
    expect(past.statusCode).toBe(422);
    expect(past.json()).toMatchObject({ code: 'in_the_past' });
    const later = new Date(Date.now() + 30 * 86_400_000).toISOString();
    const scheduled = await staff.post(`/api/sms/${text.id}/schedule`, { at: later });
    expect(scheduled.json()).toMatchObject({ status: 'scheduled', scheduledAt: later });
    const back = await staff.post(`/api/sms/${text.id}/cancel`, {});
    expect(back.json()).toMatchObject({ status: 'draft', scheduledAt: null });

    const sending = await sendNow(text.id);
    expect(sending.counts.pending).toBeGreaterThan(0);
    const stopped = (await staff.post(`/api/sms/${text.id}/cancel`, {})).json() as SmsCampaign;
    expect(stopped).toMatchObject({ status: 'canceled', counts: { pending: 0 } });
    expect(stopped.counts.suppressed).toBe(sending.counts.pending);
    expect((await staff.post(`/api/sms/${text.id}/cancel`, {})).json()).toMatchObject({
      code: 'sms_not_cancelable',
    });
  });

  it('lists the texts sent to a person in their data file', async () => {
    const reader = await supporterBrowser(t, 'fichier@texto.example', {
      firstName: 'Flore',
      lastName: 'Texto',
      phone: '06 11 00 00 07',
      consents: { email: false, sms: true, phone: false },
    });
    const text = await draft({ name: 'Pour Flore', body: 'Bonjour {prénom}.' });
    await sendNow(text.id);
    await smsSender(t.ctx).drain();
    const file = (await reader.browser.get('/api/me/export')).json() as {
      sms: Array<{ campaign: string; status: string; to: string }>;
    };
    expect(file.sms).toEqual([
      expect.objectContaining({ campaign: 'Pour Flore', status: 'sent', to: '+33611000007' }),
    ]);
  });

  it('keeps the provider’s signed delivery reports', async () => {
    const [row] = await t.ctx.database.query<{ provider_id: string; sms_campaign_id: number }>(
      `SELECT provider_id, sms_campaign_id FROM sms_outbox WHERE campaign_id = $1 AND kind = 'campaign'
          AND status = 'sent' ORDER BY id LIMIT 1`,
      [t.ctx.campaignId],
    );
    const path = `/api/sms/webhooks/${t.ctx.campaignId}/status`;
    const params = { MessageSid: row!.provider_id, MessageStatus: 'delivered' };
    expect((await webhook(path, params, 'forged')).statusCode).toBe(403);
    expect((await webhook(path, params, signed(path, params))).statusCode).toBe(204);
    const text = (await staff.get(`/api/sms/${row!.sms_campaign_id}`)).json() as SmsCampaign;
    expect(text.counts.delivered).toBe(1);
  });

  it('keeps each campaign’s texts to itself', async () => {
    const other = await createCampaignApp(t, 'Autre campagne');
    try {
      const otherStaff = await staffBrowser(other, 'textos@autre.example', ['staff']);
      const [mine] = (await staff.get('/api/sms')).json() as SmsCampaign[];
      expect((await otherStaff.get(`/api/sms/${mine!.id}`)).statusCode).toBe(404);
      expect((await otherStaff.post(`/api/sms/${mine!.id}/cancel`, {})).statusCode).toBe(404);
      expect((await otherStaff.get('/api/sms')).json()).toEqual([]);
      expect(
        ((await otherStaff.get('/api/sms/dev-outbox')).json() as { total: number }).total,
      ).toBe(0);
      // A webhook URL of another campaign is not this one's.
      const path = `/api/sms/webhooks/${t.ctx.campaignId}/inbound`;
      const params = { From: people.Bastien!.phone, Body: 'STOP' };
      const response = await other.app.inject({
        method: 'POST',
        url: path,
        headers: {
          'content-type': 'application/x-www-form-urlencoded',
          'x-twilio-signature': signed(path, params),
        },
        payload: new URLSearchParams(params).toString(),
      });
      expect(response.statusCode).toBe(404);
    } finally {
      await other.close();
    }
    void staffId;
  });
});

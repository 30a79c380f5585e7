import twilio from 'twilio';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { SmsCampaign, SmsReply } from '../../../contracts/sms.ts';
import { isStopRequest } from '../../../contracts/sms-text.ts';
import {
  Browser,
  createTestApp,
  engines,
  signupAndConfirm,
  staffBrowser,
  type TestApp,
} from '../../testing/harness.ts';
import { simulatorToken } from '../calling/carrier/configured.ts';
import { optedOutNumbers } from '../compliance/phone-opt-outs.ts';
import { smsSender } from './channel.ts';

describe('STOP and its variants, as read', () => {
  it('takes STOP, STOP SMS, ARRET and ARRÊT whatever the case, spaces and final mark', () => {
    for (const body of [
      'STOP',
      'stop',
      ' Stop ',
      'stop ',
      '  STOP\n',
      'STOP.',
      'Stop !',
      'STOP SMS',
      'stop   sms',
      'StopSms',
      'ARRET',
      'arret',
      'ARRÊT',
      'Arrêt !',
      ' arrêt. ',
      'Arrêter',
      'UNSUBSCRIBE',
    ]) {
      expect(isStopRequest(body), JSON.stringify(body)).toBe(true);
    }
    for (const body of [
      'Merci, à mardi !',
      'stop the war',
      'Arrêtez de m’écrire s’il vous plaît',
      'STOP au 36111',
      'S T O P',
      'Oui',
      '',
    ]) {
      expect(isStopRequest(body), JSON.stringify(body)).toBe(false);
    }
  });
});

describe.each(engines)('texts received that are not a STOP (%s)', (engine) => {
  let t: TestApp;
  let staff: Browser;
  let textId: number;
  const people: Record<string, { id: number; phone: string }> = {};
  const path = () => `/api/sms/webhooks/${t.ctx.campaignId}/inbound`;
  let sid = 0;

  const signed = (params: Record<string, string>) =>
    twilio.getExpectedTwilioSignature(
      simulatorToken(t.ctx.config.sessionSecret),
      `${t.ctx.config.publicUrl}${path()}`,
      params,
    );
  /** A text received from `from`, signed as the provider signs (or with `signature`). */
  const receive = (from: string, body: string, signature?: string) => {
    const params = { From: from, To: '36111', Body: body, MessageSid: `SMin${++sid}` };
    return t.app.inject({
      method: 'POST',
      url: path(),
      headers: {
        'content-type': 'application/x-www-form-urlencoded',
        'x-twilio-signature': signature ?? signed(params),
      },
      payload: new URLSearchParams(params).toString(),
    });
  };
  const replies = async (browser: Browser, query = '') => {
    const response = await browser.get(`/api/sms/replies${query}`);
    expect(response.statusCode, response.body).toBe(200);
    return response.json() as { items: SmsReply[]; total: number };
  };

  beforeAll(async () => {
    t = await createTestApp(engine, { SMS_CLOCK: '2026-12-08T10:00:00+01:00' });
    // Texts are sent only when the test drains them.
    await smsSender(t.ctx).stop();
    staff = await staffBrowser(t, 'reponses@staff.example', ['staff']);
    for (const [firstName, phone] of [
      ['Aline', '06 13 00 00 01'],
      ['Basile', '06 13 00 00 02'],
      ['Coralie', '06 13 00 00 03'],
      ['Denis', '06 13 00 00 04'],
      ['Elsa', '06 13 00 00 05'],
      ['Fanny', '06 13 00 00 06'],
    ] as const) {
      const id = await signupAndConfirm(t, {
        email: `${firstName.toLowerCase()}@reponses.example`,
        firstName,
        lastName: 'Réponse',
        phone,
        consents: { email: false, sms: true, phone: false },
      });
      people[firstName] = { id, phone: `+33${phone.replace(/\s/g, '').slice(1)}` };
    }
    const segment = await staff.post('/api/segments', {
      name: 'Famille Réponse',
      filter: { q: 'Réponse' },
    });
    const created = await staff.post('/api/sms', {
      name: 'Porte-à-porte',
      sender: 'Levier2027',
      body: 'Porte-à-porte samedi, vous venez ?',
      segmentId: (segment.json() as { id: number }).id,
    });
    textId = (created.json() as SmsCampaign).id;
    await staff.post(`/api/sms/${textId}/schedule`, { at: null });
    await smsSender(t.ctx).drain();
    const sent = (await staff.get(`/api/sms/${textId}`)).json() as SmsCampaign;
    expect(sent.counts.sent).toBe(6);
  }, 120_000);
  afterAll(() => t?.close());

  it('handles every STOP variant as a STOP, and keeps the other answers for staff', async () => {
    for (const [name, body] of [
      ['Aline', ' stop '],
      ['Basile', 'Stop SMS'],
      ['Coralie', 'ARRÊT'],
      ['Denis', 'arret.'],
    ] as const) {
      const response = await receive(people[name]!.phone, body);
      expect(response.statusCode, response.body).toBe(200);
      expect(
        await optedOutNumbers(t.ctx.database.query, t.ctx.campaignId, [people[name]!.phone]),
      ).toEqual(new Set([people[name]!.phone]));
    }
    const answer = await receive(people.Elsa!.phone, 'Oui, je viens avec ma sœur !');
    expect(answer.statusCode).toBe(200);
    expect(answer.headers['content-type']).toMatch(/text\/xml/);
    // "stop" inside a sentence is an answer, not a STOP.
    await receive(people.Fanny!.phone, 'Je ne peux pas, stop pour cette fois');
    await receive('+33613999999', 'Qui êtes-vous ?');
    expect(
      await optedOutNumbers(t.ctx.database.query, t.ctx.campaignId, [
        people.Elsa!.phone,
        people.Fanny!.phone,
      ]),
    ).toEqual(new Set());

    const { items, total } = await replies(staff);
    expect(total).toBe(3);
    expect(items).toEqual([
      {
        id: expect.any(Number) as number,
        from: '+33613999999',
        body: 'Qui êtes-vous ?',
        receivedAt: expect.any(String) as string,
        smsCampaign: null,
        people: [],
      },
      {
        id: expect.any(Number) as number,
        from: people.Fanny!.phone,
        body: 'Je ne peux pas, stop pour cette fois',
        receivedAt: expect.any(String) as string,
        smsCampaign: { id: textId, name: 'Porte-à-porte' },
        people: [{ id: people.Fanny!.id, name: 'Fanny Réponse' }],
      },
      {
        id: expect.any(Number) as number,
        from: people.Elsa!.phone,
        body: 'Oui, je viens avec ma sœur !',
        receivedAt: expect.any(String) as string,
        smsCampaign: { id: textId, name: 'Porte-à-porte' },
        people: [{ id: people.Elsa!.id, name: 'Elsa Réponse' }],
      },
    ]);
    // On the campaign's page: its answers only.
    const answers = await replies(staff, `?smsCampaignId=${textId}`);
    expect(answers.items.map((reply) => reply.body)).toEqual([
      'Je ne peux pas, stop pour cette fois',
      'Oui, je viens avec ma sœur !',
    ]);
    expect((await replies(staff, `?smsCampaignId=${textId + 1000}`)).items).toEqual([]);
    // The STOPs are counted on the campaign, not listed as answers.
    const campaign = (await staff.get(`/api/sms/${textId}`)).json() as SmsCampaign;
    expect(campaign.counts.stops).toBe(4);
  });

  it('keeps nothing of a forged text', async () => {
    const before = (await replies(staff)).total;
    const forged = await receive(people.Elsa!.phone, 'Un faux message', 'forged');
    expect(forged.statusCode).toBe(403);
    expect((await replies(staff)).total).toBe(before);
  });

  it('shows the answers to those who send texts, naming people only to those who may read them', async () => {
    const sender = await staffBrowser(t, 'envoi@staff.example', [], ['messaging.send']);
    const { items } = await replies(sender);
    expect(items.length).toBeGreaterThan(0);
    expect(items.every((reply) => reply.people.length === 0)).toBe(true);
    const finance = await staffBrowser(t, 'compta@staff.example', ['finance']);
    expect((await finance.get('/api/sms/replies')).statusCode).toBe(403);
    const anonymous = new Browser(t.app);
    expect((await anonymous.get('/api/sms/replies')).statusCode).toBe(401);
  });

  it('lists the texts received from a person in their data file, and forgets them on erasure', async () => {
    const admin = await staffBrowser(t, 'dpo@staff.example', ['admin']);
    const file = await admin.post(`/api/people/${people.Elsa!.id}/access-request`, {
      channel: 'email',
      reference: 'Demande 12',
    });
    expect(file.statusCode, file.body).toBe(200);
    expect((file.json() as { smsReceived: unknown }).smsReceived).toEqual([
      {
        body: 'Oui, je viens avec ma sœur !',
        stop: false,
        campaign: 'Porte-à-porte',
        receivedAt: expect.any(String) as string,
      },
    ]);
    const stopFile = await admin.post(`/api/people/${people.Aline!.id}/access-request`, {
      channel: 'email',
      reference: 'Demande 13',
    });
    expect((stopFile.json() as { smsReceived: unknown }).smsReceived).toEqual([
      expect.objectContaining({ body: ' stop ', stop: true }),
    ]);

    const erased = await admin.post(`/api/people/${people.Elsa!.id}/erase`, {
      channel: 'email',
      reference: 'Demande 14',
      confirm: 'ERASE',
    });
    expect(erased.statusCode, erased.body).toBe(200);
    const { items } = await replies(staff);
    expect(items.map((reply) => reply.body)).not.toContain('Oui, je viens avec ma sœur !');
    const [kept] = await t.ctx.database.query<{ n: number }>(
      `SELECT count(*)::int AS n FROM sms_inbound
        WHERE campaign_id = $1 AND (from_number = $2 OR body LIKE '%sœur%')`,
      [t.ctx.campaignId, people.Elsa!.phone],
    );
    expect(kept!.n).toBe(0);
  });
});

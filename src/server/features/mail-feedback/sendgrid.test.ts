import { generateKeyPairSync, sign, type KeyObject } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadConfig } from '../../core/config.ts';
import { enqueueMail } from '../../core/mail/outbox.ts';
import { createTestApp, engines, supporterBrowser, type TestApp } from '../../testing/harness.ts';
import { sendgridFeedback } from './sendgrid.ts';

/** A key pair as SendGrid holds one: the private half signs, the public one is configured. */
const keyPair = () => generateKeyPairSync('ec', { namedCurve: 'prime256v1' });
const publicKeyBase64 = (key: KeyObject) =>
  key.export({ type: 'spki', format: 'der' }).toString('base64');

const { privateKey, publicKey } = keyPair();
const KEY = publicKeyBase64(publicKey);
const SECRET = 'a-session-secret-for-the-sendgrid-tests-0123456789';

describe('the SendGrid verification key, checked when the process starts', () => {
  it('takes the base64 key the dashboard gives, or a PEM block', () => {
    const config = loadConfig({ NODE_ENV: 'test', SENDGRID_WEBHOOK_PUBLIC_KEY: KEY });
    expect(config.sendgridKey?.asymmetricKeyDetails?.namedCurve).toBe('prime256v1');
    const pem = publicKey.export({ type: 'spki', format: 'pem' }) as string;
    expect(
      loadConfig({ NODE_ENV: 'test', SENDGRID_WEBHOOK_PUBLIC_KEY: pem }).sendgridKey,
    ).not.toBeNull();
    expect(loadConfig({ NODE_ENV: 'test' }).sendgridKey).toBeNull();
  });

  it('refuses what is not an ECDSA P-256 public key, saying what to copy', () => {
    expect(() =>
      loadConfig({ NODE_ENV: 'test', SENDGRID_WEBHOOK_PUBLIC_KEY: 'not a key!' }),
    ).toThrow(/SENDGRID_WEBHOOK_PUBLIC_KEY: not base64.*verification key/s);
    expect(() =>
      loadConfig({ NODE_ENV: 'test', SENDGRID_WEBHOOK_PUBLIC_KEY: 'AAAABBBBCCCC' }),
    ).toThrow(/not a readable public key/);
    const rsa = generateKeyPairSync('rsa', { modulusLength: 2048 }).publicKey;
    expect(() =>
      loadConfig({ NODE_ENV: 'test', SENDGRID_WEBHOOK_PUBLIC_KEY: publicKeyBase64(rsa) }),
    ).toThrow(/a rsa key, not an ECDSA P-256 key/);
    const p384 = generateKeyPairSync('ec', { namedCurve: 'secp384r1' }).publicKey;
    expect(() =>
      loadConfig({ NODE_ENV: 'test', SENDGRID_WEBHOOK_PUBLIC_KEY: publicKeyBase64(p384) }),
    ).toThrow(/on secp384r1, not an ECDSA P-256 key/);
  });
});

describe("SendGrid's events, as read", () => {
  it('maps bounces, blocks, drops, complaints and delays onto the feedback kinds', () => {
    const kind = (event: Record<string, string>) =>
      sendgridFeedback(SECRET, { event: 'bounce', ...event })?.kind ?? null;
    expect(kind({ type: 'bounce', status: '5.1.1' })).toBe('hard_bounce');
    expect(
      kind({ type: 'bounce', status: '5.0.0', bounce_classification: 'Invalid Address' }),
    ).toBe('hard_bounce');
    expect(kind({ type: 'bounce' })).toBe('hard_bounce');
    expect(kind({ type: 'bounce', status: '5.7.1', bounce_classification: 'Reputation' })).toBe(
      'soft_bounce',
    );
    expect(kind({ type: 'blocked', status: '5.1.1' })).toBe('soft_bounce');
    expect(kind({ event: 'dropped', reason: 'Bounced Address' })).toBe('hard_bounce');
    expect(kind({ event: 'dropped', reason: 'Invalid' })).toBe('hard_bounce');
    expect(kind({ event: 'dropped', reason: 'Spam Reporting Address' })).toBe('complaint');
    expect(kind({ event: 'dropped', reason: 'Unsubscribed Address' })).toBeNull();
    expect(kind({ event: 'dropped', reason: 'Exceeded Maximum Message Size' })).toBeNull();
    expect(kind({ event: 'spamreport' })).toBe('complaint');
    expect(kind({ event: 'deferred', response: '451 try later' })).toBe('delayed');
    expect(kind({ event: 'delivered' })).toBeNull();
    expect(kind({ event: 'open' })).toBeNull();
  });
});

describe.each(engines)('the SendGrid Event Webhook (%s)', (engine) => {
  let t: TestApp;
  let sent = 0;

  const rows = <T>(text: string, params: unknown[] = []) =>
    t.ctx.database.query<T>(text, [t.ctx.campaignId, ...params]);

  /** Queues a mail and waits until the test SMTP server has it. */
  async function deliver(to: string, personId: number | null, purpose = 'transactional') {
    const subject = `Courrier ${++sent}`;
    await enqueueMail(t.ctx.database, t.ctx.campaignId, {
      kind: purpose === 'transactional' ? 'test_notice' : 'newsletter',
      personId,
      to,
      subject,
      text: 'Bonjour',
      purpose,
    });
    await t.ctx.mailer.drain();
    return t.smtp.waitFor(to, (mail) => mail.subject === subject);
  }

  /** The custom argument the mail carries, as SendGrid would give it back in its events. */
  const argsOf = (mail: { headers: Record<string, string | undefined> }) =>
    (JSON.parse(mail.headers['x-smtpapi']!) as { unique_args: Record<string, string> }).unique_args;

  const mailStatus = async (mail: { headers: Record<string, string | undefined> }) => {
    const id = Number(mail.headers['x-levier-mail']!.split('.')[1]);
    const [row] = await rows<{ status: string; last_error: string | null }>(
      'SELECT status, last_error FROM mail_outbox WHERE campaign_id = $1 AND id = $2',
      [id],
    );
    return row!;
  };

  /** Posts a batch as SendGrid does: the timestamp and the signature over it and the bytes. */
  function post(
    events: unknown,
    options: { timestamp?: number; key?: KeyObject; body?: string } = {},
  ) {
    const timestamp = String(options.timestamp ?? Math.floor(Date.now() / 1000));
    const body = options.body ?? JSON.stringify(events);
    const signature = sign('sha256', Buffer.from(timestamp + body), {
      key: options.key ?? privateKey,
      dsaEncoding: 'der',
    }).toString('base64');
    return t.app.inject({
      method: 'POST',
      url: '/api/mail/webhooks/sendgrid',
      headers: {
        'content-type': 'application/json',
        'x-twilio-email-event-webhook-signature': signature,
        'x-twilio-email-event-webhook-timestamp': timestamp,
      },
      payload: body,
    });
  }

  beforeAll(async () => {
    t = await createTestApp(engine, { SENDGRID_WEBHOOK_PUBLIC_KEY: KEY });
  }, 120_000);
  afterAll(() => t?.close());

  it('puts the mail reference on every mail as a SendGrid custom argument', async () => {
    const mail = await deliver('arg@lecteurs.example', null);
    expect(argsOf(mail)).toEqual({ levier_mail: mail.headers['x-levier-mail'] });
    // Mailgun is not configured: no Mailgun variable.
    expect(mail.headers['x-mailgun-variables']).toBeUndefined();
  });

  it('stops all mail to an address after a hard bounce, counting a replayed event once', async () => {
    const address = 'inconnu@lecteurs.example';
    const mail = await deliver(address, null);
    // A mail already waiting for the address is suppressed when the bounce comes (the dispatch
    // paused meanwhile, so that it is still waiting, not being sent, when the bounce comes).
    await t.ctx.mailer.pause();
    await enqueueMail(t.ctx.database, t.ctx.campaignId, {
      kind: 'test_notice',
      personId: null,
      to: address,
      subject: 'En attente',
      text: '…',
    });
    const events = [
      { email: address, event: 'processed', ...argsOf(mail) },
      {
        email: address,
        event: 'bounce',
        type: 'bounce',
        status: '5.1.1',
        reason: '550 5.1.1 The email account that you tried to reach does not exist',
        sg_event_id: 'ZHJvcC0xMjM0',
        ...argsOf(mail),
      },
    ];
    const first = await post(events).finally(() => t.ctx.mailer.start());
    expect(first.statusCode).toBe(200);
    expect(first.json()).toEqual({ received: true, outcomes: ['ignored', 'recorded'] });
    expect(await mailStatus(mail)).toEqual({
      status: 'bounced',
      last_error: expect.stringContaining('5.1.1') as string,
    });
    const [feedback] = await rows<{ kind: string; source: string; status: string }>(
      `SELECT kind, source, status FROM mail_feedback WHERE campaign_id = $1 ORDER BY id DESC LIMIT 1`,
    );
    expect(feedback).toEqual({ kind: 'hard_bounce', source: 'sendgrid', status: '5.1.1' });
    const waiting = await rows<{ status: string; last_error: string }>(
      `SELECT status, last_error FROM mail_outbox WHERE campaign_id = $1 AND subject = 'En attente'`,
    );
    expect(waiting).toEqual([{ status: 'suppressed', last_error: 'not sent: address_bounced' }]);

    // The same batch posted again (SendGrid retries, or someone replays it): counted once.
    const again = await post(events);
    expect(again.json()).toEqual({ received: true, outcomes: ['ignored', 'duplicate'] });
    const [count] = await rows<{ n: number }>(
      `SELECT count(*)::int AS n FROM mail_feedback WHERE campaign_id = $1 AND source = 'sendgrid'`,
    );
    expect(count!.n).toBe(1);
  });

  it('refuses forged, altered, stale and unsigned batches, changing nothing', async () => {
    const address = 'vise@lecteurs.example';
    const mail = await deliver(address, null);
    const events = [{ email: address, event: 'bounce', type: 'bounce', ...argsOf(mail) }];
    const before = await rows<{ n: number }>(
      'SELECT count(*)::int AS n FROM mail_feedback WHERE campaign_id = $1',
    );

    // Signed with another key.
    const forged = await post(events, { key: keyPair().privateKey });
    expect(forged.statusCode).toBe(400);
    expect(forged.json()).toEqual(expect.objectContaining({ code: 'webhook_rejected' }));
    // Signed, then altered: the address changed, or the same events re-serialized.
    const timestamp = String(Math.floor(Date.now() / 1000));
    const body = JSON.stringify(events);
    const signature = sign('sha256', Buffer.from(timestamp + body), {
      key: privateKey,
      dsaEncoding: 'der',
    }).toString('base64');
    for (const altered of [
      body.replace('vise@', 'autre@'),
      JSON.stringify(events, null, 2),
      `${body}\n`,
    ]) {
      const response = await t.app.inject({
        method: 'POST',
        url: '/api/mail/webhooks/sendgrid',
        headers: {
          'content-type': 'application/json',
          'x-twilio-email-event-webhook-signature': signature,
          'x-twilio-email-event-webhook-timestamp': timestamp,
        },
        payload: altered,
      });
      expect(response.statusCode).toBe(400);
    }
    // The timestamp changed: it is signed too.
    const shifted = await t.app.inject({
      method: 'POST',
      url: '/api/mail/webhooks/sendgrid',
      headers: {
        'content-type': 'application/json',
        'x-twilio-email-event-webhook-signature': signature,
        'x-twilio-email-event-webhook-timestamp': String(Number(timestamp) + 1),
      },
      payload: body,
    });
    expect(shifted.statusCode).toBe(400);
    // Signed more than 12 hours ago: a replay.
    const stale = await post(events, { timestamp: Math.floor(Date.now() / 1000) - 13 * 3600 });
    expect(stale.statusCode).toBe(400);
    expect(stale.json()).toEqual(expect.objectContaining({ code: 'webhook_rejected' }));
    // No signature at all, or one that is not base64.
    const unsigned = await t.app.inject({
      method: 'POST',
      url: '/api/mail/webhooks/sendgrid',
      headers: { 'content-type': 'application/json' },
      payload: body,
    });
    expect(unsigned.statusCode).toBe(400);
    const garbage = await t.app.inject({
      method: 'POST',
      url: '/api/mail/webhooks/sendgrid',
      headers: {
        'content-type': 'application/json',
        'x-twilio-email-event-webhook-signature': '%%%',
        'x-twilio-email-event-webhook-timestamp': timestamp,
      },
      payload: body,
    });
    expect(garbage.statusCode).toBe(400);
    // Signed, but not a batch of events.
    const notBatch = await post(null, { body: '{"event":"bounce"}' });
    expect(notBatch.statusCode).toBe(400);

    expect(
      await rows<{ n: number }>(
        'SELECT count(*)::int AS n FROM mail_feedback WHERE campaign_id = $1',
      ),
    ).toEqual(before);
    expect((await mailStatus(mail)).status).toBe('sent');
  });

  it('takes a spam report: no more campaign mail, consent withdrawn, transactional mail still goes', async () => {
    const reader = await supporterBrowser(t, 'plaignant@lecteurs.example', {
      consents: { email: true, sms: false, phone: false },
    });
    const mail = await deliver(reader.email, reader.personId, 'newsletter');
    const response = await post([
      { email: reader.email, event: 'spamreport', ...argsOf(mail) },
      // An event that does not fit what Levier reads is ignored, not the whole batch.
      { email: 42, event: 'bounce' },
      { email: reader.email, event: 'delivered', ...argsOf(mail) },
    ]);
    expect(response.json()).toEqual({
      received: true,
      outcomes: ['recorded', 'ignored', 'ignored'],
    });
    const [consent] = await rows<{ granted: boolean; source: string }>(
      `SELECT granted, source FROM consent_events WHERE campaign_id = $1 AND person_id = $2 AND channel = 'email' ORDER BY at DESC, id DESC LIMIT 1`,
      [reader.personId],
    );
    expect(consent).toEqual({ granted: false, source: 'complaint' });
    // A complaint leaves the mail as sent (it arrived).
    expect((await mailStatus(mail)).status).toBe('sent');

    await enqueueMail(t.ctx.database, t.ctx.campaignId, {
      kind: 'newsletter',
      personId: reader.personId,
      to: reader.email,
      subject: 'Encore une lettre',
      text: '…',
      purpose: 'newsletter',
    });
    const notice = await deliver(reader.email, reader.personId);
    expect(notice.subject).toMatch(/^Courrier/);
    const [campaignMail] = await rows<{ status: string; last_error: string }>(
      `SELECT status, last_error FROM mail_outbox WHERE campaign_id = $1 AND subject = 'Encore une lettre'`,
    );
    expect(campaignMail).toEqual({ status: 'suppressed', last_error: 'not sent: complained' });
  });

  it('records a deferral without stopping mail, and applies a drop naming no mail of ours to its address', async () => {
    const slow = await deliver('lent@lecteurs.example', null);
    const deferred = await post([
      {
        email: 'lent@lecteurs.example',
        event: 'deferred',
        response: '451 4.7.1 try later',
        ...argsOf(slow),
      },
    ]);
    expect(deferred.json()).toEqual({ received: true, outcomes: ['recorded'] });
    expect((await mailStatus(slow)).status).toBe('sent');
    const next = await deliver('lent@lecteurs.example', null);
    expect(next.subject).toMatch(/^Courrier/);

    const address = 'ancien@lecteurs.example';
    const dropped = await post([{ email: address, event: 'dropped', reason: 'Bounced Address' }]);
    expect(dropped.json()).toEqual({ received: true, outcomes: ['recorded'] });
    await enqueueMail(t.ctx.database, t.ctx.campaignId, {
      kind: 'test_notice',
      personId: null,
      to: address,
      subject: 'Vers l’ancienne adresse',
      text: '…',
    });
    await t.ctx.mailer.drain();
    const [old] = await rows<{ status: string; last_error: string }>(
      `SELECT status, last_error FROM mail_outbox WHERE campaign_id = $1 AND subject = 'Vers l’ancienne adresse'`,
    );
    expect(old).toEqual({ status: 'suppressed', last_error: 'not sent: address_bounced' });
    // A forged reference names nothing: the event is applied to its address only.
    const forgedRef = await post([
      {
        email: 'tiers@lecteurs.example',
        event: 'bounce',
        type: 'blocked',
        levier_mail: `${t.ctx.campaignId}.1.0123456789abcdef0123`,
      },
    ]);
    expect(forgedRef.json()).toEqual({ received: true, outcomes: ['recorded'] });
    const [unattached] = await rows<{ mail_id: number | null }>(
      `SELECT mail_id FROM mail_feedback WHERE campaign_id = $1 ORDER BY id DESC LIMIT 1`,
    );
    expect(unattached!.mail_id).toBeNull();
  });
});

describe.each(engines)('the SendGrid webhook without a verification key (%s)', (engine) => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp(engine);
  }, 120_000);
  afterAll(() => t?.close());

  it('is not there, and mails carry no SendGrid argument', async () => {
    const response = await t.app.inject({
      method: 'POST',
      url: '/api/mail/webhooks/sendgrid',
      headers: { 'content-type': 'application/json' },
      payload: '[]',
    });
    expect(response.statusCode).toBe(404);
    await enqueueMail(t.ctx.database, t.ctx.campaignId, {
      kind: 'test_notice',
      personId: null,
      to: 'sans@lecteurs.example',
      subject: 'Sans SendGrid',
      text: '…',
    });
    await t.ctx.mailer.drain();
    const mail = await t.smtp.waitFor(
      'sans@lecteurs.example',
      (m) => m.subject === 'Sans SendGrid',
    );
    expect(mail.headers['x-smtpapi']).toBeUndefined();
  });
});

import { generateKeyPairSync } from 'node:crypto';
import { createServer } from 'node:net';
import { dkimVerify } from 'mailauth/lib/dkim/verify.js';
import nodemailer from 'nodemailer';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { hmac } from '../crypto.ts';
import { createTestApp, engines, supporterBrowser, type TestApp } from '../../testing/harness.ts';
import type { ReceivedMail } from '../../testing/smtp.ts';
import { dkimKey } from './dkim.ts';
import { parseFeedbackMail } from './dsn.ts';
import { enqueueMail } from './outbox.ts';
import { mailOfReturnPath, returnPathFor } from './verp.ts';

const rsaKey = (bits: number) =>
  generateKeyPairSync('rsa', { modulusLength: bits }).privateKey.export({
    type: 'pkcs8',
    format: 'pem',
  }) as string;

const KEY = rsaKey(2048);
const FROM = 'Campagne <lettres@mail.levier.test>';
const RETURN_PATH = 'bounces@retours.levier.test';
const MAILGUN_KEY = 'mailgun-signing-key-for-tests';

describe('the DKIM settings, checked when the process starts', () => {
  const settings = {
    MAIL_DKIM_DOMAIN: 'levier.test',
    MAIL_DKIM_SELECTOR: 'levier2026',
    MAIL_DKIM_PRIVATE_KEY: KEY,
    MAIL_FROM: FROM,
  };

  it('gives the key and the DNS record to publish', () => {
    const key = dkimKey(settings)!;
    expect(key.domainName).toBe('levier.test');
    expect(key.dnsRecord).toMatch(/^v=DKIM1; k=rsa; p=[A-Za-z0-9+/]+=*$/);
    // A key with escaped line breaks, as an environment variable often holds it.
    const escaped = dkimKey({ ...settings, MAIL_DKIM_PRIVATE_KEY: KEY.replace(/\n/g, '\\n') })!;
    expect(escaped.dnsRecord).toBe(key.dnsRecord);
    expect(dkimKey({ MAIL_FROM: FROM })).toBeNull();
  });

  it('refuses what would sign mail no receiver accepts, saying what to change', () => {
    expect(() => dkimKey({ ...settings, MAIL_DKIM_SELECTOR: undefined })).toThrow(
      /MAIL_DKIM_DOMAIN, MAIL_DKIM_SELECTOR and MAIL_DKIM_PRIVATE_KEY/,
    );
    expect(() => dkimKey({ ...settings, MAIL_DKIM_PRIVATE_KEY: 'not a key' })).toThrow(
      /not a readable PEM private key/,
    );
    expect(() => dkimKey({ ...settings, MAIL_DKIM_PRIVATE_KEY: rsaKey(768) })).toThrow(/768 bits/);
    const ed25519 = generateKeyPairSync('ed25519').privateKey.export({
      type: 'pkcs8',
      format: 'pem',
    }) as string;
    expect(() => dkimKey({ ...settings, MAIL_DKIM_PRIVATE_KEY: ed25519 })).toThrow(
      /give an RSA key/,
    );
    expect(() => dkimKey({ ...settings, MAIL_FROM: 'x@autre.example' })).toThrow(
      /not in the DKIM domain levier.test/,
    );
    expect(() => dkimKey({ ...settings, MAIL_DKIM_SELECTOR: 'bad selector' })).toThrow(
      /not a DNS label/,
    );
    expect(() =>
      dkimKey({ ...settings, MAIL_DKIM_PRIVATE_KEY_FILE: '/nonexistent/dkim.pem' }),
    ).toThrow(/not both/);
  });
});

describe('bounce mails, as read', () => {
  const report = (type: string, body: string) =>
    Buffer.from(
      [
        'From: postmaster@mx.example',
        'Subject: report',
        'MIME-Version: 1.0',
        `Content-Type: multipart/report; report-type=${type}; boundary="R"`,
        '',
        '--R',
        'Content-Type: text/plain',
        '',
        'A report.',
        '--R',
        body,
        '--R',
        'Content-Type: message/rfc822',
        '',
        'X-Levier-Mail: 1.22.0123456789abcdef0123',
        'Subject: the original',
        '',
        'Body',
        '--R--',
        '',
      ].join('\r\n'),
    );

  it('reads each recipient of a delivery status notification, hard or soft by its status', async () => {
    const parsed = await parseFeedbackMail(
      report(
        'delivery-status',
        [
          'Content-Type: message/delivery-status',
          '',
          'Reporting-MTA: dns; mx.example',
          '',
          'Final-Recipient: rfc822; a@example.org',
          'Action: failed',
          'Status: 5.1.1',
          '',
          'Final-Recipient: rfc822; b@example.org',
          'Action: failed',
          'Status: 5.7.1',
          'Diagnostic-Code: smtp; 550 5.7.1 Message rejected as spam',
          '',
          'Final-Recipient: rfc822; c@example.org',
          'Action: delivered',
          'Status: 2.0.0',
          '',
        ].join('\r\n'),
      ),
      'X-Levier-Mail',
    );
    expect(parsed).toEqual({
      reports: [
        { kind: 'hard_bounce', recipient: 'a@example.org', status: '5.1.1', detail: null },
        {
          kind: 'soft_bounce',
          recipient: 'b@example.org',
          status: '5.7.1',
          detail: '550 5.7.1 Message rejected as spam',
        },
      ],
      quotedRef: '1.22.0123456789abcdef0123',
    });
  });

  it('reads an abuse report as a complaint, and an ordinary reply as nothing', async () => {
    const arf = await parseFeedbackMail(
      report(
        'feedback-report',
        [
          'Content-Type: message/feedback-report',
          '',
          'Feedback-Type: abuse',
          'Version: 1',
          '',
        ].join('\r\n'),
      ),
      'X-Levier-Mail',
    );
    expect(arf.reports).toEqual([
      { kind: 'complaint', recipient: null, status: null, detail: 'abuse' },
    ]);
    const reply = await parseFeedbackMail(
      Buffer.from('From: a@example.org\r\nSubject: Absent\r\n\r\nJe suis en congé.\r\n'),
      'X-Levier-Mail',
    );
    expect(reply).toEqual({ reports: [], quotedRef: null });
  });
});

describe('return paths (VERP)', () => {
  it('name the mail, signed, and nothing else', () => {
    const address = returnPathFor(RETURN_PATH, 'secret', { campaignId: 3, mailId: 1234 });
    expect(address).toMatch(/^bounces\+3\.1234\.[0-9a-f]{20}@retours\.levier\.test$/);
    expect(mailOfReturnPath(RETURN_PATH, 'secret', address)).toEqual({
      campaignId: 3,
      mailId: 1234,
    });
    // Some servers fold the case of the address they answer.
    expect(mailOfReturnPath(RETURN_PATH, 'secret', address.toUpperCase())).not.toBeNull();
    expect(mailOfReturnPath(RETURN_PATH, 'other', address)).toBeNull();
    expect(mailOfReturnPath(RETURN_PATH, 'secret', address.replace('1234', '1235'))).toBeNull();
    expect(mailOfReturnPath(RETURN_PATH, 'secret', 'bounces@retours.levier.test')).toBeNull();
  });
});

async function freePort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const port = (server.address() as { port: number }).port;
  await new Promise<void>((resolve) => server.close(() => resolve()));
  return port;
}

/** A delivery status notification (RFC 3464) as a receiving server sends it. */
const dsn = (recipient: string, action: string, status: string, quoted = '') =>
  [
    'From: Mail Delivery System <MAILER-DAEMON@mx.example>',
    'Subject: Undelivered Mail Returned to Sender',
    'MIME-Version: 1.0',
    'Content-Type: multipart/report; report-type=delivery-status; boundary="REPORT"',
    '',
    '--REPORT',
    'Content-Type: text/plain; charset=utf-8',
    '',
    'This is the mail system at host mx.example.',
    '--REPORT',
    'Content-Type: message/delivery-status',
    '',
    'Reporting-MTA: dns; mx.example',
    '',
    `Final-Recipient: rfc822; ${recipient}`,
    `Action: ${action}`,
    `Status: ${status}`,
    `Diagnostic-Code: smtp; 550 ${status} The email account that you tried to reach`,
    '  does not exist',
    '',
    '--REPORT',
    'Content-Type: text/rfc822-headers',
    '',
    quoted || 'Subject: hello',
    '',
    '--REPORT--',
    '',
  ].join('\r\n');

describe.each(engines)('bounces and complaints (%s)', (engine) => {
  let t: TestApp;
  let bouncePort: number;
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

  const mailRow = async (mail: ReceivedMail) => {
    const id = Number(mail.headers['x-levier-mail']!.split('.')[1]);
    const [row] = await rows<{ id: number; status: string; last_error: string | null }>(
      'SELECT id, status, last_error FROM mail_outbox WHERE campaign_id = $1 AND id = $2',
      [id],
    );
    return row!;
  };

  async function bounce(to: string, raw: string) {
    const transport = nodemailer.createTransport({ host: '127.0.0.1', port: bouncePort });
    try {
      await transport.sendMail({ envelope: { from: '', to }, raw });
    } finally {
      transport.close();
    }
  }

  /** Waits for the listener to have applied a bounce (it answers before nothing else). */
  const feedbackCount = async () =>
    (
      await rows<{ n: number }>(
        'SELECT count(*)::int AS n FROM mail_feedback WHERE campaign_id = $1',
      )
    )[0]!.n;

  const mailgun = (event: Record<string, unknown>, timestamp = Math.floor(Date.now() / 1000)) => {
    const token = `tok${Math.random().toString(36).slice(2)}`;
    return t.app.inject({
      method: 'POST',
      url: '/api/mail/webhooks/mailgun',
      payload: {
        signature: {
          timestamp: String(timestamp),
          token,
          signature: hmac(MAILGUN_KEY, `${timestamp}${token}`),
        },
        'event-data': event,
      },
    });
  };

  beforeAll(async () => {
    bouncePort = await freePort();
    t = await createTestApp(engine, {
      MAIL_FROM: FROM,
      MAIL_DKIM_DOMAIN: 'levier.test',
      MAIL_DKIM_SELECTOR: 'levier2026',
      MAIL_DKIM_PRIVATE_KEY: KEY,
      MAIL_RETURN_PATH: RETURN_PATH,
      MAIL_BOUNCE_SMTP_PORT: String(bouncePort),
      MAIL_BOUNCE_SMTP_HOST: '127.0.0.1',
      MAILGUN_WEBHOOK_SIGNING_KEY: MAILGUN_KEY,
    });
  }, 120_000);
  afterAll(() => t?.close());

  it('signs every mail with DKIM and gives it its own return path', async () => {
    const mail = await deliver('signe@lecteurs.example', null);
    const record = t.ctx.config.dkim!.dnsRecord;
    const lookups: string[] = [];
    const verified = await dkimVerify(mail.raw, {
      resolver: async (name: string) => {
        lookups.push(name);
        return [[record]];
      },
    });
    expect(lookups).toEqual(['levier2026._domainkey.levier.test']);
    expect(verified.results.map((r) => [r.signingDomain, r.status.result])).toEqual([
      ['levier.test', 'pass'],
    ]);
    // A signature over an altered body fails: the check above is not a formality.
    const altered = await dkimVerify(
      Buffer.from(mail.raw.toString().replace('Bonjour', 'Bonsoir')),
      {
        resolver: async () => [[record]],
      },
    );
    expect(altered.results[0]!.status).toEqual(
      expect.objectContaining({ result: 'neutral', comment: 'body hash did not verify' }),
    );
    const row = await mailRow(mail);
    expect(mail.envelopeFrom).toBe(
      returnPathFor(RETURN_PATH, t.ctx.config.sessionSecret, {
        campaignId: t.ctx.campaignId,
        mailId: row.id,
      }),
    );
    expect(mail.headers['x-mailgun-variables']).toBe(
      JSON.stringify({ levier_mail: mail.headers['x-levier-mail'] }),
    );
  });

  it('stops all mail to an address at once after a hard bounce, counting a repeated report once', async () => {
    const address = 'inconnu@lecteurs.example';
    const mail = await deliver(address, null);
    // A mail already waiting for the address is suppressed when the bounce comes (the dispatch
    // paused meanwhile, so that it is still waiting, not being sent, when the bounce comes).
    await t.ctx.mailer.pause();
    const before = await feedbackCount();
    try {
      await enqueueMail(t.ctx.database, t.ctx.campaignId, {
        kind: 'test_notice',
        personId: null,
        to: address,
        subject: 'En attente',
        text: '…',
      });
      await bounce(mail.envelopeFrom, dsn(address, 'failed', '5.1.1'));
    } finally {
      t.ctx.mailer.start();
    }
    expect(await feedbackCount()).toBe(before + 1);
    expect(await mailRow(mail)).toEqual(
      expect.objectContaining({ status: 'bounced', last_error: expect.stringContaining('5.1.1') }),
    );
    const waiting = await rows<{ status: string; last_error: string }>(
      `SELECT status, last_error FROM mail_outbox WHERE campaign_id = $1 AND to_address = $2 AND subject = 'En attente'`,
      [address],
    );
    expect(waiting).toEqual([{ status: 'suppressed', last_error: 'not sent: address_bounced' }]);
    await bounce(mail.envelopeFrom, dsn(address, 'failed', '5.1.1'));
    expect(await feedbackCount()).toBe(before + 1);

    // Even a login code: it would not arrive.
    const received = t.smtp.received.length;
    await enqueueMail(t.ctx.database, t.ctx.campaignId, {
      kind: 'test_notice',
      personId: null,
      to: 'INCONNU@lecteurs.example',
      subject: 'Après le rebond',
      text: '…',
    });
    await t.ctx.mailer.drain();
    const after = await rows<{ status: string; last_error: string }>(
      `SELECT status, last_error FROM mail_outbox WHERE campaign_id = $1 AND subject = 'Après le rebond'`,
    );
    expect(after).toEqual([{ status: 'suppressed', last_error: 'not sent: address_bounced' }]);
    expect(t.smtp.received.slice(received).map((m) => m.subject)).not.toContain('Après le rebond');
    // The list keeps a keyed hash, not the address.
    const stored = await rows<{ hash: string }>(
      `SELECT encode(address_hash, 'hex') AS hash FROM mail_suppressions WHERE campaign_id = $1`,
    );
    expect(JSON.stringify(stored)).not.toContain('inconnu');
  });

  it('counts a soft bounce without stopping mail, and stops it at the third in 30 days', async () => {
    const address = 'pleine@lecteurs.example';
    for (let n = 1; n <= 3; n++) {
      const mail = await deliver(address, null);
      await bounce(mail.envelopeFrom, dsn(address, 'failed', '4.2.2'));
      expect((await mailRow(mail)).status).toBe('bounced');
      const [suppressed] = await rows<{ n: number }>(
        `SELECT count(*)::int AS n FROM mail_outbox WHERE campaign_id = $1 AND to_address = $2 AND status = 'suppressed'`,
        [address],
      );
      expect(suppressed!.n).toBe(0);
    }
    await enqueueMail(t.ctx.database, t.ctx.campaignId, {
      kind: 'test_notice',
      personId: null,
      to: address,
      subject: 'Quatrième',
      text: '…',
    });
    await t.ctx.mailer.drain();
    const [fourth] = await rows<{ status: string }>(
      `SELECT status FROM mail_outbox WHERE campaign_id = $1 AND subject = 'Quatrième'`,
    );
    expect(fourth!.status).toBe('suppressed');
    // A delay notice (the server still tries) is recorded and changes nothing.
    const mail = await deliver('lent@lecteurs.example', null);
    await bounce(mail.envelopeFrom, dsn('lent@lecteurs.example', 'delayed', '4.4.1'));
    expect((await mailRow(mail)).status).toBe('sent');
  });

  it('ignores bounces it cannot tie to a signed mail, and relays nothing', async () => {
    const mail = await deliver('vise@lecteurs.example', null);
    const forged = mail.envelopeFrom.replace(/\.[0-9a-f]{20}@/, '.0123456789abcdef0123@');
    const before = await feedbackCount();
    await bounce(forged, dsn('vise@lecteurs.example', 'failed', '5.1.1'));
    // To the bare bounce address, the quoted original's header must name the mail.
    await bounce(RETURN_PATH, dsn('vise@lecteurs.example', 'failed', '5.1.1'));
    expect(await feedbackCount()).toBe(before);
    expect((await mailRow(mail)).status).toBe('sent');
    await bounce(
      RETURN_PATH,
      dsn(
        'vise@lecteurs.example',
        'failed',
        '5.1.1',
        `X-Levier-Mail: ${mail.headers['x-levier-mail']}`,
      ),
    );
    expect((await mailRow(mail)).status).toBe('bounced');
    await expect(
      bounce('quelquun@ailleurs.example', 'Subject: relay\r\n\r\nrelay me'),
    ).rejects.toThrow(/550/);
  });

  it('takes signed Mailgun complaints: no more campaign mail, consent withdrawn, transactional mail still goes', async () => {
    const reader = await supporterBrowser(t, 'plaignant@lecteurs.example', {
      consents: { email: true, sms: false, phone: false },
    });
    const mail = await deliver(reader.email, reader.personId, 'newsletter');
    const complaint = {
      event: 'complained',
      recipient: reader.email,
      'user-variables': { levier_mail: mail.headers['x-levier-mail'] },
    };

    // Forged, stale, or malformed: refused, nothing changes.
    const forged = await t.app.inject({
      method: 'POST',
      url: '/api/mail/webhooks/mailgun',
      payload: {
        signature: {
          timestamp: String(Math.floor(Date.now() / 1000)),
          token: 'x',
          signature: 'a'.repeat(64),
        },
        'event-data': complaint,
      },
    });
    expect(forged.statusCode).toBe(400);
    expect(forged.json()).toEqual(expect.objectContaining({ code: 'webhook_rejected' }));
    const stale = await mailgun(complaint, Math.floor(Date.now() / 1000) - 13 * 3600);
    expect(stale.statusCode).toBe(400);
    const malformed = await t.app.inject({
      method: 'POST',
      url: '/api/mail/webhooks/mailgun',
      payload: { signature: 'nope' },
    });
    expect(malformed.statusCode).toBe(400);
    const consents = async () =>
      rows<{ channel: string; granted: boolean; source: string }>(
        `SELECT channel, granted, source FROM consent_events WHERE campaign_id = $1 AND person_id = $2 AND channel = 'email' ORDER BY at`,
        [reader.personId],
      );
    expect((await consents()).at(-1)).toEqual(expect.objectContaining({ granted: true }));

    const first = await mailgun(complaint);
    expect(first.json()).toEqual({ received: true, outcome: 'recorded' });
    expect((await mailgun(complaint)).json()).toEqual({ received: true, outcome: 'duplicate' });
    expect((await consents()).at(-1)).toEqual({
      channel: 'email',
      granted: false,
      source: 'complaint',
    });
    // Delivered events and the like are acknowledged and ignored.
    expect((await mailgun({ event: 'delivered', recipient: reader.email })).json()).toEqual({
      received: true,
      outcome: 'ignored',
    });

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

  it('takes Mailgun bounces naming no mail of ours by their address', async () => {
    const address = 'ancien@lecteurs.example';
    const hard = await mailgun({
      event: 'failed',
      severity: 'permanent',
      reason: 'bounce',
      recipient: address,
      'delivery-status': { code: 550, 'enhanced-code': '5.1.1', message: 'No such user' },
    });
    expect(hard.json()).toEqual({ received: true, outcome: 'recorded' });
    // A temporary failure is Mailgun's to retry: recorded only.
    const temporary = await mailgun({
      event: 'failed',
      severity: 'temporary',
      recipient: 'essai@lecteurs.example',
    });
    expect(temporary.json()).toEqual({ received: true, outcome: 'recorded' });
    await enqueueMail(t.ctx.database, t.ctx.campaignId, {
      kind: 'test_notice',
      personId: null,
      to: address,
      subject: 'Vers l’ancienne adresse',
      text: '…',
    });
    const essai = await deliver('essai@lecteurs.example', null);
    expect(essai.subject).toMatch(/^Courrier/);
    const [old] = await rows<{ status: string }>(
      `SELECT status FROM mail_outbox WHERE campaign_id = $1 AND subject = 'Vers l’ancienne adresse'`,
    );
    expect(old!.status).toBe('suppressed');
  });
});

describe.each(engines)('the Mailgun webhook without a signing key (%s)', (engine) => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp(engine);
  }, 120_000);
  afterAll(() => t?.close());

  it('is not there', async () => {
    const response = await t.app.inject({
      method: 'POST',
      url: '/api/mail/webhooks/mailgun',
      payload: {
        signature: { timestamp: '1', token: 't', signature: 'a'.repeat(64) },
        'event-data': { event: 'complained' },
      },
    });
    expect(response.statusCode).toBe(404);
  });
});

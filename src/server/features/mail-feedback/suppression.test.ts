import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { PersonMailSuppression } from '../../../contracts/mail-feedback.ts';
import { recordMailFeedback, type FeedbackKind } from '../../core/mail/feedback.ts';
import { enqueueMail } from '../../core/mail/outbox.ts';
import {
  Browser,
  createTestApp,
  engines,
  signupAndConfirm,
  staffBrowser,
  type TestApp,
} from '../../testing/harness.ts';

describe.each(engines)("lifting a suppression from a person's page (%s)", (engine) => {
  let t: TestApp;
  let staff: Browser;
  let sent = 0;

  const rows = <T>(text: string, params: unknown[] = []) =>
    t.ctx.database.query<T>(text, [t.ctx.campaignId, ...params]);

  /** Queues a mail to the person and waits until it is sent; answers its outbox id. */
  async function deliver(to: string, personId: number, purpose = 'transactional') {
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
    const mail = await t.smtp.waitFor(to, (m) => m.subject === subject);
    return Number(mail.headers['x-levier-mail']!.split('.')[1]);
  }

  /** A mail queued now, then the dispatcher's round: what became of it. */
  async function fateOf(to: string, personId: number, purpose = 'transactional') {
    const subject = `Essai ${++sent}`;
    await enqueueMail(t.ctx.database, t.ctx.campaignId, {
      kind: purpose === 'transactional' ? 'test_notice' : 'newsletter',
      personId,
      to,
      subject,
      text: '…',
      purpose,
    });
    await t.ctx.mailer.drain();
    const [row] = await rows<{ status: string; last_error: string | null }>(
      'SELECT status, last_error FROM mail_outbox WHERE campaign_id = $1 AND subject = $2',
      [subject],
    );
    return row!;
  }

  const report = (mailId: number, kind: FeedbackKind, status = '5.1.1') =>
    recordMailFeedback(t.ctx.database, t.ctx.campaignId, {
      ref: { campaignId: t.ctx.campaignId, mailId },
      address: null,
      kind,
      source: 'mailgun',
      status,
      detail: 'No such user here',
    });

  const suppression = async (personId: number) => {
    const response = await staff.get(`/api/people/${personId}/mail-suppression`);
    expect(response.statusCode, response.body).toBe(200);
    return response.json() as PersonMailSuppression;
  };

  const person = async (email: string) => ({ email, id: await signupAndConfirm(t, { email }) });

  beforeAll(async () => {
    t = await createTestApp(engine);
    staff = await staffBrowser(t, 'equipe@levier.test', ['staff']);
  }, 120_000);
  afterAll(() => t?.close());

  it('shows a hard bounce on the page, and lifts it with a reason, audited', async () => {
    const { email, id } = await person('rebond@lecteurs.example');
    expect(await suppression(id)).toEqual({ address: email, suppression: null });
    await report(await deliver(email, id), 'hard_bounce');

    const shown = await suppression(id);
    expect(shown.suppression).toEqual({
      reason: 'hard_bounce',
      since: expect.any(String) as string,
      lastReport: {
        kind: 'hard_bounce',
        source: 'mailgun',
        status: '5.1.1',
        detail: 'No such user here',
        at: expect.any(String) as string,
      },
    });
    expect((await fateOf(email, id)).last_error).toBe('not sent: address_bounced');

    const lifted = await staff.post(`/api/people/${id}/mail-suppression/lift`, {
      reason: 'mailbox_fixed',
    });
    expect(lifted.statusCode, lifted.body).toBe(200);
    expect(lifted.json()).toEqual({ address: email, suppression: null });
    // The row, a keyed hash, is gone: mail goes to the address again.
    const [left] = await rows<{ n: number }>(
      'SELECT count(*)::int AS n FROM mail_suppressions WHERE campaign_id = $1',
    );
    expect(left!.n).toBe(0);
    expect((await fateOf(email, id)).status).toBe('sent');
    const [entry] = await rows<{
      actor_id: number;
      target: string;
      details: Record<string, unknown>;
    }>(
      `SELECT actor_id, target, details FROM audit_log WHERE campaign_id = $1 AND action = 'mail.suppression_lift'`,
    );
    expect(entry).toEqual({
      actor_id: expect.anything() as unknown,
      target: `person:${id}`,
      details: {
        reason: 'mailbox_fixed',
        suppressed: 'hard_bounce',
        since: shown.suppression!.since,
      },
    });

    // Nothing left to lift.
    const again = await staff.post(`/api/people/${id}/mail-suppression/lift`, {
      reason: 'mailbox_fixed',
    });
    expect(again.statusCode).toBe(409);
    expect(again.json()).toEqual(expect.objectContaining({ code: 'not_suppressed' }));
    // A new hard bounce suppresses the address again at once.
    await report(await deliver(email, id), 'hard_bounce');
    expect((await suppression(id)).suppression?.reason).toBe('hard_bounce');
  });

  it('does not give back the consent a complaint withdrew', async () => {
    const { email, id } = await person('plainte@lecteurs.example');
    await report(await deliver(email, id, 'newsletter'), 'complaint', '');
    expect((await suppression(id)).suppression?.reason).toBe('complaint');
    const consent = async () =>
      (
        await rows<{ consent_email: boolean }>(
          'SELECT consent_email FROM people WHERE campaign_id = $1 AND id = $2',
          [id],
        )
      )[0]!.consent_email;
    expect(await consent()).toBe(false);

    const lifted = await staff.post(`/api/people/${id}/mail-suppression/lift`, {
      reason: 'person_asked',
    });
    expect(lifted.statusCode, lifted.body).toBe(200);
    expect(await consent()).toBe(false);
    // Campaign mail still does not go: not for the complaint any more, for the consent.
    const newsletter = await fateOf(email, id, 'newsletter');
    expect(newsletter.status).toBe('suppressed');
    expect(newsletter.last_error).not.toBe('not sent: complained');
    expect((await fateOf(email, id)).status).toBe('sent');
  });

  it('lifts repeated soft bounces; the next one within the 30 days suppresses the address again', async () => {
    const { email, id } = await person('pleine@lecteurs.example');
    for (let n = 0; n < 3; n++) await report(await deliver(email, id), 'soft_bounce', '4.2.2');
    expect((await suppression(id)).suppression?.reason).toBe('soft_bounces');
    const lifted = await staff.post(`/api/people/${id}/mail-suppression/lift`, {
      reason: 'mailbox_fixed',
    });
    expect(lifted.statusCode, lifted.body).toBe(200);
    // Delivered now: the mailbox works again.
    expect((await fateOf(email, id)).status).toBe('sent');
    // The soft bounces before the lift still count: one more and the address is off again.
    await report(await deliver(email, id), 'soft_bounce', '4.2.2');
    expect((await suppression(id)).suppression?.reason).toBe('soft_bounces');
  });

  it('answers 404 for no such person and 409 for a person without an address', async () => {
    expect((await staff.get('/api/people/999999/mail-suppression')).statusCode).toBe(404);
    const lift = await staff.post('/api/people/999999/mail-suppression/lift', {
      reason: 'mailbox_fixed',
    });
    expect(lift.statusCode).toBe(404);
    const created = await staff.post('/api/people', {
      firstName: 'Sans',
      lastName: 'Adresse',
      phone: '06 12 34 56 78',
    });
    expect(created.statusCode, created.body).toBe(201);
    const { id } = created.json() as { id: number };
    expect(await suppression(id)).toEqual({ address: null, suppression: null });
    const refused = await staff.post(`/api/people/${id}/mail-suppression/lift`, {
      reason: 'mailbox_fixed',
    });
    expect(refused.statusCode).toBe(409);
    const invalid = await staff.post(`/api/people/${id}/mail-suppression/lift`, {
      reason: 'because',
    });
    expect(invalid.statusCode).toBe(400);
  });

  it('is lifted by those who record consents, seen by those who read people, and by nobody else', async () => {
    const { email, id } = await person('roles@lecteurs.example');
    await report(await deliver(email, id), 'hard_bounce');
    const finance = await staffBrowser(t, 'finance@levier.test', ['finance']);
    const moderator = await staffBrowser(t, 'moderation@levier.test', ['moderator']);
    const supporter = new Browser(t.app);
    await supporter.session();

    // Finance reads people (people.read) but does not edit them (people.write).
    expect((await finance.get(`/api/people/${id}/mail-suppression`)).statusCode).toBe(200);
    const byFinance = await finance.post(`/api/people/${id}/mail-suppression/lift`, {
      reason: 'mailbox_fixed',
    });
    expect(byFinance.statusCode).toBe(403);
    // A moderator holds neither; someone not logged in, nothing.
    for (const [browser, status] of [
      [moderator, 403],
      [supporter, 401],
    ] as const) {
      const read = await browser.get(`/api/people/${id}/mail-suppression`);
      expect(read.statusCode).toBe(status);
      const lift = await browser.post(`/api/people/${id}/mail-suppression/lift`, {
        reason: 'mailbox_fixed',
      });
      expect(lift.statusCode).toBe(status);
    }
    expect((await suppression(id)).suppression?.reason).toBe('hard_bounce');

    const admin = await staffBrowser(t, 'admin@levier.test', ['admin']);
    const byAdmin = await admin.post(`/api/people/${id}/mail-suppression/lift`, {
      reason: 'report_mistaken',
    });
    expect(byAdmin.statusCode, byAdmin.body).toBe(200);
  });
});

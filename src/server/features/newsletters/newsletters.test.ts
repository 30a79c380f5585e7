import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Newsletter, NewsletterPreview } from '../../../contracts/newsletters.ts';
import {
  Browser,
  createTestApp,
  engines,
  staffBrowser,
  supporterBrowser,
  type TestApp,
} from '../../testing/harness.ts';
import { releaseDueNewsletters } from './send.ts';

describe.each(engines)('newsletters (%s)', (engine) => {
  let t: TestApp;
  let staff: Browser;
  let segmentId: number;
  const readers: Array<{ browser: Browser; personId: number; email: string }> = [];

  const draft = async (overrides: Record<string, unknown> = {}) => {
    const created = await staff.post('/api/newsletters', {
      name: 'Lettre de décembre',
      subject: 'Bonjour {prénom}, les nouvelles de {commune}',
      preheader: 'Trois rendez-vous cette semaine',
      body: 'Chère {prénom},\n\nRendez-vous **samedi** place Bellecour. <script>alert(1)</script>',
      segmentId,
      ...overrides,
    });
    expect(created.statusCode, created.body).toBe(201);
    return created.json() as Newsletter;
  };

  beforeAll(async () => {
    t = await createTestApp(engine);
    staff = await staffBrowser(t, 'lettres@staff.example', ['staff']);
    await t.ctx.database.query(
      `UPDATE people SET first_name = 'Camille' WHERE campaign_id = $1 AND email_normalized = $2`,
      [t.ctx.campaignId, 'lettres@staff.example'],
    );
    for (const [firstName, address, email] of [
      ['Aurore', 'aurore', true],
      ['Bastien', 'bastien', true],
      ['Céleste', 'celeste', false],
    ] as const) {
      readers.push(
        await supporterBrowser(t, `${address}@lettrine.example`, {
          firstName,
          lastName: 'Lettrine',
          consents: { email, sms: false, phone: false },
        }),
      );
    }
    const segment = await staff.post('/api/segments', {
      name: 'Famille Lettrine',
      filter: { q: 'Lettrine' },
    });
    segmentId = (segment.json() as { id: number }).id;
  }, 120_000);
  afterAll(() => t?.close());

  it('refuses bad input, unknown segments and people without the right, changing nothing', async () => {
    const bad = await staff.post('/api/newsletters', {
      name: 'x',
      subject: '',
      body: '',
      segmentId,
    });
    expect(bad.statusCode).toBe(400);
    expect(bad.json()).toMatchObject({ code: 'validation_failed' });
    const unknown = await staff.post('/api/newsletters', {
      name: 'Lettre perdue',
      subject: 'Sujet',
      body: 'Texte',
      segmentId: 987654,
    });
    expect(unknown.statusCode).toBe(404);
    expect((await readers[0]!.browser.get('/api/newsletters')).statusCode).toBe(403);
    expect(
      (
        await readers[0]!.browser.post('/api/newsletters/preview', {
          subject: 'x',
          body: 'y',
        })
      ).statusCode,
    ).toBe(403);
    expect((await staff.get('/api/newsletters')).json()).toEqual([]);
  });

  it('previews with the writer’s own values, the Markdown drawn and any script inert', async () => {
    const preview = (
      await staff.post('/api/newsletters/preview', {
        subject: 'Bonjour {prénom}',
        body: '**Bonjour** {prénom} <script>alert(1)</script> <img src=x onerror=alert(1)>',
      })
    ).json() as NewsletterPreview;
    expect(preview.subject).toBe('Bonjour Camille');
    expect(preview.html).toContain('<strong>Bonjour</strong> Camille');
    expect(preview.html).not.toMatch(/<script|onerror|<img/);
  });

  it('sends a test to the writer, then the newsletter to the segment’s people who agreed to email, each with their own unsubscribe', async () => {
    const letter = await draft();
    expect(letter).toMatchObject({ status: 'draft', counts: { recipients: 0 } });

    let since = t.smtp.received.length;
    const tested = await staff.post(`/api/newsletters/${letter.id}/test`, {});
    expect(tested.json()).toEqual({ to: 'lettres@staff.example' });
    const test = await t.smtp.waitFor(
      'lettres@staff.example',
      (m) => m.subject.startsWith('[TEST] Bonjour'),
      10_000,
      since,
    );
    expect(test.html).toContain('<strong>samedi</strong>');

    // A moment passed is refused; one to come is kept, and taken back to draft.
    const past = await staff.post(`/api/newsletters/${letter.id}/schedule`, {
      at: '2020-01-01T10:00:00+01:00',
    });
    expect(past.statusCode).toBe(422);
    expect(past.json()).toMatchObject({ code: 'in_the_past' });
    const later = new Date(Date.now() + 3_600_000).toISOString();
    const scheduled = await staff.post(`/api/newsletters/${letter.id}/schedule`, { at: later });
    expect(scheduled.json()).toMatchObject({ status: 'scheduled', scheduledAt: later });
    expect(await releaseDueNewsletters(t.ctx)).toBe(0);
    const back = await staff.post(`/api/newsletters/${letter.id}/cancel`, {});
    expect(back.json()).toMatchObject({ status: 'draft', scheduledAt: null });

    since = t.smtp.received.length;
    const now = await staff.post(`/api/newsletters/${letter.id}/schedule`, { at: null });
    expect(now.statusCode, now.body).toBe(200);
    // Céleste did not agree to email: two recipients.
    expect(now.json()).toMatchObject({ status: 'sending', counts: { recipients: 2 } });
    const mails = await Promise.all(
      readers
        .slice(0, 2)
        .map((reader) =>
          t.smtp.waitFor(reader.email, (m) => m.subject.startsWith('Bonjour'), 10_000, since),
        ),
    );
    expect(mails[0]!.subject).toBe('Bonjour Aurore, les nouvelles de Lyon');
    expect(mails[1]!.html).toContain('Chère Bastien');
    expect(mails[1]!.html).not.toContain('<script');
    expect(mails[0]!.headers['list-unsubscribe-post']).toBe('List-Unsubscribe=One-Click');
    expect(t.smtp.received.slice(since).some((m) => m.to === readers[2]!.email)).toBe(false);

    // Aurore's mail client unsubscribes with one click: her consent to email is withdrawn.
    const link = /<(http[^>]+)>/.exec(mails[0]!.headers['list-unsubscribe']!)![1]!;
    expect(mails[0]!.text).toContain(link);
    const url = new URL(link);
    const oneClick = await new Browser(t.app, '10.60.0.1').request(
      'POST',
      url.pathname + url.search,
      'List-Unsubscribe=One-Click',
      { 'content-type': 'application/x-www-form-urlencoded' },
    );
    expect(oneClick.statusCode).toBe(204);
    const [aurore] = await t.ctx.database.query<{ consent_email: boolean }>(
      'SELECT consent_email FROM people WHERE campaign_id = $1 AND id = $2',
      [t.ctx.campaignId, readers[0]!.personId],
    );
    expect(aurore!.consent_email).toBe(false);

    await expect
      .poll(
        async () => {
          await releaseDueNewsletters(t.ctx);
          return ((await staff.get(`/api/newsletters/${letter.id}`)).json() as Newsletter).status;
        },
        { timeout: 10_000 },
      )
      .toBe('sent');
    const sent = (await staff.get(`/api/newsletters/${letter.id}`)).json() as Newsletter;
    expect(sent.counts).toEqual({
      recipients: 2,
      pending: 0,
      sent: 2,
      bounced: 0,
      complaints: 0,
      suppressed: 0,
      failed: 0,
      unsubscribed: 1,
      // Nobody here agreed to the measure of opens and clicks.
      tracked: 0,
      opened: 0,
      clicked: 0,
    });
    // Each was marked as handed over before it was: a process lost then never sends it twice.
    const [marked] = await t.ctx.database.query<{ n: number }>(
      `SELECT count(*)::int AS n FROM mail_outbox
        WHERE campaign_id = $1 AND message_id = $2 AND send_started_at IS NOT NULL`,
      [t.ctx.campaignId, letter.id],
    );
    expect(marked!.n).toBe(2);
    // Sent: no longer changed, canceled nor deleted.
    expect(
      (
        await staff.request('PUT', `/api/newsletters/${letter.id}`, {
          name: 'Autre',
          subject: 'Autre',
          body: 'Autre',
          segmentId,
        })
      ).json(),
    ).toMatchObject({ code: 'newsletter_not_editable' });
    expect((await staff.post(`/api/newsletters/${letter.id}/cancel`, {})).json()).toMatchObject({
      code: 'newsletter_not_cancelable',
    });
    expect((await staff.delete(`/api/newsletters/${letter.id}`)).json()).toMatchObject({
      code: 'newsletter_not_draft',
    });

    // The next newsletter to the same segment goes to Bastien only.
    const next = await draft({ name: 'Lettre suivante' });
    const again = await staff.post(`/api/newsletters/${next.id}/schedule`, { at: null });
    expect(again.json()).toMatchObject({ counts: { recipients: 1 } });
  });

  it('stops a newsletter being sent: its mails not sent yet never are', async () => {
    const letter = await draft({ name: 'Lettre arrêtée', segmentId: null });
    // The mail dispatch paused, so that the cancellation finds every mail still waiting its turn.
    await t.ctx.mailer.pause();
    try {
      const started = await staff.post(`/api/newsletters/${letter.id}/schedule`, { at: null });
      expect(started.json()).toMatchObject({ status: 'sending' });
      const stopped = (await staff.post(`/api/newsletters/${letter.id}/cancel`, {})).json();
      expect(stopped).toMatchObject({ status: 'canceled' });
      expect((stopped as Newsletter).counts.recipients).toBeGreaterThan(0);
      expect((stopped as Newsletter).counts.pending).toBe(0);
      expect((stopped as Newsletter).counts.suppressed).toBe(
        (stopped as Newsletter).counts.recipients,
      );
    } finally {
      t.ctx.mailer.start();
    }
    // Dispatch going again sends none of them.
    await t.ctx.mailer.drain();
    const [sent] = await t.ctx.database.query<{ n: number }>(
      `SELECT count(*)::int AS n FROM mail_outbox
        WHERE campaign_id = $1 AND kind = 'newsletter' AND message_id = $2 AND status = 'sent'`,
      [t.ctx.campaignId, letter.id],
    );
    expect(sent!.n).toBe(0);
  });

  it('shows the unsubscribe page with its button, and refuses a forged token', async () => {
    const visitor = new Browser(t.app, '10.60.0.2');
    const page = await visitor.get('/newsletter/unsubscribe?token=1.2.abc');
    expect(page.statusCode).toBe(200);
    expect(page.body).toContain('action="/newsletter/unsubscribe?page=1&amp;token=1.2.abc"');
    const forged = await visitor.request(
      'POST',
      '/newsletter/unsubscribe?page=1&token=1.2.abcdefghijkl',
      '',
      { 'content-type': 'application/x-www-form-urlencoded' },
    );
    expect(forged.statusCode).toBe(400);
    expect(forged.body).toContain('pas valide');
  });
});

import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Automation } from '../../../../contracts/newsletters-automations.ts';
import { addDays, wallClock } from '../../../core/local-time.ts';
import {
  Browser,
  createTestApp,
  engines,
  signupAndConfirm,
  staffBrowser,
  supporterBrowser,
  type TestApp,
} from '../../../testing/harness.ts';
import { enrol, queueDueSteps } from './enrolments.ts';

const DAY = 86_400_000;

describe.each(engines)('newsletter automations (%s)', (engine) => {
  let t: TestApp;
  let staff: Browser;
  let welcome: Automation;

  const inCampaign = <R>(text: string, values: unknown[] = []) =>
    t.ctx.database.query<R>(text, [t.ctx.campaignId, ...values]);
  const enrolmentsOf = (personId: number) =>
    inCampaign<{
      automation_id: number;
      ended_reason: string | null;
      ended_step_id: number | null;
    }>(
      `SELECT automation_id, ended_reason, ended_step_id FROM newsletter_enrolments
        WHERE campaign_id = $1 AND person_id = $2 ORDER BY automation_id`,
      [personId],
    );
  const stepMails = (personId: number) =>
    inCampaign<{ message_id: number; status: string; last_error: string | null }>(
      `SELECT message_id, status, last_error FROM mail_outbox
        WHERE campaign_id = $1 AND kind = 'newsletter_step' AND person_id = $2 ORDER BY id`,
      [personId],
    );
  /** Waits until the outbox has done something with the person's step mails (no timing asserted). */
  async function settled(
    personId: number,
    done: (rows: Awaited<ReturnType<typeof stepMails>>) => boolean,
  ) {
    for (let i = 0; i < 200; i++) {
      const rows = await stepMails(personId);
      if (done(rows)) return rows;
      await new Promise((resolve) => setTimeout(resolve, 50));
    }
    throw new Error(`step mails of ${personId}: ${JSON.stringify(await stepMails(personId))}`);
  }
  const get = async (id: number) =>
    (await staff.get(`/api/newsletter-automations/${id}`)).json() as Automation;

  const steps = [
    { delayDays: 0, subject: 'Bienvenue {prénom}', body: 'Bonjour **{prénom}** de {commune}.' },
    { delayDays: 3, subject: 'Trois jours déjà', body: 'Voici comment agir.' },
    { delayDays: 7, subject: 'Une semaine', body: 'Venez à une réunion.' },
  ];

  beforeAll(async () => {
    t = await createTestApp(engine);
    staff = await staffBrowser(t, 'series@staff.example', ['staff']);
  }, 120_000);
  afterAll(() => t?.close());

  it('refuses bad input with problem+json and people without the right, changing nothing', async () => {
    const bad = await staff.post('/api/newsletter-automations', {
      name: 'x',
      trigger: 'birthday',
      steps: [],
    });
    expect(bad.statusCode).toBe(400);
    expect(bad.headers['content-type']).toContain('application/problem+json');
    expect(bad.json()).toMatchObject({ code: 'validation_failed' });
    const backwards = await staff.post('/api/newsletter-automations', {
      name: 'À rebours',
      trigger: 'signup_confirmed',
      steps: [steps[1], steps[0]],
    });
    expect(backwards.statusCode).toBe(400);
    const negative = await staff.post('/api/newsletter-automations', {
      name: 'Négatif',
      trigger: 'signup_confirmed',
      steps: [{ ...steps[0], delayDays: -1 }],
    });
    expect(negative.statusCode).toBe(400);
    expect((await staff.get('/api/newsletter-automations/987654')).statusCode).toBe(404);
    const reader = await supporterBrowser(t, 'curieux@series.example');
    expect((await reader.browser.get('/api/newsletter-automations')).statusCode).toBe(403);
    expect(
      (
        await reader.browser.post('/api/newsletter-automations', {
          name: 'Intrus',
          trigger: 'signup_confirmed',
          steps: [steps[0]],
        })
      ).statusCode,
    ).toBe(403);
    expect((await staff.get('/api/newsletter-automations')).json()).toEqual([]);
  });

  it('enrols a confirmed supporter once and sends the day-0 step at once, as a newsletter is drawn', async () => {
    const created = await staff.post('/api/newsletter-automations', {
      name: 'Série de bienvenue',
      trigger: 'signup_confirmed',
      steps,
    });
    expect(created.statusCode, created.body).toBe(201);
    welcome = created.json() as Automation;
    expect(welcome).toMatchObject({ status: 'active', enrolled: 0 });
    expect(welcome.steps.map((s) => s.delayDays)).toEqual([0, 3, 7]);

    const since = t.smtp.received.length;
    const personId = await signupAndConfirm(t, {
      email: 'ines@series.example',
      firstName: 'Inès',
    });
    const mail = await t.smtp.waitFor(
      'ines@series.example',
      (m) => m.subject === 'Bienvenue Inès',
      10_000,
      since,
    );
    expect(mail.html).toContain('Bonjour <strong>Inès</strong> de Lyon');
    expect(mail.headers['list-unsubscribe-post']).toBe('List-Unsubscribe=One-Click');
    // Confirming again, enrolling again: still one enrolment, one day-0 mail.
    await signupAndConfirm(t, { email: 'ines@series.example', firstName: 'Inès' });
    expect(await enrol(t.ctx, 'signup_confirmed', personId)).toBe(0);
    expect(await queueDueSteps(t.ctx)).toBe(0);
    expect(await enrolmentsOf(personId)).toHaveLength(1);
    expect(await stepMails(personId)).toHaveLength(1);
    const shown = await get(welcome.id);
    expect(shown).toMatchObject({ enrolled: 1, running: 1 });
    expect(shown.steps[0]!.counts).toMatchObject({ queued: 1 });
  });

  it('queues each step on its day, with the clock moved, and never twice even when rounds race', async () => {
    const personId = await signupAndConfirm(t, { email: 'jules@series.example' });
    await settled(personId, (rows) => rows.length === 1);
    const now = Date.now();
    expect(await queueDueSteps(t.ctx, { now: new Date(now + 2 * DAY) })).toBe(0);
    // Five rounds at once on day 3 (several workers, or one resumed after a crash): one mail each.
    const day3 = await Promise.all(
      Array.from({ length: 5 }, () =>
        queueDueSteps(t.ctx, { now: new Date(now + 3 * DAY + 60_000) }),
      ),
    );
    // Inès was enrolled earlier: her day 3 is due too.
    expect(day3.reduce((a, b) => a + b, 0)).toBe(2);
    expect((await stepMails(personId)).map((m) => m.message_id)).toEqual(
      welcome.steps.slice(0, 2).map((s) => s.id),
    );
    expect(await queueDueSteps(t.ctx, { now: new Date(now + 6 * DAY) })).toBe(0);
    expect(await queueDueSteps(t.ctx, { now: new Date(now + 7 * DAY + 60_000) })).toBe(2);
    expect(await queueDueSteps(t.ctx, { now: new Date(now + 30 * DAY) })).toBe(0);
    expect((await stepMails(personId)).map((m) => Number(m.message_id))).toEqual(
      welcome.steps.map((s) => s.id),
    );
    expect(await enrolmentsOf(personId)).toMatchObject([{ ended_reason: 'completed' }]);
    // A crashed round commits nothing: the marks and the mails are one statement. Its rows are
    // the key (enrolment, step), so a round run again after a crash finds nothing to queue.
    const [{ n }] = await inCampaign<{ n: number }>(
      `SELECT count(*)::int AS n FROM (SELECT enrolment_id, step_id FROM newsletter_enrolment_steps
        WHERE campaign_id = $1 GROUP BY 1, 2 HAVING count(*) > 1) twice`,
    );
    expect(n).toBe(0);
  });

  it('passes every step through the compliance gate: no consent is suppressed and ends the series, the silence holds', async () => {
    const silent = await signupAndConfirm(t, {
      email: 'karim@series.example',
      consents: { email: false, sms: false, phone: false },
    });
    const [suppressed] = await settled(silent, (rows) => rows[0]?.status === 'suppressed');
    expect(suppressed!.last_error).toBe('not sent: no_consent');
    // The minute's round ends the series (the enrolment itself commits with the confirmation).
    await queueDueSteps(t.ctx, { now: new Date(Date.now() + 10 * DAY) });
    expect(await enrolmentsOf(silent)).toMatchObject([{ ended_reason: 'no_consent' }]);
    expect(await stepMails(silent)).toHaveLength(1);

    // An election tomorrow: the silence began at midnight, the day-0 mail waits for the polls.
    const tomorrow = addDays(wallClock(new Date(), 'Europe/Paris').day, 1);
    const election = await staff.post('/api/compliance/elections', {
      name: 'Partielle',
      kind: 'national',
      rounds: [{ date: tomorrow }],
    });
    expect(election.statusCode, election.body).toBe(200);
    try {
      const held = await signupAndConfirm(t, { email: 'lola@series.example' });
      const [mail] = await settled(
        held,
        (rows) => rows[0]?.last_error?.startsWith('held') ?? false,
      );
      expect(mail).toMatchObject({ status: 'pending', last_error: 'held: pre_election_silence' });
    } finally {
      await staff.delete(`/api/compliance/elections/${(election.json() as { id: number }).id}`);
    }
  });

  it('ends every series of a person who unsubscribes from a step’s link; a forged link changes nothing', async () => {
    const since = t.smtp.received.length;
    const personId = await signupAndConfirm(t, { email: 'maya@series.example' });
    const mail = await t.smtp.waitFor(
      'maya@series.example',
      (m) => m.subject.startsWith('Bienvenue'),
      10_000,
      since,
    );
    const link = new URL(/<(http[^>]+)>/.exec(mail.headers['list-unsubscribe']!)![1]!);
    const token = link.searchParams.get('token')!;
    const anonymous = new Browser(t.app, '10.61.0.1');
    const form = { 'content-type': 'application/x-www-form-urlencoded' };
    const forged = await anonymous.request(
      'POST',
      `/newsletter/unsubscribe?token=${token.replace(/.$/, (c) => (c === 'A' ? 'B' : 'A'))}`,
      'List-Unsubscribe=One-Click',
      form,
    );
    expect(forged.statusCode).toBe(400);
    expect(await enrolmentsOf(personId)).toMatchObject([{ ended_reason: null }]);
    const oneClick = await anonymous.request(
      'POST',
      `${link.pathname}${link.search}`,
      'List-Unsubscribe=One-Click',
      form,
    );
    expect(oneClick.statusCode).toBe(204);
    expect(await enrolmentsOf(personId)).toMatchObject([
      { ended_reason: 'unsubscribed', ended_step_id: welcome.steps[0]!.id },
    ]);
    await queueDueSteps(t.ctx, { now: new Date(Date.now() + 10 * DAY) });
    expect(await stepMails(personId)).toHaveLength(1);
    expect((await get(welcome.id)).steps[0]!.counts.unsubscribed).toBe(1);
  });

  it('enrols on a committee joined, not while paused, and keeps counts across an edit', async () => {
    const joined = await staff.post('/api/newsletter-automations', {
      name: 'Nouveaux membres',
      trigger: 'committee_joined',
      steps: [{ delayDays: 0, subject: 'Bienvenue au comité {comité}', body: 'Merci.' }],
    });
    const automation = joined.json() as Automation;
    const organiser = await supporterBrowser(t, 'orga@series.example');
    const committee = await organiser.browser.post('/api/committees', {
      name: 'Comité des Pentes',
      place: { postalCode: '69001' },
    });
    const committeeId = (committee.json() as { id: number }).id;
    const paused = await staff.post(`/api/newsletter-automations/${automation.id}/status`, {
      status: 'paused',
    });
    expect(paused.json()).toMatchObject({ status: 'paused' });
    const early = await supporterBrowser(t, 'nina@series.example');
    await early.browser.put(`/api/committees/${committeeId}/membership`, { as: 'member' });
    expect(await enrolmentsOf(early.personId)).toEqual([
      expect.objectContaining({ automation_id: welcome.id }),
    ]);
    await staff.post(`/api/newsletter-automations/${automation.id}/status`, { status: 'active' });
    const since = t.smtp.received.length;
    const late = await supporterBrowser(t, 'oscar@series.example');
    const member = await late.browser.put(`/api/committees/${committeeId}/membership`, {
      as: 'member',
    });
    expect(member.statusCode, member.body).toBe(200);
    await t.smtp.waitFor(
      'oscar@series.example',
      (m) => m.subject === 'Bienvenue au comité Comité des Pentes',
      10_000,
      since,
    );
    // An answer to the committee's event enrols in a first-answer automation, once.
    const answers = (
      await staff.post('/api/newsletter-automations', {
        name: 'Première réponse',
        trigger: 'first_rsvp',
        steps: [{ delayDays: 1, subject: 'À bientôt', body: 'Merci de venir.' }],
      })
    ).json() as Automation;
    const event = await organiser.browser.post(`/api/committees/${committeeId}/events`, {
      type: 'meeting',
      title: 'Réunion des Pentes',
      startsAt: new Date(Date.now() + 2 * DAY).toISOString(),
      endsAt: new Date(Date.now() + 2 * DAY + 3_600_000).toISOString(),
      place: { postalCode: '69001' },
    });
    expect(event.statusCode, event.body).toBe(201);
    const eventId = (event.json() as { id: number }).id;
    for (const guests of [0, 1]) {
      const answer = await late.browser.put(`/api/events/${eventId}/rsvp`, { guests });
      expect(answer.statusCode, answer.body).toBe(200);
    }
    expect(
      (await enrolmentsOf(late.personId)).filter((e) => Number(e.automation_id) === answers.id),
    ).toHaveLength(1);
    expect(await get(answers.id)).toMatchObject({ enrolled: 1, running: 1 });

    // Following after joining changes the rank, not the enrolment.
    await late.browser.put(`/api/committees/${committeeId}/membership`, { as: 'follower' });
    expect(
      (await enrolmentsOf(late.personId)).filter((e) => Number(e.automation_id) === automation.id),
    ).toHaveLength(1);

    // An edit keeps the step by its id (and its counts), adds one, refuses a stranger's id.
    const stepId = automation.steps[0]!.id;
    const edited = await staff.put(`/api/newsletter-automations/${automation.id}`, {
      name: 'Nouveaux membres',
      trigger: 'committee_joined',
      steps: [
        { id: stepId, delayDays: 0, subject: 'Bienvenue {prénom}', body: 'Merci.' },
        { delayDays: 2, subject: 'Deux jours', body: 'Et ensuite ?' },
      ],
    });
    expect(edited.statusCode, edited.body).toBe(200);
    const after = edited.json() as Automation;
    expect(after.steps.map((s) => [s.id === stepId, s.delayDays, s.counts.queued])).toEqual([
      [true, 0, 1],
      [false, 2, 0],
    ]);
    const stranger = await staff.put(`/api/newsletter-automations/${automation.id}`, {
      name: 'Nouveaux membres',
      trigger: 'committee_joined',
      steps: [{ id: welcome.steps[1]!.id, delayDays: 0, subject: 'x', body: 'y' }],
    });
    expect(stranger.statusCode).toBe(422);
    expect(stranger.json()).toMatchObject({ code: 'unknown_step' });
    expect((await get(automation.id)).steps).toHaveLength(2);
  });

  it('sends a saved step as a test to the staff member alone, transactional and audited; refuses others', async () => {
    const me = await staffBrowser(t, 'testeuse@staff.example', ['staff']);
    await inCampaign(`UPDATE people SET first_name = 'Zoé' WHERE campaign_id = $1 AND email = $2`, [
      'testeuse@staff.example',
    ]);
    const step = welcome.steps[0]!;
    const queuedBefore = (await get(welcome.id)).steps[0]!.counts.queued;
    const since = t.smtp.received.length;
    const sent = await me.post(`/api/newsletter-automations/${welcome.id}/steps/${step.id}/test`);
    expect(sent.statusCode, sent.body).toBe(200);
    expect(sent.json()).toEqual({ to: 'testeuse@staff.example' });
    // The step's own rendering, with the staff member's values, its subject marked.
    const mail = await t.smtp.waitFor(
      'testeuse@staff.example',
      (m) => m.subject === '[TEST] Bienvenue Zoé',
      10_000,
      since,
    );
    expect(mail.html).toContain('Bonjour <strong>Zoé</strong>');
    expect(mail.headers['list-unsubscribe-post']).toBe('List-Unsubscribe=One-Click');
    const [row] = await inCampaign<{ purpose: string; message_id: number | null }>(
      `SELECT purpose, message_id FROM mail_outbox
        WHERE campaign_id = $1 AND kind = 'newsletter_step_test' AND to_address = $2`,
      ['testeuse@staff.example'],
    );
    expect(row).toEqual({ purpose: 'transactional', message_id: null });
    // Not one of the step's mails: its counts stay.
    expect((await get(welcome.id)).steps[0]!.counts.queued).toBe(queuedBefore);
    const audited = await inCampaign<{ target: string; details: unknown }>(
      `SELECT target, details FROM audit_log
        WHERE campaign_id = $1 AND action = 'newsletter.automation.test'`,
    );
    expect(audited).toEqual([
      { target: `newsletter_automation:${welcome.id}`, details: { stepId: step.id } },
    ]);

    // A step of another automation, or none: 404; nothing queued.
    const other = ((await staff.get('/api/newsletter-automations')).json() as Automation[]).find(
      (a) => a.id !== welcome.id,
    )!;
    const path = (stepId: number) =>
      `/api/newsletter-automations/${welcome.id}/steps/${stepId}/test`;
    for (const stepId of [other.steps[0]!.id, 987654]) {
      const missing = await me.post(path(stepId));
      expect(missing.statusCode).toBe(404);
      expect(missing.headers['content-type']).toContain('application/problem+json');
    }
    // Without `messaging.send`: the finance officer, a supporter; nobody logged in.
    const finance = await staffBrowser(t, 'finance@series.example', ['finance']);
    expect((await finance.post(path(step.id))).statusCode).toBe(403);
    const reader = await supporterBrowser(t, 'lecteur@series.example');
    expect((await reader.browser.post(path(step.id))).statusCode).toBe(403);
    const anonymous = new Browser(t.app, '10.61.0.9');
    await anonymous.session();
    expect((await anonymous.post(path(step.id))).statusCode).toBe(401);
    const tests = await inCampaign<{ n: number }>(
      `SELECT count(*)::int AS n FROM mail_outbox
        WHERE campaign_id = $1 AND kind = 'newsletter_step_test'`,
    );
    expect(tests).toEqual([{ n: 1 }]);
  });
});

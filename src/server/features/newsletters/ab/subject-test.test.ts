import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Newsletter } from '../../../../contracts/newsletters.ts';
import {
  Browser,
  createTestApp,
  engines,
  staffBrowser,
  supporterBrowser,
  type TestApp,
} from '../../../testing/harness.ts';
import { recordDecisions, settleConsents } from '../../people/consents.ts';
import { releaseDueNewsletters } from '../send.ts';
import { chooseWinner, decideSubjectTest } from './decide.ts';

/** People of the tested audience: 40, all agreeing to email. */
const AUDIENCE = 40;

describe('choosing a subject test’s winner', () => {
  const figures = (tracked: number, opened: number, clicked: number) => ({
    recipients: 10,
    sent: 10,
    tracked,
    opened,
    clicked,
  });

  it('takes the higher rate among the tracked, comparing whole numbers', () => {
    // 1 in 3 against 2 in 7: 33.3 % beats 28.6 %.
    expect(chooseWinner({ a: figures(3, 1, 0), b: figures(7, 2, 0) }, 'opens')).toEqual({
      winner: 'a',
      reason: 'higher_rate',
    });
    expect(chooseWinner({ a: figures(4, 1, 0), b: figures(2, 1, 0) }, 'opens')).toEqual({
      winner: 'b',
      reason: 'higher_rate',
    });
    // The measure chosen decides: A opened more, B clicked more.
    const split = { a: figures(2, 2, 0), b: figures(2, 1, 1) };
    expect(chooseWinner(split, 'opens').winner).toBe('a');
    expect(chooseWinner(split, 'clicks')).toEqual({ winner: 'b', reason: 'higher_rate' });
  });

  it('gives A on a tie and when a variant has nobody tracked', () => {
    expect(chooseWinner({ a: figures(2, 1, 0), b: figures(4, 2, 0) }, 'opens')).toEqual({
      winner: 'a',
      reason: 'tie',
    });
    expect(chooseWinner({ a: figures(0, 0, 0), b: figures(0, 0, 0) }, 'opens')).toEqual({
      winner: 'a',
      reason: 'no_tracking',
    });
    expect(chooseWinner({ a: figures(0, 0, 0), b: figures(3, 3, 3) }, 'clicks')).toEqual({
      winner: 'a',
      reason: 'no_tracking',
    });
  });
});

describe.each(engines)('a newsletter’s subject test (%s)', (engine) => {
  let t: TestApp;
  let staff: Browser;
  let staffId: number;
  let segmentId: number;
  let people: Array<{ id: number; email: string; firstName: string }>;

  const query = <T>(text: string, values: unknown[] = []) =>
    t.ctx.database.query<T & Record<string, unknown>>(text, values);

  /** A subject of the newsletter `name`, its placeholder left or filled: "[name] B pour …". */
  const subjectOf = (name: string, variant: 'a' | 'b', firstName = '{prénom}') =>
    `[${name}] ${variant.toUpperCase()} pour ${firstName}`;

  /** A draft to the 40, with a subject test (its defaults, and `test`) unless `test` is null. */
  const create = async (name: string, test: Record<string, unknown> | null = {}) => {
    const created = await staff.post('/api/newsletters', {
      name,
      subject: subjectOf(name, 'a'),
      body: 'Bonjour {prénom}.',
      segmentId,
      subjectTest: test && { subjectB: subjectOf(name, 'b'), ...test },
    });
    expect(created.statusCode, created.body).toBe(201);
    return created.json() as Newsletter;
  };

  const get = async (id: number) =>
    (await staff.get(`/api/newsletters/${id}`)).json() as Newsletter;

  /** Created and sent now: its sample queued, the newsletter testing. */
  const started = async (name: string, test: Record<string, unknown> = {}) => {
    const letter = await create(name, test);
    const now = await staff.post(`/api/newsletters/${letter.id}/schedule`, { at: null });
    expect(now.statusCode, now.body).toBe(200);
    expect(now.json()).toMatchObject({ status: 'testing' });
    return now.json() as Newsletter;
  };

  const sample = (id: number) =>
    query<{ person_id: number; variant: 'a' | 'b'; mail_id: number }>(
      `SELECT person_id, variant, mail_id FROM newsletter_variants
        WHERE campaign_id = $1 AND newsletter_id = $2 ORDER BY person_id`,
      [t.ctx.campaignId, id],
    );

  /** The newsletter's mails: per person, how many, and the variants their payloads carry. */
  const mails = (id: number) =>
    query<{ person_id: number; variant: string | null; n: number }>(
      `SELECT person_id, payload->>'variant' AS variant, count(*)::int AS n FROM mail_outbox
        WHERE campaign_id = $1 AND kind = 'newsletter' AND message_id = $2
        GROUP BY person_id, payload->>'variant' ORDER BY person_id`,
      [t.ctx.campaignId, id],
    );

  /** Simulates a tracked recipient: their row, with opens or clicks or neither. */
  const engage = async (id: number, personId: number, opens: number, clicks: number) => {
    await query(
      `INSERT INTO newsletter_engagements (campaign_id, newsletter_id, person_id, opened_at, opens, clicked_at, clicks)
       VALUES ($1, $2, $3, CASE WHEN $4::int > 0 THEN now() END, $4, CASE WHEN $5::int > 0 THEN now() END, $5)`,
      [t.ctx.campaignId, id, personId, opens, clicks],
    );
  };

  /** Tracks `tracked` people of a variant, the first `opened` of them opening, `clicked` clicking. */
  const track = async (
    id: number,
    variant: 'a' | 'b',
    tracked: number,
    opened: number,
    clicked = 0,
  ) => {
    const members = (await sample(id)).filter((row) => row.variant === variant);
    expect(members.length).toBeGreaterThanOrEqual(tracked);
    for (const [i, member] of members.slice(0, tracked).entries()) {
      await engage(id, Number(member.person_id), i < opened ? 1 : 0, i < clicked ? 1 : 0);
    }
  };

  /** The wait is over, as if its hours had passed. */
  const waitOver = (id: number) =>
    query(
      `UPDATE newsletter_subject_tests SET decide_at = now() - interval '1 minute'
        WHERE campaign_id = $1 AND newsletter_id = $2`,
      [t.ctx.campaignId, id],
    );

  /**
   * Every person of `among` (all 40 by default) had one mail of the newsletter queued, the
   * sample's with their variant and the rest's with the winner; once sent, each received one,
   * with that subject.
   */
  const expectOnceEach = async (letter: Newsletter, winner: 'a' | 'b', among = people) => {
    const rows = await mails(letter.id);
    expect(rows.map((row) => Number(row.person_id))).toEqual(among.map((p) => p.id));
    expect(rows.every((row) => row.n === 1)).toBe(true);
    const inSample = new Map(
      (await sample(letter.id)).map((row) => [Number(row.person_id), row.variant]),
    );
    const variantOf = (personId: number) => inSample.get(personId) ?? winner;
    // A payload is blanked once its mail is sent: those still waiting say their variant.
    for (const row of rows.filter((r) => r.variant !== null)) {
      expect(row.variant).toBe(variantOf(Number(row.person_id)));
    }
    const prefix = `[${letter.name}]`;
    await Promise.all(
      among.map((p) => t.smtp.waitFor(p.email, (m) => m.subject.startsWith(prefix), 20_000)),
    );
    for (const person of among) {
      const theirs = t.smtp.received.filter(
        (m) => m.to === person.email && m.subject.startsWith(prefix),
      );
      expect(theirs.map((m) => m.subject)).toEqual([
        subjectOf(letter.name, variantOf(person.id), person.firstName),
      ]);
    }
  };

  beforeAll(async () => {
    t = await createTestApp(engine);
    staff = await staffBrowser(t, 'essais@staff.example', ['staff']);
    const [me] = await query<{ id: number }>(
      `SELECT id FROM people WHERE campaign_id = $1 AND email_normalized = 'essais@staff.example'`,
      [t.ctx.campaignId],
    );
    staffId = Number(me!.id);
    await query(
      `INSERT INTO people (campaign_id, email, email_normalized, first_name, last_name, source,
                           recruit_code, search_text, confirmed_at, consent_email)
       SELECT $1, 'verger' || g || '@pommeraie.example', 'verger' || g || '@pommeraie.example',
              'Reinette' || g, 'Pommeraie', 'import', 'pommeraie-' || g, 'reinette pommeraie', now(), true
         FROM generate_series(1, $2::int) g`,
      [t.ctx.campaignId, AUDIENCE],
    );
    people = (
      await query<{ id: number; email: string; first_name: string }>(
        `SELECT id, email, first_name FROM people WHERE campaign_id = $1 AND last_name = 'Pommeraie'
          ORDER BY id`,
        [t.ctx.campaignId],
      )
    ).map((row) => ({ id: Number(row.id), email: row.email, firstName: row.first_name }));
    await query(
      `INSERT INTO consent_events (campaign_id, person_id, channel, granted, source, wording_version)
       SELECT campaign_id, id, 'email', true, 'import', 'v1' FROM people
        WHERE campaign_id = $1 AND last_name = 'Pommeraie'`,
      [t.ctx.campaignId],
    );
    await t.ctx.database.transaction((q) =>
      settleConsents(
        q,
        t.ctx.campaignId,
        people.map((p) => p.id),
      ),
    );
    const segment = await staff.post('/api/segments', {
      name: 'Le verger',
      filter: { q: 'pommeraie' },
    });
    expect(segment.statusCode, segment.body).toBe(200);
    segmentId = (segment.json() as { id: number }).id;
  }, 120_000);
  afterAll(() => t?.close());

  it('refuses a subject test out of bounds or the same as A, keeping nothing; edits it while editable', async () => {
    const base = { name: 'Lettre refusée', subject: 'Même objet', body: 'Texte', segmentId };
    const refused = async (subjectTest: Record<string, unknown>, field: string, code: string) => {
      const answer = await staff.post('/api/newsletters', { ...base, subjectTest });
      expect(answer.statusCode, answer.body).toBe(400);
      expect(answer.headers['content-type']).toContain('application/problem+json');
      const problem = answer.json() as { code: string; errors: Array<{ field: string }> };
      expect(problem.code).toBe('validation_failed');
      expect(problem.errors).toContainEqual(expect.objectContaining({ field, code }));
    };
    await refused({ subjectB: 'Même objet' }, 'subjectTest.subjectB', 'same_as_subject');
    await refused({ subjectB: ' Même objet ' }, 'subjectTest.subjectB', 'same_as_subject');
    await refused({ subjectB: '' }, 'subjectTest.subjectB', 'required');
    await refused({ subjectB: 'B', samplePercent: 9 }, 'subjectTest.samplePercent', 'out_of_range');
    await refused(
      { subjectB: 'B', samplePercent: 51 },
      'subjectTest.samplePercent',
      'out_of_range',
    );
    await refused(
      { subjectB: 'B', samplePercent: 12.5 },
      'subjectTest.samplePercent',
      'whole_number',
    );
    await refused({ subjectB: 'B', waitHours: 0 }, 'subjectTest.waitHours', 'out_of_range');
    await refused({ subjectB: 'B', waitHours: 73 }, 'subjectTest.waitHours', 'out_of_range');
    await refused({ subjectB: 'B', metric: 'replies' }, 'subjectTest.metric', 'invalid_value');
    await refused({ subjectB: 'B', winner: 'a' }, 'subjectTest', 'unrecognized_keys');
    const all = (await staff.get('/api/newsletters')).json() as Newsletter[];
    expect(all.filter((n) => n.name === base.name)).toEqual([]);

    // The defaults: a fifth of the recipients, 4 hours, opens.
    const letter = await create('Lettre modifiée');
    expect(letter.subjectTest).toMatchObject({
      subjectB: subjectOf('Lettre modifiée', 'b'),
      samplePercent: 20,
      waitHours: 4,
      metric: 'opens',
      eligible: null,
      decideAt: null,
      winner: null,
      decidedOn: null,
    });
    // Changed, taken off, then set again while a draft or scheduled.
    const edit = (subjectTest: unknown, subject = subjectOf('Lettre modifiée', 'a')) =>
      staff.request('PUT', `/api/newsletters/${letter.id}`, {
        name: 'Lettre modifiée',
        subject,
        body: 'Bonjour {prénom}.',
        segmentId,
        subjectTest,
      });
    const changed = await edit({
      subjectB: 'Autre B',
      samplePercent: 50,
      waitHours: 72,
      metric: 'clicks',
    });
    expect((changed.json() as Newsletter).subjectTest).toMatchObject({
      subjectB: 'Autre B',
      samplePercent: 50,
      waitHours: 72,
      metric: 'clicks',
    });
    expect(((await edit(null)).json() as Newsletter).subjectTest).toBeNull();
    const later = new Date(Date.now() + 3_600_000).toISOString();
    await staff.post(`/api/newsletters/${letter.id}/schedule`, { at: later });
    const rescheduled = (await edit({ subjectB: 'B programmé' })).json() as Newsletter;
    expect(rescheduled).toMatchObject({
      status: 'scheduled',
      subjectTest: { subjectB: 'B programmé' },
    });
    // Subject A changed to B's is refused too.
    const same = await edit({ subjectB: 'B programmé' }, 'B programmé');
    expect(same.statusCode).toBe(400);
    expect(same.json()).toMatchObject({ code: 'validation_failed' });
    // A draft deleted takes its test with it.
    await staff.post(`/api/newsletters/${letter.id}/cancel`, {});
    expect((await staff.delete(`/api/newsletters/${letter.id}`)).statusCode).toBe(200);
    const [left] = await query<{ n: number }>(
      `SELECT count(*)::int AS n FROM newsletter_subject_tests
        WHERE campaign_id = $1 AND newsletter_id = $2`,
      [t.ctx.campaignId, letter.id],
    );
    expect(left!.n).toBe(0);
  });

  it('sends the writer a test of each subject', async () => {
    const letter = await create('Lettre en test');
    const since = t.smtp.received.length;
    expect((await staff.post(`/api/newsletters/${letter.id}/test`, {})).statusCode).toBe(200);
    for (const variant of ['a', 'b'] as const) {
      const mail = await t.smtp.waitFor(
        'essais@staff.example',
        (m) => m.subject.includes(subjectOf(letter.name, variant, '').trim()),
        10_000,
        since,
      );
      expect(mail.subject.startsWith('[TEST]')).toBe(true);
    }
  });

  it('sends only the sample, split evenly, disjoint and reproducible, each with its own subject', async () => {
    const letter = await started('Lettre échantillon');
    // A fifth of 40: 8, four each.
    expect(letter.counts.recipients).toBe(8);
    expect(letter.subjectTest).toMatchObject({ eligible: AUDIENCE, winner: null });
    expect(Date.parse(letter.subjectTest!.decideAt!) - Date.parse(letter.startedAt!)).toBe(
      4 * 3_600_000,
    );
    const drawn = await sample(letter.id);
    expect(drawn.filter((row) => row.variant === 'a')).toHaveLength(4);
    expect(drawn.filter((row) => row.variant === 'b')).toHaveLength(4);
    expect(new Set(drawn.map((row) => Number(row.person_id))).size).toBe(8);
    // The first eight of the audience in the order of md5(newsletter:person), A and B in turn.
    const order = await query<{ id: number }>(
      `SELECT id FROM people WHERE campaign_id = $1 AND last_name = 'Pommeraie'
        ORDER BY md5($2::text || ':' || id::text), id LIMIT 8`,
      [t.ctx.campaignId, letter.id],
    );
    const byPerson = new Map(drawn.map((row) => [Number(row.person_id), row.variant]));
    expect(order.map((row) => byPerson.get(Number(row.id)))).toEqual([
      'a',
      'b',
      'a',
      'b',
      'a',
      'b',
      'a',
      'b',
    ]);
    // Each mail is the one recorded (its variant said by the subject it arrives with).
    const queued = await query<{ id: number; person_id: number }>(
      `SELECT id, person_id FROM mail_outbox
        WHERE campaign_id = $1 AND kind = 'newsletter' AND message_id = $2 ORDER BY person_id`,
      [t.ctx.campaignId, letter.id],
    );
    expect(queued.map((row) => [Number(row.person_id), Number(row.id)])).toEqual(
      drawn.map((row) => [Number(row.person_id), Number(row.mail_id)]),
    );
    const inSample = people.filter((p) => byPerson.has(p.id));
    await expectOnceEach(letter, 'a', inSample);
    await expect.poll(async () => (await get(letter.id)).subjectTest!.variants.b.sent).toBe(4);
    expect((await get(letter.id)).subjectTest!.variants).toEqual({
      a: { recipients: 4, sent: 4, tracked: 0, opened: 0, clicked: 0 },
      b: { recipients: 4, sent: 4, tracked: 0, opened: 0, clicked: 0 },
    });
    const prefix = `[${letter.name}]`;
    const others = people.filter((p) => !byPerson.has(p.id)).map((p) => p.email);
    expect(
      t.smtp.received.filter((m) => others.includes(m.to) && m.subject.startsWith(prefix)),
    ).toEqual([]);
    // Tracked recipients and their opens and clicks show per variant.
    await track(letter.id, 'a', 3, 2, 1);
    expect((await get(letter.id)).subjectTest!.variants.a).toEqual({
      recipients: 4,
      sent: 4,
      tracked: 3,
      opened: 2,
      clicked: 1,
    });
    // Once sending, the test can no longer change.
    const edit = await staff.request('PUT', `/api/newsletters/${letter.id}`, {
      name: 'Autre nom',
      subject: 'A',
      body: 'B',
      segmentId,
      subjectTest: null,
    });
    expect(edit.statusCode).toBe(409);
    expect(edit.json()).toMatchObject({ code: 'newsletter_not_editable' });
  });

  it('decides by opens once the wait is over, and queues the rest once with the winner', async () => {
    const letter = await started('Lettre aux ouvertures');
    // B: 2 of 2 tracked opened; A: 1 of 4.
    await track(letter.id, 'a', 4, 1);
    await track(letter.id, 'b', 2, 2);
    // Not due yet: the round leaves it.
    await releaseDueNewsletters(t.ctx);
    expect((await get(letter.id)).status).toBe('testing');
    expect(await mails(letter.id)).toHaveLength(8);

    // One of the rest withdrew their consent meanwhile: they are not queued.
    const drawn = new Set((await sample(letter.id)).map((row) => Number(row.person_id)));
    const leaving = people.find((p) => !drawn.has(p.id))!;
    const consent = (granted: boolean) =>
      t.ctx.database.transaction((q) =>
        recordDecisions(q, t.ctx.campaignId, leaving.id, [
          { channel: 'email', granted, source: 'supporter_space', wordingVersion: 'v1' },
        ]),
      );
    await consent(false);

    await waitOver(letter.id);
    // Two rounds at once, then a third: decided and queued once.
    await Promise.all([releaseDueNewsletters(t.ctx), releaseDueNewsletters(t.ctx)]);
    await releaseDueNewsletters(t.ctx);
    expect(await decideSubjectTest(t.ctx, letter.id, null)).toBe(false);
    await consent(true);
    const decided = await get(letter.id);
    expect(decided).toMatchObject({ status: 'sending', counts: { recipients: AUDIENCE - 1 } });
    expect(decided.subjectTest).toMatchObject({
      winner: 'b',
      reason: 'higher_rate',
      decidedOn: { a: { tracked: 4, opened: 1 }, b: { tracked: 2, opened: 2 } },
    });
    expect(decided.subjectTest!.decidedAt).not.toBeNull();
    await expectOnceEach(
      decided,
      'b',
      people.filter((p) => p.id !== leaving.id),
    );
    const audits = await query<{ action: string; actor_id: number | null; details: unknown }>(
      `SELECT action, actor_id, details FROM audit_log WHERE campaign_id = $1 AND target = $2
          AND action LIKE 'newsletter.subject_test.%'`,
      [t.ctx.campaignId, `newsletter:${letter.id}`],
    );
    expect(audits).toEqual([
      expect.objectContaining({
        action: 'newsletter.subject_test.decide',
        actor_id: null,
        details: expect.objectContaining({ winner: 'b', reason: 'higher_rate', queued: 31 }),
      }),
    ]);
    await expect
      .poll(
        async () => {
          await releaseDueNewsletters(t.ctx);
          return (await get(letter.id)).status;
        },
        { timeout: 20_000 },
      )
      .toBe('sent');
  });

  it('decides by clicks when the test measures clicks', async () => {
    const letter = await started('Lettre aux clics', { metric: 'clicks' });
    // A: both opened, nobody clicked; B: one opened by clicking.
    await track(letter.id, 'a', 2, 2, 0);
    await track(letter.id, 'b', 2, 0, 1);
    await waitOver(letter.id);
    await releaseDueNewsletters(t.ctx);
    const decided = await get(letter.id);
    expect(decided.subjectTest).toMatchObject({
      winner: 'b',
      reason: 'higher_rate',
      decidedOn: { a: { opened: 2, clicked: 0 }, b: { opened: 1, clicked: 1 } },
    });
    await expectOnceEach(decided, 'b');
  });

  it('gives A, saying why, on a tie and when nobody in a variant was tracked', async () => {
    const tie = await started('Lettre à égalité');
    await track(tie.id, 'a', 2, 1);
    await track(tie.id, 'b', 4, 2);
    const untracked = await started('Lettre sans mesure');
    const half = await started('Lettre à moitié mesurée');
    await track(half.id, 'b', 3, 3);
    for (const letter of [tie, untracked, half]) await waitOver(letter.id);
    expect(await releaseDueNewsletters(t.ctx)).toBe(0);
    expect((await get(tie.id)).subjectTest).toMatchObject({ winner: 'a', reason: 'tie' });
    expect((await get(untracked.id)).subjectTest).toMatchObject({
      winner: 'a',
      reason: 'no_tracking',
      decidedOn: { a: { tracked: 0 }, b: { tracked: 0 } },
    });
    expect((await get(half.id)).subjectTest).toMatchObject({
      winner: 'a',
      reason: 'no_tracking',
      decidedOn: { a: { tracked: 0 }, b: { tracked: 3, opened: 3 } },
    });
    for (const letter of [tie, untracked, half]) await expectOnceEach(letter, 'a');
  });

  it('lets staff pick the winner by hand, audited, once; refuses others and other states', async () => {
    const letter = await started('Lettre au choix');
    const path = `/api/newsletters/${letter.id}/subject-test/winner`;
    const supporter = await supporterBrowser(t, 'curieux@ailleurs.example');
    expect((await supporter.browser.post(path, { variant: 'b' })).statusCode).toBe(403);
    const finance = await staffBrowser(t, 'tresorier@staff.example', ['finance']);
    expect((await finance.post(path, { variant: 'b' })).statusCode).toBe(403);
    const bad = await staff.post(path, { variant: 'c' });
    expect(bad.statusCode).toBe(400);
    expect(bad.json()).toMatchObject({ code: 'validation_failed' });
    expect((await get(letter.id)).status).toBe('testing');

    const picked = await staff.post(path, { variant: 'b' });
    expect(picked.statusCode, picked.body).toBe(200);
    expect(picked.json()).toMatchObject({
      status: 'sending',
      subjectTest: { winner: 'b', reason: 'manual' },
      counts: { recipients: AUDIENCE },
    });
    const again = await staff.post(path, { variant: 'a' });
    expect(again.statusCode).toBe(409);
    expect(again.json()).toMatchObject({ code: 'subject_test_not_running' });
    await waitOver(letter.id);
    await releaseDueNewsletters(t.ctx);
    await expectOnceEach(letter, 'b');
    const audits = await query<{ action: string; actor_id: number }>(
      `SELECT action, actor_id FROM audit_log WHERE campaign_id = $1 AND target = $2
          AND action LIKE 'newsletter.subject_test.%'`,
      [t.ctx.campaignId, `newsletter:${letter.id}`],
    );
    expect(audits.map((row) => [row.action, Number(row.actor_id)])).toEqual([
      ['newsletter.subject_test.pick', staffId],
    ]);

    // A draft, a newsletter without a test, an unknown one.
    const pick = (id: number) =>
      staff.post(`/api/newsletters/${id}/subject-test/winner`, { variant: 'a' });
    const draft = await create('Lettre brouillon');
    expect((await pick(draft.id)).json()).toMatchObject({ code: 'subject_test_not_running' });
    const plain = await create('Lettre simple', null);
    await staff.post(`/api/newsletters/${plain.id}/schedule`, { at: null });
    expect((await get(plain.id)).status).toBe('sending');
    expect((await pick(plain.id)).statusCode).toBe(409);
    expect((await pick(987654)).statusCode).toBe(404);
  });

  it('loses and duplicates nobody when the decision fails before its rest is queued', async () => {
    const letter = await started('Lettre interrompue');
    await track(letter.id, 'a', 1, 0);
    await track(letter.id, 'b', 1, 1);
    await waitOver(letter.id);
    // The rest's first mail fails to be written, as a process lost in the middle would.
    await t.ctx.database.exec(`
      CREATE FUNCTION ab_test_crash() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        IF NEW.message_id = ${letter.id} AND NOT EXISTS (
             SELECT 1 FROM newsletter_variants v WHERE v.campaign_id = NEW.campaign_id
                AND v.newsletter_id = NEW.message_id AND v.person_id = NEW.person_id) THEN
          RAISE EXCEPTION 'simulated crash';
        END IF;
        RETURN NEW;
      END $$;
      CREATE TRIGGER ab_test_crash BEFORE INSERT ON mail_outbox
        FOR EACH ROW EXECUTE FUNCTION ab_test_crash();`);
    try {
      await expect(releaseDueNewsletters(t.ctx)).rejects.toThrow(/subject test decision/);
      await expect(decideSubjectTest(t.ctx, letter.id, null)).rejects.toThrow(/simulated crash/);
    } finally {
      await t.ctx.database.exec(
        'DROP TRIGGER ab_test_crash ON mail_outbox; DROP FUNCTION ab_test_crash();',
      );
    }
    // Nothing of the decision stayed: still testing, no winner, no audit, only the sample.
    const failed = await get(letter.id);
    expect(failed).toMatchObject({ status: 'testing', counts: { recipients: 8 } });
    expect(failed.subjectTest).toMatchObject({ winner: null, decidedAt: null, decidedOn: null });
    expect(await mails(letter.id)).toHaveLength(8);
    const [audited] = await query<{ n: number }>(
      `SELECT count(*)::int AS n FROM audit_log WHERE campaign_id = $1 AND target = $2
          AND action LIKE 'newsletter.subject_test.%'`,
      [t.ctx.campaignId, `newsletter:${letter.id}`],
    );
    expect(audited!.n).toBe(0);

    // The next round decides it, once.
    await releaseDueNewsletters(t.ctx);
    await releaseDueNewsletters(t.ctx);
    const decided = await get(letter.id);
    expect(decided.subjectTest).toMatchObject({ winner: 'b' });
    await expectOnceEach(decided, 'b');
  });

  it('stops a test being sent: its sample’s mails waiting and the rest never go', async () => {
    const letter = await started('Lettre arrêtée');
    await query(
      `UPDATE mail_outbox SET next_attempt_at = now() + interval '1 hour'
        WHERE campaign_id = $1 AND kind = 'newsletter' AND message_id = $2 AND status = 'pending'`,
      [t.ctx.campaignId, letter.id],
    );
    const stopped = await staff.post(`/api/newsletters/${letter.id}/cancel`, {});
    expect(stopped.statusCode, stopped.body).toBe(200);
    expect(stopped.json()).toMatchObject({ status: 'canceled' });
    await waitOver(letter.id);
    await releaseDueNewsletters(t.ctx);
    expect(await mails(letter.id)).toHaveLength(8);
    expect((await get(letter.id)).subjectTest).toMatchObject({ winner: null });
    const pick = await staff.post(`/api/newsletters/${letter.id}/subject-test/winner`, {
      variant: 'a',
    });
    expect(pick.statusCode).toBe(409);
  });
});

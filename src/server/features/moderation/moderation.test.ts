import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Committee } from '../../../contracts/committees.ts';
import {
  Browser,
  createTestApp,
  engines,
  staffBrowser,
  supporterBrowser,
  type TestApp,
} from '../../testing/harness.ts';

interface Problem {
  code: string;
}
interface Queue {
  items: Array<{
    target: { kind: string; id: number; title: string; authorId: number | null };
    reporters: number;
    reasons: Array<{ reason: string; count: number }>;
    texts: string[];
  }>;
  total: number;
}

const NAMES = ['Alice', 'Basile', 'Coralie', 'Damien', 'Estelle', 'Fabien', 'Gisèle', 'Henri'];

describe.each(engines)('moderation on %s', (engine) => {
  let t: TestApp;
  let moderator: Browser;
  let n = 0;

  const supporter = () => {
    n += 1;
    return supporterBrowser(t, `person-${n}@moderation.example`, {
      firstName: NAMES[n % NAMES.length],
    });
  };
  const createCommittee = async (browser: Browser, name: string) => {
    const response = await browser.post('/api/committees', {
      name,
      place: { postalCode: '69001' },
    });
    if (response.statusCode !== 201) throw new Error(response.body);
    return response.json() as Committee;
  };
  const reportIt = (browser: Browser, targetId: number, reason = 'spam', text = '') =>
    browser.post('/api/reports', { targetKind: 'committee', targetId, reason, text });

  beforeAll(async () => {
    t = await createTestApp(engine);
    moderator = await staffBrowser(t, 'moderator@moderation.example', ['moderator']);
  });
  afterAll(async () => {
    await t?.close();
  });

  it('queues reports grouped by target with their reporters, oldest first', async () => {
    const author = await supporter();
    const older = await createCommittee(author.browser, 'Comité signalé en premier');
    const newer = await createCommittee(author.browser, 'Comité signalé ensuite');
    const a = await supporter();
    const b = await supporter();
    const visitor = new Browser(t.app, '10.30.200.1');
    await visitor.session();
    expect((await reportIt(a.browser, older.id, 'hate', 'Propos haineux')).statusCode).toBe(201);
    expect((await reportIt(a.browser, older.id, 'spam')).statusCode).toBe(201); // counted once
    expect((await reportIt(b.browser, older.id, 'hate')).statusCode).toBe(201);
    expect((await reportIt(visitor, older.id, 'other', 'Faux comité')).statusCode).toBe(201);
    expect((await reportIt(b.browser, newer.id, 'spam')).statusCode).toBe(201);

    const queue = (await moderator.get('/api/moderation/queue')).json() as Queue;
    expect(queue.items.map((i) => i.target.title)).toEqual([
      'Comité signalé en premier',
      'Comité signalé ensuite',
    ]);
    expect(queue.items[0]).toMatchObject({
      target: { kind: 'committee', id: older.id, authorId: author.personId },
      reporters: 3,
      reasons: [
        { reason: 'hate', count: 2 },
        { reason: 'other', count: 1 },
      ],
    });
    expect(queue.items[0]!.texts.sort()).toEqual(['Faux comité', 'Propos haineux']);
  });

  it('refuses a report of nothing public, and bad input, changing nothing', async () => {
    const visitor = new Browser(t.app, '10.30.200.2');
    await visitor.session();
    const before = (await moderator.get('/api/moderation/queue')).json() as Queue;
    expect((await reportIt(visitor, 999_999)).statusCode).toBe(404);
    const badKind = await visitor.post('/api/reports', {
      targetKind: 'person',
      targetId: 1,
      reason: 'spam',
    });
    expect((badKind.json() as Problem).code).toBe('validation_failed');
    const long = await reportIt(visitor, before.items[0]!.target.id, 'spam', 'x'.repeat(2_001));
    expect((long.json() as Problem).code).toBe('validation_failed');
    expect(((await moderator.get('/api/moderation/queue')).json() as Queue).total).toBe(
      before.total,
    );
  });

  it('unpublishes a committee: gone from search and its page, reports upheld, organisers told why', async () => {
    const author = await supporter();
    const committee = await createCommittee(author.browser, 'Comité à dépublier');
    const reporter = await supporter();
    await reportIt(reporter.browser, committee.id, 'misinformation');
    const noReason = await moderator.post('/api/moderation/decisions', {
      targetKind: 'committee',
      targetId: committee.id,
      action: 'unpublish',
    });
    expect((noReason.json() as Problem).code).toBe('message_required');

    const since = t.smtp.received.length;
    const decided = await moderator.post('/api/moderation/decisions', {
      targetKind: 'committee',
      targetId: committee.id,
      action: 'unpublish',
      message: 'Fausses informations sur le scrutin.',
    });
    expect(decided.statusCode, decided.body).toBe(201);
    expect(decided.json()).toMatchObject({ action: 'unpublish', reportsClosed: 1 });
    const anonymous = new Browser(t.app, '10.30.200.3');
    expect((await anonymous.get(`/api/committees/${committee.id}`)).statusCode).toBe(404);
    const search = (await anonymous.get('/api/committees?q=dépublier')).json();
    expect(search.items).toEqual([]);
    const queue = (await moderator.get('/api/moderation/queue')).json() as Queue;
    expect(queue.items.map((i) => i.target.id)).not.toContain(committee.id);
    const mail = await t.smtp.waitFor(
      author.email,
      (m) => /Mod[ée]ration/.test(m.subject),
      10_000,
      since,
    );
    expect(mail.text).toContain('Fausses informations sur le scrutin.');
    const audited = await t.ctx.database.query(
      "SELECT 1 FROM audit_log WHERE campaign_id = $1 AND action = 'moderation.unpublish' AND target = $2",
      [t.ctx.campaignId, `committee:${committee.id}`],
    );
    expect(audited).toHaveLength(1);

    const restored = await moderator.post('/api/moderation/decisions', {
      targetKind: 'committee',
      targetId: committee.id,
      action: 'restore',
      message: 'Corrigé.',
    });
    expect(restored.statusCode).toBe(201);
    expect((await anonymous.get(`/api/committees/${committee.id}`)).statusCode).toBe(200);
  });

  it('suspends a repeat offender by the rules, until a moderator lifts it', async () => {
    await moderator.put('/api/moderation/rules', {
      rules: [{ upheld: 2, withinDays: 30, suspendDays: 30 }],
    });
    const author = await supporter();
    const first = await createCommittee(author.browser, 'Premier écart');
    const second = await createCommittee(author.browser, 'Second écart');
    const decide = (id: number) =>
      moderator.post('/api/moderation/decisions', {
        targetKind: 'committee',
        targetId: id,
        action: 'ask_fix',
        message: 'Retirez les insultes.',
      });
    expect((await decide(first.id)).json().suspendedUntil).toBeNull();
    const suspended = (await decide(second.id)).json();
    expect(Date.parse(suspended.suspendedUntil)).toBeGreaterThan(Date.now() + 29 * 86_400_000);

    const refused = await author.browser.post('/api/committees', {
      name: 'Encore un',
      place: { postalCode: '69001' },
    });
    expect(refused.statusCode).toBe(403);
    expect((refused.json() as Problem).code).toBe('posting_suspended');
    const sanctions = (await moderator.get('/api/moderation/sanctions')).json() as Array<{
      id: number;
      personId: number;
      kind: string;
    }>;
    const sanction = sanctions.find((s) => s.personId === author.personId)!;
    expect(sanction.kind).toBe('suspension');
    expect((await moderator.delete(`/api/moderation/sanctions/${sanction.id}`)).statusCode).toBe(
      200,
    );
    await moderator.put('/api/moderation/rules', { rules: [] });
    // ask_fix left its committees published, and he leads two: close one to make room.
    await moderator.post('/api/moderation/decisions', {
      targetKind: 'committee',
      targetId: first.id,
      action: 'close',
      message: 'Fermé.',
    });
    expect(
      (
        await author.browser.post('/api/committees', {
          name: 'Encore un',
          place: { postalCode: '69001' },
        })
      ).statusCode,
    ).toBe(201);
  });

  it('bans an author: everything they posted is hidden at once and they can post nothing', async () => {
    const author = await supporter();
    const one = await createCommittee(author.browser, 'Comité du banni un');
    const two = await createCommittee(author.browser, 'Comité du banni deux');
    const anonymous = new Browser(t.app, '10.30.200.4');
    const banned = await moderator.post('/api/moderation/decisions', {
      targetKind: 'committee',
      targetId: one.id,
      action: 'ban',
      message: 'Usurpation de l’identité de la campagne.',
    });
    expect(banned.statusCode, banned.body).toBe(201);
    expect((await anonymous.get(`/api/committees/${one.id}`)).statusCode).toBe(404);
    expect((await anonymous.get(`/api/committees/${two.id}`)).statusCode).toBe(404);
    const refused = await author.browser.post('/api/committees', {
      name: 'Retour',
      place: { postalCode: '69001' },
    });
    expect((refused.json() as Problem).code).toBe('posting_banned');
    const audited = await t.ctx.database.query<{ details: { hidden: number } }>(
      "SELECT details FROM audit_log WHERE campaign_id = $1 AND action = 'moderation.ban' AND target = $2",
      [t.ctx.campaignId, `committee:${one.id}`],
    );
    expect(audited[0]!.details.hidden).toBe(2);
  });
});

import type { LightMyRequestResponse } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { CallerId } from '../../../../contracts/calling-media.ts';
import {
  createCampaignApp,
  createTestApp,
  engines,
  staffBrowser,
  supporterBrowser,
  type Browser,
  type TestApp,
} from '../../../testing/harness.ts';

const problemOf = (response: LightMyRequestResponse) => ({
  status: response.statusCode,
  code: (response.json() as { code?: string }).code,
});

function expectStatus<T>(response: LightMyRequestResponse, status: number): T {
  if (response.statusCode !== status) {
    throw new Error(`expected ${status}, got ${response.statusCode}: ${response.body}`);
  }
  return response.json() as T;
}

const METROPOLITAN = [
  '0162',
  '0163',
  '0270',
  '0271',
  '0377',
  '0378',
  '0424',
  '0425',
  '0568',
  '0569',
  '0948',
  '0949',
];
/** Overseas ranges and the country code of the territories each serves. */
const OVERSEAS = [
  ['09475', '590'],
  ['09476', '594'],
  ['09477', '596'],
  ['09478', '262'],
  ['09479', '262'],
] as const;

/** A national number of ten digits in a range: the prefix, then digits after it. */
const inRange = (prefix: string, tail: number) =>
  `${prefix}${String(tail).padStart(10 - prefix.length, '0')}`;
const e164Of = (national: string, countryCode = '33') => `+${countryCode}${national.slice(1)}`;

describe.each(engines)('caller IDs over HTTP (%s)', (engine) => {
  let t: TestApp;
  let staff: Browser;
  let staffId: number;

  const add = (e164: string, label?: string | null) =>
    staff.post('/api/calling/caller-ids', { e164, ...(label === undefined ? {} : { label }) });
  const added = async (e164: string, label?: string) =>
    expectStatus<CallerId>(await add(e164, label), 201);
  const listed = async () =>
    expectStatus<{ items: CallerId[] }>(await staff.get('/api/calling/caller-ids'), 200).items;
  const auditOf = (action: string) =>
    t.ctx.database.query<{ actor_id: number; target: string; details: Record<string, unknown> }>(
      `SELECT actor_id::int, target, details FROM audit_log
        WHERE campaign_id = $1 AND action = $2 ORDER BY id`,
      [t.ctx.campaignId, action],
    );
  /**
   * Ended calls presenting `callerId`, newest first by `minutesAgo`: each state in `states`, the
   * i-th ending i minutes after `minutesAgo` ago.
   */
  const insertAttempts = (
    callerId: string,
    states: string[],
    minutesAgo = 0,
    campaignId = t.ctx.campaignId,
  ) =>
    t.ctx.database.query(
      `INSERT INTO call_attempts (campaign_id, broadcast_id, target_id, to_e164, caller_id, state, dialled_at, ended_at)
       SELECT $1, 1, n, '+33612345678', $2, s.state,
              now() - make_interval(mins => $3 + n::int + 1),
              CASE WHEN s.state IN ('completed', 'busy', 'no_answer', 'failed')
                   THEN now() - make_interval(mins => $3 + n::int) END
         FROM unnest($4::text[]) WITH ORDINALITY AS s(state, n)`,
      [campaignId, callerId, minutesAgo, states],
    );
  const repeat = (state: string, count: number) => Array<string>(count).fill(state);

  beforeAll(async () => {
    t = await createTestApp(engine);
    staff = await staffBrowser(t, 'numbers@calling.example', ['staff']);
    staffId = (await staff.session()).me!.personId;
  }, 60_000);
  afterAll(() => t?.close());

  it('adds a number of every reserved range, as written in any way, in E.164', async () => {
    const numbers = [
      ...METROPOLITAN.map((prefix, i) => {
        const national = inRange(prefix, 100 + i);
        return { national, e164: e164Of(national) };
      }),
      ...OVERSEAS.map(([prefix, countryCode], i) => {
        const national = inRange(prefix, 200 + i);
        return { national, e164: e164Of(national, countryCode) };
      }),
    ];
    // Spaced, dotted, international, 00-prefixed: as people copy numbers from a contract.
    const forms = [
      (n: string) => n.replace(/(\d\d)(?=\d)/g, '$1 '),
      (n: string) => n.replace(/(\d\d)(?=\d)/g, '$1.'),
      (n: string) => `+33 ${n.slice(1)}`,
      (n: string) => `0033${n.slice(1)}`,
      (n: string) => n,
    ];
    for (const [i, { national, e164 }] of numbers.entries()) {
      const callerId = await added(forms[i % forms.length](national), `Numéro ${i}`);
      expect(callerId).toEqual({
        id: expect.any(Number),
        e164,
        label: `Numéro ${i}`,
        pausedAt: null,
        pauseReason: null,
        createdAt: expect.any(String),
        recentEndedCalls: 0,
        answerRatePercent: null,
      });
    }
    const items = await listed();
    expect(items.map((item) => item.e164)).toEqual(numbers.map((number) => number.e164));
    const audits = await auditOf('calling.caller_id.add');
    expect(audits).toHaveLength(numbers.length);
    expect(audits[0]).toEqual({
      actor_id: staffId,
      target: `call_caller_id:${items[0].id}`,
      details: { e164: items[0].e164, label: 'Numéro 0' },
    });
  });

  it.each([
    ['01 61 12 34 56', 'not_verified_range'],
    ['01 64 12 34 56', 'not_verified_range'],
    ['06 12 34 56 78', 'not_verified_range'],
    ['09 47 41 23 45', 'not_verified_range'],
    ['09 50 12 34 56', 'not_verified_range'],
    ['+590 690 12 34 56', 'not_verified_range'],
    ['+44 20 7946 0958', 'not_verified_range'],
    ['+32 2 123 45 67', 'not_a_number'],
    ['bonjour', 'not_a_number'],
    ['01 62 12', 'not_a_number'],
    ['01 62 12 34 56 78', 'not_a_number'],
  ])(
    'refuses %s: %s (422), naming the reserved ranges in French and English',
    async (input, code) => {
      const before = (await listed()).length;
      const response = await add(input);
      expect(problemOf(response)).toEqual({ status: 422, code });
      const problem = response.json() as { detail: string; errors: unknown[] };
      expect(problem.errors).toEqual([{ field: 'e164', code, message: code }]);
      expect(problem.detail).toContain('plages réservées aux appels automatisés');
      expect(problem.detail).toContain('ranges reserved to automated calls');
      for (const prefix of METROPOLITAN) expect(problem.detail).toContain(prefix);
      expect(problem.detail).toContain('09475–09479');
      expect(problem.detail).toContain('09 47 5 à 09 47 9');
      expect((await listed()).length).toBe(before);
    },
  );

  it('refuses a number the campaign has already, however written (409)', async () => {
    const first = await added('05 68 98 76 54', 'Standard');
    for (const again of ['+33568987654', '05.68.98.76.54', '0033 5 68 98 76 54']) {
      const response = await add(again);
      expect(problemOf(response)).toEqual({ status: 409, code: 'caller_id_exists' });
      expect((response.json() as { detail: string }).detail).toContain('+33568987654');
    }
    expect((await listed()).filter((item) => item.e164 === first.e164)).toHaveLength(1);
  });

  it('keeps a label on one line, and none when it is left out or blank', async () => {
    expect((await added('01 62 55 55 01')).label).toBeNull();
    expect((await added('01 62 55 55 02', '   ')).label).toBeNull();
    const response = await add('01 62 55 55 03', 'Ligne\nsuivante');
    expect(problemOf(response)).toEqual({ status: 400, code: 'validation_failed' });
    expect(response.json()).toMatchObject({ errors: [{ field: 'label' }] });
  });

  it('pauses and resumes a number by hand, auditing each change once', async () => {
    const callerId = await added('04 24 12 12 12', 'À mettre en pause');
    const url = `/api/calling/caller-ids/${callerId.id}`;

    const paused = expectStatus<CallerId>(await staff.post(`${url}/pause`), 200);
    expect(paused).toMatchObject({ id: callerId.id, pauseReason: 'staff' });
    expect(paused.pausedAt).not.toBeNull();
    const pausedAgain = expectStatus<CallerId>(await staff.post(`${url}/pause`), 200);
    expect(pausedAgain.pausedAt).toBe(paused.pausedAt);
    const [row] = await t.ctx.database.query<{ paused: boolean }>(
      'SELECT paused_at IS NOT NULL AS paused FROM call_caller_ids WHERE campaign_id = $1 AND id = $2',
      [t.ctx.campaignId, callerId.id],
    );
    expect(row.paused).toBe(true);

    const resumed = expectStatus<CallerId>(await staff.post(`${url}/resume`), 200);
    expect(resumed).toMatchObject({ pausedAt: null, pauseReason: null });
    expect(expectStatus<CallerId>(await staff.post(`${url}/resume`), 200).pausedAt).toBeNull();

    const target = `call_caller_id:${callerId.id}`;
    const mine = async (action: string) =>
      (await auditOf(action)).filter((entry) => entry.target === target);
    expect(await mine('calling.caller_id.pause')).toEqual([
      { actor_id: staffId, target, details: { e164: '+33424121212' } },
    ]);
    expect(await mine('calling.caller_id.resume')).toEqual([
      { actor_id: staffId, target, details: { e164: '+33424121212', pauseReason: 'staff' } },
    ]);

    // A number the answer-rate watch paused keeps its reason when staff pause it too.
    await t.ctx.database.query(
      `UPDATE call_caller_ids SET paused_at = now(), pause_reason = 'answer_rate' WHERE campaign_id = $1 AND id = $2`,
      [t.ctx.campaignId, callerId.id],
    );
    expect(expectStatus<CallerId>(await staff.post(`${url}/pause`), 200).pauseReason).toBe(
      'answer_rate',
    );
    expect(expectStatus<CallerId>(await staff.post(`${url}/resume`), 200).pausedAt).toBeNull();
    expect((await mine('calling.caller_id.resume')).at(-1)?.details).toEqual({
      e164: '+33424121212',
      pauseReason: 'answer_rate',
    });
  });

  it('gives each number its answer rate over its last 200 ended calls, from 20 of them', async () => {
    const quiet = await added('03 77 00 00 01', 'Peu appelé');
    const busy = await added('03 77 00 00 02', 'Très appelé');
    const byId = async (id: number) => (await listed()).find((item) => item.id === id)!;

    // 19 ended calls (and calls still going or canceled, which never count): too few for a rate.
    await insertAttempts(quiet.e164, [
      ...repeat('completed', 10),
      ...repeat('busy', 3),
      ...repeat('no_answer', 4),
      ...repeat('failed', 2),
      'dialing',
      'ringing',
      'answered',
      'canceled',
      'unknown',
    ]);
    expect(await byId(quiet.id)).toMatchObject({ recentEndedCalls: 19, answerRatePercent: null });
    await insertAttempts(quiet.e164, ['no_answer'], 1000);
    expect(await byId(quiet.id)).toMatchObject({ recentEndedCalls: 20, answerRatePercent: 50 });

    // 250 ended calls: the 50 oldest all answered, the 200 latest one in three answered.
    await insertAttempts(busy.e164, repeat('completed', 50), 5000);
    const latest = Array.from({ length: 200 }, (_, i) => (i % 3 === 0 ? 'completed' : 'no_answer'));
    await insertAttempts(busy.e164, latest, 0);
    const answered = latest.filter((state) => state === 'completed').length;
    expect(await byId(busy.id)).toMatchObject({
      recentEndedCalls: 200,
      answerRatePercent: Math.round((answered * 1000) / 200) / 10,
    });
    // The quiet number's rate is its own: the other's calls do not count for it.
    expect((await byId(quiet.id)).answerRatePercent).toBe(50);

    // Another campaign's calls from the same number do not count either.
    const other = await createCampaignApp(t, 'Autre campagne (taux)');
    try {
      await insertAttempts(quiet.e164, repeat('completed', 30), 0, other.ctx.campaignId);
      expect(await byId(quiet.id)).toMatchObject({ recentEndedCalls: 20, answerRatePercent: 50 });
    } finally {
      await other.close();
    }
  });

  it('deletes a number', async () => {
    const callerId = await added('02 70 11 22 33', 'À supprimer');
    expect(expectStatus(await staff.delete(`/api/calling/caller-ids/${callerId.id}`), 200)).toEqual(
      {
        ok: true,
      },
    );
    expect((await listed()).some((item) => item.id === callerId.id)).toBe(false);
    expect(problemOf(await staff.delete(`/api/calling/caller-ids/${callerId.id}`))).toEqual({
      status: 404,
      code: 'not_found',
    });
    expect((await auditOf('calling.caller_id.delete')).at(-1)).toEqual({
      actor_id: staffId,
      target: `call_caller_id:${callerId.id}`,
      details: { e164: '+33270112233' },
    });
    // Deleted, it can be added again.
    expect((await added('02 70 11 22 33')).e164).toBe('+33270112233');
  });

  it("answers 404 for another campaign's numbers, and lets it add the same number", async () => {
    const mine = await added('02 71 44 55 66', 'Le nôtre');
    const other = await createCampaignApp(t, 'Autre campagne (numéros)');
    try {
      const theirStaff = await staffBrowser(other, 'hq@other-numbers.example', ['staff']);
      expect((await theirStaff.get('/api/calling/caller-ids')).json()).toEqual({ items: [] });
      for (const response of [
        await theirStaff.post(`/api/calling/caller-ids/${mine.id}/pause`),
        await theirStaff.post(`/api/calling/caller-ids/${mine.id}/resume`),
        await theirStaff.delete(`/api/calling/caller-ids/${mine.id}`),
      ]) {
        expect(problemOf(response)).toEqual({ status: 404, code: 'not_found' });
      }
      const theirs = await theirStaff.post('/api/calling/caller-ids', { e164: '0271445566' });
      expect(expectStatus<CallerId>(theirs, 201).e164).toBe(mine.e164);
      expect((await listed()).find((item) => item.id === mine.id)).toMatchObject({
        pausedAt: null,
        label: 'Le nôtre',
      });
    } finally {
      await other.close();
    }
  });

  it('is for staff with calling.manage only', async () => {
    const supporter = await supporterBrowser(t, 'soutien@numbers.example');
    const finance = await staffBrowser(t, 'finance@numbers.example', ['finance']);
    for (const browser of [supporter.browser, finance]) {
      expect(problemOf(await browser.get('/api/calling/caller-ids'))).toEqual({
        status: 403,
        code: 'forbidden',
      });
      expect(
        problemOf(await browser.post('/api/calling/caller-ids', { e164: '0162000000' })),
      ).toEqual({ status: 403, code: 'forbidden' });
    }
  });
});

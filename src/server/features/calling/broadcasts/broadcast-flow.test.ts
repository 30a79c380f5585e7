import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type {
  Broadcast,
  BroadcastDashboard,
  BroadcastInput,
} from '../../../../contracts/calling.ts';
import type { CallList, CallListReport } from '../../../../contracts/calling-lists.ts';
import { territorySchema } from '../../../../contracts/compliance.ts';
import { defaultCallingWindows } from '../../../../contracts/calling.ts';
import {
  createTestApp,
  engines,
  staffBrowser,
  type Browser,
  type TestApp,
} from '../../../testing/harness.ts';
import { simulatorToken } from '../carrier/configured.ts';
import { startCarrierSimulator, type CarrierSimulator } from '../carrier/simulator/index.ts';
import { createTwilioCarrier } from '../carrier/twilio.ts';
import { startLoops } from './worker.ts';
import { watchAnswerRates } from './answer-rate.ts';
import { territoryOfNumber } from '../numbers/plan.ts';
import { overseasE164Prefixes } from '../numbers/prefixes.ts';
import { territorySqlOf } from './territory-sql.ts';
import { sql as drizzleSql } from 'drizzle-orm';
import { agreeToAutomatedCalls } from '../../../testing/automated-call-consent.ts';
import { freePort } from '../../../testing/free-port.ts';

/** A Tuesday at 11:00 in Paris: inside the default windows of automated calls. */
const TUESDAY_MORNING = new Date('2026-12-08T10:00:00Z');

const numbers = (count: number, first: number) =>
  Array.from({ length: count }, (_, i) => `+336${String(first + i).padStart(8, '0')}`);

describe.each(engines)('a voice broadcast through the carrier simulator (%s)', (engine) => {
  let t: TestApp;
  let asker: Browser;
  let approver: Browser;
  let simulator: CarrierSimulator;
  let stopLoops: () => Promise<void>;
  let simulatorClosed = false;
  let recordingId: number;
  const listed = numbers(30, 12_000_000);
  const pressNine = listed[3]!;

  const sql = <T>(text: string, params: unknown[] = []) => t.ctx.database.query<T>(text, params);

  beforeAll(async () => {
    const port = await freePort();
    t = await createTestApp(engine, {
      PUBLIC_URL: `http://127.0.0.1:${port}`,
      CALLING_DIALLER: 'false',
    });
    await t.app.listen({ port, host: '127.0.0.1' });
    asker = await staffBrowser(t, 'asker@calling.example', ['staff']);
    approver = await staffBrowser(t, 'approver@calling.example', ['staff']);
    simulator = await startCarrierSimulator({
      accountSid: 'ACsimulator',
      authToken: simulatorToken(t.ctx.config.sessionSecret),
      timeScale: 0.002,
      pressingNumbers: [pressNine],
      pressingShare: 0,
    });
    const carrier = createTwilioCarrier({
      accountSid: 'ACsimulator',
      authToken: simulatorToken(t.ctx.config.sessionSecret),
      baseUrl: simulator.url,
    });
    stopLoops = startLoops(t.ctx, carrier, { clock: () => TUESDAY_MORNING });
    const campaign = t.ctx.campaignId;
    await sql(
      `INSERT INTO call_caller_ids (campaign_id, e164, label) VALUES ($1, '+33162000001', 'Paris')`,
      [campaign],
    );
    const [recording] = await sql<{ id: number }>(
      `INSERT INTO call_recordings (campaign_id, name, file_name, format, uploaded_size, content_type, duration_ms, data)
       VALUES ($1, 'Message', 'message.wav', 'wav', 44, 'audio/wav', 20000, $2) RETURNING id`,
      [campaign, Buffer.alloc(44)],
    );
    recordingId = Number(recording!.id);
  }, 60_000);
  afterAll(async () => {
    await stopLoops?.();
    if (!simulatorClosed) await simulator?.close();
    await t?.close();
  });

  const listOf = async (name: string, members: readonly string[]) => {
    const [list] = await sql<{ id: number }>(
      `INSERT INTO call_lists (campaign_id, name, file_name, size, status, number_count)
       VALUES ($1, $2, 'liste.csv', 100, 'succeeded', $3) RETURNING id`,
      [t.ctx.campaignId, name, members.length],
    );
    await sql(
      `INSERT INTO call_list_numbers (campaign_id, list_id, e164, number_class, territory, consent_at,
              consent_source, slot_weekdays, slot_from, slot_to, line)
       SELECT $1, $2, n, 'mobile', 'metropole', now() - interval '30 days', 'formulaire web',
              '{1,2,3,4,5}', '09:00', '19:00', ord::int + 1
         FROM unnest($3::text[]) WITH ORDINALITY AS u(n, ord)`,
      [t.ctx.campaignId, list!.id, members],
    );
    return Number(list!.id);
  };

  /**
   * A broadcast on every day, 50 calls a second, one attempt each (retries come back after
   * minutes: the test sees the end).
   */
  const broadcastBody = (name: string, audience: BroadcastInput['audience']) => ({
    name,
    audience,
    recordingId,
    windows: { ...defaultCallingWindows, weekdays: [1, 2, 3, 4, 5, 6, 7] },
    callsPerSecond: 50,
    rampSeconds: 0,
    maxAttempts: 1,
  });

  const launch = async (name: string, listId: number, minutePriceCents: number | null = null) => {
    const created = await asker.post('/api/calling/broadcasts', {
      ...broadcastBody(name, { kind: 'list', listId }),
      minutePriceCents,
    });
    expect(created.statusCode).toBe(201);
    const { id } = created.json() as Broadcast;
    // The launch waits for the opt-out notice, and for someone else's approval.
    expect(
      (await asker.post(`/api/calling/broadcasts/${id}/request-launch`, {})).json(),
    ).toMatchObject({ code: 'opt_out_not_confirmed' });
    expect((await asker.post(`/api/calling/broadcasts/${id}/confirm-opt-out`, {})).statusCode).toBe(
      200,
    );
    expect((await asker.post(`/api/calling/broadcasts/${id}/request-launch`, {})).statusCode).toBe(
      200,
    );
    expect((await asker.post(`/api/calling/broadcasts/${id}/approve`, {})).json()).toMatchObject({
      code: 'second_approval_required',
    });
    const approved = await approver.post(`/api/calling/broadcasts/${id}/approve`, {});
    expect(approved.json()).toMatchObject({ status: 'running' });
    return id;
  };

  const finished = async (id: number) => {
    for (let i = 0; i < 600; i++) {
      const dashboard = (
        await asker.get(`/api/calling/broadcasts/${id}/dashboard`)
      ).json() as BroadcastDashboard;
      if (dashboard.broadcast.status === 'completed') return dashboard;
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
    const targets = await sql(
      `SELECT status, result, count(*)::int AS n FROM call_targets WHERE campaign_id = $1 AND broadcast_id = $2 GROUP BY 1, 2`,
      [t.ctx.campaignId, id],
    );
    const attempts = await sql(
      `SELECT state, count(*)::int AS n FROM call_attempts WHERE campaign_id = $1 AND broadcast_id = $2 GROUP BY 1`,
      [t.ctx.campaignId, id],
    );
    throw new Error(
      `broadcast ${id} did not finish on ${engine}: ${JSON.stringify({ targets, attempts, stats: simulator.stats() })}`,
    );
  };

  it('calls each number of a list once, settles every call, and a "9" opts out for the next broadcast', async () => {
    const first = await launch('Appel du candidat', await listOf('Liste A', listed), 1.35);
    const dashboard = await finished(first);
    expect(dashboard.left).toEqual({ due: 0, inCall: 0, done: listed.length });
    const stats = simulator.stats();
    expect(stats.numbersCalledMoreThanOnce).toEqual({});
    const totals = dashboard.totals;
    expect(
      totals.answeredHuman + totals.answeredMachine + totals.busy + totals.noAnswer + totals.failed,
    ).toBe(totals.dialled);
    expect(totals.optOuts).toBe(1);
    // The estimated cost: each started minute of an answered call at the broadcast's price.
    const [billed] = await sql<{ minutes: number }>(
      `SELECT coalesce(sum(ceil(duration_seconds / 60.0)), 0)::int AS minutes FROM call_attempts
        WHERE campaign_id = $1 AND broadcast_id = $2 AND state = 'completed'`,
      [t.ctx.campaignId, first],
    );
    expect(billed!.minutes).toBeGreaterThan(0);
    expect(totals.billedMinutes).toBe(billed!.minutes);
    expect(totals.costCents).toBe(Math.round(billed!.minutes * 1.35));
    expect(dashboard.broadcast.minutePriceCents).toBe(1.35);
    expect(dashboard.byDepartement.reduce((sum, d) => sum + d.billedMinutes, 0)).toBe(
      billed!.minutes,
    );
    const csv = await asker.get(`/api/calling/broadcasts/${first}/calls.csv`);
    expect(csv.headers['content-type']).toMatch(/^text\/csv/);
    const lines = csv.body.trim().split('\r\n');
    expect(lines).toHaveLength(totals.dialled + 1);
    expect(csv.body).toContain(`;${pressNine};`);
    const states = await sql<{ state: string; n: number }>(
      `SELECT state, count(*)::int AS n FROM call_attempts WHERE campaign_id = $1 AND broadcast_id = $2
        GROUP BY state`,
      [t.ctx.campaignId, first],
    );
    expect(states.map((s) => s.state).sort()).toEqual(
      expect.arrayContaining(
        states
          .map((s) => s.state)
          .filter((s) => ['completed', 'busy', 'no_answer', 'failed'].includes(s)),
      ),
    );

    // The next broadcast to the same numbers skips the one that pressed 9.
    const second = await launch('Rappel', await listOf('Liste B', listed));
    const again = await finished(second);
    expect(again.broadcast.audience.count).toBe(listed.length - 1);
    // No price given: minutes counted, no cost made up.
    expect(again.totals.billedMinutes).toBeGreaterThan(0);
    expect(again.totals.costCents).toBeNull();
    const [skipped] = await sql<{ n: number }>(
      `SELECT count(*)::int AS n FROM call_targets WHERE campaign_id = $1 AND broadcast_id = $2 AND e164 = $3`,
      [t.ctx.campaignId, second, pressNine],
    );
    expect(skipped!.n).toBe(0);
  }, 120_000);

  it('refuses to launch a list calling a territory no caller ID may call, writing nothing', async () => {
    // With the list's report (territories read from it) and without (read from the targets).
    for (const report of [{ byTerritory: { metropole: 1, '974': 1, foreign: 0 } }, null]) {
      const listId = await listOf('Liste outre-mer', numbers(1, 12_500_000));
      await sql(
        `INSERT INTO call_list_numbers (campaign_id, list_id, e164, number_class, territory, consent_at,
                consent_source, slot_weekdays, slot_from, slot_to, line)
         VALUES ($1, $2, '+262692123456', 'mobile', '974', now(), 'web', '{1,2,3,4,5}', '09:00', '19:00', 3)`,
        [t.ctx.campaignId, listId],
      );
      await sql(`UPDATE call_lists SET report = $3 WHERE campaign_id = $1 AND id = $2`, [
        t.ctx.campaignId,
        listId,
        report && JSON.stringify(report),
      ]);
      const created = await asker.post('/api/calling/broadcasts', {
        name: 'Réunion',
        audience: { kind: 'list', listId },
        recordingId: recordingId,
        windows: defaultCallingWindows,
      });
      expect(created.statusCode, created.body).toBe(201);
      const { id } = created.json() as Broadcast;
      await asker.post(`/api/calling/broadcasts/${id}/confirm-opt-out`, {});
      await asker.post(`/api/calling/broadcasts/${id}/request-launch`, {});
      const refused = await approver.post(`/api/calling/broadcasts/${id}/approve`, {});
      expect(refused.statusCode, refused.body).toBe(409);
      expect(refused.json()).toMatchObject({ code: 'caller_id_missing_for_territory' });
      expect(refused.json().detail).toContain('974');
      const [left] = await sql<{ n: number; status: string }>(
        `SELECT (SELECT count(*)::int FROM call_targets WHERE campaign_id = $1 AND broadcast_id = $2) AS n,
                (SELECT status FROM call_broadcasts WHERE campaign_id = $1 AND id = $2) AS status`,
        [t.ctx.campaignId, id],
      );
      expect(left).toEqual({ n: 0, status: 'awaiting_approval' });
    }
  });

  it('builds, edits and runs a broadcast over a segment: its people who agreed to automated calls', async () => {
    const people = await sql<{ id: number }>(
      `INSERT INTO people (campaign_id, email, email_normalized, recruit_code, phone, departement_code)
       SELECT $1, 'seg' || g || '@calling.example', 'seg' || g || '@calling.example', 'seg-' || g,
              '+3363' || lpad(g::text, 7, '0'), '2A'
         FROM generate_series(1, 3) AS g RETURNING id`,
      [t.ctx.campaignId],
    );
    // Two of the three agreed to automated calls, on weekdays.
    for (const person of people.slice(0, 2)) await agreeToAutomatedCalls(asker, person.id);
    const segment = await asker.post('/api/segments', {
      name: 'Corse-du-Sud',
      filter: { departementCodes: ['2A'] },
    });
    const segmentId = (segment.json() as { id: number }).id;
    const body = broadcastBody('Appel Corse', { kind: 'segment', segmentId });
    expect(
      (
        await asker.post('/api/calling/broadcasts', {
          ...body,
          audience: { kind: 'segment', segmentId: 987654 },
        })
      ).statusCode,
    ).toBe(404);
    const created = await asker.post('/api/calling/broadcasts', body);
    expect(created.statusCode, created.body).toBe(201);
    const { id } = created.json() as Broadcast;
    const edited = await asker.request('PUT', `/api/calling/broadcasts/${id}`, {
      ...body,
      name: 'Appel Corse-du-Sud',
    });
    expect(edited.statusCode, edited.body).toBe(200);
    await asker.post(`/api/calling/broadcasts/${id}/confirm-opt-out`, {});
    expect((await asker.post(`/api/calling/broadcasts/${id}/request-launch`, {})).statusCode).toBe(
      200,
    );
    expect((await approver.post(`/api/calling/broadcasts/${id}/approve`, {})).json()).toMatchObject(
      {
        status: 'running',
        audience: { kind: 'segment', count: 2 },
      },
    );
    const dashboard = await finished(id);
    expect(dashboard.totals.dialled).toBe(2);
    expect(dashboard.byDepartement.map((d) => d.departement)).toEqual(['2A']);
  });

  it('launches no broadcast on a list with invalid rows until staff accept it, audited', async () => {
    const listId = await listOf('Liste à moitié fausse', numbers(3, 12_600_000));
    // Seven rows read: three kept, one repeated number, three left out as invalid.
    const report: CallListReport = {
      encoding: 'utf-8',
      delimiter: ';',
      columns: {
        names: ['téléphone', 'date_consentement', 'source'],
        ignored: [],
        missingOptional: [],
      },
      rows: 7,
      kept: 3,
      skipped: 4,
      duplicates: 1,
      byClass: { mobile: 3, geographic: 0, voip: 0, special: 0 },
      byTerritory: {
        ...(Object.fromEntries(
          [...territorySchema.options, 'foreign'].map((key) => [key, 0]),
        ) as CallListReport['byTerritory']),
        metropole: 3,
      },
      withoutSlot: 0,
      problems: [
        {
          code: 'phone_invalid',
          severity: 'error',
          count: 3,
          lines: [3, 5, 7],
          message: 'Pas un numéro.',
        },
      ],
      warnings: [],
    };
    await sql(`UPDATE call_lists SET report = $3 WHERE campaign_id = $1 AND id = $2`, [
      t.ctx.campaignId,
      listId,
      JSON.stringify(report),
    ]);
    const created = await asker.post('/api/calling/broadcasts', {
      name: 'Relance liste',
      audience: { kind: 'list', listId },
      recordingId: recordingId,
      windows: defaultCallingWindows,
    });
    const { id } = created.json() as Broadcast;
    await asker.post(`/api/calling/broadcasts/${id}/confirm-opt-out`, {});
    const refused = await asker.post(`/api/calling/broadcasts/${id}/request-launch`, {});
    expect(refused.statusCode).toBe(409);
    expect(refused.json()).toMatchObject({ code: 'list_not_accepted' });
    expect(refused.json().detail).toContain('3 rows');

    const before = (await asker.get(`/api/calling/lists/${listId}`)).json() as CallList;
    expect(before).toMatchObject({ invalidRows: 3, acceptedAt: null });
    const accepted = await asker.post(`/api/calling/lists/${listId}/accept`, {});
    expect(accepted.statusCode, accepted.body).toBe(200);
    const acceptedAt = (accepted.json() as CallList).acceptedAt;
    expect(acceptedAt).not.toBeNull();
    // Accepting again changes nothing.
    const again = (await asker.post(`/api/calling/lists/${listId}/accept`, {})).json() as CallList;
    expect(again.acceptedAt).toBe(acceptedAt);
    const [logged] = await sql<{ n: number }>(
      `SELECT count(*)::int AS n FROM audit_log WHERE campaign_id = $1 AND action = 'calling.list.accept'
          AND target = $2`,
      [t.ctx.campaignId, `call_list:${listId}`],
    );
    expect(logged!.n).toBe(2);
    const asked = await asker.post(`/api/calling/broadcasts/${id}/request-launch`, {});
    expect(asked.statusCode, asked.body).toBe(200);
    await asker.post(`/api/calling/broadcasts/${id}/cancel`, {});

    // A list whose import did not succeed cannot be accepted.
    await sql(
      `UPDATE call_lists SET status = 'failed', accepted_at = NULL WHERE campaign_id = $1 AND id = $2`,
      [t.ctx.campaignId, listId],
    );
    const early = await asker.post(`/api/calling/lists/${listId}/accept`, {});
    expect(early.statusCode).toBe(409);
    expect(early.json()).toMatchObject({ code: 'list_not_ready' });
  });

  it('places numbers in SQL (frozen segments) as the Node reader places them', async () => {
    const samples = [
      ...overseasE164Prefixes.map(({ prefix }) => prefix + '5'.repeat(13 - prefix.length)),
      '+33612345678',
      '+33162000001',
      '+14155550100',
      '+508412345',
    ];
    const rows = await t.ctx.database.query<{ e164: string; territory: string | null }>(
      drizzleSql`SELECT a.e164, ${territorySqlOf('a.e164')} AS territory
                   FROM unnest(${samples}::text[]) AS a(e164)`,
    );
    for (const row of rows) expect(row.territory, row.e164).toBe(territoryOfNumber(row.e164));
  });

  it('pauses a caller ID and its broadcast when the answer rate collapses', async () => {
    const campaign = t.ctx.campaignId;
    await sql(
      `INSERT INTO call_caller_ids (campaign_id, e164, label) VALUES ($1, '+33163000002', 'Spam ?')`,
      [campaign],
    );
    const [b] = await sql<{ id: number }>(
      `INSERT INTO call_broadcasts (campaign_id, name, status, audience_kind, windows, max_concurrent,
              calls_per_second, ramp_seconds, max_attempts, retry_minutes, ring_seconds, answer_rate_floor_percent)
       VALUES ($1, 'Étiqueté', 'running', 'list', $2, 10, 10, 0, 1, 60, 25, 10) RETURNING id`,
      [campaign, JSON.stringify(defaultCallingWindows)],
    );
    // 150 ended calls, 3 answered: 2%, under the floor of 10%.
    await sql(
      `INSERT INTO call_attempts (campaign_id, broadcast_id, target_id, to_e164, caller_id, state, dialled_at)
       SELECT $1, $2, g, '+3361' || lpad(g::text, 8, '0'), '+33163000002',
              CASE WHEN g <= 3 THEN 'completed' ELSE 'no_answer' END, now() - g * interval '1 second'
         FROM generate_series(1, 150) AS g`,
      [campaign, b!.id],
    );
    expect(await watchAnswerRates(t.ctx)).toEqual(['+33163000002']);
    const [state] = await sql<{ status: string; pause_reason: string; paused: boolean }>(
      `SELECT b.status, b.pause_reason,
              (SELECT paused_at IS NOT NULL FROM call_caller_ids WHERE campaign_id = $1 AND e164 = '+33163000002') AS paused
         FROM call_broadcasts b WHERE b.campaign_id = $1 AND b.id = $2`,
      [campaign, b!.id],
    );
    expect(state).toEqual({ status: 'paused', pause_reason: 'answer_rate', paused: true });
  });

  it('refuses a forged callback and keeps nothing of it', async () => {
    const response = await t.app.inject({
      method: 'POST',
      url: `/api/calling/carrier/${t.ctx.campaignId}/attempts/1/status`,
      headers: {
        'content-type': 'application/x-www-form-urlencoded',
        'x-twilio-signature': 'forged',
      },
      payload: 'CallSid=CA1&CallStatus=completed&SequenceNumber=3',
    });
    expect(response.statusCode).toBe(403);
    expect(response.json()).toMatchObject({ code: 'callback_rejected' });
    const [kept] = await sql<{ n: number }>(
      `SELECT count(*)::int AS n FROM call_callbacks WHERE campaign_id = $1 AND params->>'CallSid' = 'CA1'`,
      [t.ctx.campaignId],
    );
    expect(kept!.n).toBe(0);
  });

  it('refuses broadcasts to a supporter', async () => {
    const supporter = await staffBrowser(t, 'supporter@calling.example', []);
    expect((await supporter.get('/api/calling/broadcasts')).statusCode).toBe(403);
  });

  // Last: the carrier goes away for good.
  it('backs off and alerts on the dashboard when the carrier is out of reach, losing nobody', async () => {
    await simulator.close();
    simulatorClosed = true;
    const id = await launch('Opérateur coupé', await listOf('Liste C', numbers(5, 12_600_000)));
    let dashboard: BroadcastDashboard | null = null;
    for (let i = 0; i < 100 && !dashboard?.carrierTrouble; i++) {
      await new Promise((resolve) => setTimeout(resolve, 100));
      dashboard = (await asker.get(`/api/calling/broadcasts/${id}/dashboard`)).json();
    }
    expect(dashboard!.carrierTrouble).toMatchObject({
      message: expect.stringContaining('reached'),
    });
    expect(dashboard!.left.done).toBe(0);
    const targets = await sql<{ status: string; n: number }>(
      `SELECT status, count(*)::int AS n FROM call_targets WHERE campaign_id = $1 AND broadcast_id = $2 GROUP BY 1`,
      [t.ctx.campaignId, id],
    );
    expect(targets).toEqual([{ status: 'due', n: 5 }]);
    // Paused after the failure: a second later, at most a few more tries.
    const tries = async () =>
      (
        await sql<{ n: number }>(
          `SELECT count(*)::int AS n FROM call_attempts WHERE campaign_id = $1 AND broadcast_id = $2`,
          [t.ctx.campaignId, id],
        )
      )[0]!.n;
    const before = await tries();
    await new Promise((resolve) => setTimeout(resolve, 1000));
    expect((await tries()) - before).toBeLessThanOrEqual(10);
    await asker.post(`/api/calling/broadcasts/${id}/cancel`, {});
  });
});

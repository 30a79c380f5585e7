/**
 * Reconciliation of a call whose final status callback never came (the carrier does not send
 * a lost callback again): it is asked about once it has outlived its longest course (its
 * ringing, twice its recording, a margin), not before, and what the carrier says is queued in
 * the callback inbox like any callback.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { defaultCallingWindows } from '../../../../contracts/calling.ts';
import { createTestApp, engines, type TestApp } from '../../../testing/harness.ts';
import type { CarrierCallRecord, VoiceCarrier } from '../carrier/port.ts';
import { reconcileAttempts } from './reconcile.ts';
import { createBroadcast } from './service.ts';

/** Ring 25 s + twice a 20 s recording + the 180 s margin. */
const LONGEST_COURSE_SECONDS = 25 + 2 * 20 + 180;

describe.each(engines)('reconciliation of silent calls (%s)', (engine) => {
  let t: TestApp;
  let broadcastId: number;
  const asked: string[] = [];

  const carrier = {
    name: 'fake',
    async fetchCall(carrierCallId: string): Promise<CarrierCallRecord> {
      asked.push(carrierCallId);
      return {
        carrierCallId,
        to: '+33600000001',
        from: '+33162000001',
        status: 'completed',
        answeredBy: 'human',
        durationSeconds: 21,
        startedAt: null,
        endedAt: null,
        priceCents: null,
      };
    },
    findCalls: async () => [],
  } as unknown as VoiceCarrier; // Reconciliation asks only fetchCall and findCalls.

  const sql = <T>(text: string, params: unknown[] = []) => t.ctx.database.query<T>(text, params);

  beforeAll(async () => {
    t = await createTestApp(engine, { CALLING_DIALLER: 'false' });
    const c = t.ctx.campaignId;
    const [recording] = await sql<{ id: number }>(
      `INSERT INTO call_recordings (campaign_id, name, file_name, format, uploaded_size, content_type, duration_ms, data)
       VALUES ($1, 'Message', 'm.wav', 'wav', 44, 'audio/wav', 20000, $2) RETURNING id`,
      [c, Buffer.alloc(44)],
    );
    const [list] = await sql<{ id: number }>(
      `INSERT INTO call_lists (campaign_id, name, file_name, size, status, number_count)
       VALUES ($1, 'Liste', 'l.csv', 1, 'succeeded', 0) RETURNING id`,
      [c],
    );
    const [asker] = await sql<{ id: number }>(
      `INSERT INTO people (campaign_id, email, email_normalized, recruit_code)
       VALUES ($1, 'a@reconcile.test', 'a@reconcile.test', 'reconcile-a') RETURNING id`,
      [c],
    );
    const broadcast = await createBroadcast(
      t.ctx,
      {
        name: 'Silent calls',
        audience: { kind: 'list', listId: Number(list!.id) },
        recordingId: Number(recording!.id),
        machineRecordingId: null,
        machineAction: 'message',
        windows: defaultCallingWindows,
        startsAt: null,
        endsAt: null,
        maxConcurrent: 10,
        callsPerSecond: 1,
        rampSeconds: 0,
        maxAttempts: 1,
        retryMinutes: 60,
        ringSeconds: 25,
        answerRateFloor: 0,
        minutePriceCents: null,
      },
      Number(asker!.id),
    );
    broadcastId = broadcast.id;
  }, 60_000);
  afterAll(async () => {
    await t?.close();
  });

  const answeredCall = async (sid: string, secondsAgo: number) => {
    const [attempt] = await sql<{ id: number }>(
      `INSERT INTO call_attempts (campaign_id, broadcast_id, target_id, to_e164, caller_id, state,
              carrier_call_id, dialled_at, answered_at)
       VALUES ($1, $2, 1, '+33600000001', '+33162000001', 'answered', $3,
               now() - make_interval(secs => $4), now() - make_interval(secs => $4))
       RETURNING id`,
      [t.ctx.campaignId, broadcastId, sid, secondsAgo],
    );
    return Number(attempt!.id);
  };

  it('asks about an answered call only once it outlived its longest course', async () => {
    // The recent call is left to its own callbacks: it is not asked about.
    await answeredCall('CA-recent', LONGEST_COURSE_SECONDS - 30);
    const silent = await answeredCall('CA-silent', LONGEST_COURSE_SECONDS + 30);

    expect(await reconcileAttempts(t.ctx, carrier)).toBe(1);
    expect(asked).toEqual(['CA-silent']);
    const inbox = await sql<{ attempt_id: number; event_key: string }>(
      `SELECT attempt_id, event_key FROM call_callbacks WHERE campaign_id = $1 ORDER BY id`,
      [t.ctx.campaignId],
    );
    expect(inbox.map((row) => [Number(row.attempt_id), row.event_key])).toEqual([
      [silent, 'status:completed:reconciled-completed'],
    ]);
  });
});

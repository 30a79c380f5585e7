import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { defaultCallingWindows } from '../../../../contracts/calling.ts';
import { createTestApp, engines, type TestApp } from '../../../testing/harness.ts';
import { CarrierError, type VoiceCarrier } from '../carrier/port.ts';
import { cancelQueuedOutsideWindows } from './window-cancel.ts';

/** Tuesday 8 December 2026, 11:00 in Paris, and the Saturday after. */
const TUESDAY_11 = new Date('2026-12-08T10:00:00Z');
const SATURDAY_11 = new Date('2026-12-12T10:00:00Z');

describe.each(engines)('calls queued at the carrier when a window closes (%s)', (engine) => {
  let t: TestApp;
  let broadcastId: number;
  const cancelled: string[] = [];
  /** Cancels every call but the one already ringing there. */
  const carrier = {
    async cancelCall(sid: string) {
      if (sid === 'CA-ringing')
        throw new CarrierError('rejected', 'Call is not in a modifiable state');
      cancelled.push(sid);
    },
  } as unknown as VoiceCarrier;

  const sql = <T>(text: string, params: unknown[] = []) => t.ctx.database.query<T>(text, params);

  beforeAll(async () => {
    t = await createTestApp(engine, { CALLING_DIALLER: 'false' });
    const c = t.ctx.campaignId;
    const [broadcast] = await sql<{ id: number }>(
      `INSERT INTO call_broadcasts (campaign_id, name, status, audience_kind, windows, max_concurrent,
              calls_per_second, ramp_seconds, max_attempts, retry_minutes, ring_seconds,
              answer_rate_floor_percent, machine_action, audience_count, launched_at)
       VALUES ($1, 'Semaine', 'running', 'list', $2, 10, 1, 0, 2, 60, 25, 0, 'message', 2, now())
       RETURNING id`,
      [c, JSON.stringify(defaultCallingWindows)],
    );
    broadcastId = Number(broadcast!.id);
    for (const [n, sid] of [
      [1, 'CA-queued'],
      [2, 'CA-ringing'],
    ] as const) {
      const [target] = await sql<{ id: number }>(
        `INSERT INTO call_targets (campaign_id, broadcast_id, e164, territory, slot_weekdays, slot_from, slot_to,
                status, attempts, next_at)
         VALUES ($1, $2, $3, 'metropole', '{1,2,3,4,5,6,7}', '08:00', '21:00', 'dialing', 1, now()) RETURNING id`,
        [c, broadcastId, `+3361200000${n}`],
      );
      const [attempt] = await sql<{ id: number }>(
        `INSERT INTO call_attempts (campaign_id, broadcast_id, target_id, to_e164, caller_id, state, carrier_call_id)
         VALUES ($1, $2, $3, $4, '+33162000001', 'queued', $5) RETURNING id`,
        [c, broadcastId, target!.id, `+3361200000${n}`, sid],
      );
      await sql(`UPDATE call_targets SET last_attempt_id = $3 WHERE campaign_id = $1 AND id = $2`, [
        c,
        target!.id,
        attempt!.id,
      ]);
    }
  });
  afterAll(() => t?.close());

  it('leaves them be while the window is open', async () => {
    expect(await cancelQueuedOutsideWindows(t.ctx, carrier, TUESDAY_11)).toBe(0);
    expect(cancelled).toEqual([]);
  });

  it('cancels them once it closes, and the numbers go back to be dialled', async () => {
    // The default windows are closed on Saturdays.
    expect(await cancelQueuedOutsideWindows(t.ctx, carrier, SATURDAY_11)).toBe(1);
    expect(cancelled).toEqual(['CA-queued']);
    const rows = await sql<{ sid: string; state: string; target: string; attempts: number }>(
      `SELECT a.carrier_call_id AS sid, a.state, t.status AS target, t.attempts
         FROM call_attempts a JOIN call_targets t ON t.campaign_id = a.campaign_id AND t.id = a.target_id
        WHERE a.campaign_id = $1 AND a.broadcast_id = $2 ORDER BY a.id`,
      [t.ctx.campaignId, broadcastId],
    );
    expect(rows).toEqual([
      // Not counted as a try: due again, for when the window opens.
      { sid: 'CA-queued', state: 'not_placed', target: 'due', attempts: 0 },
      // Already ringing at the carrier: it ends as it will.
      { sid: 'CA-ringing', state: 'queued', target: 'dialing', attempts: 1 },
    ]);
  });
});

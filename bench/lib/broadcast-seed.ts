/**
 * What a voice broadcast leaves in the database while it runs, written by SQL for the dashboard
 * benchmark: `attempts` numbers frozen (`call_targets`), one attempt each (`call_attempts`),
 * dialled at `pace` calls a second up to now, the last `open` still in a call, the others
 * ended (55% completed, a third of them by machines, 5% busy, 35% no answer, 5% failed) and
 * their numbers settled; the dashboard's counts per hour and département and the numbers
 * settled per hour compacted (`call_stats`, as `compactStats` leaves them) plus `deltas` rows
 * of the current hour not merged yet (as `addStats` and `countDone` add them between two
 * compactions).
 */
import { sql } from 'drizzle-orm';
import { defaultCallingWindows } from '../../src/contracts/calling.ts';
import type { AppContext } from '../../src/server/core/context.ts';

/** Metropolitan départements (Corsica as 2A and 2B) and the overseas ones. */
const DEPARTEMENTS = [
  ...Array.from({ length: 95 }, (_, i) => String(i + 1).padStart(2, '0')).filter((d) => d !== '20'),
  '2A',
  '2B',
  '971',
  '972',
  '973',
  '974',
  '976',
];

export interface SeedShape {
  attempts: number;
  pace: number;
  open: number;
  deltas: number;
}

export interface SeededBroadcast {
  broadcastId: number;
  /** When the newest attempt was dialled (the database's clock). */
  anchor: Date;
}

export async function seedRunningBroadcast(
  ctx: AppContext,
  shape: SeedShape,
): Promise<SeededBroadcast> {
  const { campaignId } = ctx;
  const { attempts: n, pace, open } = shape;
  const [{ now }] = await ctx.database.query<{ now: Date }>(sql`SELECT now() AS now`);
  const [broadcast] = await ctx.database.query<{ id: number }>(
    sql`INSERT INTO call_broadcasts (campaign_id, name, status, audience_kind, list_id, recording_id, windows,
               max_concurrent, calls_per_second, ramp_seconds, max_attempts, retry_minutes, ring_seconds,
               answer_rate_floor_percent, audience_count, launched_at, approved_by, opt_out_confirmed_at)
        VALUES (${campaignId}, 'Appel du candidat', 'running', 'list', 1, 1, ${JSON.stringify(defaultCallingWindows)}::jsonb,
                5000, ${pace}, 0, 1, 60, 25, 5, ${n},
                ${now}::timestamptz - make_interval(secs => ${n / pace}), 1, now())
        RETURNING id`,
  );
  const id = Number(broadcast.id);
  const dialledAt = sql`${now}::timestamptz - make_interval(secs => (${n} - g) / ${pace}::float8)`;
  await ctx.database.query(
    sql`INSERT INTO call_targets (campaign_id, broadcast_id, id, e164, territory, departement, slot_weekdays,
               slot_from, slot_to, status, result, attempts, next_at, last_attempt_id)
        OVERRIDING SYSTEM VALUE
        SELECT ${campaignId}, ${id}, g, '+336' || lpad((10000000 + g)::text, 8, '0'), 'metropole',
               (${DEPARTEMENTS}::text[])[1 + g % ${DEPARTEMENTS.length}], '{1,2,3,4,5}', '09:00', '19:00',
               CASE WHEN g > ${n - open} THEN 'dialing' ELSE 'done' END,
               CASE WHEN g > ${n - open} THEN NULL
                    WHEN g % 20 < 11 THEN 'completed' WHEN g % 20 = 11 THEN 'busy'
                    WHEN g % 20 < 19 THEN 'no_answer' ELSE 'failed' END,
               1, ${dialledAt}, g
          FROM generate_series(1, ${n}) AS g`,
  );
  await ctx.database.query(
    sql`INSERT INTO call_attempts (campaign_id, id, broadcast_id, target_id, to_e164, caller_id, state, answered_as,
               listened_to_end, carrier_call_id, dialled_at, answered_at, ended_at, duration_seconds, price_cents)
        OVERRIDING SYSTEM VALUE
        SELECT ${campaignId}, g, ${id}, g, '+336' || lpad((10000000 + g)::text, 8, '0'),
               CASE WHEN g % 2 = 0 THEN '+33162000001' ELSE '+33162000002' END, s.state,
               CASE WHEN s.state = 'completed' THEN CASE WHEN g % 3 = 0 THEN 'machine' ELSE 'human' END END,
               s.state = 'completed' AND g % 3 <> 0 AND g % 5 < 3,
               'CA' || md5(g::text), ${dialledAt},
               CASE WHEN s.state = 'completed' THEN ${dialledAt} + interval '12 seconds' END,
               CASE WHEN s.state <> 'ringing' THEN ${dialledAt} + interval '40 seconds' END,
               CASE WHEN s.state = 'completed' THEN 28 END,
               CASE WHEN s.state = 'completed' THEN 2 END
          FROM generate_series(1, ${n}) AS g,
               LATERAL (SELECT CASE WHEN g > ${n - open} THEN 'ringing'
                                    WHEN g % 20 < 11 THEN 'completed' WHEN g % 20 = 11 THEN 'busy'
                                    WHEN g % 20 < 19 THEN 'no_answer' ELSE 'failed' END AS state) s`,
  );
  for (const table of ['call_targets', 'call_attempts']) {
    await ctx.database.query(sql`SELECT setval(pg_get_serial_sequence(${table}, 'id'), ${n})`);
    // Statistics first: without them the join below may be planned as a nested loop.
    await ctx.database.query(sql.raw(`VACUUM ANALYZE ${table}`));
  }
  await ctx.database.query(
    sql`INSERT INTO call_stats (campaign_id, broadcast_id, hour, departement, dialled, answered_human,
               answered_machine, listened, busy, no_answer, failed, billed_minutes)
        SELECT a.campaign_id, a.broadcast_id, date_trunc('hour', a.dialled_at), coalesce(t.departement, ''),
               count(*), count(*) FILTER (WHERE a.state = 'completed' AND a.answered_as = 'human'),
               count(*) FILTER (WHERE a.state = 'completed' AND a.answered_as = 'machine'),
               count(*) FILTER (WHERE a.listened_to_end), count(*) FILTER (WHERE a.state = 'busy'),
               count(*) FILTER (WHERE a.state = 'no_answer'), count(*) FILTER (WHERE a.state = 'failed'),
               coalesce(sum(ceil(a.duration_seconds / 60.0)) FILTER (WHERE a.state = 'completed'), 0)
          FROM call_attempts a
          JOIN call_targets t ON t.campaign_id = a.campaign_id AND t.broadcast_id = a.broadcast_id AND t.id = a.target_id
         WHERE a.campaign_id = ${campaignId} AND a.broadcast_id = ${id} AND a.state <> 'ringing'
         GROUP BY 1, 2, 3, 4`,
  );
  // Numbers settled, counted apart (département '') on the hour they were, as countDone does.
  await ctx.database.query(
    sql`INSERT INTO call_stats (campaign_id, broadcast_id, hour, departement, settled)
        SELECT ${campaignId}, ${id}, date_trunc('hour', ended_at), '', count(*)
          FROM call_attempts WHERE campaign_id = ${campaignId} AND broadcast_id = ${id} AND state <> 'ringing'
         GROUP BY 3`,
  );
  // Deltas of the current hour not merged yet: three of the applier's per département, one of
  // numbers settled.
  await ctx.database.query(
    sql`INSERT INTO call_stats (campaign_id, broadcast_id, hour, departement, dialled, answered_human, no_answer, settled)
        SELECT ${campaignId}, ${id}, date_trunc('hour', ${now}::timestamptz),
               CASE WHEN g % 4 = 0 THEN '' ELSE (${DEPARTEMENTS}::text[])[1 + g % ${DEPARTEMENTS.length}] END,
               CASE WHEN g % 4 = 0 THEN 0 ELSE 2 END, CASE WHEN g % 4 = 0 THEN 0 ELSE 1 END,
               CASE WHEN g % 4 = 0 THEN 0 ELSE 1 END, CASE WHEN g % 4 = 0 THEN 8 ELSE 0 END
          FROM generate_series(1, ${shape.deltas}) AS g`,
  );
  for (const table of ['call_stats', 'call_broadcasts']) {
    await ctx.database.query(sql.raw(`VACUUM ANALYZE ${table}`));
  }
  return { broadcastId: id, anchor: new Date(now) };
}

/**
 * Moves the newest `tail` attempts' dial times forward to now (the broadcast went on dialling
 * meanwhile), so that the last minute holds as many dials at every round, then vacuums the
 * table (the moved rows' old versions gone, the visibility map set, as a while later).
 */
export async function retimeTail(
  ctx: AppContext,
  seeded: SeededBroadcast,
  attempts: number,
  tail: number,
): Promise<void> {
  const [{ now }] = await ctx.database.query<{ now: Date }>(sql`SELECT now() AS now`);
  const shiftMs = new Date(now).getTime() - seeded.anchor.getTime();
  await ctx.database.query(
    sql`UPDATE call_attempts SET dialled_at = dialled_at + make_interval(secs => ${shiftMs / 1000})
         WHERE campaign_id = ${ctx.campaignId} AND broadcast_id = ${seeded.broadcastId} AND id > ${attempts - tail}`,
  );
  seeded.anchor = new Date(now);
  await ctx.database.query(sql`VACUUM call_attempts`);
}

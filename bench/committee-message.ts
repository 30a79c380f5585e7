/**
 * A committee message to 5,000 members, on PostgreSQL:
 *   npm run bench -- committee-message [--members 5000] [--runs 20]
 * Times the service that queues it (the message row, one outbox row per subscribed member in
 * one INSERT … SELECT, the count) against a bare INSERT … SELECT of as many rows into the
 * outbox, alternately in one run. Target: the message ≤ 2 × the bare insert (median).
 */
import { sql } from 'drizzle-orm';
import { mkdirSync, writeFileSync } from 'node:fs';
import { parseArgs } from 'node:util';
import { loadConfig } from '../src/server/core/config.ts';
import { runSql } from '../src/server/core/db/statement.ts';
import { closeContext, createContext } from '../src/server/core/runtime.ts';
import { sendCommitteeMessage } from '../src/server/features/committees/messages.ts';
import { freshDatabase } from './lib/pg.ts';

const { values } = parseArgs({
  options: {
    members: { type: 'string', default: '5000' },
    runs: { type: 'string', default: '20' },
  },
});
const members = Number(values.members);
const runs = Number(values.runs);

const db = await freshDatabase('levier_bench_committee_message');
const ctx = await createContext(loadConfig({ DATABASE_URL: db.url, LOG_LEVEL: 'silent' }));
const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;
try {
  await runSql(
    ctx.database,
    sql`INSERT INTO people (campaign_id, email, email_normalized, first_name, source, recruit_code, search_text, confirmed_at)
        SELECT ${ctx.campaignId}, 'm' || g || '@example.org', 'm' || g || '@example.org', 'Membre', 'import', 'c' || g, 'x', now()
          FROM generate_series(1, ${members}) g`,
  );
  const [committee] = await runSql<{ id: number }>(
    ctx.database,
    sql`INSERT INTO committees (campaign_id, name, lat, lng, location, precision, place_label, member_count)
        VALUES (${ctx.campaignId}, 'Comité', 45.76, 4.84, point(0, 0), 'commune', 'Lyon', ${members}) RETURNING id`,
  );
  const committeeId = Number(committee!.id);
  await runSql(
    ctx.database,
    sql`INSERT INTO committee_members (campaign_id, committee_id, person_id, rank)
        SELECT ${ctx.campaignId}, ${committeeId}, id, CASE WHEN id = (SELECT min(id) FROM people) THEN 'organiser' ELSE 'member' END
          FROM people WHERE campaign_id = ${ctx.campaignId}`,
  );
  const [{ id: authorId }] = await runSql<{ id: number }>(
    ctx.database,
    sql`SELECT min(id)::bigint AS id FROM people WHERE campaign_id = ${ctx.campaignId}`,
  );
  await ctx.database.exec('ANALYZE');
  const message: number[] = [];
  const bare: number[] = [];
  for (let i = 0; i < runs + 2; i++) {
    let t0 = performance.now();
    const sent = await sendCommitteeMessage(ctx, committeeId, Number(authorId), {
      subject: `Message ${i}`,
      body: 'Rendez-vous samedi à 10 h **place Bellecour**.',
      lowestRank: 'follower',
    });
    const messageMs = performance.now() - t0;
    if (sent.recipients !== members) throw new Error(`queued ${sent.recipients}`);
    t0 = performance.now();
    await runSql(
      ctx.database,
      sql`INSERT INTO mail_outbox (campaign_id, kind, person_id, to_address, template, payload, purpose, subscription)
          SELECT ${ctx.campaignId}, 'bare', g, 'm' || g || '@example.org', 'committee_message',
                 jsonb_build_object('messageId', 1, 'personId', g, 'locale', 'fr'), 'committee_message', 'committee:1'
            FROM generate_series(1, ${members}) g`,
    );
    const bareMs = performance.now() - t0;
    // The first two warm both up.
    if (i >= 2) {
      message.push(messageMs);
      bare.push(bareMs);
    }
  }
  const result = {
    date: new Date().toISOString(),
    members,
    runs,
    messageMedianMs: +median(message).toFixed(1),
    bareMedianMs: +median(bare).toFixed(1),
    ratio: +(median(message) / median(bare)).toFixed(2),
  };
  console.table([result]);
  console.log(`ratio message / bare INSERT … SELECT: ${result.ratio} (target ≤ 2)`);
  mkdirSync(new URL('./results/', import.meta.url), { recursive: true });
  writeFileSync(
    new URL('./results/committee-message.json', import.meta.url),
    JSON.stringify(result, null, 2),
  );
} finally {
  await closeContext(ctx);
  await db.drop();
}

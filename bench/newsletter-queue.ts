/**
 * A newsletter to 230,000 recipients, on PostgreSQL:
 *   npm run bench -- newsletter-queue [--people 230000] [--runs 5]
 * Times its start (`scheduleNewsletter` now, then `releaseDueNewsletters`: the audience frozen
 * into a snapshot, one outbox row per recipient who agreed to email, in set-based statements;
 * the bodies are rendered when each mail is sent, not here) against a bare INSERT … SELECT of
 * the same people into the snapshot table plus the same into the outbox, alternately in one
 * run after one warm-up of each. Target: the start ≤ 2 × the bare inserts (median).
 */
import { sql } from 'drizzle-orm';
import { mkdirSync, writeFileSync } from 'node:fs';
import { loadavg } from 'node:os';
import { parseArgs } from 'node:util';
import { loadConfig } from '../src/server/core/config.ts';
import { runSql } from '../src/server/core/db/statement.ts';
import { closeContext, createContext } from '../src/server/core/runtime.ts';
import { releaseDueNewsletters } from '../src/server/features/newsletters/send.ts';
import {
  createNewsletter,
  getNewsletter,
  scheduleNewsletter,
} from '../src/server/features/newsletters/service.ts';
import { freshDatabase } from './lib/pg.ts';

const { values } = parseArgs({
  options: {
    people: { type: 'string', default: '230000' },
    runs: { type: 'string', default: '5' },
  },
});
const people = Number(values.people);
const runs = Number(values.runs);

const db = await freshDatabase('levier_bench_newsletter');
const ctx = await createContext(loadConfig({ DATABASE_URL: db.url, LOG_LEVEL: 'silent' }));
const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;
try {
  await runSql(
    ctx.database,
    sql`INSERT INTO people (campaign_id, email, email_normalized, first_name, commune_name, source,
                            recruit_code, search_text, confirmed_at, consent_email)
        SELECT ${ctx.campaignId}, 'p' || g || '@example.org', 'p' || g || '@example.org', 'Prénom',
               'Lyon', 'import', 'n' || g, 'x', now(), true
          FROM generate_series(1, ${people}) g`,
  );
  const [{ id: authorId }] = await runSql<{ id: number }>(
    ctx.database,
    sql`SELECT min(id)::bigint AS id FROM people WHERE campaign_id = ${ctx.campaignId}`,
  );
  await ctx.database.exec('ANALYZE');
  const start: number[] = [];
  const bare: number[] = [];
  for (let i = 0; i < runs + 1; i++) {
    const letter = await createNewsletter(
      ctx,
      {
        name: `Lettre ${i}`,
        subject: 'Bonjour {prénom}',
        preheader: '',
        body: 'Les nouvelles de **{commune}**.',
        segmentId: null,
      },
      Number(authorId),
    );
    let t0 = performance.now();
    await scheduleNewsletter(ctx, letter.id, null, Number(authorId));
    await releaseDueNewsletters(ctx);
    const startMs = performance.now() - t0;
    const started = await getNewsletter(ctx, letter.id);
    if (started.counts.recipients !== people) {
      throw new Error(`queued ${started.counts.recipients} of ${people}`);
    }
    t0 = performance.now();
    await ctx.database.transaction(async (query) => {
      await query(
        sql`INSERT INTO audience_members (campaign_id, audience_snapshot_id, person_id)
            SELECT ${ctx.campaignId}, ${-1 - i}, id FROM people WHERE campaign_id = ${ctx.campaignId}`,
      );
      await query(
        sql`INSERT INTO mail_outbox (campaign_id, kind, person_id, to_address, template, payload, purpose, message_id)
            SELECT ${ctx.campaignId}, 'bare', id, email, 'newsletter',
                   jsonb_build_object('newsletterId', 1, 'personId', id, 'locale', locale), 'newsletter', ${-1 - i}
              FROM people WHERE campaign_id = ${ctx.campaignId}`,
      );
    });
    const bareMs = performance.now() - t0;
    // The first run of each warms up.
    if (i >= 1) {
      start.push(startMs);
      bare.push(bareMs);
    }
  }
  const result = {
    date: new Date().toISOString(),
    load: loadavg().map((n) => +n.toFixed(2)),
    people,
    runs,
    startMedianMs: +median(start).toFixed(1),
    bareMedianMs: +median(bare).toFixed(1),
    ratio: +(median(start) / median(bare)).toFixed(2),
    startMs: start.map((ms) => Math.round(ms)),
    bareMs: bare.map((ms) => Math.round(ms)),
  };
  console.table([
    { ...result, startMs: result.startMs.join(' '), bareMs: result.bareMs.join(' ') },
  ]);
  console.log(
    `ratio start / bare INSERT … SELECT (snapshot + outbox): ${result.ratio} (target ≤ 2)`,
  );
  mkdirSync(new URL('./results/', import.meta.url), { recursive: true });
  writeFileSync(
    new URL('./results/newsletter-queue.json', import.meta.url),
    JSON.stringify(result, null, 2),
  );
} finally {
  await closeContext(ctx);
  await db.drop();
}

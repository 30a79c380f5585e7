/**
 * Sending a newsletter to a local SMTP server with DKIM, on PostgreSQL:
 *   npm run bench -- newsletter-send [--mails 5000] [--runs 3] [--throttled-seconds 20]
 * 1. Unthrottled: a newsletter to `mails` people is started, then the mail dispatcher sends
 *    it (claims, the compliance gate, each body rendered for its recipient, signed, handed to
 *    the SMTP pool, marked sent) to an SMTP sink in its own process. Against it, alternately
 *    in the same run: a bare nodemailer loop (the same pool of 5 connections, the same DKIM
 *    key) sending the same number of the same rendered mail. Target: Levier's mails/s ≥ 0.5 ×
 *    the bare loop's (medians).
 * 2. Throttled: MAIL_RATE_PER_SECOND set to half of Levier's unthrottled rate, a newsletter
 *    of as many mails as that rate sends in `throttled-seconds`. Target: mails/s ≥ 0.8 × the
 *    configured rate.
 */
import { generateKeyPairSync } from 'node:crypto';
import { mkdirSync, writeFileSync } from 'node:fs';
import { loadavg } from 'node:os';
import { parseArgs } from 'node:util';
import { sql } from 'drizzle-orm';
import nodemailer from 'nodemailer';
import { parseConnectionUrl } from 'nodemailer/lib/shared/index.js';
import { loadConfig } from '../src/server/core/config.ts';
import type { AppContext } from '../src/server/core/context.ts';
import { runSql } from '../src/server/core/db/statement.ts';
import { mailRenderer } from '../src/server/core/mail/registry.ts';
import { closeContext, createContext, startJobs } from '../src/server/core/runtime.ts';
import { registerFeatureJobs } from '../src/server/features/jobs.ts';
import {
  createNewsletter,
  getNewsletter,
  scheduleNewsletter,
} from '../src/server/features/newsletters/service.ts';
import { releaseDueNewsletters } from '../src/server/features/newsletters/send.ts';
import { freshDatabase } from './lib/pg.ts';
import { startSmtpSink } from './lib/smtp-sink-process.ts';

const { values } = parseArgs({
  options: {
    mails: { type: 'string', default: '5000' },
    runs: { type: 'string', default: '3' },
    'throttled-seconds': { type: 'string', default: '20' },
  },
});
const mails = Number(values.mails);
const runs = Number(values.runs);
const throttledSeconds = Number(values['throttled-seconds']);
const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;

const privateKey = generateKeyPairSync('rsa', { modulusLength: 2048 }).privateKey.export({
  type: 'pkcs8',
  format: 'pem',
}) as string;
const dkim = { domainName: 'levier.test', keySelector: 'bench', privateKey };
const FROM = 'Campagne <lettres@levier.test>';

const sink = await startSmtpSink();
const db = await freshDatabase('levier_bench_newsletter_send');

async function context(rate?: number): Promise<AppContext> {
  const ctx = await createContext(
    loadConfig({
      DATABASE_URL: db.url,
      LOG_LEVEL: 'silent',
      SMTP_URL: sink.url,
      MAIL_FROM: FROM,
      MAIL_DKIM_DOMAIN: dkim.domainName,
      MAIL_DKIM_SELECTOR: dkim.keySelector,
      MAIL_DKIM_PRIVATE_KEY: privateKey,
      MAIL_RETURN_PATH: 'bounces@levier.test',
      ...(rate ? { MAIL_RATE_PER_SECOND: String(rate) } : {}),
    }),
  );
  // Templates and the gate registered; nothing consumes jobs: the bench drains the mail itself.
  await startJobs(ctx, false, registerFeatureJobs);
  return ctx;
}

/** Starts a newsletter to the first `count` people (a segment of them) and sends it all. */
async function sendNewsletter(ctx: AppContext, authorId: number, count: number, name: string) {
  const letter = await createNewsletter(
    ctx,
    {
      name,
      subject: 'Bonjour {prénom}',
      preheader: 'Les nouvelles de la semaine',
      body: 'Chère {prénom},\n\nLes nouvelles de **{commune}** : trois rendez-vous cette semaine, [le programme](https://levier.test/programme).',
      segmentId: null,
    },
    authorId,
  );
  await runSql(
    ctx.database,
    sql`UPDATE people SET consent_email = (id < ${authorId + count}) WHERE campaign_id = ${ctx.campaignId}`,
  );
  await scheduleNewsletter(ctx, letter.id, null, authorId);
  await releaseDueNewsletters(ctx);
  const t0 = performance.now();
  await ctx.mailer.drain();
  const ms = performance.now() - t0;
  const { counts } = await getNewsletter(ctx, letter.id);
  if (counts.sent !== count) {
    const why = await runSql<{ last_error: string; n: number }>(
      ctx.database,
      sql`SELECT last_error, count(*)::int AS n FROM mail_outbox
           WHERE campaign_id = ${ctx.campaignId} AND message_id = ${letter.id} AND status <> 'sent'
           GROUP BY 1`,
    );
    throw new Error(`sent ${counts.sent} of ${count}: ${JSON.stringify(why)}`);
  }
  return { ms, rate: count / (ms / 1000), letterId: letter.id };
}

/** The bare loop: the same rendered mail, the same pool and key, 5 in flight. */
async function bareLoop(rendered: { subject: string; text: string; html: string }, count: number) {
  const transporter = nodemailer.createTransport({
    ...parseConnectionUrl(sink.url),
    pool: true,
    maxConnections: 5,
    dkim,
  });
  const t0 = performance.now();
  let next = 0;
  await Promise.all(
    Array.from({ length: 5 }, async () => {
      while (next < count) {
        const n = next++;
        await transporter.sendMail({
          from: FROM,
          to: `p${n}@example.org`,
          subject: rendered.subject,
          text: rendered.text,
          html: rendered.html,
        });
      }
    }),
  );
  const ms = performance.now() - t0;
  transporter.close();
  return { ms, rate: count / (ms / 1000) };
}

let ctx = await context();
try {
  const people = Math.max(mails, 1);
  await runSql(
    ctx.database,
    sql`INSERT INTO people (campaign_id, email, email_normalized, first_name, commune_name, source,
                            recruit_code, search_text, confirmed_at, consent_email)
        SELECT ${ctx.campaignId}, 'p' || g || '@example.org', 'p' || g || '@example.org', 'Prénom',
               'Lyon', 'import', 'n' || g, 'x', now(), true
          FROM generate_series(1, ${people * 2}) g`,
  );
  // Their consent as the gate reads it (the records), not only the column the audience reads.
  await runSql(
    ctx.database,
    sql`INSERT INTO person_consents (campaign_id, person_id, channel, status, source, wording_version, at)
        SELECT ${ctx.campaignId}, id, 'email', 'granted', 'import', '', now() FROM people
         WHERE campaign_id = ${ctx.campaignId}`,
  );
  const [{ id: first }] = await runSql<{ id: number }>(
    ctx.database,
    sql`SELECT min(id)::bigint AS id FROM people WHERE campaign_id = ${ctx.campaignId}`,
  );
  const authorId = Number(first);
  await ctx.database.exec('ANALYZE');

  const levier: number[] = [];
  const bare: number[] = [];
  let rendered: { subject: string; text: string; html: string } | null = null;
  for (let i = 0; i < runs + 1; i++) {
    const sent = await sendNewsletter(ctx, authorId, mails, `Lettre ${i}`);
    rendered ??= await mailRenderer('newsletter')({
      newsletterId: sent.letterId,
      personId: authorId,
      locale: 'fr',
    });
    const loop = await bareLoop(rendered, mails);
    // The first of each warms up.
    if (i >= 1) {
      levier.push(sent.rate);
      bare.push(loop.rate);
    }
  }
  const unthrottled = median(levier);
  await closeContext(ctx);

  const configured = Math.max(1, Math.round(unthrottled / 2));
  const throttledMails = configured * throttledSeconds;
  ctx = await context(configured);
  const throttled = await sendNewsletter(ctx, authorId, throttledMails, 'Lettre au pas');

  const result = {
    date: new Date().toISOString(),
    load: loadavg().map((n) => +n.toFixed(2)),
    mails,
    runs,
    levierPerSecond: +unthrottled.toFixed(1),
    barePerSecond: +median(bare).toFixed(1),
    ratio: +(unthrottled / median(bare)).toFixed(2),
    levierRuns: levier.map((r) => Math.round(r)),
    bareRuns: bare.map((r) => Math.round(r)),
    configuredRate: configured,
    throttledMails,
    throttledPerSecond: +throttled.rate.toFixed(1),
    throttledRatio: +(throttled.rate / configured).toFixed(3),
  };
  console.table([
    {
      ...result,
      levierRuns: result.levierRuns.join(' '),
      bareRuns: result.bareRuns.join(' '),
    },
  ]);
  console.log(
    `unthrottled: Levier / bare nodemailer loop, both signed: ${result.ratio} (target ≥ 0.5)`,
  );
  console.log(
    `throttled at ${configured}/s: ${result.throttledPerSecond}/s = ${result.throttledRatio} × the rate (target ≥ 0.8)`,
  );
  mkdirSync(new URL('./results/', import.meta.url), { recursive: true });
  writeFileSync(
    new URL('./results/newsletter-send.json', import.meta.url),
    JSON.stringify(result, null, 2),
  );
} finally {
  await closeContext(ctx).catch(() => undefined);
  await db.drop();
  await sink.stop();
}

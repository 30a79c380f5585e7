import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { eventually, type LogLine } from '../../testing/captured-log.ts';
import { createTestContext } from '../../testing/context.ts';
import { engines } from '../../testing/harness.ts';
import type { AppContext } from '../context.ts';
import { enqueueMail, type OutboxMail } from '../mail/outbox.ts';
import type { MailTransport, OutgoingMail } from '../mail/transport.ts';
import {
  createDispatcher,
  createDispatchLoop,
  Rate,
  registerBeforeSend,
  type ChannelDefinition,
  type OutboxItem,
} from './index.ts';

/** A transport that keeps what it sends, or throws while `failing` is set. */
function memoryTransport() {
  const sent: OutgoingMail[] = [];
  const state = { failing: '' };
  const transport: MailTransport = {
    name: 'smtp',
    async send(mail) {
      if (state.failing) throw new Error(state.failing);
      sent.push(mail);
    },
    close: () => undefined,
  };
  return { transport, sent, state };
}

describe.each(engines)('the outbox dispatcher on %s', (engine) => {
  let ctx: AppContext;
  let lines: LogLine[];
  let close: () => Promise<void>;
  const memory = memoryTransport();
  let unregister: Array<() => void> = [];

  beforeAll(async () => {
    ({ ctx, lines, close } = await createTestContext(engine, { transport: memory.transport }));
  });
  afterAll(() => close());
  afterEach(async () => {
    for (const remove of unregister) remove();
    unregister = [];
    memory.state.failing = '';
    await ctx.mailer.stop();
    await ctx.database.query('DELETE FROM mail_outbox');
    memory.sent.length = 0;
  });

  const queue = (to: string, kind = 'test') =>
    enqueueMail(ctx.database, ctx.campaignId, {
      kind,
      personId: null,
      to,
      subject: `to ${to}`,
      text: 'hello',
    });
  const row = async (to: string) =>
    (
      await ctx.database.query<{
        id: number;
        status: string;
        attempts: number;
        last_error: string | null;
        text_body: string | null;
        next_attempt_at: Date;
      }>(
        'SELECT id, status, attempts, last_error, text_body, next_attempt_at FROM mail_outbox WHERE to_address = $1',
        [to],
      )
    )[0];

  it('logs a transport error with the campaign, keeps the mail for a retry, and the loop goes on', async () => {
    memory.state.failing = 'SMTP 421 try later';
    await queue('a@levier.test');
    ctx.mailer.start();
    const line = await eventually('the failure logged', () =>
      lines.find((l) => l.msg === 'mail not sent, will retry'),
    );
    expect(line).toMatchObject({
      level: 40,
      campaignId: ctx.campaignId,
      channel: 'mail',
      kind: 'test',
      attempt: 1,
      err: { message: 'SMTP 421 try later' },
    });
    expect(await row('a@levier.test')).toMatchObject({
      status: 'pending',
      attempts: 1,
      last_error: 'SMTP 421 try later',
    });
    // The transport is back and the retry is due: the running loop sends it.
    memory.state.failing = '';
    await ctx.database.query('UPDATE mail_outbox SET next_attempt_at = now()');
    await eventually('the retry sent', () => memory.sent.length === 1);
    expect(await row('a@levier.test')).toMatchObject({ status: 'sent', last_error: null });
  });

  it('marks a mail failed after its last try, logged as an error', async () => {
    memory.state.failing = 'mailbox unavailable';
    await queue('b@levier.test');
    await ctx.database.query('UPDATE mail_outbox SET attempts = 7');
    await ctx.mailer.drain();
    expect(await row('b@levier.test')).toMatchObject({ status: 'failed', attempts: 8 });
    expect(lines.find((l) => l.msg === 'mail not sent, given up')).toMatchObject({
      level: 50,
      campaignId: ctx.campaignId,
      giveUp: true,
    });
  });

  it('logs a failing round with the campaign and backs off, failure after failure', async () => {
    const missing: ChannelDefinition<OutboxItem> = {
      name: 'broken',
      table: 'no_such_outbox',
      columns: 'id AS "same"',
      send: async () => undefined,
      concurrency: 1,
      batchSize: 10,
      maxAttempts: 1,
      staleClaimSeconds: 600,
      retryDelaySeconds: () => 1,
    };
    const dispatcher = createDispatcher(ctx.database, ctx.campaignId, missing, ctx.log);
    const loop = createDispatchLoop(dispatcher, ctx.campaignId, ctx.log, 50);
    loop.start();
    const failures = await eventually('two failed rounds', () => {
      const found = lines.filter((l) => l.channel === 'broken');
      return found.length >= 2 ? found : undefined;
    });
    await loop.stop();
    expect(failures.slice(0, 2)).toMatchObject([
      { level: 50, campaignId: ctx.campaignId, failures: 1, pauseMs: 1000 },
      { level: 50, campaignId: ctx.campaignId, failures: 2, pauseMs: 2000 },
    ]);
    expect(failures[0].err?.message).toMatch(/no_such_outbox/);
  });

  it('asks the send checks just before sending: send, hold until a time, or suppress', async () => {
    const seen: OutboxMail[] = [];
    const until = new Date(Date.now() + 3600_000);
    unregister.push(
      registerBeforeSend<OutboxMail>('mail', (mail, context) => {
        seen.push(mail);
        expect(context).toMatchObject({ campaignId: ctx.campaignId, channel: 'mail' });
        if (mail.to === 'held@levier.test') return { hold: until, reason: 'pre-election silence' };
        if (mail.to === 'gone@levier.test') return { suppress: 'opted out' };
        return 'send';
      }),
    );
    await queue('held@levier.test', 'newsletter');
    await queue('gone@levier.test', 'newsletter');
    await queue('ok@levier.test', 'newsletter');
    await ctx.mailer.drain();
    expect(memory.sent.map((m) => m.to)).toEqual(['ok@levier.test']);
    expect(seen.map((m) => [m.to, m.kind, m.personId, m.queuedAt instanceof Date])).toEqual(
      expect.arrayContaining([['held@levier.test', 'newsletter', null, true]]),
    );
    const held = await row('held@levier.test');
    expect(held).toMatchObject({
      status: 'pending',
      attempts: 0,
      last_error: 'held: pre-election silence',
      text_body: 'hello',
    });
    expect(new Date(held.next_attempt_at).getTime()).toBe(until.getTime());
    expect(await row('gone@levier.test')).toMatchObject({
      status: 'suppressed',
      last_error: 'not sent: opted out',
      text_body: null,
    });
    // A held mail is not claimed again before its time.
    expect(await ctx.mailer.drain()).toBe(0);
  });

  it('counts a check that throws as a failed try', async () => {
    unregister.push(
      registerBeforeSend('mail', () => {
        throw new Error('gate unavailable');
      }),
    );
    await queue('c@levier.test');
    await ctx.mailer.drain();
    expect(memory.sent).toHaveLength(0);
    expect(await row('c@levier.test')).toMatchObject({
      status: 'pending',
      attempts: 1,
      last_error: 'gate unavailable',
    });
  });

  it('claims again a mail whose claim is older than the stale delay (a crashed process)', async () => {
    await queue('crash@levier.test');
    await queue('busy@levier.test');
    await ctx.database.query(
      `UPDATE mail_outbox SET status = 'sending', attempts = 1,
              next_attempt_at = now() - interval '11 minutes' WHERE to_address = 'crash@levier.test'`,
    );
    await ctx.database.query(
      `UPDATE mail_outbox SET status = 'sending', attempts = 1,
              next_attempt_at = now() - interval '2 minutes' WHERE to_address = 'busy@levier.test'`,
    );
    await ctx.mailer.drain();
    expect(memory.sent.map((m) => m.to)).toEqual(['crash@levier.test']);
    expect(await row('crash@levier.test')).toMatchObject({ status: 'sent', attempts: 2 });
    expect(await row('busy@levier.test')).toMatchObject({ status: 'sending' });
  });

  it('never sends a campaign mail again whose send had begun when its process was lost', async () => {
    // Mail to three addresses, all claimed by a process lost 11 minutes ago: a campaign mail
    // being handed to the transport, one whose send had not begun, and a login code (whose
    // send is never marked: it is simply sent again).
    for (const to of ['begun@levier.test', 'waiting@levier.test']) {
      await enqueueMail(ctx.database, ctx.campaignId, {
        kind: 'newsletter',
        personId: null,
        to,
        subject: 'Lettre',
        text: 'hello',
        purpose: 'transactional',
      });
    }
    await queue('code@levier.test');
    await ctx.database.query(
      `UPDATE mail_outbox SET status = 'sending', attempts = 1, next_attempt_at = now() - interval '11 minutes',
              purpose = CASE WHEN kind = 'newsletter' THEN 'newsletter' ELSE purpose END,
              send_started_at = CASE WHEN to_address = 'begun@levier.test' THEN now() - interval '11 minutes' END`,
    );
    // No gate in this test: the newsletter's purpose is only what `once` reads.
    unregister.push(registerBeforeSend('mail', () => 'send'));
    await ctx.mailer.drain();
    expect(memory.sent.map((m) => m.to).sort()).toEqual([
      'code@levier.test',
      'waiting@levier.test',
    ]);
    expect(await row('begun@levier.test')).toMatchObject({
      status: 'failed',
      last_error: 'interrupted while being sent: not sent again, it may have arrived',
      text_body: null,
    });
    expect(
      lines.some(
        (line) => line.msg === 'mail: sends interrupted by a lost process, not tried again',
      ),
    ).toBe(true);
  });
});

describe('Rate', () => {
  it('spaces starts evenly across callers', async () => {
    let now = 1000;
    const slept: number[] = [];
    const rate = new Rate(
      4,
      () => now,
      async (ms) => {
        slept.push(ms);
      },
    );
    await Promise.all([rate.wait(), rate.wait(), rate.wait()]);
    expect(slept).toEqual([250, 500]);
    now += 2000;
    await rate.wait();
    expect(slept).toEqual([250, 500]);
  });
});

import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { z } from 'zod';
import type { LogLine } from '../../testing/captured-log.ts';
import { eventually } from '../../testing/captured-log.ts';
import { createTestContext } from '../../testing/context.ts';
import { engines } from '../../testing/harness.ts';
import type { AppContext } from '../context.ts';
import { defineJob, JobPayloadError, registerJobs, sendJob } from './index.ts';

const tries = new Map<string, number>();

/** Fails its first `failures` tries, then succeeds. */
const flaky = defineJob({
  name: 'test.flaky',
  payload: z.object({ key: z.string(), failures: z.number().int() }),
  retry: { limit: 2, delaySeconds: 1 },
  pollingIntervalSeconds: 0.5,
  async run(_ctx, { key, failures }) {
    const n = (tries.get(key) ?? 0) + 1;
    tries.set(key, n);
    if (n <= failures) throw new Error(`try ${n} of ${key} failed`);
  },
});

const scheduled = defineJob({
  name: 'test.scheduled',
  payload: z.object({ label: z.string() }),
  schedule: { cron: '0 4 * * *', payload: { label: 'nightly' } },
  run: async () => undefined,
});

describe.each(engines)('jobs on %s', (engine) => {
  let ctx: AppContext;
  let lines: LogLine[];
  let close: () => Promise<void>;

  beforeAll(async () => {
    ({ ctx, lines, close } = await createTestContext(engine));
    await registerJobs(ctx, [flaky, scheduled], true);
  });
  afterAll(() => close());

  const finalState = (id: string) =>
    eventually(`job ${id} to finish`, async () => {
      const job = await ctx.boss.getJobById(flaky.name, id);
      return job && (job.state === 'completed' || job.state === 'failed') ? job : undefined;
    });

  it('logs a failed try with the job name and id, and pg-boss retries it', async () => {
    const id = (await sendJob(ctx, flaky, { key: `${engine}-1`, failures: 1 }))!;
    const job = await finalState(id);
    expect(job.state).toBe('completed');
    expect(job.retryCount).toBe(1);
    expect(tries.get(`${engine}-1`)).toBe(2);
    const errors = lines.filter((l) => l.jobId === id);
    expect(errors).toHaveLength(1);
    expect(errors[0]).toMatchObject({
      level: 50,
      job: 'test.flaky',
      attempt: 1,
      attempts: 3,
      willRetry: true,
      msg: 'job test.flaky failed',
      err: { message: `try 1 of ${engine}-1 failed` },
    });
  });

  it('stops after the retry limit, every try logged', async () => {
    const id = (await sendJob(ctx, flaky, { key: `${engine}-2`, failures: 10 }))!;
    const job = await finalState(id);
    expect(job.state).toBe('failed');
    expect(tries.get(`${engine}-2`)).toBe(3);
    const errors = lines.filter((l) => l.jobId === id);
    expect(errors.map((l) => [l.attempt, l.willRetry])).toEqual([
      [1, true],
      [2, true],
      [3, false],
    ]);
  });

  it('refuses a bad payload at send: nothing is queued', async () => {
    const before = await ctx.boss.getQueueSize(flaky.name);
    // Deliberately wrong: the type says number, a caller from JSON may not.
    const bad = { key: 3, failures: 0 } as unknown as { key: string; failures: number };
    const sent = sendJob(ctx, flaky, bad);
    await expect(sent).rejects.toBeInstanceOf(JobPayloadError);
    await expect(sent).rejects.toThrow(/test\.flaky: key/);
    expect(await ctx.boss.getQueueSize(flaky.name)).toBe(before);
  });

  it('keeps the retry limit and schedule declared on the definition', async () => {
    const queue = await ctx.boss.getQueue(flaky.name);
    expect(queue).toMatchObject({ retryLimit: 2, retryDelay: 1, retryBackoff: true });
    const schedules = await ctx.boss.getSchedules();
    expect(schedules).toEqual(
      expect.arrayContaining([
        expect.objectContaining({
          name: 'test.scheduled',
          cron: '0 4 * * *',
          data: { label: 'nightly' },
          options: expect.objectContaining({ tz: 'Europe/Paris' }),
        }),
      ]),
    );
    expect(schedules.some((s) => s.name === flaky.name)).toBe(false);
  });
});

import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, engines, type TestApp } from '../../testing/harness.ts';
import type { AppContext } from '../context.ts';
import { HEALTH_RATE_LIMIT, readiness } from './index.ts';

const TOKEN = 'metrics-token-for-tests-0123456789';

describe.each(engines)('health and metrics (%s)', (engine) => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp(engine, { METRICS_TOKEN: TOKEN });
  });
  afterAll(() => t?.close());

  it('answers liveness and readiness, saying nothing sensitive', async () => {
    const live = await t.app.inject({ url: '/health' });
    expect(live.statusCode).toBe(200);
    expect(live.json()).toEqual({ status: 'ok' });
    const ready = await t.app.inject({ url: '/health/ready' });
    expect(ready.statusCode).toBe(200);
    expect(ready.headers['cache-control']).toBe('no-store');
    expect(ready.json()).toEqual({
      status: 'ok',
      checks: {
        database: 'ok',
        migrations: 'ok',
        workers: expect.stringMatching(/^(ok|starting)$/),
      },
    });
  });

  it('is not ready when the database does not answer, or migrations are missing', async () => {
    const failing = {
      ...t.ctx,
      database: { ...t.ctx.database, query: () => Promise.reject(new Error('connection refused')) },
    } as AppContext;
    expect(await readiness(failing)).toEqual({
      ready: false,
      checks: { database: 'failed', migrations: 'failed', workers: 'failed' },
    });
    const older = {
      ...t.ctx,
      config: { ...t.ctx.config, RUN_WORKERS: false },
      database: {
        ...t.ctx.database,
        query: () => Promise.resolve([{ migrated: '1000', cron_age: null }]),
      },
    } as unknown as AppContext;
    expect(await readiness(older)).toEqual({
      ready: false,
      checks: { database: 'ok', migrations: 'failed', workers: 'off' },
    });
  });

  it('rate limits the probes by address', async () => {
    const answers = [];
    for (let i = 0; i <= HEALTH_RATE_LIMIT.max; i++) {
      answers.push((await t.app.inject({ url: '/health', remoteAddress: '10.77.0.1' })).statusCode);
    }
    expect(answers.at(-1)).toBe(429);
    expect(answers.filter((status) => status === 200)).toHaveLength(HEALTH_RATE_LIMIT.max);
  });

  it('serves Prometheus metrics behind the bearer token, by route pattern', async () => {
    expect((await t.app.inject({ url: '/metrics' })).statusCode).toBe(401);
    const wrong = await t.app.inject({
      url: '/metrics',
      headers: { authorization: `Bearer ${TOKEN.replace('0', 'x')}` },
    });
    expect(wrong.statusCode).toBe(401);
    await t.app.inject({ url: '/api/committees/424242' });
    await t.app.inject({ url: '/api/site' });
    const response = await t.app.inject({
      url: '/metrics',
      headers: { authorization: `Bearer ${TOKEN}` },
    });
    expect(response.statusCode).toBe(200);
    expect(response.headers['content-type']).toMatch(/^text\/plain; version=0\.0\.4/);
    const text = response.body;
    expect(text).toMatch(
      /levier_http_requests_total\{method="GET",route="\/api\/committees\/:committeeId",status="404",campaign="1"\} 1/,
    );
    expect(text).toMatch(
      /levier_http_request_duration_seconds_bucket\{le="0\.005",campaign="1",method="GET",route="\/api\/site"/,
    );
    expect(text).not.toContain('424242');
    expect(text).toMatch(/levier_mail_outbox_pending\{due="now",campaign="1"\} \d+/);
    expect(text).toContain('# TYPE levier_job_queue_jobs gauge');
    expect(text).toContain('levier_process_cpu_seconds_total');
    if (engine === 'postgres') {
      expect(text).toMatch(/levier_db_pool_connections\{state="total",campaign="1"\} \d+/);
    }
  });

  it('has no /metrics without METRICS_TOKEN', async () => {
    const plain = await createTestApp('pglite');
    try {
      const response = await plain.app.inject({ url: '/metrics' });
      expect(response.statusCode).toBe(404);
    } finally {
      await plain.close();
    }
  });
});

import { randomUUID } from 'node:crypto';
import { Redis } from 'ioredis';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadConfig } from '../config.ts';
import { purgeRateLimitCounters } from './rate-limit-store.ts';
import {
  Browser,
  createTestApp,
  engines,
  signupBody,
  type TestApp,
} from '../../testing/harness.ts';

/** Redis too when TEST_REDIS_URL is set (CI sets it). */
const stores = ['memory', 'postgres', ...(process.env.TEST_REDIS_URL ? ['redis' as const] : [])];

describe.each(engines.flatMap((engine) => stores.map((store) => [engine, store] as const)))(
  'rate limits on %s with the %s store',
  (engine, store) => {
    let t: TestApp;
    // Each run counts under its own prefix: the Redis server is shared and outlives the tests.
    const prefix = `levier-test:${process.pid}:${engine}:${randomUUID()}:`;
    beforeAll(async () => {
      t = await createTestApp(engine, {
        RATE_LIMIT_STORE: store,
        SIGNUP_RATE_LIMIT: '3',
        LOGIN_RATE_LIMIT: '4',
        ...(store === 'redis'
          ? { REDIS_URL: process.env.TEST_REDIS_URL!, REDIS_KEY_PREFIX: prefix }
          : {}),
      });
    });
    afterAll(async () => {
      await t?.close();
    });

    it('limits a flood of sign-ups from one address without blocking others', async () => {
      const flooder = new Browser(t.app, '203.0.113.50');
      const statuses: number[] = [];
      for (let i = 0; i < 5; i++) {
        const response = await flooder.post(
          '/api/signup',
          signupBody({ email: `flood${i}@example.org` }),
        );
        statuses.push(response.statusCode);
      }
      expect(statuses).toEqual([200, 200, 200, 429, 429]);
      const other = new Browser(t.app, '198.51.100.50');
      expect(
        (await other.post('/api/signup', signupBody({ email: 'calm@example.org' }))).statusCode,
      ).toBe(200);
      const rows = await t.ctx.database.query(
        "SELECT id FROM people WHERE email_normalized LIKE 'flood%'",
      );
      expect(rows).toHaveLength(3);
    });

    it('counts code, link and password attempts against one login budget', async () => {
      const browser = new Browser(t.app, '203.0.113.51');
      await browser.session();
      const statuses = [
        (await browser.post('/api/auth/login/code', { email: 'x@example.org', code: '000000' }))
          .statusCode,
        (
          await browser.post('/api/auth/login/password', {
            email: 'x@example.org',
            password: 'nope',
          })
        ).statusCode,
        (await browser.post('/api/auth/login/link', { token: 'z'.repeat(43) })).statusCode,
        (await browser.post('/api/auth/login/start', { email: 'x@example.org' })).statusCode,
        (await browser.post('/api/auth/login/code', { email: 'x@example.org', code: '000000' }))
          .statusCode,
      ];
      expect(statuses.slice(0, 4).every((s) => s !== 429)).toBe(true);
      expect(statuses[4]).toBe(429);
    });
  },
);

describe.each(process.env.TEST_REDIS_URL ? engines : [])('the Redis store on %s', (engine) => {
  let t: TestApp;
  const prefix = `levier-test:${process.pid}:${engine}:${randomUUID()}:`;
  beforeAll(async () => {
    t = await createTestApp(engine, {
      RATE_LIMIT_STORE: 'redis',
      REDIS_URL: process.env.TEST_REDIS_URL!,
      REDIS_KEY_PREFIX: prefix,
    });
  });
  afterAll(async () => {
    await t?.close();
  });

  it('keeps its counters in Redis, under the prefix, expiring', async () => {
    const redis = new Redis(process.env.TEST_REDIS_URL!);
    try {
      await new Browser(t.app, '203.0.113.77').post(
        '/api/signup',
        signupBody({ email: 'counted@example.org' }),
      );
      const keys = await redis.keys(`${prefix}*`);
      expect(keys).toEqual([expect.stringContaining('203.0.113.77')]);
      expect(await redis.get(keys[0])).toBe('1');
      const ttl = await redis.pttl(keys[0]);
      expect(ttl).toBeGreaterThan(0);
      expect(ttl).toBeLessThanOrEqual(60_000);
    } finally {
      await redis.quit();
    }
  });
});

describe('rate-limit store configuration', () => {
  it('refuses to start on Redis without a Redis URL', () => {
    expect(() => loadConfig({ RATE_LIMIT_STORE: 'redis' })).toThrow(/needs REDIS_URL/);
  });
});

describe.each(engines)('rate-limit counters on %s', (engine) => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp(engine, { RATE_LIMIT_STORE: 'postgres' });
  });
  afterAll(async () => {
    await t?.close();
  });

  it('are purged once their window is a day old, the current ones kept', async () => {
    await t.ctx.database.query(
      `INSERT INTO rate_limit_counters (key, window_start, count)
       VALUES ('old', now() - interval '2 days', 3), ('current', now(), 1)`,
    );
    await purgeRateLimitCounters(t.ctx.database);
    const keys = await t.ctx.database.query<{ key: string }>(
      'SELECT key FROM rate_limit_counters ORDER BY key',
    );
    expect(keys.map((k) => k.key)).toEqual(['current']);
  });
});

import { randomUUID } from 'node:crypto';
import { connect, createServer, type AddressInfo, type Server, type Socket } from 'node:net';
import { Redis } from 'ioredis';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildApp } from '../../app.ts';
import { loadConfig } from '../config.ts';
import { openDatabase } from '../db/index.ts';
import { closeContext, createContext } from '../runtime.ts';
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

describe.each(process.env.TEST_REDIS_URL ? engines : [])(
  'the Redis store on %s, when Redis goes away',
  (engine) => {
    let t: TestApp;
    let proxy: Server;
    const links = new Set<Socket>();
    beforeAll(async () => {
      // A loopback proxy in front of the test Redis, so this app alone can lose it.
      const target = new URL(process.env.TEST_REDIS_URL!);
      proxy = createServer((client) => {
        const upstream = connect(Number(target.port || 6379), target.hostname);
        client.pipe(upstream).pipe(client);
        for (const socket of [client, upstream]) {
          links.add(socket);
          socket.on('error', () => undefined);
          socket.on('close', () => links.delete(socket));
        }
      });
      await new Promise<void>((resolve) => proxy.listen(0, '127.0.0.1', resolve));
      const { port } = proxy.address() as AddressInfo;
      t = await createTestApp(engine, {
        RATE_LIMIT_STORE: 'redis',
        REDIS_URL: `redis://127.0.0.1:${port}`,
        REDIS_KEY_PREFIX: `levier-test:${process.pid}:${engine}:${randomUUID()}:`,
        SIGNUP_RATE_LIMIT: '1',
      });
    });
    afterAll(async () => {
      await t?.close();
    });

    it('lets sign-ups through, unlimited, rather than refusing them all', async () => {
      const browser = new Browser(t.app, '203.0.113.90');
      const signUp = (i: number) =>
        browser.post('/api/signup', signupBody({ email: `outage${i}@example.org` }));
      expect((await signUp(1)).statusCode).toBe(200);
      expect((await signUp(2)).statusCode).toBe(429);
      await new Promise<void>((resolve) => {
        proxy.close(() => resolve());
        for (const socket of links) socket.destroy();
      });
      expect((await signUp(3)).statusCode).toBe(200);
      expect((await signUp(4)).statusCode).toBe(200);
    });
  },
);

describe('rate-limit store configuration', () => {
  it('refuses to start on Redis without a Redis URL', () => {
    expect(() => loadConfig({ RATE_LIMIT_STORE: 'redis' })).toThrow(/needs REDIS_URL/);
  });

  it('refuses to start when Redis cannot be reached, saying where it looked', async () => {
    const config = loadConfig({
      NODE_ENV: 'test',
      LOG_LEVEL: 'silent',
      RATE_LIMIT_STORE: 'redis',
      REDIS_URL: 'redis://:secret@127.0.0.1:1',
    });
    const ctx = await createContext(config, {
      database: await openDatabase({ dataDir: 'memory://' }),
    });
    try {
      const failure = buildApp(ctx);
      await expect(failure).rejects.toThrow(
        /Cannot reach Redis at redis:\/\/:\*\*\*@127\.0\.0\.1:1 for the rate limits/,
      );
      await expect(failure).rejects.not.toThrow(/secret/);
    } finally {
      await closeContext(ctx);
    }
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

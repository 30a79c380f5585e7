import type { Redis } from 'ioredis';
import { sql } from 'drizzle-orm';
import type { Database } from '../db/index.ts';
import { statement } from '../db/statement.ts';

type Counter = { current: number; ttl: number };
type Callback = (error: Error | null, result?: Counter) => void;
interface ChildOptions {
  groupId?: string;
  routeInfo?: { method?: string; url?: string };
}

/** Routes sharing a `groupId` share one counter per address; others count on their own. */
const namespaceOf = (options: ChildOptions) =>
  options.groupId
    ? `group:${options.groupId}`
    : `${options.routeInfo?.method ?? ''} ${options.routeInfo?.url ?? ''}`;

/**
 * Fixed-window counters in this process's memory: the fast default for a single process.
 * (The plugin's own store gives every route its own cache, so groups could not share one.)
 */
export class MemoryRateLimitStore {
  private calls = 0;
  constructor(
    private readonly counters = new Map<string, { count: number; resetAt: number }>(),
    private readonly namespace = '',
  ) {}

  incr(key: string, callback: Callback, timeWindow: number) {
    const now = Date.now();
    if (++this.calls % 10_000 === 0) {
      for (const [k, v] of this.counters) if (v.resetAt <= now) this.counters.delete(k);
    }
    const id = `${this.namespace}|${key}`;
    let counter = this.counters.get(id);
    if (!counter || counter.resetAt <= now) {
      counter = { count: 0, resetAt: now + timeWindow };
      this.counters.set(id, counter);
    }
    counter.count++;
    callback(null, { current: counter.count, ttl: counter.resetAt - now });
  }

  child(options: ChildOptions) {
    return new MemoryRateLimitStore(this.counters, namespaceOf(options));
  }
}

const windowEnded = sql`c.window_start + make_interval(secs => ${sql.placeholder('seconds')}) <= now()`;
const incrCounter = statement(
  'rate_limit_incr',
  sql`INSERT INTO rate_limit_counters AS c (key, window_start, count) VALUES (${sql.placeholder('key')}, now(), 1)
      ON CONFLICT (key) DO UPDATE SET
        count = CASE WHEN ${windowEnded} THEN 1 ELSE c.count + 1 END,
        window_start = CASE WHEN ${windowEnded} THEN now() ELSE c.window_start END
      RETURNING count, greatest(0, extract(epoch FROM c.window_start
        + make_interval(secs => ${sql.placeholder('seconds')}) - now()) * 1000)::int AS ttl`,
);

/** Fixed-window counters in PostgreSQL, shared by every process (RATE_LIMIT_STORE=postgres). */
export class PostgresRateLimitStore {
  constructor(
    private readonly database: Database,
    private readonly namespace = '',
  ) {}

  incr(key: string, callback: Callback, timeWindow: number) {
    this.database
      .prepared<{ count: number; ttl: number }>(incrCounter, {
        key: `${this.namespace}|${key}`,
        seconds: timeWindow / 1000,
      })
      .then((rows) => callback(null, { current: rows[0].count, ttl: rows[0].ttl }))
      .catch((error: Error) => callback(error));
  }

  child(options: ChildOptions) {
    return new PostgresRateLimitStore(this.database, namespaceOf(options));
  }
}

/**
 * Fixed-window counters in Redis, shared by every process (RATE_LIMIT_STORE=redis): one
 * MULTI creates the counter with its expiry if absent, increments it and reads what is left.
 * Redis expires them, so there is nothing to purge.
 */
export class RedisRateLimitStore {
  constructor(
    private readonly redis: Redis,
    private readonly prefix: string,
    private readonly namespace = '',
  ) {}

  incr(key: string, callback: Callback, timeWindow: number) {
    const id = `${this.prefix}rate-limit:${this.namespace}|${key}`;
    this.redis
      .multi()
      .set(id, 0, 'PX', timeWindow, 'NX')
      .incr(id)
      .pttl(id)
      .exec()
      .then((replies) => {
        const failed = replies?.find(([error]) => error)?.[0];
        if (!replies || failed) throw failed ?? new Error('Redis transaction aborted');
        callback(null, { current: Number(replies[1][1]), ttl: Math.max(0, Number(replies[2][1])) });
      })
      .catch((error: Error) => callback(error));
  }

  child(options: ChildOptions) {
    return new RedisRateLimitStore(this.redis, this.prefix, namespaceOf(options));
  }
}

export async function purgeRateLimitCounters(database: Database) {
  await database.query(
    `DELETE FROM rate_limit_counters WHERE window_start < now() - interval '1 day'`,
  );
}

import type { FastifyInstance } from 'fastify';
import { Redis } from 'ioredis';
import type { AppContext } from '../context.ts';
import {
  MemoryRateLimitStore,
  PostgresRateLimitStore,
  RedisRateLimitStore,
} from './rate-limit-store.ts';

/**
 * The store class @fastify/rate-limit instantiates (it passes its own options to the
 * constructor; ours need none of them). A Redis connection is opened here, checked at start
 * and closed with the app.
 */
export async function rateLimitStoreClass(app: FastifyInstance, ctx: AppContext) {
  const { config, database } = ctx;
  if (config.RATE_LIMIT_STORE === 'postgres') {
    return class extends PostgresRateLimitStore {
      constructor() {
        super(database);
      }
    };
  }
  if (config.RATE_LIMIT_STORE === 'redis') {
    const redis = await connectRedis(app, config.REDIS_URL!);
    return class extends RedisRateLimitStore {
      constructor() {
        super(redis, config.REDIS_KEY_PREFIX);
      }
    };
  }
  return class extends MemoryRateLimitStore {
    constructor() {
      super();
    }
  };
}

/** Where a Redis URL points, without its password (for messages and logs). */
const redisAddress = (url: string) => {
  try {
    const parsed = new URL(url);
    if (parsed.password) parsed.password = '***';
    return parsed.toString();
  } catch {
    return 'the configured address';
  }
};

/** Between two warnings that Redis is unreachable (it retries every few hundred ms). */
const WARN_EVERY_MS = 60_000;

/**
 * Connects at start, so that a wrong REDIS_URL stops the server with a clear message. Later
 * outages are logged (at most once a minute) while ioredis reconnects.
 */
async function connectRedis(app: FastifyInstance, url: string): Promise<Redis> {
  const redis = new Redis(url, { lazyConnect: true, maxRetriesPerRequest: 2 });
  let lastError: Error | undefined;
  let warnedAt = 0;
  redis.on('error', (error: Error) => {
    lastError = error;
    if (Date.now() - warnedAt < WARN_EVERY_MS) return;
    warnedAt = Date.now();
    app.log.warn({ err: error }, 'Redis unreachable: rate limits are not applied until it is back');
  });
  try {
    await redis.connect();
  } catch (error) {
    redis.disconnect();
    const cause = lastError ?? (error as Error);
    throw new Error(
      `Cannot reach Redis at ${redisAddress(url)} for the rate limits (RATE_LIMIT_STORE=redis): ${cause.message}`,
    );
  }
  app.addHook('onClose', async () => {
    await redis.quit();
  });
  return redis;
}

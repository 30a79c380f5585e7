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
    const redis = new Redis(config.REDIS_URL!, { lazyConnect: true, maxRetriesPerRequest: 2 });
    await redis.connect();
    app.addHook('onClose', async () => {
      await redis.quit();
    });
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

import type { FastifyInstance, FastifyReply } from 'fastify';
import type { AppContext } from '../context.ts';
import { journal } from '../backup/migration-level.ts';

/** Probes from one address per minute: a load balancer's every few seconds fits well within. */
export const HEALTH_RATE_LIMIT = { max: 120, timeWindow: 60_000 };

/** A check slower than this counts as failed: a probe must answer, not hang. */
const CHECK_TIMEOUT_MS = 2_000;

/**
 * pg-boss's scheduler stamps pgboss.version.cron_on every 30 s in some running process; older
 * than this, no process keeps the scheduled jobs going.
 */
const WORKERS_STALE_SECONDS = 300;

export type CheckState = 'ok' | 'failed' | 'starting' | 'off';

export interface Readiness {
  ready: boolean;
  checks: { database: CheckState; migrations: CheckState; workers: CheckState };
}

function withTimeout<T>(work: Promise<T>, ms: number): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_resolve, reject) => {
    timer = setTimeout(() => reject(new Error(`no answer within ${ms} ms`)), ms);
  });
  return Promise.race([work, timeout]).finally(() => clearTimeout(timer));
}

/**
 * Whether this process can serve: the database answers one statement, which also tells
 * whether every migration of this code is applied and, where this process runs workers,
 * whether the job scheduler is alive.
 */
export async function readiness(ctx: AppContext): Promise<Readiness> {
  const workers = ctx.config.RUN_WORKERS;
  const latest = journal().at(-1)?.when ?? 0;
  const checks: Readiness['checks'] = {
    database: 'failed',
    migrations: 'failed',
    workers: workers ? 'failed' : 'off',
  };
  try {
    const [row] = await withTimeout(
      ctx.database.query<{ migrated: string | null; cron_age: number | null }>(
        `SELECT (SELECT max(created_at) FROM drizzle.__drizzle_migrations)::text AS migrated
                ${workers ? ', (SELECT extract(epoch FROM now() - cron_on)::float8 FROM pgboss.version LIMIT 1) AS cron_age' : ''}`,
      ),
      CHECK_TIMEOUT_MS,
    );
    checks.database = 'ok';
    checks.migrations = Number(row.migrated ?? 0) >= latest ? 'ok' : 'failed';
    if (workers) {
      checks.workers =
        row.cron_age === null || row.cron_age === undefined
          ? 'starting'
          : Number(row.cron_age) <= WORKERS_STALE_SECONDS
            ? 'ok'
            : 'failed';
    }
  } catch (error) {
    ctx.log.warn({ err: error }, 'readiness check: the database did not answer');
  }
  return { ready: Object.values(checks).every((state) => state !== 'failed'), checks };
}

function notReady(reply: FastifyReply, checks: Readiness['checks']) {
  const failed = Object.entries(checks)
    .filter(([, state]) => state === 'failed')
    .map(([name]) => name);
  return reply
    .status(503)
    .type('application/problem+json')
    .header('cache-control', 'no-store')
    .send({
      type: 'https://levier.org/problems/not_ready',
      title: 'Service Unavailable',
      status: 503,
      code: 'not_ready',
      detail: `Not ready: ${failed.join(', ')}.`,
      checks,
    });
}

/**
 * GET /health (liveness: the process answers) and GET /health/ready (readiness, above).
 * Public and rate limited; they say nothing of versions, addresses or errors (those are logged).
 */
export function registerHealth(app: FastifyInstance, ctx: AppContext) {
  // Probes every few seconds would fill the request log: only their warnings are logged.
  const options = {
    config: { access: { public: true } as const, rateLimit: HEALTH_RATE_LIMIT },
    logLevel: 'warn' as const,
  };
  app.get('/health', options, async (_request, reply) =>
    reply.header('cache-control', 'no-store').send({ status: 'ok' }),
  );
  app.get('/health/ready', options, async (_request, reply) => {
    const { ready, checks } = await readiness(ctx);
    if (!ready) return notReady(reply, checks);
    return reply.header('cache-control', 'no-store').send({ status: 'ok', checks });
  });
}

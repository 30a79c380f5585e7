import { timingSafeEqual } from 'node:crypto';
import type { FastifyInstance } from 'fastify';
import { collectDefaultMetrics, Counter, Gauge, Histogram, Registry } from 'prom-client';
import type { AppContext } from '../context.ts';
import { sendProblem } from '../http/errors.ts';
import { outboxDepth } from '../mail/depth.ts';

/** Seconds: from a cached page (a few ms) to a slow export. */
const DURATION_BUCKETS = [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10];

function tokenMatches(header: string | undefined, token: string): boolean {
  const given = Buffer.from(/^Bearer (.+)$/i.exec(header ?? '')?.[1] ?? '');
  const expected = Buffer.from(token);
  return given.length === expected.length && timingSafeEqual(given, expected);
}

/** The metrics of one app (its own registry: tests build several apps in one process). */
export function createMetrics(ctx: AppContext): Registry {
  const register = new Registry();
  register.setDefaultLabels({ campaign: String(ctx.campaignId) });
  collectDefaultMetrics({ register, prefix: 'levier_' });

  new Counter({
    name: 'levier_http_requests_total',
    help: 'HTTP requests answered, by method, route pattern and status',
    labelNames: ['method', 'route', 'status'] as const,
    registers: [register],
  });
  new Histogram({
    name: 'levier_http_request_duration_seconds',
    help: 'Time to answer HTTP requests, by method, route pattern and status',
    labelNames: ['method', 'route', 'status'] as const,
    buckets: DURATION_BUCKETS,
    registers: [register],
  });

  new Gauge({
    name: 'levier_mail_outbox_pending',
    help: "Mails of the campaign's outbox waiting to be sent",
    labelNames: ['due'] as const,
    registers: [register],
    async collect() {
      const depth = await outboxDepth(ctx.database, ctx.campaignId);
      this.set({ due: 'now' }, depth.due);
      this.set({ due: 'later' }, depth.pending - depth.due);
    },
  });
  new Gauge({
    name: 'levier_job_queue_jobs',
    help: 'Jobs queued, waiting for a retry or running (pg-boss), by queue and state',
    labelNames: ['queue', 'state'] as const,
    registers: [register],
    async collect() {
      this.reset();
      const rows = await ctx.database.query<{ name: string; state: string; n: number }>(
        `SELECT name, state::text AS state, count(*)::int AS n FROM pgboss.job
          WHERE state IN ('created', 'retry', 'active') GROUP BY 1, 2`,
      );
      for (const row of rows) this.set({ queue: row.name, state: row.state }, row.n);
    },
  });
  const pool = ctx.database.pool;
  if (pool) {
    new Gauge({
      name: 'levier_db_pool_connections',
      help: "This process's PostgreSQL pool: connections by state",
      labelNames: ['state'] as const,
      registers: [register],
      collect() {
        this.set({ state: 'total' }, pool.totalCount);
        this.set({ state: 'idle' }, pool.idleCount);
        this.set({ state: 'waiting' }, pool.waitingCount);
      },
    });
  }
  return register;
}

/**
 * GET /metrics in Prometheus' text format, behind `Authorization: Bearer METRICS_TOKEN`. Without
 * METRICS_TOKEN nothing is measured and /metrics answers 404, as any unknown address.
 */
export function registerMetrics(app: FastifyInstance, ctx: AppContext) {
  const token = ctx.config.METRICS_TOKEN;
  const config = { access: { public: true } as const };
  if (!token) {
    app.get('/metrics', { config }, async (_request, reply) =>
      sendProblem(reply, 404, 'not_found', 'Metrics are off: set METRICS_TOKEN to turn them on.'),
    );
    return;
  }
  const register = createMetrics(ctx);
  const requests = register.getSingleMetric('levier_http_requests_total') as Counter<
    'method' | 'route' | 'status'
  >;
  const durations = register.getSingleMetric('levier_http_request_duration_seconds') as Histogram<
    'method' | 'route' | 'status'
  >;
  app.addHook('onResponse', (request, reply, done) => {
    // The route's pattern (/api/committees/:committeeId), never the address asked for.
    const labels = {
      method: request.method,
      route: request.routeOptions.url ?? 'unmatched',
      status: String(reply.statusCode),
    };
    requests.inc(labels);
    durations.observe(labels, reply.elapsedTime / 1000);
    done();
  });
  app.get('/metrics', { config, logLevel: 'warn' }, async (request, reply) => {
    if (!tokenMatches(request.headers.authorization, token)) {
      reply.header('www-authenticate', 'Bearer');
      return sendProblem(
        reply,
        401,
        'unauthenticated',
        'Send the metrics token: Authorization: Bearer METRICS_TOKEN.',
      );
    }
    const text = await register.metrics();
    return reply.header('cache-control', 'no-store').type(register.contentType).send(text);
  });
}

import { sql } from 'drizzle-orm';
import type { AppContext } from '../../../core/context.ts';
import type { VoiceCarrier } from '../carrier/port.ts';
import { applyCallbacks } from './callbacks.ts';
import { callUrls } from './call-urls.ts';
import { createDialler } from './dialler.ts';
import { RECONCILE_BATCH, reconcileAttempts } from './reconcile.ts';
import { compactStats } from './stats.ts';
import { watchAnswerRates } from './answer-rate.ts';
import { cancelQueuedOutsideWindows } from './window-cancel.ts';

const MAX_PAUSE_MS = 30_000;

/**
 * Runs `work` again and again, `pauseMs` apart, never two at once; a failure (the database or
 * the carrier away) is logged and the pause doubles, up to 30 s, until a round succeeds.
 */
function repeat(ctx: AppContext, name: string, pauseMs: number, work: () => Promise<unknown>) {
  let stopped = false;
  let failures = 0;
  let timer: NodeJS.Timeout | undefined;
  let running: Promise<void> = Promise.resolve();
  const run = () => {
    running = work()
      .then(() => {
        failures = 0;
      })
      .catch((error: unknown) => {
        failures += 1;
        ctx.log.error({ err: error, loop: name, failures }, `calling: ${name} failed`);
      })
      .finally(() => {
        if (stopped) return;
        const pause = failures ? Math.min(MAX_PAUSE_MS, pauseMs * 2 ** failures) : pauseMs;
        timer = setTimeout(run, pause);
      });
  };
  run();
  return async () => {
    stopped = true;
    clearTimeout(timer);
    await running;
  };
}

/** Running broadcasts with nothing left to dial nor any call open are completed. */
async function finishBroadcasts(ctx: AppContext) {
  const running = await ctx.database.query<{ id: number }>(
    sql`SELECT id FROM call_broadcasts WHERE campaign_id = ${ctx.campaignId} AND status = 'running'`,
  );
  for (const { id } of running) {
    await compactStats(ctx.database.query, ctx.campaignId, Number(id));
  }
  await ctx.database.query(
    sql`UPDATE call_broadcasts b SET status = 'completed', finished_at = now(), updated_at = now()
         WHERE b.campaign_id = ${ctx.campaignId} AND b.status = 'running'
           AND NOT EXISTS (SELECT 1 FROM call_targets t WHERE t.campaign_id = b.campaign_id
                            AND t.broadcast_id = b.id AND t.status = 'due')
           AND NOT EXISTS (SELECT 1 FROM call_attempts a WHERE a.campaign_id = b.campaign_id
                            AND a.broadcast_id = b.id
                            AND a.state NOT IN ('completed', 'busy', 'no_answer', 'failed', 'canceled', 'not_placed'))`,
  );
}

/**
 * The voice broadcasts' work in a working process: the dialler, the callback applier, every
 * second the cancelling of queued calls a window closed on, and every ten seconds
 * reconciliation, the dashboard's compaction and the broadcasts' ends.
 */
export function startLoops(
  ctx: AppContext,
  carrier: VoiceCarrier,
  options: { clock?: () => Date; diallerId?: string } = {},
) {
  const urls = callUrls(ctx.config.publicUrl, ctx.campaignId, ctx.config.sessionSecret);
  const dialler = createDialler(ctx, { carrier, urls, ...options });
  const stops = [
    repeat(ctx, 'dialler', 50, () => dialler.round()),
    repeat(ctx, 'callbacks', 100, async () => {
      while ((await applyCallbacks(ctx, carrier, urls)) > 0);
    }),
    // Calls waiting in the carrier's queue when a window closes are cancelled within a second.
    repeat(ctx, 'windows', 1000, () =>
      cancelQueuedOutsideWindows(ctx, carrier, options.clock?.() ?? new Date()),
    ),
    repeat(ctx, 'reconciliation', 10_000, async () => {
      // A full batch leaves more waiting (an outage's worth): asked at once, not in 10 s.
      for (let batch = 0; batch < 10; batch++) {
        if ((await reconcileAttempts(ctx, carrier)) < RECONCILE_BATCH) break;
      }
      await watchAnswerRates(ctx);
      await finishBroadcasts(ctx);
    }),
  ];
  return async () => {
    await Promise.all(stops.map((stop) => stop()));
    await dialler.release();
  };
}

/**
 * Watches for voice work once a second and starts the loops (and the carrier: a simulator in
 * development) when a broadcast runs or calls wait to be settled; an idle campaign costs one
 * query a second.
 */
export function startCallingWorker(
  ctx: AppContext,
  carrierOf: (ctx: AppContext) => Promise<VoiceCarrier>,
): () => Promise<void> {
  let stopLoops: (() => Promise<void>) | null = null;
  const stopWatch = repeat(ctx, 'watch', 1000, async () => {
    if (stopLoops) return;
    const [row] = await ctx.database.query<{ busy: boolean }>(
      sql`SELECT EXISTS (SELECT 1 FROM call_broadcasts WHERE campaign_id = ${ctx.campaignId}
                           AND status IN ('running', 'paused', 'canceled', 'completed')
                           AND (status = 'running' OR finished_at IS NULL OR finished_at > now() - interval '1 day')) AS busy`,
    );
    const fixed = ctx.config.CALLING_CLOCK ? new Date(ctx.config.CALLING_CLOCK) : null;
    if (row?.busy) {
      stopLoops = startLoops(ctx, await carrierOf(ctx), fixed ? { clock: () => fixed } : {});
    }
  });
  return async () => {
    await stopWatch();
    await stopLoops?.();
  };
}

import type { FastifyBaseLogger } from 'fastify';
import type { Dispatcher } from './dispatcher.ts';

export interface DispatchLoop {
  /** Run soon (something was just queued in this process); only once started. */
  nudge(): void;
  /** Poll every `pollMs` in this process (workers). */
  start(): void;
  stop(): Promise<void>;
  /** Dispatch until nothing is due; errors reach the caller (tests, the CLI). */
  drain(): Promise<number>;
}

/** After a failed round the loop waits this long, doubled per failure in a row, up to the cap. */
const FIRST_BACKOFF_MS = 1000;
const MAX_BACKOFF_MS = 60_000;

/**
 * Runs a dispatcher in this process: a poll, a nudge after a local enqueue, never two rounds
 * at once. A round that fails (the database away, a bug) is logged with the campaign and the
 * channel, and the loop goes on after a growing pause.
 */
export function createDispatchLoop(
  dispatcher: Dispatcher,
  campaignId: number,
  log: FastifyBaseLogger,
  pollMs: number,
): DispatchLoop {
  let timer: NodeJS.Timeout | undefined;
  let running: Promise<unknown> | undefined;
  let started = false;
  let again = false;
  let failures = 0;
  let resumeAt = 0;

  const drain = async () => {
    let total = 0;
    for (;;) {
      const n = await dispatcher.dispatchBatch();
      total += n;
      if (n === 0) return total;
    }
  };
  const round = async () => {
    try {
      await drain();
      failures = 0;
    } catch (error) {
      failures += 1;
      const pauseMs = Math.min(MAX_BACKOFF_MS, FIRST_BACKOFF_MS * 2 ** (failures - 1));
      resumeAt = Date.now() + pauseMs;
      log.error(
        { err: error, campaignId, channel: dispatcher.channel, failures, pauseMs },
        `${dispatcher.channel} dispatch failed; trying again in ${pauseMs} ms`,
      );
    }
  };
  const tick = () => {
    if (!started || Date.now() < resumeAt) return;
    if (running) {
      again = true;
      return;
    }
    running = round().finally(() => {
      running = undefined;
      if (again) {
        again = false;
        tick();
      }
    });
  };
  return {
    nudge() {
      if (started) setImmediate(tick);
    },
    start() {
      started = true;
      timer = setInterval(tick, pollMs);
      timer.unref();
    },
    async stop() {
      started = false;
      if (timer) clearInterval(timer);
      await running;
    },
    drain,
  };
}

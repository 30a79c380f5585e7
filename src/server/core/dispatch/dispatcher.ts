import { sql } from 'drizzle-orm';
import type { FastifyBaseLogger } from 'fastify';
import type { Database } from '../db/index.ts';
import {
  beforeSendChecks,
  type ChannelDefinition,
  type OutboxItem,
  type SendDecision,
} from './channel.ts';
import { Rate } from './rate.ts';

export interface Dispatcher {
  readonly channel: string;
  /**
   * Claims one batch and handles it; returns how many items were claimed. Several processes
   * can run this at once: each claims its own rows with FOR UPDATE SKIP LOCKED.
   */
  dispatchBatch(): Promise<number>;
}

const errorMessage = (error: unknown) =>
  (error instanceof Error ? error.message : String(error)).slice(0, 500);

/** The dispatcher of one channel for one campaign. */
export function createDispatcher<Item extends OutboxItem>(
  database: Database,
  campaignId: number,
  channel: ChannelDefinition<Item>,
  log: FastifyBaseLogger,
): Dispatcher {
  const table = sql.raw(channel.table);
  const columns = sql.raw(channel.columns);
  const rate = channel.ratePerSecond ? new Rate(channel.ratePerSecond) : undefined;
  const logged = { campaignId, channel: channel.name };
  const done = sql.raw(channel.clearOnDone ? `, ${channel.clearOnDone}` : '');

  const begun = channel.once ? sql`send_started_at IS NULL` : sql`true`;
  // A new try has not begun yet (an earlier failed try's mark is not this one's).
  const notBegun = channel.once ? sql`, send_started_at = NULL` : sql``;
  // Lost claims of items once handed over: failed, never sent again (they may have arrived).
  const failInterrupted = async () => {
    if (!channel.once) return;
    const failed = await database.query<{ id: number }>(
      sql`UPDATE ${table} SET status = 'failed',
                 last_error = 'interrupted while being sent: not sent again, it may have arrived'${done}
           WHERE campaign_id = ${campaignId} AND status = 'sending' AND send_started_at IS NOT NULL
             AND next_attempt_at < now() - make_interval(secs => ${channel.staleClaimSeconds})
          RETURNING id`,
    );
    if (failed.length > 0) {
      log.warn(
        { ...logged, itemIds: failed.map((row) => Number(row.id)) },
        `${channel.name}: sends interrupted by a lost process, not tried again`,
      );
    }
  };
  const markBegun = (item: Item) =>
    database.query(
      sql`UPDATE ${table} SET send_started_at = now() WHERE campaign_id = ${campaignId} AND id = ${item.id}`,
    );

  const claim = () =>
    database.query<Item>(
      sql`UPDATE ${table} SET status = 'sending', attempts = attempts + 1, next_attempt_at = now()${notBegun}
        WHERE campaign_id = ${campaignId} AND id IN (
          SELECT id FROM ${table}
           WHERE campaign_id = ${campaignId}
             AND ((status = 'pending' AND next_attempt_at <= now())
              OR (status = 'sending' AND ${begun}
                  AND next_attempt_at < now() - make_interval(secs => ${channel.staleClaimSeconds})))
           ORDER BY next_attempt_at
           LIMIT ${channel.batchSize}
           FOR UPDATE SKIP LOCKED)
        RETURNING id, attempts, kind, person_id AS "personId", created_at AS "queuedAt", ${columns}`,
    );

  const markSent = (item: Item) =>
    database.query(
      sql`UPDATE ${table} SET status = 'sent', sent_at = now(), last_error = NULL${done}
        WHERE campaign_id = ${campaignId} AND id = ${item.id}`,
    );
  const markSuppressed = (item: Item, reason: string) =>
    database.query(
      sql`UPDATE ${table} SET status = 'suppressed', last_error = ${`not sent: ${reason}`.slice(0, 500)}${done}
        WHERE campaign_id = ${campaignId} AND id = ${item.id}`,
    );
  // Held back is not a failed try: the attempt this claim counted is given back.
  const markHeld = (item: Item, until: Date, reason: string | undefined) =>
    database.query(
      sql`UPDATE ${table} SET status = 'pending', attempts = attempts - 1, next_attempt_at = ${until}, last_error = ${reason ? `held: ${reason}`.slice(0, 500) : 'held'}
        WHERE campaign_id = ${campaignId} AND id = ${item.id}`,
    );
  // Recorded before it is logged: whoever reads the log finds the row already saying so.
  const markFailedTry = async (item: Item, error: unknown) => {
    const giveUp = item.attempts >= channel.maxAttempts;
    await database.query(
      sql`UPDATE ${table} SET status = ${giveUp ? 'failed' : 'pending'}, last_error = ${errorMessage(error)},
              next_attempt_at = now() + make_interval(secs => ${channel.retryDelaySeconds(item.attempts)})
        WHERE campaign_id = ${campaignId} AND id = ${item.id}`,
    );
    log[giveUp ? 'error' : 'warn'](
      { ...logged, err: error, itemId: item.id, kind: item.kind, attempt: item.attempts, giveUp },
      giveUp ? `${channel.name} not sent, given up` : `${channel.name} not sent, will retry`,
    );
  };

  const decide = async (item: Item, screened: SendDecision | undefined) => {
    if (screened && screened !== 'send') return screened;
    for (const check of beforeSendChecks(channel.name)) {
      const decision = await check(item, { database, campaignId, channel: channel.name });
      if (decision !== 'send') return decision;
    }
    return 'send';
  };

  const handle = async (item: Item, screened: SendDecision | undefined) => {
    try {
      const decision = await decide(item, screened);
      if (decision === 'send') {
        await rate?.wait();
        if (channel.once?.(item)) await markBegun(item);
        await channel.send(item);
        await markSent(item);
      } else if ('hold' in decision) {
        await markHeld(item, decision.hold, decision.reason);
      } else {
        await markSuppressed(item, decision.suppress);
      }
    } catch (error) {
      await markFailedTry(item, error);
    }
  };

  return {
    channel: channel.name,
    async dispatchBatch() {
      await failInterrupted();
      const claimed = await claim();
      if (claimed.length === 0) return 0;
      const screened = channel.screen
        ? await channel.screen(database, campaignId, claimed)
        : new Map<number, SendDecision>();
      const queue = [...claimed];
      // A failure to record an outcome (the database went away) must not stop the other
      // lanes: it is logged, and the item, still claimed, is tried again after the stale delay.
      const lane = async () => {
        for (let item = queue.shift(); item; item = queue.shift()) {
          await handle(item, screened.get(Number(item.id))).catch((error: unknown) =>
            log.error(
              { ...logged, err: error, itemId: item.id },
              `${channel.name}: outcome not recorded`,
            ),
          );
        }
      };
      await Promise.all(Array.from({ length: Math.min(channel.concurrency, queue.length) }, lane));
      return claimed.length;
    },
  };
}

import type { Database } from '../db/index.ts';

/** What the dispatcher needs of every claimed row; a channel's items carry more. */
export interface OutboxItem {
  id: number;
  /** Tries so far, this one included. */
  attempts: number;
  /** Says what the item is (mail: its kind, e.g. 'login_code', 'signup_confirmation'). */
  kind: string;
  personId: number | null;
  queuedAt: Date;
}

/**
 * The last word on one item, just before it is sent: send it, hold it back until a time (it
 * is claimed again then; holding is not a failed try), or suppress it for good with a reason
 * kept on the row.
 */
export type SendDecision = 'send' | { hold: Date; reason?: string } | { suppress: string };

export interface BeforeSendContext {
  database: Database;
  campaignId: number;
  channel: string;
}

export type BeforeSend<Item extends OutboxItem = OutboxItem> = (
  item: Item,
  context: BeforeSendContext,
) => SendDecision | Promise<SendDecision>;

/**
 * A high-rate channel (mail now; SMS and calls later): an outbox table with the columns
 * campaign_id, id, kind, person_id, status ('pending', 'sending', 'sent', 'failed',
 * 'suppressed'), attempts, next_attempt_at, last_error, created_at, sent_at (and
 * send_started_at with `once`), and how to send one of its rows.
 */
export interface ChannelDefinition<Item extends OutboxItem> {
  /** Names the channel in logs and to send checks ('mail'). */
  name: string;
  table: string;
  /** The claim's RETURNING list beyond the common columns, aliased to Item's fields. */
  columns: string;
  send(item: Item): Promise<void>;
  /**
   * Assignments made when a row is sent or suppressed, after the status: what must not be
   * kept once it is (mail: bodies holding login codes and links).
   */
  clearOnDone?: string;
  /**
   * The channel's own checks over a claimed batch at once (mail: the daily cap per person);
   * items absent from the map go on to the registered send checks.
   */
  screen?(
    database: Database,
    campaignId: number,
    items: Item[],
  ): Promise<Map<number, SendDecision>>;
  /** Items sent at once (e.g. the SMTP pool's connections). */
  concurrency: number;
  /** At most this many sends a second from one process; unlimited when absent. */
  ratePerSecond?: number;
  batchSize: number;
  /** Tries before an item is marked failed. */
  maxAttempts: number;
  /**
   * A claim older than this was lost with its process (a crash): the item is tried again,
   * unless it was one never to send twice whose send had begun (see `once`).
   */
  staleClaimSeconds: number;
  /**
   * Items that must never reach their recipient twice (campaign mail, where a second copy
   * harms; a login code's is better sent again): just before one is handed over, its row
   * says so (`send_started_at`, a column the table then has), and a claim lost while it was
   * being handed over is not tried again but failed as interrupted: it may have arrived.
   */
  once?(item: Item): boolean;
  /** Seconds before the next try after a failed one (attempts: tries so far). */
  retryDelaySeconds(attempts: number): number;
}

const checks = new Map<string, BeforeSend[]>();

/**
 * Adds a check every item of `channel` passes just before it is sent, in every campaign of
 * this process (a compliance gate). Returns a function that removes it.
 */
export function registerBeforeSend<Item extends OutboxItem>(
  channel: string,
  check: BeforeSend<Item>,
): () => void {
  const list = checks.get(channel) ?? [];
  list.push(check as BeforeSend);
  checks.set(channel, list);
  return () => {
    const at = list.indexOf(check as BeforeSend);
    if (at >= 0) list.splice(at, 1);
  };
}

export const beforeSendChecks = (channel: string): readonly BeforeSend[] =>
  checks.get(channel) ?? [];

import { sql, type SQL } from 'drizzle-orm';
import type { Query } from '../db/index.ts';

/**
 * Mails that are one of a campaign message's (a newsletter's): the feature names the message
 * by its kind and id (`message_id`), and reads or stops its mails through these.
 */

/** The head of a statement queueing a message's mails; the caller's SELECT gives its values. */
export const QUEUE_MESSAGE_MAILS =
  'INSERT INTO mail_outbox (campaign_id, kind, person_id, to_address, template, payload, purpose, message_id)';

/** How many mails of these messages are in each status. */
export async function messageMailCounts(
  query: Query,
  campaignId: number,
  kind: string,
  messageIds: readonly number[],
): Promise<Array<{ messageId: number; status: string; count: number }>> {
  const rows = await query<{ message_id: number; status: string; n: number }>(
    sql`SELECT message_id, status, count(*)::int AS n FROM mail_outbox
         WHERE campaign_id = ${campaignId} AND kind = ${kind} AND message_id = ANY(${[...messageIds]}::bigint[])
         GROUP BY message_id, status`,
  );
  return rows.map((r) => ({ messageId: Number(r.message_id), status: r.status, count: r.n }));
}

/**
 * How many recipients of these messages complained (marked a mail as spam), read from the
 * campaign's complaints, which are few, each finding its mail by key.
 */
export async function messageComplaints(
  query: Query,
  campaignId: number,
  kind: string,
  messageIds: readonly number[],
): Promise<Array<{ messageId: number; count: number }>> {
  const rows = await query<{ message_id: number; n: number }>(
    sql`SELECT o.message_id, count(*)::int AS n FROM mail_feedback f
          JOIN mail_outbox o ON o.campaign_id = f.campaign_id AND o.id = f.mail_id
         WHERE f.campaign_id = ${campaignId} AND f.kind = 'complaint' AND o.kind = ${kind}
           AND o.message_id = ANY(${[...messageIds]}::bigint[])
         GROUP BY o.message_id`,
  );
  return rows.map((r) => ({ messageId: Number(r.message_id), count: r.n }));
}

/** A message's mails not claimed yet are not sent (those being sent at that moment go). */
export async function suppressWaitingMessageMails(
  query: Query,
  campaignId: number,
  kind: string,
  messageId: number,
  reason: string,
): Promise<void> {
  await query(
    sql`UPDATE mail_outbox SET status = 'suppressed', last_error = ${`not sent: ${reason}`}
         WHERE campaign_id = ${campaignId} AND kind = ${kind} AND message_id = ${messageId}
           AND status = 'pending'`,
  );
}

/** Whether a message (its id an expression of the caller's row) still has mails to send. */
export const messageMailsWaiting = (campaignId: SQL, kind: string, messageId: SQL): SQL =>
  sql`EXISTS (SELECT 1 FROM mail_outbox o
               WHERE o.campaign_id = ${campaignId} AND o.kind = ${kind}
                 AND o.message_id = ${messageId} AND o.status IN ('pending', 'sending'))`;

/**
 * How many of some mails are in each status, per key of the caller's: `rows` selects a `key`
 * and a `mail_id` (a newsletter's subject test: its sample's mails, by variant). Each mail is
 * read by its primary key.
 */
export async function mailCountsByKey(
  query: Query,
  campaignId: number,
  rows: SQL,
): Promise<Array<{ key: string; status: string; count: number }>> {
  const counted = await query<{ key: string; status: string; n: number }>(
    sql`SELECT r.key, o.status, count(*)::int AS n FROM (${rows}) r
          JOIN mail_outbox o ON o.campaign_id = ${campaignId} AND o.id = r.mail_id
         GROUP BY r.key, o.status`,
  );
  return counted.map((r) => ({ key: r.key, status: r.status, count: r.n }));
}

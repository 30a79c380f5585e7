import { sql } from 'drizzle-orm';
import type { Database } from '../db/index.ts';

/** Mails of the campaign's outbox waiting to go, and those of them already due (for metrics). */
export async function outboxDepth(
  database: Pick<Database, 'query'>,
  campaignId: number,
): Promise<{ pending: number; due: number }> {
  const [row] = await database.query<{ pending: number; due: number }>(
    sql`SELECT count(*)::int AS pending, count(*) FILTER (WHERE next_attempt_at <= now())::int AS due
          FROM mail_outbox WHERE campaign_id = ${campaignId} AND status = 'pending'`,
  );
  return row;
}

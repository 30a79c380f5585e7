import { sql } from 'drizzle-orm';
import type { Database } from '../db/index.ts';
import { newestFirst } from '../db/newest-first.ts';
import { runSql } from '../db/statement.ts';

export interface CaughtMailSummary {
  id: number;
  to: string;
  from: string;
  subject: string;
  at: Date;
}

export interface CaughtMailRow extends CaughtMailSummary {
  text: string;
  html: string | null;
}

/** A page of the mail the development catcher kept, newest first, with its total. */
export function caughtMailList(
  database: Database,
  campaignId: number,
  page: { limit: number; offset: number },
): Promise<{ items: CaughtMailSummary[]; total: number }> {
  return newestFirst<CaughtMailSummary>(
    database,
    {
      select: sql`id, to_address AS "to", from_address AS "from", subject, at`,
      from: sql`caught_mail WHERE campaign_id = ${campaignId}`,
    },
    page,
  );
}

export async function caughtMailById(
  database: Database,
  campaignId: number,
  id: number,
): Promise<CaughtMailRow | undefined> {
  const [row] = await runSql<CaughtMailRow>(
    database,
    sql`SELECT id, to_address AS "to", from_address AS "from", subject, text_body AS text,
               html_body AS html, at
          FROM caught_mail WHERE campaign_id = ${campaignId} AND id = ${id}`,
  );
  return row;
}

import { sql, type SQL } from 'drizzle-orm';

/**
 * Mails of campaign messages of these kinds handed to the transport in [from, to), as a
 * statement to select from: at (when sent) and person_id.
 */
export const sentMessageMails = (
  campaignId: number,
  kinds: readonly string[],
  from: string,
  to: string,
): SQL =>
  sql`SELECT o.sent_at AS at, o.person_id FROM mail_outbox o
       WHERE o.campaign_id = ${campaignId} AND o.kind = ANY(${[...kinds]}::text[])
         AND o.sent_at >= ${from}::timestamptz AND o.sent_at < ${to}::timestamptz`;

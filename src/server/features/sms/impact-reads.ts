import { sql, type SQL } from 'drizzle-orm';

/**
 * Campaign texts sent in [from, to), for the impact dashboard (features/insights), as a
 * statement to select from: at, kind (`sms`), person_id, station_id and commune_code (null:
 * the person's address places them). Tests are left out.
 */
export const textsSent = (campaignId: number, from: string, to: string): SQL =>
  sql`SELECT o.sent_at AS at, 'sms' AS kind, o.person_id,
             NULL::text AS station_id, NULL::text AS commune_code
        FROM sms_outbox o
       WHERE o.campaign_id = ${campaignId} AND o.kind = 'campaign'
         AND o.sent_at >= ${from}::timestamptz AND o.sent_at < ${to}::timestamptz`;

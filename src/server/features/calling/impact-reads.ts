import { sql, type SQL } from 'drizzle-orm';

/*
 * What the impact dashboard (features/insights) reads of the phone: contacts recorded in
 * [from, to), as statements to select from, with the columns at, kind, person_id, station_id
 * and commune_code (the last two null: the person's address places them).
 */

/** Phone-bank calls that reached the person (outcome `conversation`), when they were recorded. */
export const volunteerCallsRecorded = (campaignId: number, from: string, to: string): SQL =>
  sql`SELECT c.called_at AS at, 'volunteer_call' AS kind, c.person_id,
             NULL::text AS station_id, NULL::text AS commune_code
        FROM phone_bank_calls c
       WHERE c.campaign_id = ${campaignId} AND c.outcome = 'conversation'
         AND c.called_at >= ${from}::timestamptz AND c.called_at < ${to}::timestamptz`;

/** Recorded calls (voice broadcasts) listened to the end, when they ended. */
export const recordedCallsListened = (campaignId: number, from: string, to: string): SQL =>
  sql`SELECT a.ended_at AS at, 'robocall' AS kind, t.person_id,
             NULL::text AS station_id, NULL::text AS commune_code
        FROM call_attempts a
        JOIN call_targets t ON t.campaign_id = a.campaign_id AND t.broadcast_id = a.broadcast_id
                           AND t.id = a.target_id
       WHERE a.campaign_id = ${campaignId} AND a.listened_to_end
         AND a.ended_at >= ${from}::timestamptz AND a.ended_at < ${to}::timestamptz`;

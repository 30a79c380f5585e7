import { sql } from 'drizzle-orm';
import type { Database } from '../../core/db/index.ts';
import { purgeRows } from '../../core/db/purge.ts';
import { runSql } from '../../core/db/statement.ts';
import type { SessionStore } from '../../core/http/session.ts';
import { personIsLive } from '../people/directory.ts';

/** Sessions are kept in the accounts feature's tables; core's access control reads them here. */
export const sessionStore: SessionStore = {
  async find(database, campaignId, hash, staffIdleHours) {
    // The account's roles gate the idle limit: staff sessions end after staffIdleHours.
    const rows = await runSql<{
      person_id: number;
      roles: string[] | null;
      grants: string[] | null;
    }>(
      database,
      sql`WITH a AS (
            SELECT a.roles, a.grants FROM sessions s
              JOIN accounts a ON a.campaign_id = s.campaign_id AND a.person_id = s.person_id
             WHERE s.campaign_id = ${campaignId} AND s.id_hash = ${hash}
          ), live AS (
            SELECT s.person_id, s.last_seen_at FROM sessions s
             WHERE s.campaign_id = ${campaignId} AND s.id_hash = ${hash} AND s.expires_at > now()
               AND ${personIsLive(sql`s.campaign_id`, sql`s.person_id`)}
               AND (s.last_seen_at > now() - make_interval(hours => ${staffIdleHours})
                    OR NOT EXISTS (SELECT 1 FROM a
                                    WHERE coalesce(cardinality(a.roles), 0)
                                          + coalesce(cardinality(a.grants), 0) > 0))
          ), seen AS (
            -- Written at most once a minute: requests of one session at once wait on no lock
            -- and write nothing (the idle limit counts in hours).
            UPDATE sessions s SET last_seen_at = now()
              FROM live
             WHERE s.campaign_id = ${campaignId} AND s.id_hash = ${hash}
               AND live.last_seen_at < now() - interval '1 minute'
            RETURNING 1
          )
          SELECT live.person_id, a.roles, a.grants FROM live LEFT JOIN a ON true`,
    );
    const row = rows[0];
    return row ? { personId: Number(row.person_id), roles: row.roles, grants: row.grants } : null;
  },

  async open(database, campaignId, session) {
    await runSql(
      database,
      sql`INSERT INTO sessions (campaign_id, id_hash, person_id, expires_at, user_agent, ip)
          VALUES (${campaignId}, ${session.hash}, ${session.personId},
                  now() + make_interval(days => ${session.days}), ${session.userAgent}, ${session.ip})`,
    );
    await runSql(
      database,
      sql`UPDATE accounts SET last_login_at = now()
           WHERE campaign_id = ${campaignId} AND person_id = ${session.personId}`,
    );
  },

  async end(database, campaignId, hash) {
    await runSql(
      database,
      sql`DELETE FROM sessions WHERE campaign_id = ${campaignId} AND id_hash = ${hash}`,
    );
  },
};

/** Sessions past their end: nothing can use them, and they hold an address and a browser. */
export async function purgeEndedSessions(database: Database, campaignId: number): Promise<number> {
  return purgeRows(database, 'sessions', campaignId, 'expires_at < now()');
}

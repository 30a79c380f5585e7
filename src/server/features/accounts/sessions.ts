import { sql } from 'drizzle-orm';
import type { Database } from '../../core/db/index.ts';
import { purgeRows } from '../../core/db/purge.ts';
import { runSql, statement } from '../../core/db/statement.ts';
import type { SessionStore } from '../../core/http/session.ts';
import { personIsLive } from '../people/directory.ts';

/**
 * The live sessions of some hashes, with their account's roles, which gate the idle limit:
 * staff sessions end after staffIdleHours. Asked on every request (by several at once under
 * load): prepared once per connection.
 */
const findLive = statement(
  'sessions_find_live',
  sql`WITH live AS (
        SELECT s.id_hash, s.person_id, s.last_seen_at, a.roles, a.grants FROM sessions s
          LEFT JOIN accounts a ON a.campaign_id = s.campaign_id AND a.person_id = s.person_id
         WHERE s.campaign_id = ${sql.placeholder('campaignId')}::int
           AND s.id_hash = ANY(${sql.placeholder('hashes')}::text[]) AND s.expires_at > now()
           AND ${personIsLive(sql`s.campaign_id`, sql`s.person_id`)}
           AND (s.last_seen_at > now() - make_interval(hours => ${sql.placeholder('staffIdleHours')}::int)
                OR coalesce(cardinality(a.roles), 0) + coalesce(cardinality(a.grants), 0) = 0)
      ), seen AS (
        -- Written at most once a minute: requests of one session at once wait on no lock
        -- and write nothing (the idle limit counts in hours). A session another statement
        -- is writing is left to it: statements of several sessions never wait on each other.
        UPDATE sessions s SET last_seen_at = now()
         WHERE s.campaign_id = ${sql.placeholder('campaignId')}::int
           AND s.id_hash IN (SELECT x.id_hash FROM sessions x JOIN live ON live.id_hash = x.id_hash
                              WHERE x.campaign_id = ${sql.placeholder('campaignId')}::int
                                AND live.last_seen_at < now() - interval '1 minute'
                                FOR NO KEY UPDATE OF x SKIP LOCKED)
        RETURNING 1
      )
      SELECT id_hash, person_id, roles, grants FROM live`,
);

/** Sessions are kept in the accounts feature's tables; core's access control reads them here. */
export const sessionStore: SessionStore = {
  async findLive(database, campaignId, hashes, staffIdleHours) {
    const rows = await database.prepared<{
      id_hash: string;
      person_id: number;
      roles: string[] | null;
      grants: string[] | null;
    }>(findLive, { campaignId, hashes, staffIdleHours });
    return new Map(
      rows.map((row) => [
        row.id_hash,
        { personId: Number(row.person_id), roles: row.roles, grants: row.grants },
      ]),
    );
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

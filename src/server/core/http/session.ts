import type { FastifyReply, FastifyRequest } from 'fastify';
import type { Permission, Role } from '../../../contracts/roles.ts';
import { permissionsOf } from '../../../contracts/roles.ts';
import type { Database } from '../db/index.ts';
import { purgeRows } from '../db/purge.ts';
import { randomToken, sha256 } from '../crypto.ts';

export const SESSION_COOKIE = 'levier_sid';
const SESSION_DAYS = 30;

export interface AuthState {
  personId: number;
  sessionHash: string;
  roles: Role[];
  permissions: Permission[];
}

/**
 * `staffIdleHours`: a session of someone with any permission (staff, finance…) ends after this
 * long without a request: it opens the people database. Supporters' last 30 days.
 */
export function createSessionLoader(
  database: Database,
  campaignId: number,
  staffIdleHours: number,
) {
  return async (request: FastifyRequest): Promise<AuthState | null> => {
    const raw = request.cookies[SESSION_COOKIE];
    if (!raw) return null;
    const unsigned = request.unsignCookie(raw);
    if (!unsigned.valid || !unsigned.value) return null;
    const hash = sha256(unsigned.value);
    const rows = await database.query<{
      person_id: number;
      roles: string[] | null;
      grants: string[] | null;
    }>(
      `UPDATE sessions s SET last_seen_at = now()
         FROM people p LEFT JOIN accounts a ON a.campaign_id = p.campaign_id AND a.person_id = p.id
        WHERE s.campaign_id = $2 AND s.id_hash = $1 AND s.expires_at > now()
          AND p.campaign_id = s.campaign_id AND p.id = s.person_id AND p.erased_at IS NULL
          AND (s.last_seen_at > now() - make_interval(hours => $3)
               OR coalesce(cardinality(a.roles), 0) + coalesce(cardinality(a.grants), 0) = 0)
        RETURNING s.person_id, a.roles, a.grants`,
      [hash, campaignId, staffIdleHours],
    );
    const row = rows[0];
    if (!row) return null;
    const roles = (row.roles ?? []) as Role[];
    return {
      personId: Number(row.person_id),
      sessionHash: hash,
      roles,
      permissions: permissionsOf(roles, row.grants ?? []),
    };
  };
}

/** Starts a fresh session (rotation: any session the request carried is ended). */
export async function startSession(
  database: Database,
  campaignId: number,
  request: FastifyRequest,
  reply: FastifyReply,
  personId: number,
  secure: boolean,
): Promise<void> {
  const previous = request.cookies[SESSION_COOKIE];
  if (previous) {
    const unsigned = request.unsignCookie(previous);
    if (unsigned.valid && unsigned.value) {
      await database.query('DELETE FROM sessions WHERE campaign_id = $1 AND id_hash = $2', [
        campaignId,
        sha256(unsigned.value),
      ]);
    }
  }
  const id = randomToken();
  await database.query(
    `INSERT INTO sessions (campaign_id, id_hash, person_id, expires_at, user_agent, ip)
     VALUES ($6, $1, $2, now() + make_interval(days => $3), $4, $5)`,
    [
      sha256(id),
      personId,
      SESSION_DAYS,
      request.headers['user-agent']?.slice(0, 300) ?? null,
      request.ip,
      campaignId,
    ],
  );
  await database.query(
    'UPDATE accounts SET last_login_at = now() WHERE campaign_id = $1 AND person_id = $2',
    [campaignId, personId],
  );
  reply.setCookie(SESSION_COOKIE, id, {
    httpOnly: true,
    sameSite: 'lax',
    secure,
    path: '/',
    signed: true,
    maxAge: SESSION_DAYS * 86400,
  });
}

export function clearSessionCookie(reply: FastifyReply) {
  reply.clearCookie(SESSION_COOKIE, { path: '/' });
}

/** Sessions past their end: nothing can use them, and they hold an address and a browser. */
export async function purgeEndedSessions(database: Database, campaignId: number): Promise<number> {
  return purgeRows(database, 'sessions', campaignId, 'expires_at < now()');
}

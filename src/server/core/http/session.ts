import type { FastifyReply, FastifyRequest } from 'fastify';
import type { Permission, Role } from '../../../contracts/roles.ts';
import { permissionsOf } from '../../../contracts/roles.ts';
import type { Database } from '../db/index.ts';
import { randomToken, sha256 } from '../crypto.ts';

export const SESSION_COOKIE = 'levier_sid';
const SESSION_DAYS = 30;

export interface AuthState {
  personId: number;
  sessionHash: string;
  roles: Role[];
  permissions: Permission[];
}

/** Where sessions are kept: a feature's tables, given to core by buildApp (`useSessionStore`). */
export interface SessionStore {
  /**
   * The live session of this hash (its person there and not erased), seen now: null when
   * ended, or idle past `staffIdleHours` for someone with any role or grant.
   */
  find(
    database: Database,
    campaignId: number,
    hash: string,
    staffIdleHours: number,
  ): Promise<{ personId: number; roles: string[] | null; grants: string[] | null } | null>;
  /** Keeps a new session and notes the login on the person's account. */
  open(
    database: Database,
    campaignId: number,
    session: { hash: string; personId: number; days: number; userAgent: string | null; ip: string },
  ): Promise<void>;
  end(database: Database, campaignId: number, hash: string): Promise<void>;
}

let store: SessionStore | undefined;

/** Names where sessions are kept (buildApp does, with the accounts feature's store). */
export function useSessionStore(sessions: SessionStore): void {
  store = sessions;
}

function sessionStore(): SessionStore {
  if (!store) throw new Error('No session store: buildApp names one (useSessionStore).');
  return store;
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
    const row = await sessionStore().find(database, campaignId, hash, staffIdleHours);
    if (!row) return null;
    const roles = (row.roles ?? []) as Role[];
    return {
      personId: row.personId,
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
      await sessionStore().end(database, campaignId, sha256(unsigned.value));
    }
  }
  const id = randomToken();
  await sessionStore().open(database, campaignId, {
    hash: sha256(id),
    personId,
    days: SESSION_DAYS,
    userAgent: request.headers['user-agent']?.slice(0, 300) ?? null,
    ip: request.ip,
  });
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

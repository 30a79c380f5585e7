import type { FastifyReply, FastifyRequest } from 'fastify';
import type { Permission, Role } from '../../../contracts/roles.ts';
import { permissionsOf } from '../../../contracts/roles.ts';
import { Batcher } from '../db/batcher.ts';
import type { Database } from '../db/index.ts';
import { randomToken, sha256 } from '../crypto.ts';

export const SESSION_COOKIE = 'levier_sid';
const SESSION_DAYS = 30;

export interface AuthState {
  personId: number;
  sessionHash: string;
  roles: Role[];
  permissions: Permission[];
  /**
   * Set when an API token made the request (`Authorization: Bearer`), not a person's session:
   * `permissions` are then the token's scopes that its maker still holds, `personId` its maker.
   */
  token?: { id: number };
}

/** What reads API tokens: a feature's tables, named by that feature (`useTokenStore`). */
export interface TokenStore {
  /** The request's token as an AuthState, or null (unknown, revoked, expired). May throw 429. */
  load(request: FastifyRequest, secret: string): Promise<AuthState | null>;
  /** Told when access control refuses a token a route (audited by the store's owner). */
  refused(request: FastifyRequest, auth: AuthState): Promise<void>;
}

let tokens: TokenStore | undefined;

/** Names where API tokens are kept (the integrations feature does, when its routes are built). */
export function useTokenStore(store: TokenStore): void {
  tokens = store;
}

export const tokenStore = (): TokenStore | undefined => tokens;

/** The secret of an `Authorization: Bearer <secret>` header, or null. */
export function bearerOf(request: Pick<FastifyRequest, 'headers'>): string | null {
  const header = request.headers.authorization;
  if (typeof header !== 'string') return null;
  const match = /^Bearer\s+(\S+)\s*$/i.exec(header);
  return match ? match[1]! : null;
}

/** Where sessions are kept: a feature's tables, given to core by buildApp (`useSessionStore`). */
export interface SessionStore {
  /**
   * The live sessions among these hashes (their person there and not erased), seen now, by
   * hash: a session ended, or idle past `staffIdleHours` for someone with any role or grant,
   * is left out.
   */
  findLive(
    database: Database,
    campaignId: number,
    hashes: readonly string[],
    staffIdleHours: number,
  ): Promise<Map<string, LiveSession>>;
  /** Keeps a new session and notes the login on the person's account. */
  open(
    database: Database,
    campaignId: number,
    session: { hash: string; personId: number; days: number; userAgent: string | null; ip: string },
  ): Promise<void>;
  end(database: Database, campaignId: number, hash: string): Promise<void>;
}

export interface LiveSession {
  personId: number;
  roles: string[] | null;
  grants: string[] | null;
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
 *
 * Every request asks the database (nothing is kept between requests: a session ended or a
 * role taken away counts from the next request, whichever process made the change); requests
 * arriving together are asked by one statement (core/db/batcher.ts), so that a busy server
 * pays one round trip for many of them instead of one each.
 */
export function createSessionLoader(
  database: Database,
  campaignId: number,
  staffIdleHours: number,
) {
  const lookups = new Batcher<string, LiveSession | null>(
    async (batch) => {
      const hashes = [...new Set(batch.map((queued) => queued.item))];
      const live = await sessionStore().findLive(database, campaignId, hashes, staffIdleHours);
      for (const queued of batch) queued.resolve(live.get(queued.item) ?? null);
    },
    { maxInFlight: 2, maxBatch: 200 },
  );
  return async (request: FastifyRequest): Promise<AuthState | null> => {
    // A bearer token is the request's only credential: a session cookie beside it is ignored.
    const bearer = bearerOf(request);
    if (bearer !== null) return tokens ? tokens.load(request, bearer) : null;
    const raw = request.cookies[SESSION_COOKIE];
    if (!raw) return null;
    const unsigned = request.unsignCookie(raw);
    if (!unsigned.valid || !unsigned.value) return null;
    const hash = sha256(unsigned.value);
    const row = await lookups.add(hash);
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

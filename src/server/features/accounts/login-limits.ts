import { sql } from 'drizzle-orm';
import type { FastifyReply, FastifyRequest } from 'fastify';
import type { AppContext } from '../../core/context.ts';
import { hmac } from '../../core/crypto.ts';
import { rateLimitKey } from '../../core/http/client-address.ts';
import { AppError } from '../../core/http/errors.ts';

/**
 * Login limits that stop whoever guesses or floods an address without locking its owner out.
 *
 * Each address has two budgets. Requests from where the address logged in before (this
 * browser holds the device cookie for it, or this IP logged in as it in the last 30 days)
 * spend the owner's budget; all other requests spend the strangers' budget, which an attacker
 * on any number of IPs can exhaust, but only that one. Every IP is limited on its own too (the
 * route's rate limit, and at most 5 wrong passwords per address).
 *
 * Login codes: 5 an hour for each budget; past that, strangers still get one every 15
 * minutes (a code's lifetime), so the owner's mailbox always holds a code that works (and its
 * link, which wrong code guesses cannot spend). A held-back request is told when to retry.
 */

export const DEVICE_COOKIE = 'levier_device';
const DEVICE_TOKENS_KEPT = 5;
const TRUST_DAYS = 30;

export const CODES_PER_HOUR = 5;
/** Once strangers spent their hour's codes: one every this many minutes (a code's lifetime). */
export const STRANGER_CODE_PACE_MINUTES = 15;

export const PASSWORD_WINDOW_MINUTES = 15;
/** Wrong passwords per address in the window: from strangers, and from the owner's places. */
const PASSWORD_FAILURES_MAX = 10;
/** Wrong passwords per address from one IP in the window. */
const PASSWORD_FAILURES_PER_IP = 5;

const deviceToken = (ctx: AppContext, emailHash: string) =>
  hmac(ctx.config.sessionSecret, `device:${emailHash}`, 'base64url').slice(0, 22);
const ipHash = (ctx: AppContext, request: FastifyRequest) =>
  hmac(ctx.config.sessionSecret, `ip:${rateLimitKey(request.ip)}`);

function deviceTokens(request: FastifyRequest): string[] {
  const raw = request.cookies[DEVICE_COOKIE];
  if (!raw) return [];
  const unsigned = request.unsignCookie(raw);
  return unsigned.valid && unsigned.value ? unsigned.value.split('~') : [];
}

/** Where a login request comes from, for the address it names. */
export interface LoginOrigin {
  trusted: boolean;
  ipHash: string;
}

/** Whether the request comes from where the address logged in before (see above). */
export async function loginOrigin(
  ctx: AppContext,
  request: FastifyRequest,
  emailHash: string,
): Promise<LoginOrigin> {
  const ip = ipHash(ctx, request);
  // The IP is looked up even when the cookie answers, so both take the same time.
  const rows = await ctx.database.query(
    sql`SELECT 1 FROM login_trust
      WHERE campaign_id = ${ctx.campaignId} AND email_hash = ${emailHash} AND ip_hash = ${ip}
        AND last_login_at > now() - make_interval(days => ${TRUST_DAYS})`,
  );
  const fromDevice = deviceTokens(request).includes(deviceToken(ctx, emailHash));
  return { trusted: fromDevice || rows.length > 0, ipHash: ip };
}

/** After a successful login: this browser and this IP are the owner's from now on. */
export async function rememberLogin(
  ctx: AppContext,
  request: FastifyRequest,
  reply: FastifyReply,
  emailHash: string,
) {
  await ctx.database.query(
    sql`INSERT INTO login_trust (campaign_id, email_hash, ip_hash) VALUES (${ctx.campaignId}, ${emailHash}, ${ipHash(ctx, request)})
     ON CONFLICT (campaign_id, email_hash, ip_hash) DO UPDATE SET last_login_at = now()`,
  );
  const token = deviceToken(ctx, emailHash);
  const tokens = [token, ...deviceTokens(request).filter((t) => t !== token)];
  reply.setCookie(DEVICE_COOKIE, tokens.slice(0, DEVICE_TOKENS_KEPT).join('~'), {
    path: '/api/auth',
    httpOnly: true,
    sameSite: 'lax',
    secure: ctx.config.production,
    signed: true,
    maxAge: 365 * 86400,
  });
}

/** Places nobody logged in from for a while: past every trust window. */
export async function purgeLoginTrust(ctx: AppContext): Promise<number> {
  const rows = await ctx.database.query(
    sql`DELETE FROM login_trust
      WHERE campaign_id = ${ctx.campaignId} AND last_login_at < now() - make_interval(days => ${TRUST_DAYS}) RETURNING 1`,
  );
  return rows.length;
}

export const codeHeldBack = (retryAfterSeconds: number) => {
  const minutes = Math.max(1, Math.ceil(retryAfterSeconds / 60));
  return new AppError(
    429,
    'code_recently_sent',
    `A code was sent to this address a short while ago: enter the code of the latest email, or use its link. You can ask for a new one in ${minutes} minute${minutes === 1 ? '' : 's'}.`,
    undefined,
    { retryAfterSeconds: Math.ceil(retryAfterSeconds) },
  );
};

/**
 * Whether a code may be sent now to the address; throws code_recently_sent when not. Reads
 * the address's codes alone (rows exist for unknown addresses too), so the answer and its
 * time say nothing about whether the address is a supporter's.
 */
export async function checkCodeBudget(ctx: AppContext, emailHash: string, origin: LoginOrigin) {
  const [row] = await ctx.database.query<{
    n: number;
    since_last_stranger: number | null;
    oldest_leaves_in: number | null;
  }>(
    sql`SELECT count(*) FILTER (WHERE trusted = ${origin.trusted})::int AS n,
            extract(epoch FROM now() - max(created_at) FILTER (WHERE NOT trusted))::float8
              AS since_last_stranger,
            extract(epoch FROM min(created_at) FILTER (WHERE trusted = ${origin.trusted})
                               + interval '1 hour' - now())::float8 AS oldest_leaves_in
       FROM login_codes
      WHERE campaign_id = ${ctx.campaignId} AND email_hash = ${emailHash} AND created_at > now() - interval '1 hour'`,
  );
  if (row.n < CODES_PER_HOUR) return;
  if (origin.trusted) throw codeHeldBack(row.oldest_leaves_in ?? 60);
  const pace = STRANGER_CODE_PACE_MINUTES * 60;
  const since = row.since_last_stranger ?? pace;
  if (since >= pace) return;
  throw codeHeldBack(pace - since);
}

const tooManyPasswords = () =>
  new AppError(
    429,
    'too_many_password_attempts',
    `Too many wrong passwords for this address. Wait ${PASSWORD_WINDOW_MINUTES} minutes, or log in with a code sent by email.`,
  );

/**
 * Refuses a password attempt once the budget it would spend is used up: its IP's (5 wrong
 * ones per address), strangers' (10 per address, from any IPs), or the owner's places' (10).
 */
export async function checkPasswordBudget(ctx: AppContext, emailHash: string, origin: LoginOrigin) {
  const [row] = await ctx.database.query<{ same_origin: number; same_ip: number }>(
    sql`SELECT count(*) FILTER (WHERE trusted = ${origin.trusted})::int AS same_origin,
            count(*) FILTER (WHERE ip_hash = ${origin.ipHash})::int AS same_ip
       FROM password_failures
      WHERE campaign_id = ${ctx.campaignId} AND email_hash = ${emailHash} AND at > now() - make_interval(mins => ${PASSWORD_WINDOW_MINUTES})`,
  );
  if (row.same_origin >= PASSWORD_FAILURES_MAX) throw tooManyPasswords();
  if (!origin.trusted && row.same_ip >= PASSWORD_FAILURES_PER_IP) throw tooManyPasswords();
}

export async function recordPasswordFailure(
  ctx: AppContext,
  emailHash: string,
  origin: LoginOrigin,
) {
  await ctx.database.query(
    sql`INSERT INTO password_failures (campaign_id, email_hash, ip_hash, trusted) VALUES (${ctx.campaignId}, ${emailHash}, ${origin.ipHash}, ${origin.trusted})`,
  );
}

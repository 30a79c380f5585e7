import { sql } from 'drizzle-orm';
import argon2 from 'argon2';
import type { Me } from '../../../contracts/accounts.ts';
import { permissionsOf, type Role } from '../../../contracts/roles.ts';
import type { AppContext } from '../../core/context.ts';
import { purgeRows } from '../../core/db/purge.ts';
import { hmac, randomToken, safeEqual, sha256, sixDigitCode } from '../../core/crypto.ts';
import { AppError, badRequest, forbidden, notFound } from '../../core/http/errors.ts';
import type { AuthState } from '../../core/http/session.ts';
import { enqueueMail } from '../../core/mail/outbox.ts';
import { loginCodeMail } from './mails.ts';
import { normalizeEmail } from '../people/normalize.ts';
import {
  confirmByProof,
  contactsOf,
  normalizedEmailOf,
  personByEmail,
} from '../people/directory.ts';
import { campaignName } from '../settings/service.ts';
import {
  checkCodeBudget,
  checkPasswordBudget,
  purgeLoginTrust,
  recordPasswordFailure,
  type LoginOrigin,
} from './login-limits.ts';

const CODE_MINUTES = 15;
const MAX_ATTEMPTS = 5;

const hashCode = (ctx: AppContext, personId: number, code: string) =>
  hmac(ctx.config.sessionSecret, `${personId}:${code}`);
/** Codes are kept by the address they were asked for, not by person: see startLogin. */
export const hashAddress = (ctx: AppContext, normalizedEmail: string) =>
  hmac(ctx.config.sessionSecret, `login:${normalizedEmail}`);

/**
 * Stores a code for an address (valid 15 minutes, single use). Without a person, the row's
 * code can never match (see startLogin) and nothing is returned to send.
 */
async function storeCode(
  ctx: AppContext,
  emailHash: string,
  personId: number | null,
  minutes = CODE_MINUTES,
) {
  const code = sixDigitCode();
  const token = randomToken();
  await ctx.database.query(
    sql`INSERT INTO login_codes (campaign_id, person_id, email_hash, code_hash, link_token_hash, expires_at)
     VALUES (${ctx.campaignId}, ${personId}, ${emailHash}, ${personId === null ? randomToken() : hashCode(ctx, personId, code)}, ${sha256(token)}, now() + make_interval(mins => ${minutes}))`,
  );
  return { code, token, linkUrl: `${ctx.config.publicUrl}/login/link?token=${token}` };
}

/** A fresh 6-digit code and magic-link token for a person (valid 15 minutes, single use). */
export async function issueLoginCode(ctx: AppContext, personId: number, minutes = CODE_MINUTES) {
  const email = await normalizedEmailOf(ctx, personId);
  if (!email) throw notFound('person');
  return storeCode(ctx, hashAddress(ctx, email), personId, minutes);
}

const invalidEmail = () =>
  new AppError(400, 'validation_failed', 'Enter a valid email address.', [
    { field: 'email', code: 'invalid_email', message: 'Enter a valid email address.' },
  ]);

/**
 * Asks for a code and a magic link for an address; says nothing of whether it is known. The
 * work done before the answer (the address's budget, a code row) is the same for every
 * address, so the answer takes the same time; what only a known address needs (finding the
 * person, the mail) is returned, to run once the answer is sent. An address nobody has keeps
 * its row, whose code can never match: checking a code then answers exactly as for a
 * supporter (attempts left, expiry), so it cannot tell who supports the campaign either.
 */
export async function startLogin(
  ctx: AppContext,
  email: string,
  locale: 'fr' | 'en',
  originOf: (emailHash: string) => Promise<LoginOrigin>,
): Promise<() => Promise<void>> {
  const normalized = normalizeEmail(email);
  if (!normalized) throw invalidEmail();
  const emailHash = hashAddress(ctx, normalized);
  const origin = await originOf(emailHash);
  await checkCodeBudget(ctx, emailHash, origin);
  const [reserved] = await ctx.database.query<{ id: number }>(
    sql`INSERT INTO login_codes (campaign_id, person_id, email_hash, code_hash, link_token_hash, expires_at, trusted)
     VALUES (${ctx.campaignId}, NULL, ${emailHash}, ${randomToken()}, ${sha256(randomToken())}, now() + make_interval(mins => ${CODE_MINUTES}), ${origin.trusted}) RETURNING id`,
  );
  return async () => {
    const person = await personByEmail(ctx, normalized);
    if (!person) return;
    const code = sixDigitCode();
    const token = randomToken();
    await ctx.database.query(
      sql`UPDATE login_codes SET person_id = ${person.id}, code_hash = ${hashCode(ctx, person.id, code)}, link_token_hash = ${sha256(token)}
        WHERE campaign_id = ${ctx.campaignId} AND id = ${reserved.id}`,
    );
    const mail = loginCodeMail(
      locale ?? person.locale,
      await campaignName(ctx.database, ctx.campaignId),
      code,
      `${ctx.config.publicUrl}/login/link?token=${token}`,
    );
    await enqueueMail(ctx.database, ctx.campaignId, {
      kind: 'login_code',
      personId: person.id,
      to: person.email,
      ...mail,
    });
    ctx.mailer.nudge();
  };
}

/** The keyed hash of a person's address, as login codes and limits keep it. */
export async function addressHashOf(ctx: AppContext, personId: number): Promise<string | null> {
  const email = await normalizedEmailOf(ctx, personId);
  return email ? hashAddress(ctx, email) : null;
}

const invalidCode = (remaining: number) =>
  new AppError(
    400,
    'invalid_code',
    `This code is not the right one. ${remaining} attempt${remaining === 1 ? '' : 's'} left.`,
    [{ field: 'code', code: 'invalid_code', message: `Wrong code; ${remaining} attempt(s) left.` }],
  );

/** Checks a 6-digit code (5 attempts, 15 minutes); returns the person to log in. */
export async function verifyCode(ctx: AppContext, email: string, code: string): Promise<number> {
  const normalized = normalizeEmail(email);
  if (!normalized) throw invalidEmail();
  const rows = await ctx.database.query<{
    id: number;
    person_id: number | null;
    code_hash: string;
    attempts: number;
    expired: boolean;
  }>(
    sql`SELECT id, person_id, code_hash, attempts, expires_at < now() AS expired FROM login_codes
      WHERE campaign_id = ${ctx.campaignId} AND email_hash = ${hashAddress(ctx, normalized)} AND used_at IS NULL ORDER BY created_at DESC LIMIT 1`,
  );
  const row = rows[0];
  if (!row) throw invalidCode(0);
  if (row.expired)
    throw new AppError(400, 'code_expired', 'This code has expired. Ask for a new one.');
  const tooMany = () =>
    new AppError(400, 'too_many_attempts', 'Too many wrong codes. Ask for a new one.');
  if (row.attempts >= MAX_ATTEMPTS) throw tooMany();
  // Each guess claims its attempt in one statement, so guesses sent in parallel cannot all
  // pass the check above before any of them is counted.
  if (!safeEqual(row.code_hash, hashCode(ctx, row.person_id ?? 0, code))) {
    const updated = await ctx.database.query<{ attempts: number }>(
      sql`UPDATE login_codes SET attempts = attempts + 1
        WHERE campaign_id = ${ctx.campaignId} AND id = ${row.id} AND attempts < ${MAX_ATTEMPTS} AND used_at IS NULL RETURNING attempts`,
    );
    if (!updated[0]) throw tooMany();
    throw invalidCode(Math.max(0, MAX_ATTEMPTS - updated[0].attempts));
  }
  const used = await ctx.database.query<{ attempts: number }>(
    sql`UPDATE login_codes SET used_at = now()
      WHERE campaign_id = ${ctx.campaignId} AND id = ${row.id} AND used_at IS NULL AND attempts < ${MAX_ATTEMPTS} AND expires_at > now()
      RETURNING attempts`,
  );
  if (used.length === 0) {
    const [now] = await ctx.database.query<{ attempts: number }>(
      sql`SELECT attempts FROM login_codes WHERE campaign_id = ${ctx.campaignId} AND id = ${row.id}`,
    );
    if (now && now.attempts >= MAX_ATTEMPTS) throw tooMany();
    throw invalidCode(0);
  }
  // The code matched, so it was issued to a person; they must still hold the address.
  const person = await personByEmail(ctx, normalized);
  if (!person || person.id !== row.person_id) throw invalidCode(0);
  await ensureAccount(ctx, person.id);
  await confirmByProof(ctx, person.id, 'login_code');
  return person.id;
}

/** Codes over a day past their expiry: nothing can use them, and they hold address hashes. */
export async function purgeExpiredLoginCodes(ctx: AppContext): Promise<number> {
  return purgeRows(
    ctx.database,
    'login_codes',
    ctx.campaignId,
    "expires_at < now() - interval '1 day'",
  );
}

export async function verifyLink(ctx: AppContext, token: string): Promise<number> {
  const rows = await ctx.database.query<{ person_id: number }>(
    sql`UPDATE login_codes SET used_at = now()
      WHERE campaign_id = ${ctx.campaignId} AND link_token_hash = ${sha256(token)} AND person_id IS NOT NULL
        AND used_at IS NULL AND expires_at > now()
      RETURNING person_id`,
  );
  if (!rows[0])
    throw new AppError(
      400,
      'invalid_link',
      'This login link is invalid, used or expired. Ask for a new one.',
    );
  await ensureAccount(ctx, rows[0].person_id);
  await confirmByProof(ctx, Number(rows[0].person_id), 'login_link');
  return Number(rows[0].person_id);
}

// Verifying against a real hash when the account is unknown keeps response times alike.
let decoyHash: Promise<string> | undefined;

export async function verifyPassword(
  ctx: AppContext,
  email: string,
  password: string,
  originOf: (emailHash: string) => Promise<LoginOrigin>,
): Promise<number> {
  const normalized = normalizeEmail(email);
  // Counted by address (hashed), for addresses with or without an account alike, so that
  // guesses spread over many IPs still stop, and the stop tells nothing about the address.
  const emailHash = hashAddress(ctx, normalized ?? email.trim().toLowerCase());
  const origin = await originOf(emailHash);
  await checkPasswordBudget(ctx, emailHash, origin);
  const person = normalized ? await personByEmail(ctx, normalized) : undefined;
  const rows = person
    ? await ctx.database.query<{ password_hash: string | null }>(
        sql`SELECT password_hash FROM accounts WHERE campaign_id = ${ctx.campaignId} AND person_id = ${person.id}`,
      )
    : [];
  const hash = rows[0]?.password_hash;
  const matches = hash
    ? await argon2.verify(hash, password)
    : await argon2.verify(
        await (decoyHash ??= argon2.hash(randomToken(), { type: argon2.argon2id })),
        password,
      );
  if (!person || !hash || !matches) {
    await recordPasswordFailure(ctx, emailHash, origin);
    throw new AppError(400, 'invalid_credentials', 'Wrong email or password.');
  }
  return person.id;
}

/** Wrong-password records older than a day (past every window), and old login places. */
export async function purgePasswordFailures(ctx: AppContext): Promise<number> {
  const failures = await purgeRows(
    ctx.database,
    'password_failures',
    ctx.campaignId,
    "at < now() - interval '1 day'",
  );
  return failures + (await purgeLoginTrust(ctx));
}

/**
 * Sets or changes the password of a logged-in staff member (supporters log in with emailed
 * codes), then logs out whoever knew the old one; the session making the change stays.
 */
export async function changePassword(
  ctx: AppContext,
  auth: AuthState,
  newPassword: string,
  currentPassword?: string,
) {
  if (auth.roles.length === 0) throw forbidden('Only staff accounts can set a password.');
  await setPassword(ctx, auth.personId, newPassword, currentPassword);
  await endOtherSessions(ctx, auth.personId, auth.sessionHash);
}

async function setPassword(
  ctx: AppContext,
  personId: number,
  newPassword: string,
  currentPassword?: string,
) {
  const rows = await ctx.database.query<{ password_hash: string | null }>(
    sql`SELECT password_hash FROM accounts WHERE campaign_id = ${ctx.campaignId} AND person_id = ${personId}`,
  );
  const existing = rows[0]?.password_hash;
  if (existing && !(currentPassword && (await argon2.verify(existing, currentPassword)))) {
    throw badRequest('invalid_credentials', 'The current password is wrong.', [
      {
        field: 'currentPassword',
        code: 'invalid_credentials',
        message: 'The current password is wrong.',
      },
    ]);
  }
  const hash = await argon2.hash(newPassword, { type: argon2.argon2id });
  await ensureAccount(ctx, personId);
  await ctx.database.query(
    sql`UPDATE accounts SET password_hash = ${hash} WHERE campaign_id = ${ctx.campaignId} AND person_id = ${personId}`,
  );
}

async function ensureAccount(ctx: AppContext, personId: number) {
  await ctx.database.query(
    sql`INSERT INTO accounts (campaign_id, person_id) VALUES (${ctx.campaignId}, ${personId}) ON CONFLICT DO NOTHING`,
  );
}

export async function me(ctx: AppContext, personId: number): Promise<Me> {
  const [person, [row]] = await Promise.all([
    contactsOf(ctx, [personId]).then((people) => people.get(personId)),
    ctx.database.query<{
      roles: Role[] | null;
      grants: string[] | null;
      password_hash: string | null;
    }>(
      sql`SELECT roles, grants, password_hash FROM accounts WHERE campaign_id = ${ctx.campaignId} AND person_id = ${personId}`,
    ),
  ]);
  if (!person) throw notFound('person');
  return {
    personId,
    email: person.email,
    firstName: person.firstName,
    lastName: person.lastName,
    roles: row?.roles ?? [],
    permissions: permissionsOf(row?.roles ?? [], row?.grants ?? []),
    hasPassword: Boolean(row?.password_hash),
  };
}

export async function endSession(ctx: AppContext, sessionHash: string) {
  await ctx.database.query(
    sql`DELETE FROM sessions WHERE campaign_id = ${ctx.campaignId} AND id_hash = ${sessionHash}`,
  );
}

export async function endAllSessions(ctx: AppContext, personId: number) {
  await ctx.database.query(
    sql`DELETE FROM sessions WHERE campaign_id = ${ctx.campaignId} AND person_id = ${personId}`,
  );
}

async function endOtherSessions(ctx: AppContext, personId: number, keepSessionHash: string) {
  await ctx.database.query(
    sql`DELETE FROM sessions WHERE campaign_id = ${ctx.campaignId} AND person_id = ${personId} AND id_hash <> ${keepSessionHash}`,
  );
}

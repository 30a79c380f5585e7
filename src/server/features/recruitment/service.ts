import { sql } from 'drizzle-orm';
import type { Locale } from '../../../contracts/common.ts';
import type { SignupInput, SignupSource } from '../../../contracts/recruitment.ts';
import type { AppContext } from '../../core/context.ts';
import { hmac, safeEqual } from '../../core/crypto.ts';
import { forgetPeople } from '../../core/personal-data/rights.ts';
import { runSql } from '../../core/db/statement.ts';
import type { Query } from '../../core/db/index.ts';
import { QUEUE_TEMPLATE_MAILS } from '../../core/mail/outbox.ts';
import { personHasAccount } from '../accounts/access.ts';
import { personalData } from '../personal-data.ts';
import {
  deletePeople,
  lockUnconfirmedSignupPeople,
  personByEmail,
  recruitCodeOf,
} from '../people/directory.ts';
import { claimSignup } from './signup-records.ts';
import { confirmationMail, signupWriter } from './signup-writer.ts';
import { registerMailTemplate } from '../../core/mail/registry.ts';
import { AppError, invalidFields, type FieldError } from '../../core/http/errors.ts';
import { signupConfirmationMail } from './mails.ts';
import { normalizeEmail, checkPhoneAndPlace } from '../people/normalize.ts';
import { searchTextOf } from '../people/person-writer.ts';
import { applyConfirmedSignup, type SignupData } from '../people/service.ts';
import { campaignName } from '../settings/service.ts';
import { currentWordingFor, isWordingVersion } from '../settings/wording.ts';
import { signupPurposes } from '../signup-purposes.ts';
import { isSignupPurpose, type SignupPurpose } from './purpose.ts';

export interface SignupMeta {
  ip: string;
}

/** A sign-up as the forms send it; the event page's visitor form is one more source. */
export type SignupRequest = Omit<SignupInput, 'source'> & { source: SignupSource };

/** Validates what the form sent beyond its shape: email, phone, postal code and commune. */
export async function validateSignup(ctx: AppContext, input: SignupRequest): Promise<SignupData> {
  const errors: FieldError[] = [];
  const email = normalizeEmail(input.email);
  if (!email)
    errors.push({ field: 'email', code: 'invalid_email', message: 'Enter a valid email address.' });
  const { phone, place } = checkPhoneAndPlace(ctx.geo, input, errors);
  const wordingVersion =
    input.wordingVersion ??
    (await currentWordingFor(ctx.database, ctx.campaignId, input.locale)).version;
  if (!(await isWordingVersion(ctx.database, ctx.campaignId, wordingVersion)))
    throw new AppError(
      400,
      'unknown_wording',
      'The consent wording on this page is out of date: reload the page and try again.',
    );
  if (errors.length > 0 || !email || !place) throw invalidFields(errors);
  return {
    email: input.email.trim(),
    emailNormalized: email,
    firstName: input.firstName,
    lastName: input.lastName,
    phone,
    ...place,
    locale: input.locale,
    consents: input.consents,
    wordingVersion,
    source: input.source,
  };
}

/** The confirmation link's token: the sign-up id and an HMAC of it (nothing stored). */
function signupToken(ctx: AppContext, signupId: number): string {
  return `${signupId}.${hmac(ctx.config.sessionSecret, `signup:${signupId}`, 'base64url')}`;
}

function signupIdFromToken(ctx: AppContext, token: string): number | null {
  const [id, mac] = token.split('.');
  if (!/^\d{1,15}$/.test(id ?? '') || !mac) return null;
  return safeEqual(signupToken(ctx, Number(id)), token) ? Number(id) : null;
}

/** Renders queued confirmation mails; the payload is what the sign-up statement wrote. */
export function registerRecruitmentMail(ctx: AppContext) {
  registerMailTemplate(
    'signup_confirmation',
    async (payload) => {
      const p = payload as {
        signupId: number;
        campaignId: number;
        firstName: string;
        locale: 'fr' | 'en';
        purpose?: unknown;
      };
      const url = `${ctx.config.publicUrl}/confirm?token=${signupToken(ctx, p.signupId)}`;
      const name = await campaignName(ctx.database, p.campaignId);
      const purpose = isSignupPurpose(p.purpose) ? signupPurposes().get(p.purpose.kind) : undefined;
      const line =
        purpose && isSignupPurpose(p.purpose)
          ? await purpose.mailLine(ctx, p.purpose.id, p.locale)
          : null;
      return signupConfirmationMail(p.locale, name, url, line);
    },
    // Anyone can make us send it by typing an address.
    { dailyCapPerPerson: 3 },
  );
}

/**
 * Records a sign-up (see signup-writer.ts: one statement, batched under load). The answer is
 * the same whether the email was known or not. A `purpose` (an event answered) is kept with
 * it: its mail says it, and its feature acts on it once the address is confirmed.
 */
export async function signup(
  ctx: AppContext,
  input: SignupRequest,
  purpose?: SignupPurpose,
): Promise<void> {
  const data = await validateSignup(ctx, input);
  const attribution = {
    utmSource: input.utmSource || null,
    utmMedium: input.utmMedium || null,
    utmCampaign: input.utmCampaign || null,
    referrerUrl: input.referrerUrl || null,
  };
  await signupWriter(ctx.database, ctx.campaignId).write({
    ...data,
    ...attribution,
    ref: input.ref ?? '',
    searchText: searchTextOf(data),
    data: JSON.stringify({ ...data, attribution, ref: input.ref ?? null, purpose }),
  });
  ctx.mailer.nudge();
}

/**
 * Queues the confirmation mail of the address's latest unconfirmed sign-up again (the same
 * link). Nothing tells whether the address is known; past the template's daily cap per
 * person the outbox suppresses the mail, as for a sign-up made again.
 */
export async function resendConfirmation(ctx: AppContext, emailInput: string): Promise<void> {
  const email = normalizeEmail(emailInput);
  if (!email) return;
  const person = await personByEmail(ctx, email);
  if (!person) return;
  const queued = await runSql<{ id: number }>(
    ctx.database,
    sql`${sql.raw(QUEUE_TEMPLATE_MAILS)}
        SELECT ${sql.raw(confirmationMail('s'))}
          FROM signups s
         WHERE s.campaign_id = ${ctx.campaignId} AND s.person_id = ${person.id}
           AND s.confirmed_at IS NULL
           AND s.created_at > now() - make_interval(days => ${ctx.config.UNCONFIRMED_RETENTION_DAYS})
         ORDER BY s.id DESC LIMIT 1
        RETURNING id`,
  );
  if (queued.length > 0) ctx.mailer.nudge();
}

const invalidToken = () =>
  new AppError(
    400,
    'invalid_token',
    'This confirmation link is invalid or has expired. Sign up again to get a new one.',
  );

export interface ConfirmedSignup {
  personId: number;
  firstName: string | null;
  recruitCode: string | null;
  recruitUrl: string | null;
  /** What the sign-up's purpose did once confirmed (a place taken), said in `locale`. */
  purposeNote: string | null;
}

/**
 * Called when a sign-up is confirmed (not again for a second click), inside the confirmation's
 * transaction, with the person: other features listen (newsletters' welcome series) without
 * recruitment naming them, and what they write commits with the confirmation or not at all. A
 * listener keeps its own failures to itself (a savepoint); it never fails the confirmation.
 */
export const signupConfirmedListeners = new Set<
  (query: Query, ctx: AppContext, personId: number) => Promise<void>
>();

/**
 * Double opt-in: the email owner clicked the link, so the submission is applied, then what
 * it was made for (see purpose.ts), once.
 */
export async function confirmSignup(
  ctx: AppContext,
  token: string,
  locale?: Locale,
): Promise<ConfirmedSignup> {
  const signupId = signupIdFromToken(ctx, token);
  if (!signupId) throw invalidToken();
  const rows = await runSql<{
    id: number;
    person_id: number;
    data: SignupData & { purpose?: unknown };
    confirmed_at: Date | null;
  }>(
    ctx.database,
    sql`SELECT id, person_id, data, confirmed_at FROM signups
         WHERE campaign_id = ${ctx.campaignId} AND id = ${signupId}
           AND created_at > now() - make_interval(days => ${ctx.config.UNCONFIRMED_RETENTION_DAYS})`,
  );
  const row = rows[0];
  if (!row) throw invalidToken();
  const personId = Number(row.person_id);
  const claimed =
    !row.confirmed_at &&
    (await ctx.database.transaction(async (query) => {
      if (!(await claimSignup(query, ctx.campaignId, row.id))) return false; // confirmed concurrently
      await applyConfirmedSignup(query, ctx.campaignId, personId, row.data);
      for (const listener of signupConfirmedListeners) await listener(query, ctx, personId);
      return true;
    }));
  const purpose = isSignupPurpose(row.data.purpose) ? row.data.purpose : null;
  const kind = purpose && signupPurposes().get(purpose.kind);
  const purposeNote =
    claimed && purpose && kind
      ? await kind.confirmed(ctx, personId, purpose.id, locale ?? row.data.locale)
      : null;
  const recruitCode = await recruitCodeOf(ctx, personId);
  return {
    personId,
    firstName: row.data.firstName,
    recruitCode,
    recruitUrl: recruitCode ? `${ctx.config.publicUrl}/?r=${recruitCode}` : null,
    purposeNote,
  };
}

/** Deletes sign-ups never confirmed, and the people who exist only through them. */
export async function purgeUnconfirmed(
  ctx: AppContext,
): Promise<{ signups: number; people: number }> {
  const days = ctx.config.UNCONFIRMED_RETENTION_DAYS;
  const people = await ctx.database.transaction(async (query) => {
    const forgotten = await lockUnconfirmedSignupPeople(query, ctx.campaignId, days, [
      personHasAccount(sql`p.campaign_id`, sql`p.id`),
      // A sign-up still waiting for its confirmation keeps them.
      sql`EXISTS (SELECT 1 FROM signups s WHERE s.campaign_id = p.campaign_id AND s.person_id = p.id
                     AND s.created_at >= now() - make_interval(days => ${days}))`,
    ]);
    // Everything every feature holds about them, sent mail included: nothing else remains of them.
    await forgetPeople(personalData(), query, ctx.campaignId, forgotten, 'purge');
    await deletePeople(
      query,
      ctx.campaignId,
      forgotten.map((person) => person.id),
    );
    return forgotten;
  });
  const signups = await runSql<{ id: number }>(
    ctx.database,
    sql`DELETE FROM signups WHERE campaign_id = ${ctx.campaignId} AND confirmed_at IS NULL
           AND created_at < now() - make_interval(days => ${days}) RETURNING id`,
  );
  return { signups: signups.length, people: people.length };
}

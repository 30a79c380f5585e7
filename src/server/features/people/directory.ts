import type { AppContext } from '../../core/context.ts';
import { recruitCode } from '../../core/crypto.ts';
import { invalidFields } from '../../core/http/errors.ts';
import { buildSearchText, normalizeEmail } from './normalize.ts';
import { addPersonEvent } from './service.ts';

/** What other features may read of a person: how to reach and name them. */
export interface PersonContact {
  id: number;
  email: string | null;
  firstName: string | null;
  lastName: string | null;
  locale: 'fr' | 'en';
  erased: boolean;
}

/** A person's name as staff lists show it: first and last name, else their email. */
export const displayName = (person: PersonContact | undefined) =>
  person ? [person.firstName, person.lastName].filter(Boolean).join(' ') || person.email : null;

/** The people of these ids (erased ones too, marked), by id. */
export async function contactsOf(
  ctx: AppContext,
  ids: readonly number[],
): Promise<Map<number, PersonContact>> {
  if (ids.length === 0) return new Map();
  const rows = await ctx.database.query<{
    id: number;
    email: string | null;
    first_name: string | null;
    last_name: string | null;
    locale: string;
    erased: boolean;
  }>(
    `SELECT id, email, first_name, last_name, locale, erased_at IS NOT NULL AS erased
       FROM people WHERE campaign_id = $1 AND id = ANY($2)`,
    [ctx.campaignId, [...new Set(ids)]],
  );
  return new Map(
    rows.map((row) => [
      Number(row.id),
      {
        id: Number(row.id),
        email: row.email,
        firstName: row.first_name,
        lastName: row.last_name,
        locale: row.locale === 'en' ? 'en' : 'fr',
        erased: row.erased,
      },
    ]),
  );
}

/** Finds or creates the person for an email (confirmed: staff vouch for it) and returns the id. */
export async function personForEmail(ctx: AppContext, email: string): Promise<number> {
  const normalized = normalizeEmail(email);
  if (!normalized)
    throw invalidFields([
      { field: 'email', code: 'invalid_email', message: 'Enter a valid email address.' },
    ]);
  const rows = await ctx.database.query<{ id: number }>(
    `INSERT INTO people (campaign_id, email, email_normalized, source, recruit_code, confirmed_at, search_text)
     VALUES ($5, $1, $2, 'staff', $3, now(), $4)
     ON CONFLICT (campaign_id, email_normalized) DO UPDATE SET updated_at = people.updated_at RETURNING id`,
    [
      email.trim(),
      normalized,
      recruitCode(),
      buildSearchText({ email: normalized }),
      ctx.campaignId,
    ],
  );
  return Number(rows[0].id);
}

/** People's names as staff lists show them (see displayName), by id; none for the erased. */
export async function personNames(
  ctx: AppContext,
  ids: readonly number[],
): Promise<Map<number, string>> {
  const people = await contactsOf(ctx, ids);
  return new Map(
    [...people].flatMap(([id, person]) => {
      const name = displayName(person);
      return name ? [[id, name] as const] : [];
    }),
  );
}

/** The person who holds this normalised email (not erased), as login needs them. */
export async function personByEmail(ctx: AppContext, emailNormalized: string) {
  const [row] = await ctx.database.query<{ id: number; locale: string; email: string }>(
    `SELECT id, locale, email FROM people
      WHERE campaign_id = $1 AND email_normalized = $2 AND erased_at IS NULL`,
    [ctx.campaignId, emailNormalized],
  );
  return row
    ? {
        id: Number(row.id),
        locale: row.locale === 'en' ? ('en' as const) : ('fr' as const),
        email: row.email,
      }
    : undefined;
}

/** A person's normalised email (login codes are kept by its keyed hash); null once erased. */
export async function normalizedEmailOf(ctx: AppContext, personId: number) {
  const [row] = await ctx.database.query<{ email_normalized: string | null }>(
    'SELECT email_normalized FROM people WHERE campaign_id = $1 AND id = $2',
    [ctx.campaignId, personId],
  );
  return row ? row.email_normalized : undefined;
}

/**
 * The address was proved (a login code or link mailed to it worked), as the sign-up's
 * confirmation link would: a person who signed up and never confirmed is confirmed (and so kept
 * by the purge of unconfirmed sign-ups), with a timeline entry saying how. Only that: the
 * sign-up's consents are not given, since the person did not confirm that sign-up.
 */
export async function confirmByProof(ctx: AppContext, personId: number, via: string) {
  await ctx.database.transaction(async (query) => {
    const confirmed = await query(
      `UPDATE people SET confirmed_at = now(), updated_at = now()
        WHERE campaign_id = $1 AND id = $2 AND confirmed_at IS NULL AND erased_at IS NULL
        RETURNING id`,
      [ctx.campaignId, personId],
    );
    if (confirmed.length > 0)
      await addPersonEvent(query, ctx.campaignId, personId, 'confirmed', { source: via });
  });
}

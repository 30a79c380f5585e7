import type { AppContext } from '../../core/context.ts';
import { recruitCode } from '../../core/crypto.ts';
import { invalidFields } from '../../core/http/errors.ts';
import { buildSearchText, normalizeEmail } from './normalize.ts';

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

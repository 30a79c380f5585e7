import { sql, type SQL } from 'drizzle-orm';
import type { AppContext } from '../../core/context.ts';
import type { Query } from '../../core/db/index.ts';
import { runSql } from '../../core/db/statement.ts';
import { invalidFields, type FieldError } from '../../core/http/errors.ts';
import { audit } from '../../core/audit.ts';
import { foldSearch, normalizeEmail, normalizePhone } from './normalize.ts';
import { likeEscape } from './filter-sql.ts';
import {
  insertPeopleSelect,
  insertPerson,
  insertPersonOrFind,
  newRecruitCode,
  searchTextOf,
} from './person-writer.ts';
import type { PersonColumns } from './tables.ts';
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
export const contactsOf = (
  ctx: AppContext,
  ids: readonly number[],
): Promise<Map<number, PersonContact>> => profilesOf(ctx, ids);

/** Finds or creates the person for an email (confirmed: staff vouch for it) and returns the id. */
export async function personForEmail(ctx: AppContext, email: string): Promise<number> {
  const normalized = normalizeEmail(email);
  if (!normalized)
    throw invalidFields([
      { field: 'email', code: 'invalid_email', message: 'Enter a valid email address.' },
    ]);
  return insertPerson(
    ctx.database,
    ctx.campaignId,
    { email: email.trim() },
    { source: 'staff', confirmed: true, onEmailTaken: 'keep' },
  );
}

/** A person met at an event: the names and whatever else they gave ('' for nothing). */
export interface MetPerson {
  firstName: string;
  lastName: string;
  email: string;
  phone: string;
}

/**
 * The person an organiser adds at an event's door. One who holds the email is that person, left
 * exactly as they are (what was typed does not overwrite what they gave themselves); otherwise a
 * new person (source `event`, not confirmed, no consent: they agreed to nothing), on their
 * timeline and in the audit log as a person added by hand at HQ is.
 */
export async function personMetAtEvent(
  ctx: AppContext,
  met: MetPerson,
  at: { eventId: number; actorId: number; ip?: string },
): Promise<{ id: number; created: boolean }> {
  const errors: FieldError[] = [];
  const email = met.email.trim() || null;
  if (email && !normalizeEmail(email))
    errors.push({ field: 'email', code: 'invalid_email', message: 'Enter a valid email address.' });
  const phone = met.phone.trim() ? normalizePhone(met.phone) : null;
  if (met.phone.trim() && !phone)
    errors.push({ field: 'phone', code: 'invalid_phone', message: 'Enter a valid phone number.' });
  if (errors.length > 0) throw invalidFields(errors);
  const details = { firstName: met.firstName, lastName: met.lastName, email, phone };
  return ctx.database.transaction(async (query) => {
    const person = await insertPersonOrFind(query, ctx.campaignId, details, {
      source: 'event',
      onEmailTaken: 'keep',
    });
    if (!person.created) return person;
    const fields = Object.entries(details).flatMap(([field, value]) => (value ? [field] : []));
    await addPersonEvent(
      query,
      ctx.campaignId,
      person.id,
      'created',
      { source: 'event', fields, eventId: at.eventId },
      at.actorId,
    );
    await audit(
      { query },
      {
        campaignId: ctx.campaignId,
        actorId: at.actorId,
        action: 'person.create',
        target: `person:${person.id}`,
        details: { fields, source: 'event', eventId: at.eventId },
        ip: at.ip,
      },
    );
    return person;
  });
}

/** A donor as the donation page names them. */
export interface GivingPerson {
  email: string;
  firstName: string;
  lastName: string;
  phone: string;
  addressStreet: string;
  addressComplement: string;
  postalCode: string;
  communeName: string;
  communeCode: string | null;
  locale: 'fr' | 'en';
}

/**
 * The person who gives: the one who holds the email, left exactly as they are (what a payment
 * form says does not overwrite what they gave themselves), or a new person (source
 * `donation`, not confirmed, no consent). A donor is never purged as an unconfirmed sign-up:
 * their gifts count against one cap under their id.
 */
export async function personGiving(ctx: AppContext, donor: GivingPerson): Promise<{ id: number }> {
  if (donor.phone.trim() && !normalizePhone(donor.phone))
    throw invalidFields([
      { field: 'phone', code: 'invalid_phone', message: 'Enter a valid phone number.' },
    ]);
  const people = await ctx.database.transaction((query) => peopleGivingIn(ctx, query, [donor]));
  return { id: [...people.values()][0]! };
}

/**
 * personGiving for a batch of donors at once, in the caller's transaction (one statement): the
 * people who hold the emails, untouched, or new people (source `donation`), each new one with
 * its `created` event. Returns each normalised email's person id. Phones are checked by the
 * caller; one that is not a number is not kept.
 */
export async function peopleGivingIn(
  ctx: AppContext,
  query: Query,
  donors: GivingPerson[],
): Promise<Map<string, number>> {
  const rows = donors.map((donor) => {
    const phone = donor.phone.trim() ? normalizePhone(donor.phone) : null;
    const details = {
      email: donor.email.trim(),
      firstName: donor.firstName,
      lastName: donor.lastName,
      phone,
      communeName: donor.communeName,
      postalCode: donor.postalCode,
    };
    return {
      ...details,
      emailNormalized: normalizeEmail(donor.email) ?? '',
      searchText: searchTextOf(details),
      addressStreet: donor.addressStreet,
      addressComplement: donor.addressComplement || null,
      communeCode: donor.communeCode,
      departementCode: donor.communeCode
        ? (ctx.geo.commune(donor.communeCode)?.departementCode ?? null)
        : null,
      locale: donor.locale,
      recruitCode: newRecruitCode(),
    };
  });
  const column = (key: keyof (typeof rows)[number]) => rows.map((row) => row[key]);
  const campaign = sql`${ctx.campaignId}::int`;
  const upsert = insertPeopleSelect(
    {
      campaignId: campaign,
      email: sql`i.email`,
      emailNormalized: sql`i.email_normalized`,
      firstName: sql`i.first_name`,
      lastName: sql`i.last_name`,
      phone: sql`i.phone`,
      addressStreet: sql`i.address_street`,
      addressComplement: sql`i.address_complement`,
      postalCode: sql`i.postal_code`,
      communeName: sql`i.commune_name`,
      communeCode: sql`i.commune_code`,
      departementCode: sql`i.departement_code`,
      locale: sql`i.locale`,
      source: sql`'donation'`,
      recruitCode: sql`i.recruit_code`,
      searchText: sql`i.search_text`,
    },
    {
      distinctOn: 'i.email_normalized',
      from: sql`input i ORDER BY i.email_normalized, i.ord`,
      onEmailTaken: 'keep',
      returning: 'id, email_normalized, xmax = 0 AS created',
    },
  );
  const found = await runSql<{ id: number; email_normalized: string }>(
    query,
    sql`WITH input AS (
          SELECT * FROM unnest(${column('email')}::text[], ${column('emailNormalized')}::text[],
                               ${column('firstName')}::text[], ${column('lastName')}::text[],
                               ${column('phone')}::text[], ${column('addressStreet')}::text[],
                               ${column('addressComplement')}::text[], ${column('postalCode')}::text[],
                               ${column('communeName')}::text[], ${column('communeCode')}::text[],
                               ${column('departementCode')}::text[], ${column('locale')}::text[],
                               ${column('recruitCode')}::text[], ${column('searchText')}::text[])
            WITH ORDINALITY AS t(email, email_normalized, first_name, last_name, phone,
                                 address_street, address_complement, postal_code, commune_name,
                                 commune_code, departement_code, locale, recruit_code, search_text, ord)
        ), p AS (${upsert}),
        events AS (
          INSERT INTO person_events (campaign_id, person_id, kind, data)
          SELECT ${campaign}, p.id, 'created', '{"source":"donation"}'::jsonb FROM p WHERE p.created
        )
        SELECT id, email_normalized FROM p`,
  );
  return new Map(found.map((row) => [row.email_normalized, Number(row.id)]));
}

/**
 * For another feature's list of people: `SELECT id, first_name, last_name` of the people (not
 * erased) whose ids `ids` selects (an SQL subquery of one column), matching a typed search
 * when there is one: each word in their names, email, phone or commune, accents and case
 * ignored, as HQ's people search reads it.
 */
export function namedPeople(campaignId: number, ids: SQL, search = ''): SQL {
  const words = search
    .split(/[\s-]+/)
    .map(foldSearch)
    .filter(Boolean)
    .map((word) => sql` AND p.search_text LIKE ${`%${likeEscape(word)}%`}`);
  return sql`SELECT p.id, p.first_name, p.last_name FROM people p
              WHERE p.campaign_id = ${campaignId} AND p.id IN (${ids}) AND p.erased_at IS NULL
                ${sql.join(words, sql``)}`;
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
  const [row] = await runSql<{ id: number; locale: string; email: string }>(
    ctx.database,
    sql`SELECT id, locale, email FROM people
         WHERE campaign_id = ${ctx.campaignId} AND email_normalized = ${emailNormalized}
           AND erased_at IS NULL`,
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
  const [row] = await runSql<Pick<PersonColumns, 'email_normalized'>>(
    ctx.database,
    sql`SELECT email_normalized FROM people WHERE campaign_id = ${ctx.campaignId} AND id = ${personId}`,
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
    const confirmed = await runSql(
      query,
      sql`UPDATE people SET confirmed_at = now(), updated_at = now()
           WHERE campaign_id = ${ctx.campaignId} AND id = ${personId}
             AND confirmed_at IS NULL AND erased_at IS NULL
          RETURNING id`,
    );
    if (confirmed.length > 0)
      await addPersonEvent(query, ctx.campaignId, personId, 'confirmed', { source: via });
  });
}

/**
 * A condition, for another feature's statement, that the person of `personId` (an SQL
 * expression, e.g. `s.person_id`) is there and not erased.
 */
export function personIsLive(campaignId: SQL, personId: SQL): SQL {
  return sql`EXISTS (SELECT 1 FROM people p
                      WHERE p.campaign_id = ${campaignId} AND p.id = ${personId} AND p.erased_at IS NULL)`;
}

/** A person's recruitment code; null once erased or gone. */
export async function recruitCodeOf(ctx: AppContext, personId: number): Promise<string | null> {
  const [person] = await runSql<{ recruit_code: string }>(
    ctx.database,
    sql`SELECT recruit_code FROM people
         WHERE campaign_id = ${ctx.campaignId} AND id = ${personId} AND erased_at IS NULL`,
  );
  return person?.recruit_code ?? null;
}

/** Where a person lives: their commune's INSEE code, or null (erased, gone, never said). */
export async function communeCodeOf(ctx: AppContext, personId: number): Promise<string | null> {
  const [person] = await runSql<{ commune_code: string | null }>(
    ctx.database,
    sql`SELECT commune_code FROM people
         WHERE campaign_id = ${ctx.campaignId} AND id = ${personId} AND erased_at IS NULL`,
  );
  return person?.commune_code ?? null;
}

/** Names and commune of people about to be erased, read in the erasure's transaction. */
export async function identitiesOf(
  query: Query,
  campaignId: number,
  ids: readonly number[],
): Promise<
  Array<{ firstName: string | null; lastName: string | null; communeCode: string | null }>
> {
  const rows = await runSql<{
    first_name: string | null;
    last_name: string | null;
    commune_code: string | null;
  }>(
    query,
    sql`SELECT first_name, last_name, commune_code FROM people
         WHERE campaign_id = ${campaignId} AND id = ANY(${ids}::bigint[])`,
  );
  return rows.map((row) => ({
    firstName: row.first_name,
    lastName: row.last_name,
    communeCode: row.commune_code,
  }));
}

/**
 * Locks and returns the people who came by a sign-up more than `days` ago and never confirmed
 * it (nor were imported or erased), but for those `unless` keeps (conditions on `p`, from the
 * features that hold something of them).
 */
export async function lockUnconfirmedSignupPeople(
  query: Query,
  campaignId: number,
  days: number,
  unless: SQL[],
): Promise<Array<{ id: number; emailNormalized: string | null; phone: string | null }>> {
  const rows = await runSql<{ id: number; email_normalized: string | null; phone: string | null }>(
    query,
    sql`SELECT p.id, p.email_normalized, p.phone FROM people p
         WHERE p.campaign_id = ${campaignId} AND p.confirmed_at IS NULL AND p.import_id IS NULL
           AND p.erased_at IS NULL AND p.source IN ('signup', 'embed', 'event_rsvp')
           AND p.created_at < now() - make_interval(days => ${days})
           ${sql.join(
             unless.map((condition) => sql` AND NOT ${condition}`),
             sql``,
           )}
         FOR UPDATE`,
  );
  return rows.map((person) => ({
    id: Number(person.id),
    emailNormalized: person.email_normalized,
    phone: person.phone,
  }));
}

/** Deletes these people's rows (what other features hold of them is forgotten first). */
export { deletePeople } from './person-writer.ts';

/** What a committee's managers may see of a member (contact details only when shared). */
export interface PersonProfile extends PersonContact {
  phone: string | null;
  communeName: string | null;
  confirmed: boolean;
}

/** People's names, contact details, commune and whether their address is confirmed, by id (erased ones too, marked). */
export async function profilesOf(
  ctx: AppContext,
  ids: readonly number[],
): Promise<Map<number, PersonProfile>> {
  if (ids.length === 0) return new Map();
  const rows = await runSql<
    Pick<
      PersonColumns,
      'id' | 'email' | 'first_name' | 'last_name' | 'locale' | 'phone' | 'commune_name'
    > & { erased: boolean; confirmed: boolean }
  >(
    ctx.database,
    sql`SELECT id, email, first_name, last_name, locale, phone, commune_name,
               erased_at IS NOT NULL AS erased, confirmed_at IS NOT NULL AS confirmed
          FROM people WHERE campaign_id = ${ctx.campaignId} AND id = ANY(${[...new Set(ids)]})`,
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
        phone: row.phone,
        communeName: row.commune_name,
        confirmed: row.confirmed,
      },
    ]),
  );
}

/**
 * For another feature's set-based fan-out: `SELECT id, email, locale` of the people whose ids
 * `ids` selects (an SQL subquery of one column), who can be written to (an email, not erased);
 * with `agreedToEmail`, only those whose consent to the campaign's email holds now (the gate
 * checks it again when each mail is sent).
 */
export function emailablePeople(
  campaignId: number,
  ids: SQL,
  { agreedToEmail = false }: { agreedToEmail?: boolean } = {},
): SQL {
  return sql`SELECT p.id, p.email, p.locale FROM people p
              WHERE p.campaign_id = ${campaignId} AND p.id IN (${ids})
                AND p.email IS NOT NULL AND p.erased_at IS NULL${agreedToEmail ? sql` AND p.consent_email` : sql``}`;
}

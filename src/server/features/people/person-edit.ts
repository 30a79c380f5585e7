import { sql } from 'drizzle-orm';
import type { PersonInput } from '../../../contracts/person-records.ts';
import { audit } from '../../core/audit.ts';
import type { AppContext } from '../../core/context.ts';
import {
  AppError,
  badRequest,
  invalidFields,
  notFound,
  type FieldError,
} from '../../core/http/errors.ts';
import { normalizeEmail, normalizePhone, resolvePlace, smsPhoneError } from './normalize.ts';
import { insertPerson, updatePersonDetails, type PersonDetails } from './person-writer.ts';
import { addPersonEvent } from './service.ts';
import type { Query } from '../../core/db/index.ts';
import { runSql } from '../../core/db/statement.ts';

/** A person's editable fields as stored ('' given → null), with the normalised email. */
type PersonValues = Required<Omit<PersonDetails, 'locale'>> & {
  locale: 'fr' | 'en';
  emailNormalized: string | null;
};

/** The fields compared for the timeline and the audit log, by their API name. */
const trackedFields = [
  'firstName',
  'lastName',
  'email',
  'phone',
  'addressStreet',
  'addressComplement',
  'postalCode',
  'communeName',
  'locale',
] as const;
type TrackedField = (typeof trackedFields)[number];

const orNull = (value: string) => (value === '' ? null : value);

/**
 * Checks a person typed at HQ with the sign-up form's rules; every problem is a field error.
 * The email's uniqueness is checked in the transaction that writes it.
 */
function validate(ctx: AppContext, input: PersonInput): PersonValues {
  const errors: FieldError[] = [];
  let emailNormalized: string | null = null;
  if (input.email) {
    emailNormalized = normalizeEmail(input.email);
    if (!emailNormalized)
      errors.push({
        field: 'email',
        code: 'invalid_email',
        message: 'Enter a valid email address.',
      });
  }
  let phone: string | null = null;
  if (input.phone) {
    phone = normalizePhone(input.phone);
    if (!phone)
      errors.push({
        field: 'phone',
        code: 'invalid_phone',
        message: 'Enter a valid phone number.',
      });
  }
  let place = null;
  if (input.postalCode) {
    const resolved = resolvePlace(ctx.geo, input.postalCode, input.communeCode || undefined);
    if (resolved.error) errors.push(resolved.error);
    place = resolved.place ?? null;
  } else if (input.communeCode) {
    errors.push({
      field: 'postalCode',
      code: 'required',
      message: 'Give the postal code of the commune.',
    });
  }
  if (errors.length > 0) throw invalidFields(errors);
  if (!input.firstName && !input.lastName && !emailNormalized && !phone) {
    throw badRequest(
      'identity_required',
      'Give at least a name, an email address or a phone number.',
    );
  }
  return {
    firstName: orNull(input.firstName),
    lastName: orNull(input.lastName),
    email: emailNormalized ? input.email : null,
    emailNormalized,
    phone,
    addressStreet: orNull(input.addressStreet),
    addressComplement: orNull(input.addressComplement),
    postalCode: place?.postalCode ?? null,
    communeCode: place?.communeCode ?? null,
    communeName: place?.communeName ?? null,
    departementCode: place?.departementCode ?? null,
    locale: input.locale,
  };
}

/**
 * A person who accepts SMS keeps a number SMS can reach: a landline typed for them is refused
 * as at sign-up (`landline_for_sms`). A landline already stored (the supporter's own profile
 * only flags one) does not stop other edits, and no phone at all is allowed, as at sign-up.
 */
function assertPhoneReachesSms(smsConsent: boolean, stored: string | null, typed: string | null) {
  if (!smsConsent || typed === null || typed === stored) return;
  const error = smsPhoneError(typed);
  if (error) throw invalidFields([error]);
}

/** 409 `email_taken` naming the person who has the address, so staff can open their page. */
async function assertEmailFree(
  query: Query,
  campaignId: number,
  emailNormalized: string | null,
  personId: number | null,
) {
  if (!emailNormalized) return;
  const [owner] = await runSql<{ id: number }>(
    query,
    sql`SELECT id FROM people
         WHERE campaign_id = ${campaignId} AND email_normalized = ${emailNormalized}
           AND id IS DISTINCT FROM ${personId}`,
  );
  if (owner) throw emailTaken(Number(owner.id));
}

const emailTaken = (existingPersonId: number) =>
  new AppError(
    409,
    'email_taken',
    `This email address is already that of person ${existingPersonId}.`,
    [
      {
        field: 'email',
        code: 'email_taken',
        message: `This email address is already that of person ${existingPersonId}.`,
      },
    ],
    { existingPersonId },
  );

/** A unique violation on the email: another request wrote the address meanwhile. */
async function onEmailRace<T>(
  ctx: AppContext,
  emailNormalized: string | null,
  work: () => Promise<T>,
): Promise<T> {
  try {
    return await work();
  } catch (error) {
    if ((error as { code?: string }).code !== '23505' || !emailNormalized) throw error;
    const [owner] = await runSql<{ id: number }>(
      ctx.database,
      sql`SELECT id FROM people
           WHERE campaign_id = ${ctx.campaignId} AND email_normalized = ${emailNormalized}`,
    );
    if (!owner) throw error;
    throw emailTaken(Number(owner.id));
  }
}

/** The details written: everything validated but the normalised email, which derives from it. */
const detailsOf = ({ emailNormalized: _derived, ...details }: PersonValues): PersonDetails =>
  details;

/** A person added by hand at HQ (source `manual`): not confirmed, no consent until recorded. */
export async function createPerson(
  ctx: AppContext,
  input: PersonInput,
  actorId: number,
  ip?: string,
): Promise<number> {
  const values = validate(ctx, input);
  return onEmailRace(ctx, values.emailNormalized, () =>
    ctx.database.transaction(async (query) => {
      await assertEmailFree(query, ctx.campaignId, values.emailNormalized, null);
      const personId = await insertPerson(query, ctx.campaignId, detailsOf(values), {
        source: 'manual',
      });
      const given = trackedFields.filter((field) => values[field] !== null);
      await addPersonEvent(
        query,
        ctx.campaignId,
        personId,
        'created',
        { source: 'manual', fields: given },
        actorId,
      );
      await audit(
        { query },
        {
          campaignId: ctx.campaignId,
          actorId,
          action: 'person.create',
          target: `person:${personId}`,
          details: { fields: given },
          ip,
        },
      );
      return personId;
    }),
  );
}

/**
 * Staff edit a person: every field as sent. The timeline keeps the changed fields with their
 * values before and after (staff read it on the person page; it goes with the person on
 * erasure); the audit log keeps only the names of the fields changed.
 */
export async function updatePerson(
  ctx: AppContext,
  personId: number,
  input: PersonInput,
  actorId: number,
  ip?: string,
): Promise<void> {
  const values = validate(ctx, input);
  await onEmailRace(ctx, values.emailNormalized, () =>
    ctx.database.transaction(async (query) => {
      const [row] = await runSql<Record<TrackedField, string | null> & { consent_sms: boolean }>(
        query,
        sql`SELECT first_name AS "firstName", last_name AS "lastName", email, phone,
                   address_street AS "addressStreet", address_complement AS "addressComplement",
                   postal_code AS "postalCode", commune_name AS "communeName", locale, consent_sms
              FROM people WHERE campaign_id = ${ctx.campaignId} AND id = ${personId}
               AND erased_at IS NULL FOR UPDATE`,
      );
      if (!row) throw notFound('person');
      const { consent_sms: smsConsent, ...current } = row;
      assertPhoneReachesSms(smsConsent, current.phone, values.phone);
      await assertEmailFree(query, ctx.campaignId, values.emailNormalized, personId);
      const changed = trackedFields.filter(
        (field) => (current[field] ?? null) !== (values[field] ?? null),
      );
      if (changed.length === 0) return;
      await updatePersonDetails(query, ctx.campaignId, personId, detailsOf(values));
      const pick = (source: Record<string, unknown>) =>
        Object.fromEntries(changed.map((field) => [field, source[field] ?? null]));
      await addPersonEvent(
        query,
        ctx.campaignId,
        personId,
        'profile_update',
        { by: 'staff', changed, before: pick(current), after: pick(values as never) },
        actorId,
      );
      await audit(
        { query },
        {
          campaignId: ctx.campaignId,
          actorId,
          action: 'person.update',
          target: `person:${personId}`,
          details: { changed },
          ip,
        },
      );
    }),
  );
}

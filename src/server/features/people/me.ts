import { sql } from 'drizzle-orm';
import type { Consents } from '../../../contracts/common.ts';
import type { AutomatedCallConsent, Profile, ProfileUpdate } from '../../../contracts/accounts.ts';
import { audit } from '../../core/audit.ts';
import type { AppContext } from '../../core/context.ts';
import { readDataFile } from '../../core/personal-data/rights.ts';
import { personalData } from '../personal-data.ts';
import { assertPersonExists } from './records.ts';
import type { DataFile } from './my-data-schema.ts';
import { invalidFields, notFound, type FieldError } from '../../core/http/errors.ts';
import { currentWordingFor } from '../settings/wording.ts';
import { buildSearchText, checkPhoneAndPlace, smsPhoneError } from './normalize.ts';
import { addPersonEvent, setConsents } from './service.ts';
import { currentConsents, recordChannel, recordDecisions } from './consents.ts';
import { liftOptOutsAfterExplicitConsent } from './consent-lifts.ts';
import type { Query } from '../../core/db/index.ts';
import type { ContactColumn, PersonColumns } from './tables.ts';

type ProfileRow = Pick<
  PersonColumns,
  ContactColumn | 'locale' | 'recruit_code' | 'confirmed_at' | 'created_at'
> & { recruited: number; recruited_confirmed: number };

export async function profile(ctx: AppContext, personId: number): Promise<Profile> {
  const rows = await ctx.database.query<ProfileRow>(
    sql`SELECT p.*, rc.recruited, rc.recruited_confirmed
       FROM people p
            CROSS JOIN LATERAL (
              SELECT count(*)::int AS recruited,
                     (count(*) FILTER (WHERE r.confirmed_at IS NOT NULL))::int AS recruited_confirmed
                FROM people r
               WHERE r.campaign_id = ${ctx.campaignId} AND r.recruited_by = p.id AND r.erased_at IS NULL) rc
      WHERE p.campaign_id = ${ctx.campaignId} AND p.id = ${personId} AND p.erased_at IS NULL`,
  );
  const row = rows[0];
  if (!row) throw notFound('person');
  const records = (await currentConsents(ctx.database.query, ctx.campaignId, [personId])).get(
    personId,
  );
  const automated = records?.automated_call;
  const automatedGranted = automated?.status === 'granted';
  return {
    personId,
    email: row.email,
    firstName: row.first_name,
    lastName: row.last_name,
    phone: row.phone,
    postalCode: row.postal_code,
    communeCode: row.commune_code,
    communeName: row.commune_name,
    locale: row.locale,
    consents: { email: row.consent_email, sms: row.consent_sms, phone: row.consent_phone },
    automatedCall: {
      granted: automatedGranted,
      slot: automatedGranted ? (automated?.slot ?? null) : null,
    },
    emailTracking: records?.email_tracking?.status === 'granted',
    recruitCode: row.recruit_code,
    recruitUrl: `${ctx.config.publicUrl}/?r=${row.recruit_code}`,
    recruitedCount: row.recruited,
    recruitedConfirmedCount: row.recruited_confirmed,
    confirmed: row.confirmed_at !== null,
    createdAt: new Date(row.created_at).toISOString(),
  };
}

/** The profile fields a person edits, by their API name, with their column. */
const editableColumns = [
  ['firstName', 'first_name'],
  ['lastName', 'last_name'],
  ['phone', 'phone'],
  ['postalCode', 'postal_code'],
  ['communeCode', 'commune_code'],
  ['locale', 'locale'],
] as const;
type EditableColumn = (typeof editableColumns)[number][1];

export async function updateProfile(
  ctx: AppContext,
  personId: number,
  input: ProfileUpdate,
): Promise<Profile> {
  const errors: FieldError[] = [];
  const { phone, place } = checkPhoneAndPlace(ctx.geo, input, errors);
  if (errors.length > 0 || !place) throw invalidFields(errors);
  await ctx.database.transaction(async (query) => {
    const rows = await query<Pick<PersonColumns, 'email' | EditableColumn>>(
      sql`SELECT email, ${sql.raw(editableColumns.map(([, column]) => column).join(', '))}
         FROM people WHERE campaign_id = ${ctx.campaignId} AND id = ${personId} AND erased_at IS NULL FOR UPDATE`,
    );
    if (!rows[0]) throw notFound('person');
    const next: Record<EditableColumn, string | null> = {
      first_name: input.firstName,
      last_name: input.lastName,
      phone,
      postal_code: place.postalCode,
      commune_code: place.communeCode,
      locale: input.locale,
    };
    const changed = editableColumns
      .filter(([, column]) => (rows[0][column] ?? null) !== (next[column] ?? null))
      .map(([field]) => field);
    await query(
      sql`UPDATE people SET first_name = ${input.firstName}, last_name = ${input.lastName}, phone = ${phone}, postal_code = ${place.postalCode}, commune_code = ${place.communeCode},
              commune_name = ${place.communeName}, departement_code = ${place.departementCode}, locale = ${input.locale}, search_text = ${buildSearchText({ ...input, ...place, phone, email: rows[0].email })}, updated_at = now()
        WHERE campaign_id = ${ctx.campaignId} AND id = ${personId}`,
    );
    // Names only: staff see the current values on the person page, and an earlier phone or
    // address is not kept once the person changed it.
    if (changed.length > 0)
      await addPersonEvent(
        query,
        ctx.campaignId,
        personId,
        'profile_update',
        { by: 'self', changed },
        personId,
      );
  });
  return profile(ctx, personId);
}

/** Said to the supporter, in their own space, who asks for SMS without a number. */
const noNumberYet: FieldError = {
  field: 'phone',
  code: 'mobile_required_for_sms',
  message: 'Add your mobile number to your profile first: SMS need one.',
};

/** A slot in one spelling, to tell whether the supporter changed it. */
const slotKey = (slot: AutomatedCallConsent['slot'] | undefined) =>
  slot ? JSON.stringify([[...new Set(slot.weekdays)].sort(), slot.from, slot.to]) : '';

/**
 * The supporter gives, changes the slot of, or withdraws their automated-call consent: recorded
 * like any other decision when it differs from the current record.
 */
async function setMyAutomatedCall(
  query: Query,
  campaignId: number,
  personId: number,
  wanted: AutomatedCallConsent,
  wordingVersion: string,
) {
  const held = (await currentConsents(query, campaignId, [personId])).get(personId)?.automated_call;
  const granted = held?.status === 'granted';
  if (granted === wanted.granted && (!granted || slotKey(held?.slot) === slotKey(wanted.slot)))
    return;
  const source = 'supporter_space';
  await recordDecisions(query, campaignId, personId, [
    {
      channel: 'automated_call',
      granted: wanted.granted,
      slot: wanted.granted ? wanted.slot : null,
      source,
      wordingVersion,
      actorId: personId,
    },
  ]);
  await addPersonEvent(
    query,
    campaignId,
    personId,
    'consent',
    { channel: 'automated_call', granted: wanted.granted, source, wordingVersion },
    personId,
  );
}

/**
 * The supporter agrees to, or withdraws, the measure of their newsletters' opens and clicks
 * (`email_tracking`): recorded like any other decision when it differs from the current
 * record. A withdrawal stops the recording at once: the pixel and the links read the record.
 */
async function setMyEmailTracking(
  query: Query,
  campaignId: number,
  personId: number,
  granted: boolean,
  wordingVersion: string,
) {
  const held = (await currentConsents(query, campaignId, [personId])).get(personId);
  if ((held?.email_tracking?.status === 'granted') === granted) return;
  const source = 'supporter_space';
  await recordDecisions(query, campaignId, personId, [
    { channel: 'email_tracking', granted, source, wordingVersion, actorId: personId },
  ]);
  await addPersonEvent(
    query,
    campaignId,
    personId,
    'consent',
    { channel: 'email_tracking', granted, source, wordingVersion },
    personId,
  );
}

export async function updateMyConsents(
  ctx: AppContext,
  personId: number,
  consents: Consents,
  locale: 'fr' | 'en',
  automatedCall?: AutomatedCallConsent,
  emailTracking?: boolean,
) {
  const wording = await currentWordingFor(ctx.database, ctx.campaignId, locale);
  await ctx.database.transaction(async (query) => {
    // SMS asked for anew needs a number SMS reaches (kept as it was when already given).
    const [person] = await query<{ phone: string | null; consent_sms: boolean }>(
      sql`SELECT phone, consent_sms FROM people WHERE campaign_id = ${ctx.campaignId} AND id = ${personId} FOR UPDATE`,
    );
    const problem =
      consents.sms && !person?.consent_sms ? smsPhoneError(person?.phone ?? null) : null;
    if (problem)
      throw invalidFields([problem.code === 'phone_required_for_sms' ? noNumberYet : problem]);
    await setConsents(
      query,
      ctx.campaignId,
      personId,
      consents,
      'supporter_space',
      wording.version,
      personId,
    );
    if (automatedCall)
      await setMyAutomatedCall(query, ctx.campaignId, personId, automatedCall, wording.version);
    // Their own choice, signed in: it outranks refusals of theirs kept as hashes.
    await liftOptOutsAfterExplicitConsent(query, ctx.campaignId, personId, [
      ...(Object.keys(consents) as Array<keyof Consents>)
        .filter((channel) => consents[channel])
        .map((channel) => recordChannel[channel]),
      ...(automatedCall?.granted ? (['automated_call'] as const) : []),
    ]);
    if (emailTracking !== undefined)
      await setMyEmailTracking(query, ctx.campaignId, personId, emailTracking, wording.version);
  });
  return profile(ctx, personId);
}

/** Who asked for the file when staff carry out a request received by post or email. */
export interface AccessRequestAudit {
  actorId: number;
  details: Record<string, unknown>;
  ip?: string;
}

/**
 * Everything Levier holds about the person (GDPR art. 15 and 20), as JSON a person can read:
 * camelCase keys grouped by subject, and an `about` saying what the file is.
 */
export async function exportMyData(
  ctx: AppContext,
  personId: number,
  request?: AccessRequestAudit,
) {
  await assertPersonExists(ctx, personId);
  const file = (await readDataFile(personalData(), ctx, personId)) as DataFile;
  await audit(ctx.database, {
    campaignId: ctx.campaignId,
    actorId: request ? request.actorId : personId,
    action: request ? 'person.access_request' : 'person.self_export',
    target: `person:${personId}`,
    details: request?.details,
    ip: request?.ip,
  });
  return file;
}

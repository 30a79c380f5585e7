import type { Consents } from '../../../contracts/common.ts';
import type { Profile, ProfileUpdate } from '../../../contracts/accounts.ts';
import { audit } from '../../core/audit.ts';
import type { AppContext } from '../../core/context.ts';
import { customFieldsForDataFile } from './custom-fields/values.ts';
import { campaignName } from '../settings/service.ts';
import { invalidFields, notFound, type FieldError } from '../../core/http/errors.ts';
import { currentWordingFor } from '../settings/wording.ts';
import { buildSearchText, checkPhoneAndPlace, smsPhoneError } from './normalize.ts';
import { importCreatedEntry } from './import-entry.ts';
import { addPersonEvent, setConsents } from './service.ts';
import type { ContactColumn, PersonColumns } from './tables.ts';

type ProfileRow = Pick<
  PersonColumns,
  ContactColumn | 'locale' | 'recruit_code' | 'confirmed_at' | 'created_at'
> & { recruited: number; recruited_confirmed: number };

export async function profile(ctx: AppContext, personId: number): Promise<Profile> {
  const rows = await ctx.database.query<ProfileRow>(
    `SELECT p.*, rc.recruited, rc.recruited_confirmed
       FROM people p
            CROSS JOIN LATERAL (
              SELECT count(*)::int AS recruited,
                     (count(*) FILTER (WHERE r.confirmed_at IS NOT NULL))::int AS recruited_confirmed
                FROM people r
               WHERE r.campaign_id = $1 AND r.recruited_by = p.id AND r.erased_at IS NULL) rc
      WHERE p.campaign_id = $1 AND p.id = $2 AND p.erased_at IS NULL`,
    [ctx.campaignId, personId],
  );
  const row = rows[0];
  if (!row) throw notFound('person');
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
      `SELECT email, ${editableColumns.map(([, column]) => column).join(', ')}
         FROM people WHERE campaign_id = $1 AND id = $2 AND erased_at IS NULL FOR UPDATE`,
      [ctx.campaignId, personId],
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
      `UPDATE people SET first_name = $3, last_name = $4, phone = $5, postal_code = $6, commune_code = $7,
              commune_name = $8, departement_code = $9, locale = $10, search_text = $11, updated_at = now()
        WHERE campaign_id = $1 AND id = $2`,
      [
        ctx.campaignId,
        personId,
        input.firstName,
        input.lastName,
        phone,
        place.postalCode,
        place.communeCode,
        place.communeName,
        place.departementCode,
        input.locale,
        buildSearchText({ ...input, ...place, phone, email: rows[0].email }),
      ],
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

export async function updateMyConsents(
  ctx: AppContext,
  personId: number,
  consents: Consents,
  locale: 'fr' | 'en',
) {
  const wording = await currentWordingFor(ctx.database, ctx.campaignId, locale);
  await ctx.database.transaction(async (query) => {
    // SMS asked for anew needs a number SMS reaches (kept as it was when already given).
    const [person] = await query<{ phone: string | null; consent_sms: boolean }>(
      'SELECT phone, consent_sms FROM people WHERE campaign_id = $1 AND id = $2 FOR UPDATE',
      [ctx.campaignId, personId],
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
  });
  return profile(ctx, personId);
}

type PersonRow = PersonColumns & {
  campaign_id: number;
  address_street: string | null;
  address_complement: string | null;
  referrer_url: string | null;
  utm_source: string | null;
  utm_medium: string | null;
  utm_campaign: string | null;
  import_id: number | null;
  erased_at: Date | null;
  updated_at: Date;
};

const iso = (value: Date | string | null | undefined) =>
  value === null || value === undefined ? null : new Date(value).toISOString();

const aboutText = {
  fr: (campaign: string) =>
    `Toutes les données que la campagne « ${campaign} » détient sur vous (RGPD, articles 15 et 20) : profil et adresse, consentements et leur historique, inscriptions, recrutement, compte et sessions, historique, notes de l’équipe et contacts avec vous.`,
  en: (campaign: string) =>
    `All the data the campaign "${campaign}" holds about you (GDPR, articles 15 and 20): profile and address, consents and their history, sign-ups, recruitment, account and sessions, timeline, the team's notes and contacts with you.`,
};

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
  const q = ctx.database.query;
  const ids = [ctx.campaignId, personId];
  const [
    [person],
    [campaign],
    [recruited],
    consentHistory,
    tagRows,
    timeline,
    signupRows,
    sessionRows,
    [account],
    notes,
    contacts,
  ] = await Promise.all([
    q<PersonRow>('SELECT * FROM people WHERE campaign_id = $1 AND id = $2', ids),
    // The name the public site shows: a fresh install's campaign row is called "Levier".
    campaignName(ctx.database, ctx.campaignId).then((name) => [{ name }]),
    q<{ total: number; confirmed: number }>(
      `SELECT count(*)::int AS total, (count(*) FILTER (WHERE confirmed_at IS NOT NULL))::int AS confirmed
           FROM people WHERE campaign_id = $1 AND recruited_by = $2 AND erased_at IS NULL`,
      ids,
    ),
    q<{ channel: string; granted: boolean; source: string; wording_version: string; at: Date }>(
      `SELECT channel, granted, source, wording_version, at FROM consent_events
          WHERE campaign_id = $1 AND person_id = $2 ORDER BY at`,
      ids,
    ),
    q<{ name: string }>(
      `SELECT t.name FROM person_tags pt JOIN tags t ON t.campaign_id = pt.campaign_id AND t.id = pt.tag_id
          WHERE pt.campaign_id = $1 AND pt.person_id = $2 ORDER BY t.name`,
      ids,
    ),
    q<{ kind: string; data: unknown; at: Date }>(
      `SELECT kind, data, at FROM (
           SELECT kind, data, at FROM person_events WHERE campaign_id = $1 AND person_id = $2
           UNION ALL SELECT kind, data, at FROM (${importCreatedEntry('$1', '$2')}) i
         ) t ORDER BY at`,
      ids,
    ),
    q<{ data: unknown; source: string; created_at: Date; confirmed_at: Date | null }>(
      `SELECT data, source, created_at, confirmed_at FROM signups
          WHERE campaign_id = $1 AND person_id = $2 ORDER BY created_at`,
      ids,
    ),
    q<{
      created_at: Date;
      last_seen_at: Date;
      expires_at: Date;
      user_agent: string | null;
      ip: string | null;
    }>(
      `SELECT created_at, last_seen_at, expires_at, user_agent, ip FROM sessions
        WHERE campaign_id = $1 AND person_id = $2 ORDER BY created_at`,
      ids,
    ),
    q<{
      roles: string[];
      grants: string[];
      created_at: Date;
      last_login_at: Date | null;
      has_password: boolean;
    }>(
      `SELECT roles, grants, created_at, last_login_at, password_hash IS NOT NULL AS has_password
         FROM accounts WHERE campaign_id = $1 AND person_id = $2`,
      ids,
    ),
    q<{ body: string; created_at: Date; updated_at: Date }>(
      `SELECT body, created_at, updated_at FROM person_notes
        WHERE campaign_id = $1 AND person_id = $2 ORDER BY created_at`,
      ids,
    ),
    q<{ channel: string; outcome: string; note: string | null; contacted_at: Date }>(
      `SELECT channel, outcome, note, contacted_at FROM person_contacts
        WHERE campaign_id = $1 AND person_id = $2 ORDER BY contacted_at`,
      ids,
    ),
  ]);
  if (!person) throw notFound('person');
  await audit(ctx.database, {
    campaignId: ctx.campaignId,
    actorId: request ? request.actorId : personId,
    action: request ? 'person.access_request' : 'person.self_export',
    target: `person:${personId}`,
    details: request?.details,
    ip: request?.ip,
  });
  const locale = person.locale === 'en' ? 'en' : 'fr';
  return {
    about: {
      description: aboutText[locale](campaign?.name ?? ''),
      campaign: campaign?.name ?? null,
      exportedAt: new Date().toISOString(),
    },
    profile: {
      personId: Number(person.id),
      campaignId: Number(person.campaign_id),
      email: person.email,
      emailNormalized: person.email_normalized,
      firstName: person.first_name,
      lastName: person.last_name,
      phone: person.phone,
      addressStreet: person.address_street,
      addressComplement: person.address_complement,
      postalCode: person.postal_code,
      communeCode: person.commune_code,
      communeName: person.commune_name,
      departementCode: person.departement_code,
      language: person.locale,
      tags: tagRows.map((t) => t.name),
      confirmedAt: iso(person.confirmed_at),
      createdAt: iso(person.created_at),
      updatedAt: iso(person.updated_at),
      erasedAt: iso(person.erased_at),
    },
    consents: {
      current: {
        email: person.consent_email,
        sms: person.consent_sms,
        phone: person.consent_phone,
      },
      history: consentHistory.map((c) => ({
        channel: c.channel,
        granted: c.granted,
        source: c.source,
        wordingVersion: c.wording_version,
        at: iso(c.at),
      })),
    },
    signUps: signupRows.map((s) => ({
      source: s.source,
      submitted: s.data,
      createdAt: iso(s.created_at),
      confirmedAt: iso(s.confirmed_at),
    })),
    recruitment: {
      joinedThrough: {
        source: person.source,
        recruitedByPersonId: person.recruited_by === null ? null : Number(person.recruited_by),
        referrerUrl: person.referrer_url,
        utmSource: person.utm_source,
        utmMedium: person.utm_medium,
        utmCampaign: person.utm_campaign,
        importId: person.import_id === null ? null : Number(person.import_id),
      },
      yourCode: person.recruit_code,
      yourLink: `${ctx.config.publicUrl}/?r=${person.recruit_code}`,
      peopleRecruited: recruited?.total ?? 0,
      peopleRecruitedConfirmed: recruited?.confirmed ?? 0,
    },
    account: {
      createdAt: iso(account?.created_at),
      lastLoginAt: iso(account?.last_login_at),
      hasPassword: account?.has_password ?? false,
      roles: account?.roles ?? [],
      grants: account?.grants ?? [],
      sessions: sessionRows.map((session) => ({
        createdAt: iso(session.created_at),
        lastSeenAt: iso(session.last_seen_at),
        expiresAt: iso(session.expires_at),
        userAgent: session.user_agent,
        ip: session.ip,
      })),
    },
    timeline: timeline.map((entry) => ({
      kind: entry.kind,
      details: entry.data,
      at: iso(entry.at),
    })),
    // Written by the campaign's team about the person: theirs to read too (art. 15).
    teamNotes: notes.map((note) => ({
      text: note.body,
      createdAt: iso(note.created_at),
      updatedAt: iso(note.updated_at),
    })),
    contacts: contacts.map((contact) => ({
      channel: contact.channel,
      outcome: contact.outcome,
      note: contact.note,
      at: iso(contact.contacted_at),
    })),
    customFields: await customFieldsForDataFile(ctx, personId),
  };
}

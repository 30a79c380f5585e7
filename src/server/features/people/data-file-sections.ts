import { sql } from 'drizzle-orm';
import { z } from 'zod';
import type { AppContext } from '../../core/context.ts';
import type { DataFileSection } from '../../core/personal-data/registry.ts';
import { campaignName } from '../settings/service.ts';
import { consentRecords } from './consents.ts';
import { customFieldsForDataFile } from './custom-fields/values.ts';
import { importCreatedEntry } from './import-entry.ts';
import type { PersonColumns } from './tables.ts';

// The people feature's parts of the file a person downloads (GDPR art. 15 and 20): camelCase
// keys grouped by subject. Timestamps are ISO 8601 strings, null when the event did not happen.

export const when = z.string().nullable();
export const iso = (value: Date | string | null | undefined) =>
  value === null || value === undefined ? null : new Date(value).toISOString();

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

const reading = new Map<string, Promise<PersonRow>>();

/**
 * The person's row; the sections of one data file read it at once (readDataFile runs them
 * together), so they share one query while it is in flight.
 */
function personRow(ctx: AppContext, personId: number): Promise<PersonRow> {
  const key = `${ctx.campaignId}:${personId}`;
  let row = reading.get(key);
  if (!row) {
    row = ctx.database
      .query<PersonRow>(
        sql`SELECT * FROM people WHERE campaign_id = ${ctx.campaignId} AND id = ${personId}`,
      )
      .then(([person]) => person);
    reading.set(key, row);
    row.finally(() => reading.delete(key)).catch(() => undefined);
  }
  return row;
}

const aboutText = {
  fr: (campaign: string) =>
    `Toutes les données que la campagne « ${campaign} » détient sur vous (RGPD, articles 15 et 20) : profil et adresse, consentements et leur historique, inscriptions, recrutement, compte et sessions, historique, notes de l’équipe et contacts avec vous.`,
  en: (campaign: string) =>
    `All the data the campaign "${campaign}" holds about you (GDPR, articles 15 and 20): profile and address, consents and their history, sign-ups, recruitment, account and sessions, timeline, the team's notes and contacts with you.`,
};

const about: DataFileSection = {
  key: 'about',
  schema: z.object({
    description: z.string(),
    campaign: z.string().nullable(),
    exportedAt: z.string(),
  }),
  async read(ctx, personId) {
    const [person, campaign] = await Promise.all([
      personRow(ctx, personId),
      // The name the public site shows: a fresh install's campaign row is called "Levier".
      campaignName(ctx.database, ctx.campaignId),
    ]);
    return {
      description: aboutText[person.locale === 'en' ? 'en' : 'fr'](campaign),
      campaign,
      exportedAt: new Date().toISOString(),
    };
  },
};

const profile: DataFileSection = {
  key: 'profile',
  schema: z.object({
    personId: z.number().int(),
    campaignId: z.number().int(),
    email: z.string().nullable(),
    emailNormalized: z.string().nullable(),
    firstName: z.string().nullable(),
    lastName: z.string().nullable(),
    phone: z.string().nullable(),
    addressStreet: z.string().nullable(),
    addressComplement: z.string().nullable(),
    postalCode: z.string().nullable(),
    communeCode: z.string().nullable(),
    communeName: z.string().nullable(),
    departementCode: z.string().nullable(),
    language: z.string().nullable(),
    tags: z.array(z.string()),
    confirmedAt: when,
    createdAt: when,
    updatedAt: when,
    erasedAt: when,
  }),
  async read(ctx, personId) {
    const [person, tags] = await Promise.all([
      personRow(ctx, personId),
      ctx.database.query<{ name: string }>(
        sql`SELECT t.name FROM person_tags pt JOIN tags t ON t.campaign_id = pt.campaign_id AND t.id = pt.tag_id
          WHERE pt.campaign_id = ${ctx.campaignId} AND pt.person_id = ${personId} ORDER BY t.name`,
      ),
    ]);
    return {
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
      tags: tags.map((t) => t.name),
      confirmedAt: iso(person.confirmed_at),
      createdAt: iso(person.created_at),
      updatedAt: iso(person.updated_at),
      erasedAt: iso(person.erased_at),
    };
  },
};

const consents: DataFileSection = {
  key: 'consents',
  schema: z.object({
    current: z.object({
      email: z.boolean(),
      sms: z.boolean(),
      phone: z.boolean(),
      /** Opens and clicks of newsletters measured (consent `email_tracking`). */
      emailTracking: z.boolean(),
    }),
    /** The consent per channel as it stands (volunteer_call is `phone` above). */
    records: z.array(
      z.object({
        channel: z.string(),
        status: z.enum(['granted', 'withdrawn']),
        source: z.string(),
        wordingVersion: z.string(),
        at: when,
        slot: z
          .object({ weekdays: z.array(z.number()), from: z.string(), to: z.string() })
          .nullable(),
      }),
    ),
    history: z.array(
      z.object({
        channel: z.string(),
        granted: z.boolean(),
        source: z.string(),
        wordingVersion: z.string().nullable(),
        at: when,
      }),
    ),
  }),
  async read(ctx, personId) {
    const [person, records, history] = await Promise.all([
      personRow(ctx, personId),
      consentRecords(ctx.database.query, ctx.campaignId, personId),
      ctx.database.query<{
        channel: string;
        granted: boolean;
        source: string;
        wording_version: string;
        at: Date;
      }>(
        sql`SELECT channel, granted, source, wording_version, at FROM consent_events
          WHERE campaign_id = ${ctx.campaignId} AND person_id = ${personId} ORDER BY at`,
      ),
    ]);
    return {
      current: {
        email: person.consent_email,
        sms: person.consent_sms,
        phone: person.consent_phone,
        emailTracking: records.some(
          (r) => r.channel === 'email_tracking' && r.status === 'granted',
        ),
      },
      records: records.map((r) => ({
        channel: r.channel,
        status: r.status,
        source: r.source,
        wordingVersion: r.wording_version,
        at: iso(r.at),
        slot: r.slot,
      })),
      history: history.map((c) => ({
        channel: c.channel,
        granted: c.granted,
        source: c.source,
        wordingVersion: c.wording_version,
        at: iso(c.at),
      })),
    };
  },
};

const recruitment: DataFileSection = {
  key: 'recruitment',
  schema: z.object({
    joinedThrough: z.object({
      source: z.string().nullable(),
      recruitedByPersonId: z.number().int().nullable(),
      referrerUrl: z.string().nullable(),
      utmSource: z.string().nullable(),
      utmMedium: z.string().nullable(),
      utmCampaign: z.string().nullable(),
      importId: z.number().int().nullable(),
    }),
    yourCode: z.string().nullable(),
    yourLink: z.string(),
    peopleRecruited: z.number().int(),
    peopleRecruitedConfirmed: z.number().int(),
  }),
  async read(ctx, personId) {
    const [person, [recruited]] = await Promise.all([
      personRow(ctx, personId),
      ctx.database.query<{ total: number; confirmed: number }>(
        sql`SELECT count(*)::int AS total, (count(*) FILTER (WHERE confirmed_at IS NOT NULL))::int AS confirmed
           FROM people WHERE campaign_id = ${ctx.campaignId} AND recruited_by = ${personId} AND erased_at IS NULL`,
      ),
    ]);
    return {
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
    };
  },
};

const timeline: DataFileSection = {
  key: 'timeline',
  schema: z.array(z.object({ kind: z.string(), details: z.unknown(), at: when })),
  async read(ctx, personId) {
    const rows = await ctx.database.query<{ kind: string; data: unknown; at: Date }>(
      sql`SELECT kind, data, at FROM (
           SELECT kind, data, at FROM person_events WHERE campaign_id = ${ctx.campaignId} AND person_id = ${personId}
           UNION ALL SELECT kind, data, at FROM (${importCreatedEntry(ctx.campaignId, personId)}) i
         ) t ORDER BY at`,
    );
    return rows.map((entry) => ({ kind: entry.kind, details: entry.data, at: iso(entry.at) }));
  },
};

// Written by the campaign's team about the person: theirs to read too (art. 15).
const teamNotes: DataFileSection = {
  key: 'teamNotes',
  schema: z.array(z.object({ text: z.string(), createdAt: when, updatedAt: when })),
  async read(ctx, personId) {
    const rows = await ctx.database.query<{ body: string; created_at: Date; updated_at: Date }>(
      sql`SELECT body, created_at, updated_at FROM person_notes
        WHERE campaign_id = ${ctx.campaignId} AND person_id = ${personId} ORDER BY created_at`,
    );
    return rows.map((note) => ({
      text: note.body,
      createdAt: iso(note.created_at),
      updatedAt: iso(note.updated_at),
    }));
  },
};

const contacts: DataFileSection = {
  key: 'contacts',
  schema: z.array(
    z.object({ channel: z.string(), outcome: z.string(), note: z.string().nullable(), at: when }),
  ),
  async read(ctx, personId) {
    const rows = await ctx.database.query<{
      channel: string;
      outcome: string;
      note: string | null;
      contacted_at: Date;
    }>(
      sql`SELECT channel, outcome, note, contacted_at FROM person_contacts
        WHERE campaign_id = ${ctx.campaignId} AND person_id = ${personId} ORDER BY contacted_at`,
    );
    return rows.map((contact) => ({
      channel: contact.channel,
      outcome: contact.outcome,
      note: contact.note,
      at: iso(contact.contacted_at),
    }));
  },
};

/** The campaign's custom fields the person has a value for. */
const customFields: DataFileSection = {
  key: 'customFields',
  schema: z.array(
    z.object({ field: z.string(), label: z.string(), value: z.union([z.string(), z.number()]) }),
  ),
  read: customFieldsForDataFile,
};

export const personDataFile = {
  about,
  profile,
  consents,
  recruitment,
  timeline,
  teamNotes,
  contacts,
  customFields,
};

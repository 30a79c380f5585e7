import { planCommittees, type DemoCommittee } from './committees.ts';
import { putOnMap } from '../committees/map.ts';
import { putEventsOnMap } from '../events/map.ts';
import { richTextToHtml } from '../../core/rich-text.ts';
import { randomToken } from '../../core/crypto.ts';
import { sql } from 'drizzle-orm';
import { recordChannel, settleConsents } from '../people/consents.ts';
import { audit } from '../../core/audit.ts';
import type { HomeContent } from '../../../contracts/recruitment.ts';
import type { AppContext } from '../../core/context.ts';
import { recruitCode } from '../../core/crypto.ts';
import { buildSearchText } from '../people/normalize.ts';
import { refreshPeopleStatistics } from '../people/statistics.ts';
import { recordAppliedImport } from '../people/import/applied-record.ts';
import { setRecruiters, takenEmailsAndCodes } from '../people/person-writer.ts';
import { addSegmentsIfAbsent } from '../people/segments.ts';
import { tagIdsByName } from '../people/tags.ts';
import { addSettingIfAbsent, readSetting, replaceSetting } from '../settings/service.ts';
import { planDemo, type DemoPerson, type DemoPlan } from './generate.ts';
import { noDemoField, seedDemoField, type DemoFieldCounts } from './field.ts';
import type { Query } from '../../core/db/index.ts';

/**
 * `levier seed-demo`: fills an empty installation with a believable campaign (a few thousand
 * supporters with their history, tags, segments and a home page) so a newcomer sees the
 * product working. Everything is written in one transaction, set-based, by this seed only:
 * it writes the tables of people, recruitment and settings directly because it stands in
 * for months of sign-ups, imports and staff work that no service call could replay quickly.
 *
 * Runs once per campaign (ctx.campaignId, whose rows it writes): a `demo` settings row of the
 * campaign records that it ran; a second run changes nothing and reports what is there. Demo
 * addresses use example.org/.net/.com and phone numbers come from ARCEP's fiction block, so
 * nobody real can be emailed, texted or called.
 */

export interface SeedDemoOptions {
  /** Supporters to create (default 3000). */
  people?: number;
  /** Another seed gives another (equally stable) campaign. */
  seed?: string;
  /** The moment the campaign's 120 days end; defaults to now. */
  now?: Date;
}

export interface SeedDemoResult {
  people: number;
  tags: number;
  segments: number;
  committees: number;
  events: number;
  /** Door-to-door: communes, stations, addresses, turfs, visits… (zeros when none). */
  field: DemoFieldCounts;
  /** True when the demo campaign was already there: nothing was written this time. */
  alreadySeeded: boolean;
  seededAt: string;
}

interface DemoMarker {
  seededAt: string;
  people: number;
  tags: number;
  segments: number;
  committees: number;
  events: number;
  field?: DemoFieldCounts;
  seed: string;
  launchDate: string;
  debateDate: string;
}

export const MAX_DEMO_PEOPLE = 200_000;
const DEFAULT_SEED = 'levier-demo-2027';

export const demoHome: HomeContent = {
  campaignName: 'Ensemble pour nos territoires',
  title: 'Campagne 2027 — Ensemble pour nos territoires',
  message:
    'Des écoles ouvertes dans chaque village, des transports qui relient enfin nos communes, des services publics à moins de vingt minutes de chez soi : notre projet part de vos territoires. Inscrivez-vous pour recevoir les nouvelles de la campagne, rejoindre le comité le plus proche de chez vous, faire du porte-à-porte ou du phoning, et porter nos propositions autour de vous.',
  signupCallToAction: 'Je rejoins la campagne',
};

/** The seed's transaction and the campaign every row it writes or reads belongs to. */
interface CampaignTx {
  query: Query;
  campaignId: number;
}

export async function seedDemo(
  ctx: AppContext,
  options: SeedDemoOptions = {},
): Promise<SeedDemoResult> {
  const size = options.people ?? 3000;
  if (!Number.isInteger(size) || size < 1 || size > MAX_DEMO_PEOPLE) {
    throw new Error(`--people must be a whole number between 1 and ${MAX_DEMO_PEOPLE}.`);
  }
  if (ctx.config.production) {
    throw new Error(
      'seed-demo adds invented supporters and refuses to run with NODE_ENV=production. Use a separate database for a demonstration.',
    );
  }
  const seed = options.seed ?? DEFAULT_SEED;
  const now = (options.now ?? new Date()).getTime();
  const campaignId = ctx.campaignId;
  const written: { people: number[]; marker?: DemoMarker } = { people: [] };

  const result = await ctx.database.transaction(async (query) => {
    // Claiming the marker first also serialises two concurrent runs: the second waits here,
    // then finds the marker and leaves.
    const claimed = await addSettingIfAbsent(query, campaignId, 'demo', { status: 'seeding' });
    if (!claimed) {
      const value = await readSetting<Partial<DemoMarker>>(query, campaignId, 'demo');
      return {
        people: value?.people ?? 0,
        tags: value?.tags ?? 0,
        segments: value?.segments ?? 0,
        committees: value?.committees ?? 0,
        events: value?.events ?? 0,
        field: value?.field ?? noDemoField,
        alreadySeeded: true,
        seededAt: value?.seededAt ?? '',
      };
    }

    const plan = planDemo({
      people: size,
      now,
      timeZone: ctx.config.CAMPAIGN_TIMEZONE,
      geo: ctx.geo,
      seed,
      unconfirmedRetentionDays: ctx.config.UNCONFIRMED_RETENTION_DAYS,
    });
    const tx: CampaignTx = { query, campaignId };
    await avoidExisting(tx, plan.people);
    const importIds = await insertImports(tx, plan);
    const ids = await insertPeople(tx, plan.people, importIds);
    await linkRecruiters(tx, plan.people, ids);
    await insertSignups(tx, plan.people, ids);
    await insertConsentEvents(tx, plan.people, ids, importIds);
    await insertPersonEvents(tx, plan, ids);
    const tags = await insertTags(tx, plan, ids);
    const segments = await insertSegments(tx, plan);
    const local = await insertCommittees(
      tx,
      planCommittees(plan.people, now, ctx.config.CAMPAIGN_TIMEZONE, seed),
      ids,
    );
    await addSettingIfAbsent(query, campaignId, 'home', demoHome);

    const marker: DemoMarker = {
      seededAt: new Date(now).toISOString(),
      people: plan.people.length,
      tags,
      segments,
      ...local,
      seed,
      launchDate: plan.launchDate,
      debateDate: plan.debateDate,
    };
    await replaceSetting(query, campaignId, 'demo', marker);
    Object.assign(written, { people: ids, marker });
    await audit(
      { query },
      {
        campaignId,
        actorId: null,
        action: 'demo.seed',
        target: `people:${plan.people.length}`,
        details: { ...marker },
      },
    );
    return {
      people: plan.people.length,
      tags,
      segments,
      ...local,
      field: noDemoField,
      alreadySeeded: false,
      seededAt: marker.seededAt,
    };
  });
  // Thousands of people in one go: without fresh statistics the lists would estimate from an
  // empty table (and PGlite never analyses on its own).
  if (!result.alreadySeeded) {
    await refreshPeopleStatistics(ctx.database);
    // The field's services write in transactions of their own: after the people are committed.
    result.field = await seedDemoField(ctx, { seed, now, people: written.people });
    await replaceSetting(ctx.database, campaignId, 'demo', {
      ...written.marker,
      field: result.field,
    });
  }
  return result;
}

// --- helpers ------------------------------------------------------------------------------

const iso = (ms: number | null) => (ms === null ? null : new Date(ms).toISOString());

interface Column {
  name: string;
  /** Postgres element type of the parameter array. */
  type: string;
  values: unknown[];
  /** Cast applied to the unnested value (e.g. text to jsonb). */
  cast?: string;
}

/**
 * INSERT … SELECT FROM unnest(…) in batches, every row in the campaign: one statement per
 * `batch` rows, whatever the engine. Returns the RETURNING rows of every batch, in batch order.
 */
async function insertUnnest<T = Record<string, unknown>>(
  { query, campaignId }: CampaignTx,
  table: string,
  columns: Column[],
  options: { returning?: string; batch?: number; suffix?: string } = {},
): Promise<T[]> {
  const total = columns[0]?.values.length ?? 0;
  const batch = options.batch ?? 5000;
  const names = sql.raw(columns.map((c) => c.name).join(', '));
  const select = sql.raw(
    columns.map((c) => (c.cast ? `u.${c.name}::${c.cast}` : `u.${c.name}`)).join(', '),
  );
  const tail = sql.raw(
    `${options.suffix ?? ''} ${options.returning ? `RETURNING ${options.returning}` : ''}`,
  );
  const out: T[] = [];
  for (let start = 0; start < total; start += batch) {
    const arrays = columns.map(
      (c) => sql`${c.values.slice(start, start + batch)}::${sql.raw(c.type)}[]`,
    );
    const rows = await query<T>(
      sql`INSERT INTO ${sql.raw(table)} (campaign_id, ${names})
    SELECT ${campaignId}::integer, ${select} FROM unnest(${sql.join(arrays, sql`, `)}) AS u(${names})
    ${tail}`,
    );
    out.push(...rows);
  }
  return out;
}

/** Renames planned people whose email or recruit code a real person already uses. */
async function avoidExisting({ query, campaignId }: CampaignTx, people: DemoPerson[]) {
  const { emails: clashingEmails, codes: clashingCodes } = await takenEmailsAndCodes(
    query,
    campaignId,
    people.map((p) => p.emailNormalized),
    people.map((p) => p.recruitCode),
  );
  if (clashingEmails.size === 0 && clashingCodes.size === 0) return;
  const takenEmails = new Set([...people.map((p) => p.emailNormalized), ...clashingEmails]);
  const takenCodes = new Set([...people.map((p) => p.recruitCode), ...clashingCodes]);
  for (const p of people) {
    if (clashingEmails.has(p.emailNormalized)) {
      const [local, domain] = p.emailNormalized.split('@');
      let candidate = p.emailNormalized;
      for (let k = 2; takenEmails.has(candidate); k++) candidate = `${local}.${k}@${domain}`;
      takenEmails.add(candidate);
      p.email = candidate;
      p.emailNormalized = candidate;
      p.searchText = buildSearchText(p);
    }
    if (clashingCodes.has(p.recruitCode)) {
      let code = recruitCode();
      while (takenCodes.has(code)) code = recruitCode();
      takenCodes.add(code);
      p.recruitCode = code;
    }
  }
}

async function insertImports({ query, campaignId }: CampaignTx, plan: DemoPlan): Promise<number[]> {
  const ids: number[] = [];
  for (const imp of plan.imports) {
    const mapping = {
      'E-mail': 'email',
      Prénom: 'firstName',
      Nom: 'lastName',
      Portable: 'phone',
      'Code postal': 'postalCode',
      'Accord e-mail': 'consentEmail',
      'Accord SMS': 'consentSms',
      'Accord appel': 'consentPhone',
    };
    const importOptions = {
      mapping,
      tags: imp.tags,
      applyValidRows: true,
      consentWordingVersion: 'fr-2026-11',
    };
    ids.push(
      await recordAppliedImport(query, campaignId, {
        fileName: imp.fileName,
        mapping,
        options: importOptions,
        validRows: imp.count,
        invalidRows: imp.invalidRows,
        errors: imp.errors,
        createdAt: iso(imp.at - 20_000)!,
        finishedAt: iso(imp.at)!,
      }),
    );
  }
  return ids;
}

async function insertPeople(
  tx: CampaignTx,
  people: DemoPerson[],
  importIds: number[],
): Promise<number[]> {
  const col = (name: string, type: string, value: (p: DemoPerson) => unknown): Column => ({
    name,
    type,
    values: people.map(value),
  });
  const rows = await insertUnnest<{ id: number; recruit_code: string }>(
    tx,
    'people',
    [
      col('email', 'text', (p) => p.email),
      col('email_normalized', 'text', (p) => p.emailNormalized),
      col('first_name', 'text', (p) => p.firstName),
      col('last_name', 'text', (p) => p.lastName),
      col('phone', 'text', (p) => p.phone),
      col('postal_code', 'text', (p) => p.postalCode),
      col('commune_code', 'text', (p) => p.communeCode),
      col('commune_name', 'text', (p) => p.communeName),
      col('departement_code', 'text', (p) => p.departementCode),
      col('locale', 'text', (p) => p.locale),
      col('source', 'text', (p) => p.source),
      col('recruit_code', 'text', (p) => p.recruitCode),
      col('referrer_url', 'text', (p) => p.referrerUrl),
      col('utm_source', 'text', (p) => p.utmSource),
      col('utm_medium', 'text', (p) => p.utmMedium),
      col('utm_campaign', 'text', (p) => p.utmCampaign),
      col('consent_email', 'boolean', (p) => p.consents.email),
      col('consent_sms', 'boolean', (p) => p.consents.sms),
      col('consent_phone', 'boolean', (p) => p.consents.phone),
      col('confirmed_at', 'timestamptz', (p) => iso(p.confirmedAt)),
      col('import_id', 'bigint', (p) => (p.importIndex === null ? null : importIds[p.importIndex])),
      col('search_text', 'text', (p) => p.searchText),
      col('created_at', 'timestamptz', (p) => iso(p.createdAt)),
      col('updated_at', 'timestamptz', (p) => iso(p.updatedAt)),
    ],
    { returning: 'id, recruit_code', batch: 2000 },
  );
  const byCode = new Map(rows.map((r) => [r.recruit_code, Number(r.id)]));
  return people.map((p) => byCode.get(p.recruitCode)!);
}

async function linkRecruiters(
  { query, campaignId }: CampaignTx,
  people: DemoPerson[],
  ids: number[],
) {
  const recruited = people.flatMap((p, i) => (p.recruiter === null ? [] : [i]));
  for (let start = 0; start < recruited.length; start += 5000) {
    const slice = recruited.slice(start, start + 5000);
    await setRecruiters(
      query,
      campaignId,
      slice.map((i) => ids[i]),
      slice.map((i) => ids[people[i].recruiter!]),
    );
  }
}

/**
 * One sign-ups row per web sign-up, holding the submission as the form stores it; the
 * person's timeline shows its "signup" entry from this row.
 */
async function insertSignups(tx: CampaignTx, people: DemoPerson[], ids: number[]) {
  const web = people.flatMap((p, i) => (p.source === 'signup' || p.source === 'embed' ? [i] : []));
  await insertUnnest(tx, 'signups', [
    { name: 'person_id', type: 'bigint', values: web.map((i) => ids[i]) },
    {
      name: 'data',
      type: 'text',
      cast: 'jsonb',
      values: web.map((i) => {
        const p = people[i];
        return JSON.stringify({
          email: p.email,
          emailNormalized: p.emailNormalized,
          firstName: p.firstName,
          lastName: p.lastName,
          phone: p.phone,
          postalCode: p.postalCode,
          communeCode: p.communeCode,
          communeName: p.communeName,
          departementCode: p.departementCode,
          locale: p.locale,
          consents: p.wanted,
          source: p.source,
          attribution: {
            utmSource: p.utmSource,
            utmMedium: p.utmMedium,
            utmCampaign: p.utmCampaign,
            referrerUrl: p.referrerUrl,
          },
          ref: p.recruiter === null ? null : people[p.recruiter].recruitCode,
        });
      }),
    },
    { name: 'source', type: 'text', values: web.map((i) => people[i].source) },
    { name: 'created_at', type: 'timestamptz', values: web.map((i) => iso(people[i].createdAt)) },
    {
      name: 'confirmed_at',
      type: 'timestamptz',
      values: web.map((i) => iso(people[i].confirmedAt)),
    },
  ]);
}

async function insertConsentEvents(
  tx: CampaignTx,
  people: DemoPerson[],
  ids: number[],
  importIds: number[],
) {
  const rows = people.flatMap((p, i) => p.consentEvents.map((e) => ({ p, id: ids[i], e })));
  await insertUnnest(tx, 'consent_events', [
    { name: 'person_id', type: 'bigint', values: rows.map((r) => r.id) },
    { name: 'channel', type: 'text', values: rows.map((r) => recordChannel[r.e.channel]) },
    { name: 'granted', type: 'boolean', values: rows.map((r) => r.e.granted) },
    { name: 'source', type: 'text', values: rows.map((r) => r.e.source) },
    { name: 'wording_version', type: 'text', values: rows.map((r) => r.e.wordingVersion) },
    {
      name: 'import_id',
      type: 'bigint',
      values: rows.map((r) =>
        r.e.source === 'import' && r.p.importIndex !== null ? importIds[r.p.importIndex] : null,
      ),
    },
    { name: 'at', type: 'timestamptz', values: rows.map((r) => iso(r.e.at)) },
  ]);
  // The records follow the history (and confirm the cache the people were inserted with).
  await settleConsents(tx.query, tx.campaignId, [...new Set(rows.map((r) => r.id))]);
}

/**
 * The timeline besides sign-ups and imports (which it reads from their own rows): creation by
 * staff, confirmation, each consent decision, tags.
 */
async function insertPersonEvents(tx: CampaignTx, plan: DemoPlan, ids: number[]) {
  const personIds: number[] = [];
  const kinds: string[] = [];
  const data: string[] = [];
  const ats: (string | null)[] = [];
  const add = (i: number, kind: string, value: Record<string, unknown>, at: number) => {
    personIds.push(ids[i]);
    kinds.push(kind);
    data.push(JSON.stringify(value));
    ats.push(iso(at));
  };
  plan.people.forEach((p, i) => {
    // People from an import show it from their import_id (people/import-entry.ts).
    if (p.importIndex === null && (p.source === 'staff' || p.source === 'event')) {
      add(
        i,
        'created',
        { source: p.source, ...(p.eventName ? { event: p.eventName } : {}) },
        p.createdAt,
      );
    }
    if (p.confirmedAt !== null) add(i, 'confirmed', { source: p.source }, p.confirmedAt);
    for (const e of p.consentEvents) {
      add(
        i,
        'consent',
        {
          channel: e.channel,
          granted: e.granted,
          source: e.source,
          wordingVersion: e.wordingVersion,
        },
        e.at,
      );
    }
    if (p.tags.length > 0 && p.taggedAt !== null)
      add(i, 'tags', { added: p.tags, removed: [] }, p.taggedAt);
  });
  await insertUnnest(tx, 'person_events', [
    { name: 'person_id', type: 'bigint', values: personIds },
    { name: 'kind', type: 'text', values: kinds },
    { name: 'data', type: 'text', cast: 'jsonb', values: data },
    { name: 'at', type: 'timestamptz', values: ats },
  ]);
}

async function insertTags(tx: CampaignTx, plan: DemoPlan, ids: number[]): Promise<number> {
  const tagId = await tagIdsByName(tx.query, tx.campaignId, plan.tags);
  const personIds: number[] = [];
  const tagIds: number[] = [];
  const ats: (string | null)[] = [];
  plan.people.forEach((p, i) => {
    for (const name of p.importTags) {
      personIds.push(ids[i]);
      tagIds.push(tagId.get(name)!);
      ats.push(iso(p.createdAt));
    }
    for (const name of p.tags) {
      personIds.push(ids[i]);
      tagIds.push(tagId.get(name)!);
      ats.push(iso(p.taggedAt));
    }
  });
  await insertUnnest(
    tx,
    'person_tags',
    [
      { name: 'person_id', type: 'bigint', values: personIds },
      { name: 'tag_id', type: 'bigint', values: tagIds },
      { name: 'at', type: 'timestamptz', values: ats },
    ],
    { suffix: 'ON CONFLICT (campaign_id, person_id, tag_id) DO NOTHING' },
  );
  return tagId.size;
}

/** Saved segments, skipped when one of the same name exists; returns how many are there. */
const insertSegments = ({ query, campaignId }: CampaignTx, plan: DemoPlan) =>
  addSegmentsIfAbsent(query, campaignId, plan.segments);

/** Committees over real communes, their members, events and answers (see committees.ts). */
async function insertCommittees(
  tx: CampaignTx,
  committees: DemoCommittee[],
  ids: number[],
): Promise<{ committees: number; events: number }> {
  if (committees.length === 0) return { committees: 0, events: 0 };
  const label = (c: DemoCommittee) => `${c.postalCode} ${c.communeName}`;
  const rows = await insertUnnest<{ id: number }>(
    tx,
    'committees',
    [
      { name: 'name', type: 'text', values: committees.map((c) => c.name) },
      { name: 'description', type: 'text', values: committees.map((c) => c.description) },
      {
        name: 'description_html',
        type: 'text',
        values: committees.map((c) => richTextToHtml(c.description)),
      },
      { name: 'lat', type: 'float8', values: committees.map((c) => c.lat) },
      { name: 'lng', type: 'float8', values: committees.map((c) => c.lng) },
      { name: 'location', type: 'text', values: committees.map((c) => c.location), cast: 'point' },
      { name: 'precision', type: 'text', values: committees.map(() => 'commune') },
      { name: 'place_label', type: 'text', values: committees.map(label) },
      { name: 'postal_code', type: 'text', values: committees.map((c) => c.postalCode) },
      { name: 'commune_code', type: 'text', values: committees.map((c) => c.communeCode) },
      { name: 'departement_code', type: 'text', values: committees.map((c) => c.departementCode) },
      {
        name: 'member_count',
        type: 'int4',
        values: committees.map((c) => c.members.filter((m) => m.rank !== 'follower').length),
      },
      {
        name: 'certified_at',
        type: 'timestamptz',
        values: committees.map((c) => (c.certified ? iso(c.createdAt + 31 * 86_400_000) : null)),
      },
      {
        name: 'created_by',
        type: 'int8',
        values: committees.map((c) => ids[c.members[0]!.person]),
      },
      { name: 'created_at', type: 'timestamptz', values: committees.map((c) => iso(c.createdAt)) },
      { name: 'updated_at', type: 'timestamptz', values: committees.map((c) => iso(c.createdAt)) },
    ],
    { returning: 'id' },
  );
  const committeeIds = rows.map((r) => Number(r.id));
  await putOnMap(tx.query, tx.campaignId, committeeIds);
  const members = committees.flatMap((c, i) =>
    c.members.map((m) => ({ ...m, committee: committeeIds[i]! })),
  );
  await insertUnnest(tx, 'committee_members', [
    { name: 'committee_id', type: 'int8', values: members.map((m) => m.committee) },
    { name: 'person_id', type: 'int8', values: members.map((m) => ids[m.person]) },
    { name: 'rank', type: 'text', values: members.map((m) => m.rank) },
    { name: 'joined_at', type: 'timestamptz', values: members.map((m) => iso(m.at)) },
  ]);
  const events = committees.flatMap((c, i) =>
    c.events.map((e) => ({ ...e, committee: c, committeeId: committeeIds[i]! })),
  );
  const eventRows = await insertUnnest<{ id: number }>(
    tx,
    'events',
    [
      { name: 'committee_id', type: 'int8', values: events.map((e) => e.committeeId) },
      { name: 'type', type: 'text', values: events.map((e) => e.type) },
      { name: 'title', type: 'text', values: events.map((e) => e.title) },
      { name: 'starts_at', type: 'timestamptz', values: events.map((e) => iso(e.startsAt)) },
      { name: 'ends_at', type: 'timestamptz', values: events.map((e) => iso(e.endsAt)) },
      { name: 'lat', type: 'float8', values: events.map((e) => e.committee.lat) },
      { name: 'lng', type: 'float8', values: events.map((e) => e.committee.lng) },
      {
        name: 'location',
        type: 'text',
        values: events.map((e) => e.committee.location),
        cast: 'point',
      },
      { name: 'precision', type: 'text', values: events.map(() => 'commune') },
      { name: 'place_label', type: 'text', values: events.map((e) => label(e.committee)) },
      { name: 'postal_code', type: 'text', values: events.map((e) => e.committee.postalCode) },
      { name: 'commune_code', type: 'text', values: events.map((e) => e.committee.communeCode) },
      {
        name: 'departement_code',
        type: 'text',
        values: events.map((e) => e.committee.departementCode),
      },
      { name: 'capacity', type: 'int4', values: events.map((e) => e.capacity) },
      { name: 'private_key', type: 'text', values: events.map(() => randomToken(18)) },
      {
        name: 'going',
        type: 'int4',
        values: events.map((e) => e.going.reduce((sum, g) => sum + 1 + g.guests, 0)),
      },
      {
        name: 'created_by',
        type: 'int8',
        values: events.map((e) => ids[e.committee.members[0]!.person]),
      },
      {
        name: 'created_at',
        type: 'timestamptz',
        values: events.map((e) =>
          iso(Math.max(e.committee.createdAt, e.startsAt - 14 * 86_400_000)),
        ),
      },
    ],
    { returning: 'id' },
  );
  await putEventsOnMap(
    tx.query,
    tx.campaignId,
    eventRows.map((r) => Number(r.id)),
  );
  const answers = events.flatMap((e, i) =>
    e.going.map((g) => ({ ...g, event: Number(eventRows[i]!.id) })),
  );
  await insertUnnest(tx, 'event_rsvps', [
    { name: 'event_id', type: 'int8', values: answers.map((a) => a.event) },
    { name: 'person_id', type: 'int8', values: answers.map((a) => ids[a.person]) },
    { name: 'status', type: 'text', values: answers.map(() => 'going') },
    { name: 'guests', type: 'int4', values: answers.map((a) => a.guests) },
    { name: 'source', type: 'text', values: answers.map(() => 'member') },
    { name: 'created_at', type: 'timestamptz', values: answers.map((a) => iso(a.at)) },
  ]);
  return { committees: committees.length, events: events.length };
}

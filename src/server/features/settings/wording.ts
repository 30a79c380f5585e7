import { sql } from 'drizzle-orm';
import type { Locale } from '../../../contracts/common.ts';
import type { ConsentWording, PublicSite } from '../../../contracts/recruitment.ts';
import type { ConsentWordingUpdate, ConsentWordingVersion } from '../../../contracts/settings.ts';
import { audit } from '../../core/audit.ts';
import type { AppContext } from '../../core/context.ts';
import type { Database } from '../../core/db/index.ts';
import { perCampaign } from '../../core/db/per-campaign.ts';
import { defaultConsentWording } from './wording-defaults.ts';

interface WordingRow {
  version: string;
  locale: Locale;
  email: string;
  sms: string;
  phone: string;
  created_at: Date | string;
}

const builtInVersions = new Map(
  (['fr', 'en'] as const).map((locale) => [defaultConsentWording[locale].version, locale]),
);

/**
 * Versions known to exist, per campaign. Versions are never changed nor deleted, so a version
 * seen once stays valid: only an unknown one costs a query (another process may have made it).
 */
const knownVersions = perCampaign<Set<string>>();
/** The current wording, for sign-ups that do not say which they showed (API clients). */
const currentCache = perCampaign<{ value: PublicSite['consentWording']; until: number }>();

const toWording = (row: WordingRow): ConsentWording => ({
  version: row.version,
  email: row.email,
  sms: row.sms,
  phone: row.phone,
});

/** The wording each language's form shows now: the newest stored version, else the built-in. */
export async function currentConsentWording(
  database: Database,
  campaignId: number,
): Promise<PublicSite['consentWording']> {
  const rows = await database.query<WordingRow>(
    sql`SELECT DISTINCT ON (locale) version, locale, email, sms, phone, created_at
       FROM consent_wordings WHERE campaign_id = ${campaignId}
      ORDER BY locale, created_at DESC, version DESC`,
  );
  const current = { ...defaultConsentWording };
  for (const row of rows)
    if (row.locale === 'fr' || row.locale === 'en') current[row.locale] = toWording(row);
  currentCache.set(database, campaignId, { value: current, until: Date.now() + 10_000 });
  return current;
}

/** The current wording of one language, cached a few seconds (any recent version is valid). */
export async function currentWordingFor(
  database: Database,
  campaignId: number,
  locale: Locale,
): Promise<ConsentWording> {
  const cached = currentCache.get(database, campaignId);
  if (cached && cached.until > Date.now()) return cached.value[locale];
  return (await currentConsentWording(database, campaignId))[locale];
}

/**
 * Whether a form may say it showed this version: the built-in one or any version staff saved,
 * old ones included (a page loaded before a change still signs people up under what it showed).
 */
export async function isWordingVersion(
  database: Database,
  campaignId: number,
  version: string,
): Promise<boolean> {
  if (builtInVersions.has(version)) return true;
  const known = knownVersions.get(database, campaignId);
  if (known?.has(version)) return true;
  const rows = await database.query(
    sql`SELECT 1 FROM consent_wordings WHERE campaign_id = ${campaignId} AND version = ${version}`,
  );
  if (rows.length === 0) return false;
  (known ?? knownVersions.set(database, campaignId, new Set())).add(version);
  return true;
}

/** Every version, the built-in ones first, then the stored ones oldest first. */
export async function listConsentWordings(
  database: Database,
  campaignId: number,
): Promise<ConsentWordingVersion[]> {
  const rows = await database.query<WordingRow>(
    sql`SELECT version, locale, email, sms, phone, created_at FROM consent_wordings
      WHERE campaign_id = ${campaignId} ORDER BY created_at, version`,
  );
  const current = await currentConsentWording(database, campaignId);
  const isCurrent = (locale: Locale, version: string) => current[locale].version === version;
  return [
    ...(['fr', 'en'] as const).map((locale) => ({
      ...defaultConsentWording[locale],
      locale,
      createdAt: null,
      current: isCurrent(locale, defaultConsentWording[locale].version),
    })),
    ...rows.map((row) => ({
      ...toWording(row),
      locale: row.locale,
      createdAt: new Date(row.created_at).toISOString(),
      current: isCurrent(row.locale, row.version),
    })),
  ];
}

/** `fr-2026-12-02-1`: the language, the day (UTC) and the day's sequence number. */
const versionPrefix = (locale: Locale, now: Date) => `${locale}-${now.toISOString().slice(0, 10)}-`;

/**
 * Staff change a language's wording: it becomes a new version, the old ones stay for the
 * consents given under them. Saving the same texts again makes no version.
 */
export async function saveConsentWording(
  ctx: AppContext,
  input: ConsentWordingUpdate,
  actorId: number,
  ip: string,
): Promise<ConsentWordingVersion[]> {
  const { database, campaignId } = ctx;
  const { locale, email, sms, phone } = input;
  const current = (await currentConsentWording(database, campaignId))[locale];
  if (current.email !== email || current.sms !== sms || current.phone !== phone) {
    const prefix = versionPrefix(locale, new Date());
    // Two saves at once may pick the same number: the primary key refuses one, which retries.
    for (let attempt = 0; ; attempt++) {
      const taken = await database.query<{ n: number }>(
        sql`SELECT count(*)::int AS n FROM consent_wordings
          WHERE campaign_id = ${campaignId} AND starts_with(version, ${prefix})`,
      );
      const version = `${prefix}${Number(taken[0].n) + 1 + attempt}`;
      const inserted = await database.query(
        sql`INSERT INTO consent_wordings (campaign_id, version, locale, email, sms, phone, created_by)
         VALUES (${campaignId}, ${version}, ${locale}, ${email}, ${sms}, ${phone}, ${actorId}) ON CONFLICT DO NOTHING RETURNING version`,
      );
      if (inserted.length > 0) {
        await audit(database, {
          campaignId,
          actorId,
          action: 'settings.consent_wording.update',
          target: `wording:${version}`,
          details: { locale, previous: current.version },
          ip,
        });
        break;
      }
      if (attempt >= 5) throw new Error('Could not number the new consent wording version');
    }
    currentCache.delete(database, campaignId);
  }
  return listConsentWordings(database, campaignId);
}

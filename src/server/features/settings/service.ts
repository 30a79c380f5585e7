import { sql } from 'drizzle-orm';
import type { HomeContent, HomeTranslation, PublicSite } from '../../../contracts/recruitment.ts';
import type { LegalUpdate } from '../../../contracts/settings.ts';
import { changedLegalFields, legalFromStored, legalToStore, type Legal } from './legal.ts';
import { currentConsentWording } from './wording.ts';
import { audit } from '../../core/audit.ts';
import type { AppContext } from '../../core/context.ts';
import type { Database } from '../../core/db/index.ts';
import { perCampaign } from '../../core/db/per-campaign.ts';

export const defaultHome: HomeContent = {
  campaignName: 'Levier',
  title: 'Rejoignez la campagne',
  message:
    'Ensemble, faisons campagne près de chez vous : inscrivez-vous pour recevoir les nouvelles, rejoindre un comité local et participer aux actions.',
  signupCallToAction: 'Je rejoins la campagne',
};

const campaignNames = perCampaign<{ value: string; until: number }>();

export async function writeSetting(
  database: Database,
  campaignId: number,
  key: string,
  value: unknown,
): Promise<void> {
  await database.query(
    sql`INSERT INTO settings (campaign_id, key, value, updated_at) VALUES (${campaignId}, ${key}, ${JSON.stringify(value)}, now())
     ON CONFLICT (campaign_id, key) DO UPDATE SET value = EXCLUDED.value, updated_at = now()`,
  );
  campaignNames.delete(database, campaignId);
}

export async function readPublicSite(database: Database, campaignId: number): Promise<PublicSite> {
  const rows = await database.query<{ key: string; value: unknown }>(
    sql`SELECT key, value FROM settings WHERE campaign_id = ${campaignId} AND key IN ('home', 'legal')`,
  );
  const stored = (key: string) => rows.find((row) => row.key === key)?.value;
  const home = (stored('home') as HomeContent | undefined) ?? defaultHome;
  return {
    home: { ...defaultHome, ...home },
    consentWording: await currentConsentWording(database, campaignId),
    legal: legalFromStored(stored('legal') as Partial<Legal> | undefined),
  };
}

/** Empty English texts are not stored: they mean "show the French one". */
function filledOnly(translation: HomeTranslation | undefined): HomeTranslation | undefined {
  const filled = Object.entries(translation ?? {}).filter(([, text]) => text);
  return filled.length ? (Object.fromEntries(filled) as HomeTranslation) : undefined;
}

/** Staff edit the home page: written, audited, and the site as visitors now see it returned. */
export async function updateHome(
  ctx: AppContext,
  home: HomeContent,
  actorId: number,
  ip: string,
): Promise<PublicSite> {
  const { en, ...french } = home;
  // A page loaded before English existed sends none: saving from it keeps the stored English.
  const english =
    en === undefined
      ? (await readPublicSite(ctx.database, ctx.campaignId)).home.en
      : filledOnly(en);
  await writeSetting(
    ctx.database,
    ctx.campaignId,
    'home',
    english ? { ...french, en: english } : french,
  );
  await audit(ctx.database, {
    campaignId: ctx.campaignId,
    actorId,
    action: 'settings.home.update',
    ip,
  });
  return readPublicSite(ctx.database, ctx.campaignId);
}

/** Staff edit the legal texts: written, audited (which texts changed), the site returned. */
export async function updateLegal(
  ctx: AppContext,
  input: LegalUpdate,
  actorId: number,
  ip: string,
): Promise<PublicSite> {
  const before = (await readPublicSite(ctx.database, ctx.campaignId)).legal;
  const after = legalToStore(input);
  await writeSetting(ctx.database, ctx.campaignId, 'legal', after);
  await audit(ctx.database, {
    campaignId: ctx.campaignId,
    actorId,
    action: 'settings.legal.update',
    details: { changed: changedLegalFields(before, after) },
    ip,
  });
  return readPublicSite(ctx.database, ctx.campaignId);
}

/**
 * The campaign name goes in every login and confirmation mail; a few seconds of staleness
 * is fine (this process drops it at once when it writes a setting).
 */
export async function campaignName(database: Database, campaignId: number): Promise<string> {
  const cached = campaignNames.get(database, campaignId);
  if (cached && cached.until > Date.now()) return cached.value;
  const { home } = await readPublicSite(database, campaignId);
  campaignNames.set(database, campaignId, { value: home.campaignName, until: Date.now() + 10_000 });
  return home.campaignName;
}

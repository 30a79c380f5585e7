import type {
  ConsentWording,
  HomeContent,
  HomeTranslation,
  PublicSite,
} from '../../../contracts/recruitment.ts';
import { defaultLegal } from './legal-defaults.ts';
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

/** Consent wording: the version is stored with every consent so we know what people agreed to. */
export const consentWording: PublicSite['consentWording'] = {
  fr: {
    version: 'fr-2026-11',
    email:
      "J'accepte de recevoir les nouvelles de la campagne par e-mail (désinscription en un clic dans chaque e-mail).",
    sms: "J'accepte de recevoir des SMS de la campagne (répondez STOP pour ne plus en recevoir).",
    phone:
      "J'accepte d'être appelé·e par la campagne, y compris par des messages enregistrés, entre 10 h et 20 h en semaine.",
  },
  en: {
    version: 'en-2026-11',
    email: 'I agree to receive campaign news by email (one-click unsubscribe in every email).',
    sms: 'I agree to receive text messages from the campaign (reply STOP to opt out).',
    phone:
      'I agree to be called by the campaign, including recorded messages, between 10am and 8pm on weekdays.',
  },
};

export function wordingFor(locale: 'fr' | 'en'): ConsentWording {
  return consentWording[locale];
}

/**
 * Versions a sign-up may say it showed. When the wording changes, its old versions stay here
 * for as long as pages loaded before the change may still be submitted.
 */
const knownWordingVersions = new Set([consentWording.fr.version, consentWording.en.version]);

export const isWordingVersion = (version: string) => knownWordingVersions.has(version);

const campaignNames = perCampaign<{ value: string; until: number }>();

async function readSetting<T>(
  database: Database,
  campaignId: number,
  key: string,
): Promise<T | undefined> {
  const rows = await database.query<{ value: T }>(
    'SELECT value FROM settings WHERE campaign_id = $1 AND key = $2',
    [campaignId, key],
  );
  return rows[0]?.value;
}

export async function writeSetting(
  database: Database,
  campaignId: number,
  key: string,
  value: unknown,
): Promise<void> {
  await database.query(
    `INSERT INTO settings (campaign_id, key, value, updated_at) VALUES ($1, $2, $3, now())
     ON CONFLICT (campaign_id, key) DO UPDATE SET value = EXCLUDED.value, updated_at = now()`,
    [campaignId, key, JSON.stringify(value)],
  );
  campaignNames.delete(database, campaignId);
}

export async function readPublicSite(database: Database, campaignId: number): Promise<PublicSite> {
  const home = (await readSetting<HomeContent>(database, campaignId, 'home')) ?? defaultHome;
  return { home: { ...defaultHome, ...home }, consentWording, legal: defaultLegal };
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

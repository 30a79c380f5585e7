import {
  closedDonationSettings,
  donationSettingsSchema,
  type DonationSettings,
} from '../../../contracts/donations.ts';
import { audit } from '../../core/audit.ts';
import type { AppContext } from '../../core/context.ts';
import { perCampaign } from '../../core/db/per-campaign.ts';
import { wallClock } from '../../core/local-time.ts';
import { AppError } from '../../core/http/errors.ts';
import { listElections } from '../compliance/elections.ts';
import { readSetting, writeSetting } from '../settings/service.ts';
import { paymentProvider } from './payments/provider.ts';

const KEY = 'donations';

/**
 * Read at every gift: kept a few seconds (this process drops it at once when it writes them;
 * another process sees a change within SETTINGS_SECONDS).
 */
const cached = perCampaign<{ value: DonationSettings; until: number }>();
const SETTINGS_SECONDS = 5;

export async function donationSettings(ctx: AppContext): Promise<DonationSettings> {
  const hit = cached.get(ctx.database, ctx.campaignId);
  if (hit && hit.until > Date.now()) return hit.value;
  const stored = await readSetting<DonationSettings>(ctx.database, ctx.campaignId, KEY);
  const value = stored ?? closedDonationSettings;
  cached.set(ctx.database, ctx.campaignId, { value, until: Date.now() + SETTINGS_SECONDS * 1000 });
  return value;
}

/** The finance officer sets how the campaign collects (audited, with what changed). */
export async function updateDonationSettings(
  ctx: AppContext,
  next: DonationSettings,
  actorId: number,
  ip: string,
): Promise<DonationSettings> {
  const value = donationSettingsSchema.parse(next);
  if (value.mode === 'candidate' && value.electionId !== null) {
    const known = (await listElections(ctx)).some((e) => e.id === value.electionId);
    if (!known) {
      throw new AppError(
        422,
        'unknown_election',
        'Cette élection n’existe pas dans la campagne : choisissez-en une de la liste, ou demandez à un administrateur de la créer (Conformité → Élections).',
        [
          {
            field: 'electionId',
            code: 'unknown_election',
            message: 'Choisissez une élection de la campagne.',
          },
        ],
      );
    }
  }
  const before = await donationSettings(ctx);
  await writeSetting(ctx.database, ctx.campaignId, KEY, value);
  cached.delete(ctx.database, ctx.campaignId);
  const changed = (Object.keys(value) as Array<keyof DonationSettings>).filter(
    (key) => JSON.stringify(value[key]) !== JSON.stringify(before[key]),
  );
  await audit(ctx.database, {
    campaignId: ctx.campaignId,
    actorId,
    action: 'donations.settings.update',
    details: { changed },
    ip,
  });
  return value;
}

/** Today in the campaign's time zone: the day a gift is given on. */
export const campaignToday = (ctx: AppContext, at = new Date()) =>
  wallClock(at, ctx.config.CAMPAIGN_TIMEZONE).day;

/** The period a gift counts in: the election (candidate) or the calendar year (party). */
export function capKeyOf(settings: DonationSettings, day: string): string {
  return settings.mode === 'candidate'
    ? `election:${settings.electionId}`
    : `year:${day.slice(0, 4)}`;
}

/**
 * Whether the public page takes gifts today: donations open, a payment provider configured,
 * and (candidate mode) today within the collection period.
 */
export async function collecting(ctx: AppContext): Promise<boolean> {
  const settings = await donationSettings(ctx);
  if (!settings.enabled || !paymentProvider(ctx)) return false;
  const period = settings.mode === 'candidate' ? settings.collection : null;
  const day = campaignToday(ctx);
  return !period || (period.opensOn <= day && day <= period.closesOn);
}

/** The campaign's elections, as the finance officer chooses one: name and first round. */
export async function electionChoices(ctx: AppContext) {
  return (await listElections(ctx)).map((e) => ({
    id: e.id,
    name: e.name,
    firstRound: e.rounds[0]?.date ?? '',
  }));
}

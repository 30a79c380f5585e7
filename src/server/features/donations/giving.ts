import { sql } from 'drizzle-orm';
import {
  frenchOrResidentByFacts,
  isValidAmount,
  parseEuros,
  refusalText,
  type DonationMode,
} from '../../../contracts/donation-law.ts';
import type { DonationSettings, DonorIdentity, GiftInput } from '../../../contracts/donations.ts';
import type { AppContext } from '../../core/context.ts';
import { runSql } from '../../core/db/statement.ts';
import { AppError, invalidFields, type FieldError } from '../../core/http/errors.ts';
import { personGiving } from '../people/directory.ts';
import { normalizePhone } from '../people/normalize.ts';
import { takeOnlineGift } from './gift-writer.ts';
import { refuseOutright, releaseGift, takeGift, type GiftIntake } from './ledger.ts';
import { paymentProvider } from './payments/provider.ts';
import type { PaymentProvider } from './payments/port.ts';
import { openPlan } from './plans.ts';
import { campaignToday, capKeyOf, donationSettings } from './settings.ts';

/** A card payment page stays open this long (Stripe's shortest), then its room is given back. */
export const CHECKOUT_MINUTES = 30;
/** A webhook may arrive a little after the page closed: the gift keeps its room that much longer. */
const PENDING_GRACE_MINUTES = 10;

const closed = {
  fr: 'Les dons ne sont pas ouverts pour le moment.',
  en: 'Donations are not open at the moment.',
};
const unavailable = {
  fr: 'Le paiement en ligne n’est pas disponible pour le moment : réessayez plus tard ou donnez par chèque.',
  en: 'Online payment is not available at the moment: try again later or give by cheque.',
};

/** The amount as typed, in cents, or the field error the donor sees. */
export function typedAmount(typed: string, locale: 'fr' | 'en'): number {
  const cents = parseEuros(typed);
  if (cents === null || !isValidAmount(cents))
    throw invalidFields([
      {
        field: 'amount',
        code: 'invalid_amount',
        message: refusalText({ code: 'invalid_amount' }, locale),
      },
    ]);
  return cents;
}

/** Whether the page can take a gift now, and through which provider. */
export async function openForGifts(
  ctx: AppContext,
  locale: 'fr' | 'en',
): Promise<{ settings: DonationSettings; provider: PaymentProvider }> {
  const settings = await donationSettings(ctx);
  if (!settings.enabled) throw new AppError(409, 'donations_closed', closed[locale]);
  const provider = paymentProvider(ctx);
  if (!provider) throw new AppError(503, 'payments_unavailable', unavailable[locale]);
  return { settings, provider };
}

function attestationErrors(input: GiftInput, mode: DonationMode): FieldError[] {
  const errors: FieldError[] = [];
  if (mode === 'party' && !input.otherPartiesWithinCap)
    errors.push({
      field: 'otherPartiesWithinCap',
      code: 'attestation_required',
      message:
        input.locale === 'en'
          ? 'Confirm that your gifts and dues to all parties this year stay within €7,500.'
          : 'Confirmez que vos dons et cotisations à l’ensemble des partis cette année ne dépassent pas 7 500 €.',
    });
  return errors;
}

/** The commune the donor names, when their postal code and commune name point to one. */
function communeCodeOf(ctx: AppContext, donor: DonorIdentity): string | null {
  if (donor.country !== 'FR') return null;
  const communes = ctx.geo.communesByPostalCode(donor.postalCode.replace(/\s/g, ''));
  if (communes.length === 1) return communes[0]!.code;
  const named = donor.commune.trim().toLowerCase();
  return communes.find((c) => c.name.toLowerCase() === named)?.code ?? null;
}

/**
 * A gift from the public page: the donor is found or made a person, the gift is taken (the
 * law checked, the cap counted at once), then the provider's payment page is opened. A
 * provider that cannot open one gives the room back at once.
 */
export async function giveOnline(
  ctx: AppContext,
  input: GiftInput,
  returnTo: { success: string; cancel: string },
): Promise<{ donationId: number; redirectUrl: string }> {
  const { settings, provider } = await openForGifts(ctx, input.locale);
  const amountCents = typedAmount(input.amount, input.locale);
  const errors = attestationErrors(input, settings.mode);
  if (input.frequency === 'monthly' && !settings.monthly)
    errors.push({
      field: 'frequency',
      code: 'monthly_closed',
      message:
        input.locale === 'en'
          ? 'Monthly gifts are not offered.'
          : 'Les dons mensuels ne sont pas proposés.',
    });
  if (errors.length) throw invalidFields(errors);
  const donor = input.donor;
  const day = campaignToday(ctx);
  const attribution = Object.fromEntries(
    Object.entries(input.attribution).filter(([, value]) => value),
  ) as Record<string, string>;
  const expiresAt = new Date(Date.now() + CHECKOUT_MINUTES * 60_000);
  const intake = (personId: number, planId: number | null): GiftIntake => ({
    personId,
    mode: settings.mode,
    capKey: capKeyOf(settings, day),
    amountCents,
    means: 'card',
    attestations: {
      naturalPerson: input.naturalPerson,
      frenchOrResident: input.frenchOrResident && frenchOrResidentByFacts(donor),
    },
    status: 'pending',
    pendingUntil: new Date(expiresAt.getTime() + PENDING_GRACE_MINUTES * 60_000),
    attribution,
    day,
    collection: settings.collection,
    spendingCeilingCents: settings.spendingCeilingCents,
    locale: input.locale,
    record: { donor, provider: provider.name, planId },
  });
  // What the law refuses whoever gives is refused before the donor's person is written.
  refuseOutright(intake(0, null));
  if (donor.phone.trim() && !normalizePhone(donor.phone))
    throw invalidFields([
      { field: 'donor.phone', code: 'invalid_phone', message: 'Enter a valid phone number.' },
    ]);
  const giving = {
    email: donor.email,
    firstName: donor.firstName,
    lastName: donor.lastName,
    phone: donor.phone,
    addressStreet: donor.addressLine1,
    addressComplement: donor.addressLine2,
    postalCode: donor.postalCode,
    communeName: donor.commune,
    communeCode: communeCodeOf(ctx, donor),
    locale: input.locale,
  };
  let donationId: number;
  let plan: Awaited<ReturnType<typeof openPlan>> | null = null;
  if (input.frequency === 'monthly') {
    const person = await personGiving(ctx, giving);
    plan = await openPlan(ctx, {
      personId: person.id,
      amountCents,
      day,
      provider: provider.name,
      donor,
      locale: input.locale,
      attribution,
    });
    const opened = plan;
    donationId = await takeGift(ctx, intake(person.id, opened.id)).catch(async (error: unknown) => {
      await opened.discard();
      throw error;
    });
  } else {
    // The common case, batched with the gifts arriving at the same moment (gift-writer.ts).
    const { personId: _none, ...gift } = intake(0, null);
    donationId = await takeOnlineGift(ctx, { donor: giving, gift });
  }
  let checkout;
  try {
    checkout = await provider.startCheckout({
      donationId,
      amountCents,
      description:
        input.locale === 'en' ? `Gift to ${settings.beneficiary}` : `Don à ${settings.beneficiary}`,
      email: donor.email,
      locale: input.locale,
      successUrl: returnTo.success,
      cancelUrl: returnTo.cancel,
      expiresAt,
      savedFor: plan ? { planId: plan.id, customerRef: null } : undefined,
    });
  } catch (error) {
    ctx.log.error({ err: error, donationId }, 'the payment provider did not open a checkout');
    await releaseGift(ctx, donationId, 'failed');
    throw new AppError(502, 'payments_unavailable', unavailable[input.locale]);
  }
  // The development page finds its gift by the id its signed address carries.
  if (provider.name === 'development') return { donationId, redirectUrl: checkout.redirectUrl };
  await runSql(
    ctx.database,
    sql`UPDATE donations SET payment_ref = ${checkout.paymentRef},
                             pending_until = ${new Date(checkout.expiresAt.getTime() + PENDING_GRACE_MINUTES * 60_000).toISOString()},
                             updated_at = now()
         WHERE campaign_id = ${ctx.campaignId} AND id = ${donationId}`,
  );
  return { donationId, redirectUrl: checkout.redirectUrl };
}

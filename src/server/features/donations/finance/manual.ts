import { frenchOrResidentByFacts } from '../../../../contracts/donation-law.ts';
import type { ManualGift } from '../../../../contracts/donations-finance.ts';
import { audit } from '../../../core/audit.ts';
import type { AppContext } from '../../../core/context.ts';
import { AppError } from '../../../core/http/errors.ts';
import { personGiving } from '../../people/directory.ts';
import { typedAmount } from '../giving.ts';
import { tellGiftPaid } from '../../conversions.ts';
import { takeGiftOn, type GiftIntake } from '../ledger.ts';
import { capKeyOf, donationSettings } from '../settings.ts';
import { financeGift } from './gifts.ts';

/**
 * A cheque, transfer or cash gift the finance officer records: the same law as online (the
 * cap counted with every other gift of the donor, cash at most 150 EUR and the campaign's cash
 * limit, the collection period on the day it was given), written as received. Audited.
 */
export async function recordManualGift(
  ctx: AppContext,
  gift: ManualGift,
  actorId: number,
  ip: string,
) {
  const settings = await donationSettings(ctx);
  if (!settings.beneficiary)
    throw new AppError(
      409,
      'donations_not_configured',
      'Set the donation settings (mode, beneficiary, financial agent) before recording gifts.',
    );
  const amountCents = typedAmount(gift.amount, 'fr');
  const donor = { ...gift.donor, electedOffice: '' };
  const person = await personGiving(ctx, {
    email: donor.email,
    firstName: donor.firstName,
    lastName: donor.lastName,
    phone: donor.phone,
    addressStreet: donor.addressLine1,
    addressComplement: donor.addressLine2,
    postalCode: donor.postalCode,
    communeName: donor.commune,
    communeCode: null,
    locale: 'fr',
  });
  const meansDetail: Record<string, string> =
    gift.means === 'cheque'
      ? { bank: gift.bank, chequeNumber: gift.chequeNumber }
      : gift.means === 'transfer'
        ? { reference: gift.reference }
        : {};
  const intake: GiftIntake = {
    personId: person.id,
    mode: settings.mode,
    capKey: capKeyOf(settings, gift.givenOn),
    amountCents,
    means: gift.means,
    attestations: {
      naturalPerson: gift.naturalPerson,
      frenchOrResident: gift.frenchOrResident && frenchOrResidentByFacts(gift.donor),
    },
    status: 'succeeded',
    day: gift.givenOn,
    collection: settings.collection,
    spendingCeilingCents: settings.spendingCeilingCents,
    locale: 'fr',
    record: { kind: gift.kind, donor, meansDetail, provider: 'manual', recordedBy: actorId },
  };
  // Received as it is recorded: told as every paid gift is, in the same transaction.
  const donationId = await ctx.database.transaction(async (query) => {
    const id = await takeGiftOn(ctx, query, intake);
    await tellGiftPaid(query, ctx, {
      donationId: id,
      personId: person.id,
      kind: gift.kind,
      amountCents,
      means: gift.means,
    });
    return id;
  });
  await audit(ctx.database, {
    campaignId: ctx.campaignId,
    actorId,
    action: 'donations.record',
    target: `donation:${donationId}`,
    details: { means: gift.means, amountCents, personId: person.id },
    ip,
  });
  return (await financeGift(ctx, donationId))!;
}

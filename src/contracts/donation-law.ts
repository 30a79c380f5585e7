/**
 * French political-finance law as pure functions, in euro cents (integers: no float ever
 * holds money). Shared by the server, which decides, and the donation page, which previews.
 * Each rule names its article; docs/legal-rules.md lists them.
 */

/** Candidate campaign (financial agent, Code électoral L52-8) or party (loi 88-227 art. 11-4). */
export type DonationMode = 'candidate' | 'party';

export type PaymentMeans = 'card' | 'direct_debit' | 'transfer' | 'cheque' | 'cash';

/** L52-8: 4,600 EUR per donor per election, all of that donor's gifts included. */
export const CANDIDATE_CAP_CENTS = 460_000;
/** Loi 88-227 art. 11-4: 7,500 EUR per person per calendar year, gifts and dues together. */
export const PARTY_CAP_CENTS = 750_000;
/** L52-8 and loi 88-227 art. 11-4: above 150 EUR, only cheque, transfer, card or debit. */
export const CASH_MAX_CENTS = 15_000;
/**
 * L52-8: a candidate's cash gifts together may not pass 20% of the authorised spending
 * when that ceiling is 15,000 EUR or more.
 */
export const CASH_SHARE_OF_CEILING = 0.2;
export const CASH_SHARE_FROM_CEILING_CENTS = 1_500_000;
/** Code général des impôts art. 200: 66% of the gift, within 20% of the taxable income. */
export const TAX_REDUCTION_RATE = 0.66;
export const TAX_REDUCTION_INCOME_SHARE = 0.2;
/** Above this a typed amount is taken for a mistake, whatever the cap (a field error). */
export const ABSURD_AMOUNT_CENTS = 100_000_000;

export const capOf = (mode: DonationMode) =>
  mode === 'candidate' ? CANDIDATE_CAP_CENTS : PARTY_CAP_CENTS;

/** What the law asks the donor to state (L52-8: natural person; French or living in France). */
export interface DonorAttestations {
  naturalPerson: boolean;
  frenchOrResident: boolean;
}

/**
 * L52-8 by what the donor says of themselves: French, or living in France (their tax address
 * there, overseas départements included). Both the attestation and this must hold.
 */
export const frenchOrResidentByFacts = (donor: { nationality: string; country: string }) =>
  donor.nationality === 'FR' || donor.country === 'FR';

export interface GiftToCheck {
  mode: DonationMode;
  amountCents: number;
  means: PaymentMeans;
  /**
   * The donor's gifts already counted against the cap: this election's (candidate) or this
   * calendar year's (party), one-off, monthly, cheques and cash, pending card payments included.
   */
  countedCents: number;
  attestations: DonorAttestations;
  /** Cash already received by the campaign, and its spending ceiling (L52-11), for cash gifts. */
  campaignCashCents?: number;
  spendingCeilingCents?: number | null;
  /** The collection period of the election (candidate mode); a gift outside it is refused. */
  collection?: { opensOn: string; closesOn: string } | null;
  /** The gift's day, YYYY-MM-DD in the campaign's time zone. */
  day: string;
}

/** Why a gift is refused: a stable code and the figures its sentence needs. */
export type GiftRefusal =
  | { code: 'invalid_amount' }
  | { code: 'not_natural_person' }
  | { code: 'not_french_nor_resident' }
  | { code: 'outside_collection_period'; opensOn: string; closesOn: string }
  | { code: 'cash_above_150'; amountCents: number }
  | { code: 'campaign_cash_limit'; limitCents: number; campaignCashCents: number }
  | {
      code: 'above_cap';
      mode: DonationMode;
      totalCents: number;
      capCents: number;
      leftCents: number;
    };

export const isValidAmount = (cents: number) =>
  Number.isSafeInteger(cents) && cents > 0 && cents <= ABSURD_AMOUNT_CENTS;

/** The campaign's cash limit in cents, or null when the law sets none (a small ceiling). */
export function campaignCashLimit(spendingCeilingCents: number | null | undefined): number | null {
  if (spendingCeilingCents == null || spendingCeilingCents < CASH_SHARE_FROM_CEILING_CENTS)
    return null;
  return Math.floor(spendingCeilingCents * CASH_SHARE_OF_CEILING);
}

/** Every refusal the law gives this gift, the most basic first; none means it may be taken. */
export function giftRefusals(gift: GiftToCheck): GiftRefusal[] {
  if (!isValidAmount(gift.amountCents)) return [{ code: 'invalid_amount' }];
  const refusals: GiftRefusal[] = [];
  if (!gift.attestations.naturalPerson) refusals.push({ code: 'not_natural_person' });
  if (!gift.attestations.frenchOrResident) refusals.push({ code: 'not_french_nor_resident' });
  const period = gift.mode === 'candidate' ? gift.collection : null;
  if (period && (gift.day < period.opensOn || gift.day > period.closesOn)) {
    refusals.push({ code: 'outside_collection_period', ...period });
  }
  if (gift.means === 'cash') {
    if (gift.amountCents > CASH_MAX_CENTS)
      refusals.push({ code: 'cash_above_150', amountCents: gift.amountCents });
    const limit = gift.mode === 'candidate' ? campaignCashLimit(gift.spendingCeilingCents) : null;
    const cash = gift.campaignCashCents ?? 0;
    if (limit !== null && cash + gift.amountCents > limit) {
      refusals.push({ code: 'campaign_cash_limit', limitCents: limit, campaignCashCents: cash });
    }
  }
  const capCents = capOf(gift.mode);
  const totalCents = gift.countedCents + gift.amountCents;
  if (totalCents > capCents) {
    refusals.push({
      code: 'above_cap',
      mode: gift.mode,
      totalCents,
      capCents,
      leftCents: Math.max(0, capCents - gift.countedCents),
    });
  }
  return refusals;
}

/**
 * The income-tax reduction a gift gives (CGI art. 200): 66%, rounded down to the cent; with
 * the taxable income known, within 20% of it (the rest carries over five years, not shown).
 */
export function taxReductionCents(amountCents: number, taxableIncomeCents?: number): number {
  const base =
    taxableIncomeCents === undefined
      ? amountCents
      : Math.min(amountCents, Math.floor(taxableIncomeCents * TAX_REDUCTION_INCOME_SHARE));
  return Math.floor(base * TAX_REDUCTION_RATE);
}

/**
 * An amount as a person types it ("50", "12,5", "1 234,56 €", "12.50") in cents; null when it
 * is not an amount of euros and cents (three decimals, a sign, letters, nothing).
 */
export function parseEuros(typed: string): number | null {
  const compact = typed.replace(/[\s\u00a0\u202f]/g, '').replace(/€$/, '');
  const match = /^(\d{1,9})(?:[.,](\d{1,2}))?$/.exec(compact);
  if (!match) return null;
  const cents = Number(match[1]) * 100 + Number((match[2] ?? '').padEnd(2, '0'));
  return Number.isSafeInteger(cents) ? cents : null;
}

/** Cents as euros for people: "4 750 €", "12,50 €" (fr) or "€4,750", "€12.50" (en). */
export function formatEuros(cents: number, locale: 'fr' | 'en'): string {
  return new Intl.NumberFormat(locale === 'en' ? 'en-GB' : 'fr-FR', {
    style: 'currency',
    currency: 'EUR',
    minimumFractionDigits: cents % 100 === 0 ? 0 : 2,
    maximumFractionDigits: 2,
  }).format(cents / 100);
}

const sentences = {
  fr: {
    invalid_amount: () =>
      'Indiquez un montant en euros, supérieur à zéro, avec au plus deux décimales.',
    not_natural_person: () =>
      'Seule une personne physique peut donner : une entreprise, une association ou toute autre personne morale ne le peut pas (article L52-8 du Code électoral).',
    not_french_nor_resident: () =>
      'Pour donner, il faut être de nationalité française ou résider en France (article L52-8 du Code électoral).',
    outside_collection_period: (r: Extract<GiftRefusal, { code: 'outside_collection_period' }>) =>
      `Les dons ne peuvent être reçus que du ${r.opensOn} au ${r.closesOn}, période de collecte de cette élection.`,
    cash_above_150: (r: Extract<GiftRefusal, { code: 'cash_above_150' }>, f: Fmt) =>
      `Un don en espèces ne peut dépasser 150 € (celui-ci est de ${f(r.amountCents)}) : au-delà, par chèque, virement, carte ou prélèvement.`,
    campaign_cash_limit: (r: Extract<GiftRefusal, { code: 'campaign_cash_limit' }>, f: Fmt) =>
      `Les dons en espèces de la campagne ne peuvent dépasser ${f(r.limitCents)} (20 % du plafond des dépenses) ; ${f(r.campaignCashCents)} ont déjà été reçus.`,
    above_cap: (r: Extract<GiftRefusal, { code: 'above_cap' }>, f: Fmt) =>
      `Ce don porterait votre total ${r.mode === 'candidate' ? 'pour cette élection' : 'pour cette année'} à ${f(r.totalCents)} ; le maximum légal est de ${f(r.capCents)}${r.leftCents > 0 ? `. Vous pouvez encore donner ${f(r.leftCents)}.` : '.'}`,
  },
  en: {
    invalid_amount: () => 'Enter an amount in euros, above zero, with at most two decimals.',
    not_natural_person: () =>
      'Only a natural person may give: a company, an association or any other legal person may not (Code électoral, article L52-8).',
    not_french_nor_resident: () =>
      'To give, you must be a French national or live in France (Code électoral, article L52-8).',
    outside_collection_period: (r: Extract<GiftRefusal, { code: 'outside_collection_period' }>) =>
      `Gifts may only be received from ${r.opensOn} to ${r.closesOn}, this election's collection period.`,
    cash_above_150: (r: Extract<GiftRefusal, { code: 'cash_above_150' }>, f: Fmt) =>
      `A cash gift may not be more than €150 (this one is ${f(r.amountCents)}): above that, by cheque, transfer, card or direct debit.`,
    campaign_cash_limit: (r: Extract<GiftRefusal, { code: 'campaign_cash_limit' }>, f: Fmt) =>
      `The campaign's cash gifts may not pass ${f(r.limitCents)} (20% of its spending ceiling); ${f(r.campaignCashCents)} were already received.`,
    above_cap: (r: Extract<GiftRefusal, { code: 'above_cap' }>, f: Fmt) =>
      `This gift would bring your total ${r.mode === 'candidate' ? 'for this election' : 'for this year'} to ${f(r.totalCents)}; the legal maximum is ${f(r.capCents)}${r.leftCents > 0 ? `. You may still give ${f(r.leftCents)}.` : '.'}`,
  },
};
type Fmt = (cents: number) => string;

/** A refusal in words a donor understands, with the figures that make it. */
export function refusalText(refusal: GiftRefusal, locale: 'fr' | 'en'): string {
  const f: Fmt = (cents) => formatEuros(cents, locale);
  const say = sentences[locale][refusal.code] as (r: GiftRefusal, f: Fmt) => string;
  return say(refusal, f);
}

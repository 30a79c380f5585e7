import { describe, expect, it } from 'vitest';
import {
  campaignCashLimit,
  formatEuros,
  giftRefusals,
  parseEuros,
  refusalText,
  taxReductionCents,
  type GiftToCheck,
} from './donation-law.ts';

const gift = (overrides: Partial<GiftToCheck> = {}): GiftToCheck => ({
  mode: 'candidate',
  amountCents: 5_000,
  means: 'card',
  countedCents: 0,
  attestations: { naturalPerson: true, frenchOrResident: true },
  day: '2027-03-01',
  ...overrides,
});

const codes = (g: GiftToCheck) => giftRefusals(g).map((r) => r.code);
/** Intl puts narrow and non-breaking spaces in French amounts: compared as plain spaces. */
const plain = (text: string) => text.replace(/[\u00a0\u202f]/g, ' ');

describe('the donation law', () => {
  it('takes 4,600 EUR from one donor for an election, and refuses one cent more, whatever the means', () => {
    expect(codes(gift({ amountCents: 460_000 }))).toEqual([]);
    expect(codes(gift({ amountCents: 460_001 }))).toEqual(['above_cap']);
    // One-off, monthly and cheques already counted: what is left, to the cent.
    expect(codes(gift({ countedCents: 300_000, amountCents: 160_000, means: 'cheque' }))).toEqual(
      [],
    );
    const over = giftRefusals(gift({ countedCents: 300_000, amountCents: 160_001 }));
    expect(over).toEqual([
      {
        code: 'above_cap',
        mode: 'candidate',
        totalCents: 460_001,
        capCents: 460_000,
        leftCents: 160_000,
      },
    ]);
  });

  it('counts a party donor per calendar year up to 7,500 EUR', () => {
    expect(codes(gift({ mode: 'party', countedCents: 700_000, amountCents: 50_000 }))).toEqual([]);
    expect(codes(gift({ mode: 'party', countedCents: 700_000, amountCents: 50_001 }))).toEqual([
      'above_cap',
    ]);
  });

  it('says a refusal with its figures, in words', () => {
    const [refusal] = giftRefusals(gift({ countedCents: 400_000, amountCents: 75_000 }));
    expect(plain(refusalText(refusal!, 'en'))).toBe(
      'This gift would bring your total for this election to €4,750; the legal maximum is €4,600. You may still give €600.',
    );
    expect(plain(refusalText(refusal!, 'fr'))).toBe(
      'Ce don porterait votre total pour cette élection à 4 750 € ; le maximum légal est de 4 600 €. Vous pouvez encore donner 600 €.',
    );
    const [full] = giftRefusals(gift({ mode: 'party', countedCents: 750_000, amountCents: 1 }));
    expect(plain(refusalText(full!, 'fr'))).toBe(
      'Ce don porterait votre total pour cette année à 7 500,01 € ; le maximum légal est de 7 500 €.',
    );
  });

  it('takes cash up to 150 EUR a gift, and within 20% of a ceiling of 15,000 EUR or more', () => {
    expect(codes(gift({ means: 'cash', amountCents: 15_000 }))).toEqual([]);
    expect(codes(gift({ means: 'cash', amountCents: 15_001 }))).toEqual(['cash_above_150']);
    expect(codes(gift({ means: 'card', amountCents: 15_001 }))).toEqual([]);
    expect(campaignCashLimit(null)).toBeNull();
    expect(campaignCashLimit(1_499_999)).toBeNull();
    expect(campaignCashLimit(1_500_000)).toBe(300_000);
    const cash = { means: 'cash' as const, amountCents: 10_000, spendingCeilingCents: 5_000_000 };
    expect(codes(gift({ ...cash, campaignCashCents: 990_000 }))).toEqual([]);
    expect(codes(gift({ ...cash, campaignCashCents: 990_001 }))).toEqual(['campaign_cash_limit']);
    // A party's cash is limited per gift only.
    expect(codes(gift({ ...cash, mode: 'party', campaignCashCents: 990_001 }))).toEqual([]);
  });

  it('refuses legal persons, donors neither French nor resident, and gifts outside the collection period', () => {
    expect(codes(gift({ attestations: { naturalPerson: false, frenchOrResident: true } }))).toEqual(
      ['not_natural_person'],
    );
    expect(codes(gift({ attestations: { naturalPerson: true, frenchOrResident: false } }))).toEqual(
      ['not_french_nor_resident'],
    );
    const collection = { opensOn: '2026-09-01', closesOn: '2027-03-14' };
    expect(codes(gift({ collection, day: '2026-09-01' }))).toEqual([]);
    expect(codes(gift({ collection, day: '2027-03-14' }))).toEqual([]);
    expect(codes(gift({ collection, day: '2027-03-15' }))).toEqual(['outside_collection_period']);
    expect(codes(gift({ collection, day: '2026-08-31', mode: 'party' }))).toEqual([]);
  });

  it('refuses amounts that are not euros and cents', () => {
    for (const cents of [0, -100, 12.5, Number.NaN, 100_000_001]) {
      expect(codes(gift({ amountCents: cents }))).toEqual(['invalid_amount']);
    }
    expect(parseEuros('50')).toBe(5_000);
    expect(parseEuros('12,5')).toBe(1_250);
    expect(parseEuros('12.50')).toBe(1_250);
    expect(parseEuros('1 234,56 €')).toBe(123_456);
    expect(parseEuros('4\u202f600')).toBe(460_000);
    for (const typed of ['', '-5', '12,345', '1e3', 'cinquante', '12,', ',5', '0x10']) {
      expect(parseEuros(typed)).toBeNull();
    }
  });

  it('previews the tax reduction: 66%, within 20% of the taxable income when known', () => {
    expect(taxReductionCents(10_000)).toBe(6_600);
    expect(taxReductionCents(333)).toBe(219);
    expect(taxReductionCents(460_000, 1_000_000)).toBe(132_000);
    expect(plain(formatEuros(6_600, 'fr'))).toBe('66 €');
    expect(formatEuros(1_250, 'en')).toBe('€12.50');
  });
});

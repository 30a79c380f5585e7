import { describe, expect, it } from 'vitest';
import type { PaymentMeans } from '../../../../contracts/donation-law.ts';
import {
  acknowledgementDocument,
  amountInFigures,
  dayInWords,
  type AcknowledgementBlock,
  type AcknowledgementInput,
} from './document.ts';
import { sampleAcknowledgement as sample } from './fixtures.ts';

const nb = '\u00a0';
const fieldOf = (blocks: AcknowledgementBlock[], label: string) => {
  const found = blocks.find((b) => b.kind === 'field' && b.label === label);
  return found?.kind === 'field' ? found : undefined;
};
const allText = (blocks: AcknowledgementBlock[]) =>
  blocks
    .flatMap((b) =>
      b.kind === 'header'
        ? [b.campaignName, b.reference]
        : b.kind === 'field'
          ? [b.label, ...b.lines]
          : b.kind === 'rule'
            ? []
            : [b.text],
    )
    .join('\n');
const fr = (overrides: Partial<AcknowledgementInput> = {}) =>
  acknowledgementDocument({ ...sample, ...overrides }, 'fr');
const en = (overrides: Partial<AcknowledgementInput> = {}) =>
  acknowledgementDocument({ ...sample, ...overrides }, 'en');

describe('amounts in figures', () => {
  it.each([
    [460_000, `4${nb}600,00${nb}€`, '€4,600.00'],
    [5025, `50,25${nb}€`, '€50.25'],
    [1, `0,01${nb}€`, '€0.01'],
    [100_000_000, `1${nb}000${nb}000,00${nb}€`, '€1,000,000.00'],
  ])('%i cents → %s, %s', (cents, french, english) => {
    expect(amountInFigures(cents, 'fr')).toBe(french);
    expect(amountInFigures(cents, 'en')).toBe(english);
  });
});

describe('days in words', () => {
  it.each([
    ['2026-12-04', '4 décembre 2026', '4 December 2026'],
    ['2026-12-01', '1er décembre 2026', '1 December 2026'],
    ['2027-02-28', '28 février 2027', '28 February 2027'],
    ['2027-08-15', '15 août 2027', '15 August 2027'],
  ])('%s', (day, french, english) => {
    expect(dayInWords(day, 'fr')).toBe(french);
    expect(dayInWords(day, 'en')).toBe(english);
  });

  it.each(['2026-13-01', '2026-00-10', '2026-12-00', '4/12/2026', ''])('refuses %j', (day) => {
    expect(() => dayInWords(day, 'fr')).toThrow(RangeError);
  });
});

describe('the acknowledgement in French', () => {
  const doc = fr();

  it('reads in order: header, rule, title, introduction, fields, rule, reduction, notice', () => {
    expect(doc.blocks.map((b) => (b.kind === 'field' ? b.label : b.kind))).toEqual([
      'header',
      'rule',
      'title',
      'paragraph',
      'Bénéficiaire',
      'Mandataire financier',
      'Date de désignation',
      'Donateur',
      'Montant',
      'Montant en lettres',
      'Date du don',
      'Mode de versement',
      'rule',
      'paragraph',
      'notice',
    ]);
    expect(doc.blocks[0]).toEqual({
      kind: 'header',
      campaignName: 'Lyon en commun',
      reference: `Don n°${nb}4217`,
    });
    expect(doc.blocks[2]).toEqual({ kind: 'title', text: 'Accusé de réception de votre don' });
    expect(doc.blocks[3]).toEqual({
      kind: 'paragraph',
      text: 'Le mandataire financier de Camille Lefèvre accuse réception du don décrit ci-dessous et vous en remercie.',
    });
  });

  it('names the beneficiary, the financial agent and the day of their designation', () => {
    expect(fieldOf(doc.blocks, 'Bénéficiaire')?.lines).toEqual([
      'Camille Lefèvre',
      'Campagne électorale',
    ]);
    expect(fieldOf(doc.blocks, 'Mandataire financier')?.lines).toEqual([
      'Association de financement Lyon en commun',
      '12 rue de la République',
      '69002 Lyon',
    ]);
    expect(fieldOf(doc.blocks, 'Date de désignation')?.lines).toEqual(['12 mars 2026']);
  });

  it('names the donor with their address, no country for France', () => {
    expect(fieldOf(doc.blocks, 'Donateur')?.lines).toEqual([
      'Mme Hélène Dubois',
      '3 place Bellecour',
      'Bâtiment B',
      '69002 Lyon',
    ]);
  });

  it('gives the amount in figures (standing out) and in words, the day and the means', () => {
    expect(fieldOf(doc.blocks, 'Montant')).toEqual({
      kind: 'field',
      label: 'Montant',
      lines: [`4${nb}600,00${nb}€`],
      strong: true,
    });
    expect(fieldOf(doc.blocks, 'Montant en lettres')?.lines).toEqual([
      'quatre mille six cents euros',
    ]);
    expect(fieldOf(doc.blocks, 'Date du don')?.lines).toEqual(['4 décembre 2026']);
    expect(fieldOf(doc.blocks, 'Mode de versement')?.lines).toEqual(['carte bancaire']);
  });

  it('previews the tax reduction: 66 %, within 20 % of the taxable income, CGI art. 200', () => {
    expect(doc.blocks.at(-2)).toEqual({
      kind: 'paragraph',
      text: `Ce don ouvre droit à une réduction d'impôt sur le revenu égale à 66${nb}% de son montant, soit 3${nb}036,00${nb}€, dans la limite de 20${nb}% du revenu imposable (article 200 du Code général des impôts).`,
    });
    const small = fr({ amountCents: 5025 }).blocks.at(-2);
    // 66% of 50.25 EUR is 33.165 EUR: the reduction is rounded down to the cent.
    expect(small?.kind === 'paragraph' && small.text).toContain(`soit 33,16${nb}€`);
  });

  it('says it is not the tax receipt, which follows on the CNCCFP numbered form', () => {
    expect(doc.blocks.at(-1)).toEqual({
      kind: 'notice',
      text: "Ce document accuse réception de votre don ; ce n'est pas le reçu fiscal. Le reçu officiel, qui justifie la réduction d'impôt, vous sera adressé sur le formulaire numéroté de la Commission nationale des comptes de campagne et des financements politiques (CNCCFP).",
    });
  });

  it('has a title and an author for the PDF', () => {
    expect(doc.title).toBe(`Accusé de réception du don n°${nb}4217 – Lyon en commun`);
    expect(doc.author).toBe('Camille Lefèvre');
  });

  it.each<[PaymentMeans, string, string]>([
    ['card', 'carte bancaire', 'bank card'],
    ['cheque', 'chèque', 'cheque'],
    ['transfer', 'virement', 'bank transfer'],
    ['direct_debit', 'prélèvement', 'direct debit'],
    ['cash', 'espèces', 'cash'],
  ])('writes the means %s in words', (means, french, english) => {
    expect(fieldOf(fr({ means }).blocks, 'Mode de versement')?.lines).toEqual([french]);
    expect(fieldOf(en({ means }).blocks, 'Means of payment')?.lines).toEqual([english]);
  });

  it('says which instalment of a monthly gift it acknowledges', () => {
    const monthly = fr({ monthly: true, means: 'direct_debit', amountCents: 2000 });
    expect(monthly.blocks[3]).toEqual({
      kind: 'paragraph',
      text: "Le mandataire financier de Camille Lefèvre accuse réception du don décrit ci-dessous et vous en remercie. Il s'agit de l'échéance du 4 décembre 2026 de votre don mensuel.",
    });
    expect(fieldOf(monthly.blocks, 'Mode de versement')?.lines).toEqual([
      'prélèvement, don mensuel',
    ]);
    expect(fieldOf(monthly.blocks, 'Montant en lettres')?.lines).toEqual(['vingt euros']);
  });

  it('names a party, leaves out an unknown designation day and an empty address line', () => {
    const party = fr({
      mode: 'party',
      beneficiary: 'Parti des communs',
      agent: { ...sample.agent, designatedOn: null },
      donor: { ...sample.donor, civility: 'M', firstName: 'Jean', addressLine2: '  ' },
    });
    expect(fieldOf(party.blocks, 'Bénéficiaire')?.lines).toEqual([
      'Parti des communs',
      'Parti ou groupement politique',
    ]);
    expect(fieldOf(party.blocks, 'Date de désignation')).toBeUndefined();
    expect(fieldOf(party.blocks, 'Donateur')?.lines).toEqual([
      'M. Jean Dubois',
      '3 place Bellecour',
      '69002 Lyon',
    ]);
    expect(party.author).toBe('Parti des communs');
  });

  it('ends an address abroad with its country, and names a donor with no civility', () => {
    const abroad = fr({
      donor: {
        ...sample.donor,
        civility: null,
        postalCode: '1000',
        commune: 'Bruxelles',
        country: 'BE',
      },
    });
    expect(fieldOf(abroad.blocks, 'Donateur')?.lines).toEqual([
      'Hélène Dubois',
      '3 place Bellecour',
      'Bâtiment B',
      '1000 Bruxelles',
      'Belgique',
    ]);
    expect(
      fieldOf(en({ donor: { ...sample.donor, country: 'BE' } }).blocks, 'Donor')?.lines.at(-1),
    ).toBe('Belgium');
  });

  it('holds no narrow no-break space, which the standard PDF fonts cannot draw', () => {
    for (const cents of [1, 5025, 460_000, 100_000_000]) {
      expect(allText(fr({ amountCents: cents }).blocks)).not.toMatch(/[\u202f\u2009]/);
    }
  });
});

describe('the acknowledgement in English', () => {
  const doc = en();

  it('says the same in English', () => {
    expect(doc.blocks.map((b) => (b.kind === 'field' ? b.label : b.kind))).toEqual([
      'header',
      'rule',
      'title',
      'paragraph',
      'Beneficiary',
      'Financial agent',
      'Designated on',
      'Donor',
      'Amount',
      'Amount in words',
      'Date of gift',
      'Means of payment',
      'rule',
      'paragraph',
      'notice',
    ]);
    expect(doc.title).toBe(`Acknowledgement of gift no.${nb}4217 – Lyon en commun`);
    expect(fieldOf(doc.blocks, 'Donor')?.lines[0]).toBe('Ms Hélène Dubois');
    expect(fieldOf(doc.blocks, 'Amount')?.lines).toEqual(['€4,600.00']);
    expect(fieldOf(doc.blocks, 'Amount in words')?.lines).toEqual([
      'four thousand six hundred euros',
    ]);
    expect(fieldOf(doc.blocks, 'Date of gift')?.lines).toEqual(['4 December 2026']);
    expect(fieldOf(doc.blocks, 'Designated on')?.lines).toEqual(['12 March 2026']);
    expect(doc.blocks.at(-2)).toEqual({
      kind: 'paragraph',
      text: 'This gift gives a reduction of income tax equal to 66% of its amount, that is €3,036.00, within 20% of the taxable income (Code général des impôts, article 200).',
    });
    const notice = doc.blocks.at(-1);
    expect(notice?.kind === 'notice' && notice.text).toMatch(
      /^This document acknowledges your gift; it is not the tax receipt\. .*numbered form of the Commission nationale des comptes de campagne et des financements politiques \(CNCCFP/,
    );
  });
});

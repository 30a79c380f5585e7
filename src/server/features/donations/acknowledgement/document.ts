/**
 * What the donor's acknowledgement says, as data: the blocks in reading order, in French or
 * English, with no layout. The PDF (pdf.ts) draws them; tests read them.
 *
 * The acknowledgement is sent the moment a gift succeeds. It is not the tax receipt: that is
 * the numbered form of the CNCCFP, which the financial agent issues later, and the text says so.
 */
import type { Locale } from '../../../../contracts/common.ts';
import {
  TAX_REDUCTION_INCOME_SHARE,
  TAX_REDUCTION_RATE,
  taxReductionCents,
  type DonationMode,
  type PaymentMeans,
} from '../../../../contracts/donation-law.ts';
import type { DonorIdentity } from '../../../../contracts/donations.ts';
import { amountInWords } from './amount-in-words.ts';

export interface AcknowledgementInput {
  campaignName: string;
  /** The candidate or the party the gift goes to. */
  beneficiary: string;
  /** The financial agent (mandataire financier); `address` may hold several lines. */
  agent: { name: string; designatedOn: string | null; address: string };
  donor: Pick<
    DonorIdentity,
    | 'civility'
    | 'firstName'
    | 'lastName'
    | 'addressLine1'
    | 'addressLine2'
    | 'postalCode'
    | 'commune'
    | 'country'
  >;
  donationId: number;
  /** YYYY-MM-DD in the campaign's time zone. */
  givenOn: string;
  amountCents: number;
  means: PaymentMeans;
  mode: DonationMode;
  /** This gift is one instalment of a monthly gift. */
  monthly: boolean;
}

export type AcknowledgementBlock =
  | { kind: 'header'; campaignName: string; reference: string }
  | { kind: 'rule' }
  | { kind: 'title'; text: string }
  | { kind: 'paragraph'; text: string }
  /** A label and its value, one or more lines; `strong` values stand out (the amount). */
  | { kind: 'field'; label: string; lines: string[]; strong: boolean }
  /** The sentence that this is not the tax receipt, set apart. */
  | { kind: 'notice'; text: string };

export interface AcknowledgementDocument {
  /** For the PDF's metadata and the mail's subject. */
  title: string;
  author: string;
  blocks: AcknowledgementBlock[];
}

/** No-break space: French puts it inside and after figures; pdfkit's standard fonts draw it. */
const NBSP = '\u00a0';

const figureFormat = (tag: string) =>
  new Intl.NumberFormat(tag, {
    style: 'currency',
    currency: 'EUR',
    minimumFractionDigits: 2,
    maximumFractionDigits: 2,
  });
const figures = { fr: figureFormat('fr-FR'), en: figureFormat('en-GB') };

/**
 * Cents in figures with both decimals, as a receipt writes them: "4 600,00 €", "€4,600.00".
 * French groups take a no-break space (not Intl's narrow one, U+202F, which the standard
 * PDF fonts cannot draw), so an amount never breaks across lines.
 */
export function amountInFigures(cents: number, locale: Locale): string {
  return figures[locale].format(cents / 100).replace(/[\u202f\u00a0 ]/g, NBSP);
}
const MONTHS = {
  fr: 'janvier février mars avril mai juin juillet août septembre octobre novembre décembre',
  en: 'January February March April May June July August September October November December',
};

/** "1er décembre 2026", "4 December 2026" from YYYY-MM-DD (a calendar day: no time zone). */
export function dayInWords(day: string, locale: Locale): string {
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(day);
  const month = match ? MONTHS[locale].split(' ')[Number(match[2]) - 1] : undefined;
  const date = match ? Number(match[3]) : 0;
  if (!match || !month || date < 1 || date > 31) throw new RangeError(`not a day: ${day}`);
  const ordinal = locale === 'fr' && date === 1 ? '1er' : String(date);
  return `${ordinal} ${month} ${match[1]}`;
}

const text = {
  fr: {
    reference: (id: number) => `Don n°${NBSP}${id}`,
    title: 'Accusé de réception de votre don',
    intro: (beneficiary: string) =>
      `Le mandataire financier de ${beneficiary} accuse réception du don décrit ci-dessous et vous en remercie.`,
    instalment: (day: string) => ` Il s'agit de l'échéance du ${day} de votre don mensuel.`,
    beneficiary: 'Bénéficiaire',
    modes: { candidate: 'Campagne électorale', party: 'Parti ou groupement politique' },
    agent: 'Mandataire financier',
    designatedOn: 'Date de désignation',
    donor: 'Donateur',
    amount: 'Montant',
    amountInWords: 'Montant en lettres',
    givenOn: 'Date du don',
    means: 'Mode de versement',
    meansNames: {
      card: 'carte bancaire',
      direct_debit: 'prélèvement',
      transfer: 'virement',
      cheque: 'chèque',
      cash: 'espèces',
    },
    monthly: 'don mensuel',
    civility: { M: 'M.', Mme: 'Mme' },
    percent: (rate: number) => `${Math.round(rate * 100)}${NBSP}%`,
    reduction: (rate: string, reduction: string, share: string) =>
      `Ce don ouvre droit à une réduction d'impôt sur le revenu égale à ${rate} de son montant, soit ${reduction}, dans la limite de ${share} du revenu imposable (article 200 du Code général des impôts).`,
    notice:
      "Ce document accuse réception de votre don ; ce n'est pas le reçu fiscal. Le reçu officiel, qui justifie la réduction d'impôt, vous sera adressé sur le formulaire numéroté de la Commission nationale des comptes de campagne et des financements politiques (CNCCFP).",
    documentTitle: (id: number, campaign: string) =>
      `Accusé de réception du don n°${NBSP}${id} – ${campaign}`,
  },
  en: {
    reference: (id: number) => `Gift no.${NBSP}${id}`,
    title: 'Acknowledgement of your gift',
    intro: (beneficiary: string) =>
      `The financial agent of ${beneficiary} acknowledges receipt of the gift described below, with thanks.`,
    instalment: (day: string) => ` This is the ${day} instalment of your monthly gift.`,
    beneficiary: 'Beneficiary',
    modes: { candidate: 'Election campaign', party: 'Political party or group' },
    agent: 'Financial agent',
    designatedOn: 'Designated on',
    donor: 'Donor',
    amount: 'Amount',
    amountInWords: 'Amount in words',
    givenOn: 'Date of gift',
    means: 'Means of payment',
    meansNames: {
      card: 'bank card',
      direct_debit: 'direct debit',
      transfer: 'bank transfer',
      cheque: 'cheque',
      cash: 'cash',
    },
    monthly: 'monthly gift',
    civility: { M: 'Mr', Mme: 'Ms' },
    percent: (rate: number) => `${Math.round(rate * 100)}%`,
    reduction: (rate: string, reduction: string, share: string) =>
      `This gift gives a reduction of income tax equal to ${rate} of its amount, that is ${reduction}, within ${share} of the taxable income (Code général des impôts, article 200).`,
    notice:
      'This document acknowledges your gift; it is not the tax receipt. The official receipt, which supports the tax reduction, will be sent to you on the numbered form of the Commission nationale des comptes de campagne et des financements politiques (CNCCFP, the French authority for campaign accounts and political funding).',
    documentTitle: (id: number, campaign: string) =>
      `Acknowledgement of gift no.${NBSP}${id} – ${campaign}`,
  },
} satisfies Record<Locale, unknown>;

const nonEmpty = (lines: string[]) => lines.map((l) => l.trim()).filter((l) => l !== '');

function donorLines(donor: AcknowledgementInput['donor'], locale: Locale): string[] {
  const civility = donor.civility ? `${text[locale].civility[donor.civility]} ` : '';
  // A French address names no country; one abroad ends with its country's name.
  const country =
    donor.country === 'FR'
      ? ''
      : (new Intl.DisplayNames([locale], { type: 'region' }).of(donor.country) ?? donor.country);
  return nonEmpty([
    `${civility}${donor.firstName} ${donor.lastName}`,
    donor.addressLine1,
    donor.addressLine2,
    `${donor.postalCode} ${donor.commune}`,
    country,
  ]);
}

/** The acknowledgement of one gift, in reading order. */
export function acknowledgementDocument(
  input: AcknowledgementInput,
  locale: Locale,
): AcknowledgementDocument {
  const t = text[locale];
  const given = dayInWords(input.givenOn, locale);
  const field = (label: string, lines: string[], strong = false): AcknowledgementBlock => ({
    kind: 'field',
    label,
    lines: nonEmpty(lines),
    strong,
  });
  const blocks: AcknowledgementBlock[] = [
    {
      kind: 'header',
      campaignName: input.campaignName,
      reference: t.reference(input.donationId),
    },
    { kind: 'rule' },
    { kind: 'title', text: t.title },
    {
      kind: 'paragraph',
      text: t.intro(input.beneficiary) + (input.monthly ? t.instalment(given) : ''),
    },
    field(t.beneficiary, [input.beneficiary, t.modes[input.mode]]),
    field(t.agent, [input.agent.name, ...input.agent.address.split('\n')]),
  ];
  if (input.agent.designatedOn) {
    blocks.push(field(t.designatedOn, [dayInWords(input.agent.designatedOn, locale)]));
  }
  blocks.push(
    field(t.donor, donorLines(input.donor, locale)),
    field(t.amount, [amountInFigures(input.amountCents, locale)], true),
    field(t.amountInWords, [amountInWords(input.amountCents, locale)]),
    field(t.givenOn, [given]),
    field(t.means, [t.meansNames[input.means] + (input.monthly ? `, ${t.monthly}` : '')]),
    { kind: 'rule' },
    {
      kind: 'paragraph',
      text: t.reduction(
        t.percent(TAX_REDUCTION_RATE),
        amountInFigures(taxReductionCents(input.amountCents), locale),
        t.percent(TAX_REDUCTION_INCOME_SHARE),
      ),
    },
    { kind: 'notice', text: t.notice },
  );
  return {
    title: t.documentTitle(input.donationId, input.campaignName),
    author: input.beneficiary,
    blocks,
  };
}

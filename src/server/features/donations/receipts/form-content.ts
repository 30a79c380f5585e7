import type { GiftForReceipt } from '../../../../contracts/donations.ts';
import { amountInWords } from '../acknowledgement/amount-in-words.ts';

/**
 * What staff copy onto a commission form (or print on it), as data. The stub and the receipt
 * carry the same content: whether it is a gift or membership dues, the amount, the date, the
 * means of payment, the donor's identity, nationality and tax address (décret n° 90-606 du
 * 9 juillet 1990, art. 11, for a party's agent; Code électoral, art. R39-1, for a candidate's,
 * both as in force since 1 January 2018). A party's receipt names its agent, with its address,
 * whatever the amount (art. 11; the 3,000 EUR threshold went in 2018); R39-1 does not ask it
 * of a candidate's, whose forms the commission numbers for its agent: Levier does not write
 * the agent there. The donor signs the receipt.
 */

/**
 * Who received the money: the candidate's or the party's financial agent (a financing
 * association or a natural person).
 */
export interface Beneficiary {
  mode: 'candidate' | 'party';
  agentName: string;
  agentAddress: string[];
  /**
   * The commission found the party in breach of loi n° 88-227 art. 11-7 the year before: its
   * receipts say the gift gives no tax reduction (décret n° 90-606, art. 11, II).
   */
  taxReductionWithheld?: boolean;
}

export const MEANS_LABELS: Record<GiftForReceipt['means'], string> = {
  cheque: 'Chèque',
  cash: 'Espèces',
  card: 'Carte bancaire',
  transfer: 'Virement',
  direct_debit: 'Prélèvement automatique',
};

export interface FormLine {
  /** A stable key for the web and tests. */
  key:
    | 'number'
    | 'kind'
    | 'donor'
    | 'electedOffice'
    | 'nationality'
    | 'address'
    | 'amount'
    | 'date'
    | 'means'
    | 'agent'
    | 'taxReduction'
    | 'signature';
  /** What the line is, in the form's words. */
  label: string;
  /** What to write: one entry per written line (an address takes several). */
  value: string[];
}

export interface FormContent {
  number: string;
  kind: 'gift' | 'dues';
  donorName: string;
  addressLines: string[];
  amountCents: number;
  /** "1 234,56 €", always with cents. */
  amountInFigures: string;
  /** YYYY-MM-DD, and as written on the form (DD/MM/YYYY). */
  givenOn: string;
  givenOnWritten: string;
  means: GiftForReceipt['means'];
  /** The agent (and so the beneficiary) appears on a party's receipt. */
  agentShown: boolean;
  /** Every line in the order it is written, stub and receipt alike. */
  lines: FormLine[];
}

const euros = new Intl.NumberFormat('fr-FR', {
  style: 'currency',
  currency: 'EUR',
  minimumFractionDigits: 2,
  maximumFractionDigits: 2,
});

/** Euros with a plain space between thousands (narrow spaces do not survive every printer). */
export const amountInFigures = (cents: number) =>
  euros.format(cents / 100).replace(/[\u00a0\u202f]/g, ' ');

export const writtenDay = (day: string) => day.split('-').reverse().join('/');

const countries = new Intl.DisplayNames(['fr'], { type: 'region' });

/** The tax address as written on an envelope: the country only when it is not France. */
export function addressLines(donor: GiftForReceipt['donor']): string[] {
  const lines = [donor.addressLine1, donor.addressLine2, `${donor.postalCode} ${donor.commune}`];
  if (donor.country !== 'FR') lines.push(countries.of(donor.country) ?? donor.country);
  return lines.map((l) => l.trim()).filter(Boolean);
}

/** The donor's nationality as its country's name (records made before it was asked: France). */
export const nationalityName = (donor: GiftForReceipt['donor']) => {
  const code = donor.nationality ?? 'FR';
  return countries.of(code) ?? code;
};

export function donorName(donor: GiftForReceipt['donor']): string {
  return [donor.civility, donor.firstName, donor.lastName].filter(Boolean).join(' ');
}

/** The content of form `number` for `gift`. */
export function formContent(
  number: string,
  gift: GiftForReceipt,
  beneficiary: Beneficiary,
): FormContent {
  const dues = gift.kind === 'dues';
  const name = donorName(gift.donor);
  const address = addressLines(gift.donor);
  const agentShown = beneficiary.mode === 'party';
  const figures = amountInFigures(gift.amountCents);
  const written = writtenDay(gift.givenOn);
  const lines: FormLine[] = [
    { key: 'number', label: 'Formule n°', value: [number] },
    { key: 'kind', label: 'Nature du versement', value: [dues ? 'Cotisation' : 'Don'] },
    { key: 'donor', label: dues ? 'Cotisant' : 'Donateur', value: [name] },
  ];
  // Dues paid by an elected official say so on the receipt (décret n° 90-606, art. 11, I).
  if (dues && gift.donor.electedOffice) {
    lines.push({
      key: 'electedOffice',
      label: 'Mandat électif',
      value: [gift.donor.electedOffice],
    });
  }
  lines.push(
    { key: 'nationality', label: 'Nationalité', value: [nationalityName(gift.donor)] },
    { key: 'address', label: 'Adresse du domicile fiscal', value: address },
    { key: 'amount', label: 'Montant', value: [figures, amountInWords(gift.amountCents, 'fr')] },
    { key: 'date', label: 'Date du versement', value: [written] },
    { key: 'means', label: 'Mode de règlement', value: [MEANS_LABELS[gift.means]] },
  );
  if (agentShown) {
    lines.push({
      key: 'agent',
      label: 'Mandataire',
      value: [beneficiary.agentName, ...beneficiary.agentAddress],
    });
  }
  if (beneficiary.taxReductionWithheld) {
    lines.push({
      key: 'taxReduction',
      label: 'Mention',
      value: [
        `Ce ${dues ? 'versement de cotisation' : 'don'} n'ouvre pas droit à la réduction d'impôt prévue au 3 de l'article 200 du code général des impôts.`,
      ],
    });
  }
  lines.push({
    key: 'signature',
    label: `Signature du ${dues ? 'cotisant' : 'donateur'}`,
    value: [],
  });
  return {
    number,
    kind: gift.kind,
    donorName: name,
    addressLines: address,
    amountCents: gift.amountCents,
    amountInFigures: figures,
    givenOn: gift.givenOn,
    givenOnWritten: written,
    means: gift.means,
    agentShown,
    lines,
  };
}

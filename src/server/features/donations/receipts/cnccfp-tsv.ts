import type { GiftForReceipt } from '../../../../contracts/donations.ts';

/**
 * The dematerialised procedure: the files a party's agent sends the commission (CNCCFP) so
 * that it edits the receipts itself, as fixed by the arrêté du 9 décembre 2014 portant
 * application des articles 11 et 11-1 du décret n° 90-606 du 9 juillet 1990, article 1er, 2°
 * (Légifrance LEGIARTI000029914855).
 *
 * Confirmed by that text: three tab-separated text files (a: the agent's identification;
 * b: one line per payment of a gift or dues; c, optional: the message printed on the
 * receipts, at most 400 characters), what each holds, in the order listed here, and their
 * encoding, UTF-8.
 *
 * Not fixed by the text (it leaves "the technical data" to a specification the commission
 * hands out on request): file names, a header line, line endings, date and amount formats,
 * the codes of payment nature, means and cancellation, and what the message reference is.
 * The choices below are Levier's, each in one place (`TSV_FORMAT`, the code tables) so that
 * they follow the commission's specification once a campaign has it. docs/receipts.md says
 * which is which.
 */

/** A column: its key, and the words of the arrêté that define it. */
export interface Column<Key extends string = string> {
  key: Key;
  /** The arrêté's words. */
  meaning: string;
}

/** File a): the agent's identification (one line). Order as in the arrêté. */
export const AGENT_COLUMNS = [
  { key: 'commissionId', meaning: "le numéro d'identifiant attribué par la Commission" },
  { key: 'name', meaning: 'sa dénomination' },
  { key: 'address', meaning: 'son adresse' },
  { key: 'phone', meaning: 'ses coordonnées téléphoniques' },
  { key: 'email', meaning: 'son adresse électronique' },
] as const satisfies readonly Column[];

/** File b): one line per payment. Order as in the arrêté. */
export const OPERATION_COLUMNS = [
  { key: 'recordId', meaning: 'un identifiant unique pour chaque enregistrement comptable' },
  { key: 'nature', meaning: 'la nature du paiement' },
  { key: 'paidOn', meaning: 'la date du paiement' },
  { key: 'donorId', meaning: 'un identifiant unique pour chaque donateur ou cotisant' },
  { key: 'civility', meaning: 'la civilité du donateur ou cotisant' },
  { key: 'firstName', meaning: 'le prénom du donateur ou cotisant' },
  { key: 'lastName', meaning: 'le nom du donateur ou cotisant' },
  { key: 'electedOffice', meaning: 'pour les élus, indication du mandat électoral détenu' },
  { key: 'address', meaning: "l'adresse du domicile fiscal du donateur ou cotisant" },
  { key: 'commune', meaning: 'la commune du domicile fiscal du donateur ou cotisant' },
  { key: 'postalCode', meaning: 'le code postal du domicile fiscal du donateur ou cotisant' },
  { key: 'country', meaning: "l'Etat du domicile fiscal du donateur ou cotisant" },
  { key: 'currency', meaning: 'la monnaie utilisée' },
  { key: 'amount', meaning: 'le montant du don ou de la cotisation' },
  { key: 'bankStatement', meaning: 'la référence du relevé bancaire concerné' },
  { key: 'remittanceSlip', meaning: 'le numéro du bordereau de remise en banque concerné' },
  { key: 'means', meaning: 'le mode de paiement' },
  { key: 'cancelled', meaning: 'une annulation de paiement' },
  { key: 'messageRef', meaning: 'la référence du message devant figurer sur le reçu' },
] as const satisfies readonly Column[];

/** File c), optional: the message printed on the receipts. Order as in the arrêté. */
export const MESSAGE_COLUMNS = [
  { key: 'commissionId', meaning: "le numéro d'identifiant attribué par la commission" },
  { key: 'message', meaning: 'le message dont la longueur ne doit pas excéder 400 caractères' },
] as const satisfies readonly Column[];

export type AgentKey = (typeof AGENT_COLUMNS)[number]['key'];
export type OperationKey = (typeof OPERATION_COLUMNS)[number]['key'];

/** Levier's choices where the arrêté is silent (inferred, see above); encoding is the text's. */
export const TSV_FORMAT = {
  /** Fixed by the arrêté. No byte-order mark. */
  encoding: 'utf-8',
  lineEnding: '\r\n',
  /** A first line naming the columns by their key. */
  header: true,
  /** DD/MM/YYYY */
  date: (day: string) => day.split('-').reverse().join('/'),
  /** Euros with a decimal comma and two decimals, no thousands separator: 1234,50 */
  amount: (cents: number) => `${Math.trunc(cents / 100)},${String(cents % 100).padStart(2, '0')}`,
  currency: 'EUR',
  files: { agent: 'mandataire.tsv', operations: 'operations.tsv', message: 'message.tsv' },
} as const;

export const NATURE_CODES: Record<GiftForReceipt['kind'], string> = {
  gift: 'DON',
  dues: 'COTISATION',
};
export const MEANS_CODES: Record<GiftForReceipt['means'], string> = {
  cheque: 'CHEQUE',
  cash: 'ESPECES',
  card: 'CARTE',
  transfer: 'VIREMENT',
  direct_debit: 'PRELEVEMENT',
};
export const CANCELLED_CODES = { yes: 'OUI', no: 'NON' } as const;

/** The message may not pass 400 characters (arrêté du 9 décembre 2014, art. 1er, 2°, c). */
export const MESSAGE_MAX_LENGTH = 400;

export interface CnccfpAgent {
  /** The identifier the commission gave the agent. */
  commissionId: string;
  name: string;
  /** One line: street, postal code and commune. */
  address: string;
  phone: string;
  email: string;
}

/** A payment as the file lists it: the gift, and whether it was cancelled (refunded). */
export interface CnccfpPayment extends GiftForReceipt {
  cancelled?: boolean;
}

export interface CnccfpExport {
  agent: CnccfpAgent;
  payments: CnccfpPayment[];
  /** The message printed on every receipt, if the agent wants one. */
  message?: string;
}

export interface TsvProblem {
  /** The gift concerned; null for the agent's identification or the message. */
  donationId: number | null;
  field: AgentKey | OperationKey | 'message';
  code: string;
  /** In French, for the finance officer who fixes it. */
  message: string;
  /** An error blocks the export; a warning does not. */
  severity: 'error' | 'warning';
}

/**
 * ISO 3166-1 alpha-2 codes: those the runtime's region names know, without ISO's
 * user-assigned ranges (AA, QM–QZ, XA–XZ, ZZ) and the reserved codes it names too.
 */
const regionNames = new Intl.DisplayNames(['fr'], { type: 'region', fallback: 'none' });
const notCountries = new Set([
  'AA',
  'ZZ',
  'EU',
  'EZ',
  'UN',
  'UK',
  'AC',
  'CP',
  'CQ',
  'DG',
  'EA',
  'IC',
  'TA',
]);
export function isIsoCountry(code: string): boolean {
  if (!/^[A-Z]{2}$/.test(code) || notCountries.has(code)) return false;
  if (code.startsWith('X') || (code.startsWith('Q') && code >= 'QM')) return false;
  return regionNames.of(code) !== undefined;
}

const isDay = (day: string) =>
  /^\d{4}-\d{2}-\d{2}$/.test(day) && new Date(`${day}T00:00:00Z`).toISOString().startsWith(day);

// Tabs and line breaks would split a value; other control characters have no place in a name.
// eslint-disable-next-line no-control-regex -- control characters are what this refuses
const forbidden = /[\u0000-\u001f\u007f]/;

const isEmail = (text: string) => /^[^\s@]+@[^\s@]+\.[^\s@]+$/.test(text);

type Field = TsvProblem['field'];

class Problems {
  readonly list: TsvProblem[] = [];
  add(donationId: number | null, field: Field, code: string, message: string, warning = false) {
    this.list.push({ donationId, field, code, message, severity: warning ? 'warning' : 'error' });
  }
  /** A text value: required or not, clean, within its length. */
  text(
    donationId: number | null,
    field: Field,
    what: string,
    value: string,
    required = true,
    max = 200,
  ) {
    const where = donationId === null ? '' : ` (don n° ${donationId})`;
    if (!value.trim()) {
      if (required) this.add(donationId, field, 'missing', `${what} manque${where}.`);
      return;
    }
    if (forbidden.test(value)) {
      this.add(
        donationId,
        field,
        'forbidden_character',
        `${what}${where} contient une tabulation, un retour à la ligne ou un caractère invisible : corrigez la saisie.`,
      );
    }
    if (value.length > max) {
      this.add(donationId, field, 'too_long', `${what}${where} dépasse ${max} caractères.`);
    }
  }
}

/** Every problem of the export, agent, message and gifts, before anything is written. */
export function validateCnccfp(input: CnccfpExport): TsvProblem[] {
  const p = new Problems();
  const { agent } = input;
  p.text(
    null,
    'commissionId',
    "L'identifiant attribué par la Commission au mandataire",
    agent.commissionId,
    true,
    50,
  );
  p.text(null, 'name', 'La dénomination du mandataire', agent.name);
  p.text(null, 'address', "L'adresse du mandataire", agent.address, true, 300);
  p.text(null, 'phone', 'Le téléphone du mandataire', agent.phone, true, 30);
  p.text(null, 'email', "L'adresse électronique du mandataire", agent.email, true, 254);
  if (agent.email.trim() && !isEmail(agent.email.trim())) {
    p.add(null, 'email', 'invalid_email', `« ${agent.email} » n'est pas une adresse électronique.`);
  }
  if (input.message !== undefined) {
    p.text(null, 'message', 'Le message des reçus', input.message, true, MESSAGE_MAX_LENGTH);
  }
  if (input.payments.length === 0) {
    p.add(
      null,
      'recordId',
      'no_payments',
      'Aucun don ni cotisation à transmettre pour cette période.',
    );
  }

  const seen = new Set<number>();
  for (const gift of input.payments) {
    const id = gift.donationId;
    const at = ` (don n° ${id})`;
    if (!Number.isSafeInteger(id) || id <= 0) {
      p.add(
        id,
        'recordId',
        'invalid_record_id',
        `L'identifiant d'enregistrement « ${id} » n'est pas un entier positif.`,
      );
    } else if (seen.has(id)) {
      p.add(
        id,
        'recordId',
        'duplicate_record',
        `Le don n° ${id} figure deux fois dans le fichier.`,
      );
    }
    seen.add(id);
    if (!(gift.kind in NATURE_CODES)) {
      p.add(
        id,
        'nature',
        'invalid_nature',
        `La nature du versement${at} doit être un don ou une cotisation.`,
      );
    }
    if (!isDay(gift.givenOn)) {
      p.add(
        id,
        'paidOn',
        'invalid_date',
        `La date du paiement « ${gift.givenOn} »${at} n'est pas une date (attendu : AAAA-MM-JJ).`,
      );
    }
    if (!Number.isSafeInteger(gift.personId) || gift.personId <= 0) {
      p.add(
        id,
        'donorId',
        'invalid_donor_id',
        `L'identifiant du donateur${at} manque ou n'est pas un entier positif.`,
      );
    }
    const donor = gift.donor;
    if (donor.civility === null) {
      p.add(id, 'civility', 'missing', `La civilité du donateur${at} n'est pas renseignée.`, true);
    } else if (donor.civility !== 'M' && donor.civility !== 'Mme') {
      p.add(id, 'civility', 'invalid_civility', `La civilité${at} doit être « M » ou « Mme ».`);
    }
    p.text(id, 'firstName', 'Le prénom du donateur', donor.firstName, true, 100);
    p.text(id, 'lastName', 'Le nom du donateur', donor.lastName, true, 100);
    p.text(id, 'electedOffice', 'Le mandat électoral du donateur', donor.electedOffice, false, 100);
    p.text(id, 'address', "L'adresse du domicile fiscal", donor.addressLine1, true, 200);
    p.text(id, 'address', "Le complément d'adresse", donor.addressLine2, false, 200);
    p.text(id, 'commune', 'La commune du domicile fiscal', donor.commune, true, 100);
    p.text(id, 'postalCode', 'Le code postal du domicile fiscal', donor.postalCode, true, 20);
    if (!isIsoCountry(donor.country)) {
      p.add(
        id,
        'country',
        'invalid_country',
        `Le pays « ${donor.country} »${at} n'est pas un code pays ISO 3166-1 à deux lettres (FR, BE, DE…).`,
      );
    } else if (
      donor.country === 'FR' &&
      donor.postalCode.trim() &&
      !/^\d{5}$/.test(donor.postalCode.trim())
    ) {
      p.add(
        id,
        'postalCode',
        'invalid_postal_code',
        `Le code postal « ${donor.postalCode} »${at} n'a pas cinq chiffres.`,
      );
    }
    if (!Number.isSafeInteger(gift.amountCents) || gift.amountCents <= 0) {
      p.add(
        id,
        'amount',
        'amount_not_positive',
        `Le montant${at} doit être supérieur à zéro, en centimes entiers.`,
      );
    }
    if (!(gift.means in MEANS_CODES)) {
      p.add(id, 'means', 'invalid_means', `Le mode de paiement${at} est inconnu.`);
    }
    // Cheques and cash reach the bank on a remittance slip; the rest shows on a statement line.
    const slipped = gift.means === 'cheque' || gift.means === 'cash';
    if (slipped) {
      p.text(
        id,
        'remittanceSlip',
        'Le numéro du bordereau de remise en banque',
        gift.remittanceSlip ?? '',
        true,
        50,
      );
      p.text(
        id,
        'bankStatement',
        'La référence du relevé bancaire',
        gift.bankReference ?? '',
        false,
        100,
      );
    } else {
      p.text(
        id,
        'bankStatement',
        'La référence du relevé bancaire',
        gift.bankReference ?? '',
        true,
        100,
      );
      p.text(
        id,
        'remittanceSlip',
        'Le numéro du bordereau de remise en banque',
        gift.remittanceSlip ?? '',
        false,
        50,
      );
    }
  }
  return p.list;
}

const line = (values: string[]) => values.join('\t') + TSV_FORMAT.lineEnding;

function fileText(columns: readonly Column[], rows: string[][]) {
  const head = TSV_FORMAT.header ? line(columns.map((c) => c.key)) : '';
  return head + rows.map(line).join('');
}

function operationRow(gift: CnccfpPayment, messageRef: string): string[] {
  const d = gift.donor;
  const values: Record<OperationKey, string> = {
    recordId: String(gift.donationId),
    nature: NATURE_CODES[gift.kind],
    paidOn: TSV_FORMAT.date(gift.givenOn),
    donorId: String(gift.personId),
    civility: d.civility ?? '',
    firstName: d.firstName,
    lastName: d.lastName,
    electedOffice: d.electedOffice,
    address: [d.addressLine1, d.addressLine2]
      .map((s) => s.trim())
      .filter(Boolean)
      .join(', '),
    commune: d.commune,
    postalCode: d.postalCode,
    country: d.country,
    currency: TSV_FORMAT.currency,
    amount: TSV_FORMAT.amount(gift.amountCents),
    bankStatement: gift.bankReference ?? '',
    remittanceSlip: gift.remittanceSlip ?? '',
    means: MEANS_CODES[gift.means],
    cancelled: gift.cancelled ? CANCELLED_CODES.yes : CANCELLED_CODES.no,
    messageRef,
  };
  return OPERATION_COLUMNS.map((c) => values[c.key].trim());
}

export interface TsvFile {
  name: string;
  /** UTF-8 text; encode with Buffer.from(text, 'utf8') (no byte-order mark). */
  text: string;
}

export type CnccfpFiles =
  { ok: true; files: TsvFile[]; warnings: TsvProblem[] } | { ok: false; problems: TsvProblem[] };

/**
 * The files for the commission's platform, or every problem that stops them. Values are
 * written as stored, trimmed; a value holding a tab or a line break is refused by the
 * validator, never silently changed (it is a donor's identity).
 */
export function cnccfpFiles(input: CnccfpExport): CnccfpFiles {
  const problems = validateCnccfp(input);
  if (problems.some((p) => p.severity === 'error')) return { ok: false, problems };
  const { agent } = input;
  const agentValues: Record<AgentKey, string> = {
    commissionId: agent.commissionId,
    name: agent.name,
    address: agent.address,
    phone: agent.phone,
    email: agent.email,
  };
  const { message } = input;
  const hasMessage = message !== undefined;
  // The message file is keyed by the agent's identifier: each line points to it.
  const messageRef = hasMessage ? agent.commissionId.trim() : '';
  const files: TsvFile[] = [
    {
      name: TSV_FORMAT.files.agent,
      text: fileText(AGENT_COLUMNS, [AGENT_COLUMNS.map((c) => agentValues[c.key].trim())]),
    },
    {
      name: TSV_FORMAT.files.operations,
      text: fileText(
        OPERATION_COLUMNS,
        input.payments.map((g) => operationRow(g, messageRef)),
      ),
    },
  ];
  if (hasMessage) {
    files.push({
      name: TSV_FORMAT.files.message,
      text: fileText(MESSAGE_COLUMNS, [[agent.commissionId.trim(), message.trim()]]),
    });
  }
  return { ok: true, files, warnings: problems };
}

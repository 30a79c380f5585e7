import { describe, expect, it } from 'vitest';
import type { GiftForReceipt } from '../../../../contracts/donations.ts';
import {
  AGENT_COLUMNS,
  cnccfpFiles,
  isIsoCountry,
  MESSAGE_COLUMNS,
  OPERATION_COLUMNS,
  validateCnccfp,
  type CnccfpAgent,
  type CnccfpPayment,
} from './cnccfp-tsv.ts';

const agent: CnccfpAgent = {
  commissionId: '12345',
  name: 'Association de financement du parti Exemple',
  address: '10 rue de la Paix, 75002 Paris',
  phone: '+33 1 23 45 67 89',
  email: 'mandataire@exemple.fr',
};

const payment = (overrides: Partial<GiftForReceipt> = {}): CnccfpPayment => ({
  donationId: 41,
  kind: 'gift',
  givenOn: '2027-03-05',
  amountCents: 123_450,
  means: 'cheque',
  donor: {
    civility: 'Mme',
    firstName: 'Camille',
    lastName: 'Durand',
    addressLine1: '3 place Bellecour',
    addressLine2: 'Bâtiment B',
    postalCode: '69002',
    commune: 'Lyon',
    country: 'FR',
    nationality: 'FR',
    email: 'camille@example.org',
    phone: '',
    electedOffice: '',
  },
  bankReference: 'RLV-2027-03',
  remittanceSlip: 'BRD-0042',
  personId: 7,
  ...overrides,
});

const decode = (text: string) => text.split('\r\n');

describe('the commission files (arrêté du 9 décembre 2014, art. 1er, 2°)', () => {
  it('lists the columns in the order of the arrêté', () => {
    expect(AGENT_COLUMNS.map((c) => c.key)).toEqual([
      'commissionId',
      'name',
      'address',
      'phone',
      'email',
    ]);
    expect(OPERATION_COLUMNS.map((c) => c.key)).toEqual([
      'recordId',
      'nature',
      'paidOn',
      'donorId',
      'civility',
      'firstName',
      'lastName',
      'electedOffice',
      'address',
      'commune',
      'postalCode',
      'country',
      'currency',
      'amount',
      'bankStatement',
      'remittanceSlip',
      'means',
      'cancelled',
      'messageRef',
    ]);
    expect(OPERATION_COLUMNS[11]!.meaning).toBe(
      "l'Etat du domicile fiscal du donateur ou cotisant",
    );
    expect(MESSAGE_COLUMNS.map((c) => c.key)).toEqual(['commissionId', 'message']);
  });

  it('writes the agent and one line per payment, tab-separated, CRLF, dates and amounts in French', () => {
    const result = cnccfpFiles({
      agent,
      payments: [
        payment(),
        payment({
          donationId: 42,
          kind: 'dues',
          givenOn: '2027-11-30',
          amountCents: 5,
          means: 'card',
          bankReference: 'PAYOUT-77',
          remittanceSlip: null,
          personId: 8,
          donor: {
            ...payment().donor,
            civility: 'M',
            firstName: 'Jean-Éric',
            lastName: "N'Diaye",
            addressLine2: '',
            electedOffice: 'Conseiller municipal',
            postalCode: '1000',
            commune: 'Bruxelles',
            country: 'BE',
          },
        }),
        { ...payment({ donationId: 43, amountCents: 10_000 }), cancelled: true },
      ],
    });
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    expect(result.warnings).toEqual([]);
    expect(result.files.map((f) => f.name)).toEqual(['mandataire.tsv', 'operations.tsv']);
    const [agentFile, operations] = result.files;
    expect(decode(agentFile!.text)).toEqual([
      'commissionId\tname\taddress\tphone\temail',
      '12345\tAssociation de financement du parti Exemple\t10 rue de la Paix, 75002 Paris\t+33 1 23 45 67 89\tmandataire@exemple.fr',
      '',
    ]);
    const lines = decode(operations!.text);
    expect(lines).toHaveLength(5);
    expect(lines[0]!.split('\t')).toEqual(OPERATION_COLUMNS.map((c) => c.key));
    expect(lines[1]!.split('\t')).toEqual([
      '41',
      'DON',
      '05/03/2027',
      '7',
      'Mme',
      'Camille',
      'Durand',
      '',
      '3 place Bellecour, Bâtiment B',
      'Lyon',
      '69002',
      'FR',
      'EUR',
      '1234,50',
      'RLV-2027-03',
      'BRD-0042',
      'CHEQUE',
      'NON',
      '',
    ]);
    expect(lines[2]!.split('\t')).toEqual([
      '42',
      'COTISATION',
      '30/11/2027',
      '8',
      'M',
      'Jean-Éric',
      "N'Diaye",
      'Conseiller municipal',
      '3 place Bellecour',
      'Bruxelles',
      '1000',
      'BE',
      'EUR',
      '0,05',
      'PAYOUT-77',
      '',
      'CARTE',
      'NON',
      '',
    ]);
    expect(lines[3]!.split('\t').slice(13)).toEqual([
      '100,00',
      'RLV-2027-03',
      'BRD-0042',
      'CHEQUE',
      'OUI',
      '',
    ]);
    expect(lines[4]).toBe('');
    // UTF-8, no byte-order mark: the accents are their UTF-8 bytes.
    expect(Buffer.from(operations!.text, 'utf8').includes(Buffer.from([0xc3, 0x89]))).toBe(true);
    expect(operations!.text.charCodeAt(0)).not.toBe(0xfeff);
  });

  it('adds the message file, and points each line to it', () => {
    const result = cnccfpFiles({
      agent,
      payments: [payment()],
      message: 'Merci de votre soutien !',
    });
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    expect(result.files.map((f) => f.name)).toEqual([
      'mandataire.tsv',
      'operations.tsv',
      'message.tsv',
    ]);
    expect(decode(result.files[2]!.text)).toEqual([
      'commissionId\tmessage',
      '12345\tMerci de votre soutien !',
      '',
    ]);
    expect(decode(result.files[1]!.text)[1]!.split('\t').at(-1)).toBe('12345');
    const long = validateCnccfp({ agent, payments: [payment()], message: 'x'.repeat(401) });
    expect(long).toEqual([expect.objectContaining({ field: 'message', code: 'too_long' })]);
  });

  it('returns every problem with its gift and field, and writes nothing', () => {
    const result = cnccfpFiles({
      agent: { ...agent, commissionId: '', email: 'pas-une-adresse' },
      payments: [
        payment({
          donationId: 50,
          givenOn: '2027-02-30',
          amountCents: 0,
          personId: 0,
          donor: { ...payment().donor, postalCode: '', country: 'FRA', civility: null },
        }),
        payment({
          donationId: 51,
          means: 'transfer',
          bankReference: null,
          donor: { ...payment().donor, lastName: 'Du\trand', postalCode: '6900', commune: '' },
        }),
        payment({
          donationId: 51,
          remittanceSlip: '  ',
          donor: { ...payment().donor, country: 'UK' },
        }),
      ],
    });
    expect(result.ok).toBe(false);
    if (result.ok) return;
    const found = result.problems.map((p) => [p.donationId, p.field, p.code, p.severity]);
    expect(found).toEqual([
      [null, 'commissionId', 'missing', 'error'],
      [null, 'email', 'invalid_email', 'error'],
      [50, 'paidOn', 'invalid_date', 'error'],
      [50, 'donorId', 'invalid_donor_id', 'error'],
      [50, 'civility', 'missing', 'warning'],
      [50, 'postalCode', 'missing', 'error'],
      [50, 'country', 'invalid_country', 'error'],
      [50, 'amount', 'amount_not_positive', 'error'],
      [51, 'lastName', 'forbidden_character', 'error'],
      [51, 'commune', 'missing', 'error'],
      [51, 'postalCode', 'invalid_postal_code', 'error'],
      [51, 'bankStatement', 'missing', 'error'],
      [51, 'recordId', 'duplicate_record', 'error'],
      [51, 'country', 'invalid_country', 'error'],
      [51, 'remittanceSlip', 'missing', 'error'],
    ]);
    const byCode = (code: string) => result.problems.find((p) => p.code === code)!.message;
    expect(byCode('invalid_country')).toBe(
      "Le pays « FRA » (don n° 50) n'est pas un code pays ISO 3166-1 à deux lettres (FR, BE, DE…).",
    );
    expect(byCode('forbidden_character')).toBe(
      'Le nom du donateur (don n° 51) contient une tabulation, un retour à la ligne ou un caractère invisible : corrigez la saisie.',
    );
    expect(byCode('invalid_postal_code')).toBe(
      "Le code postal « 6900 » (don n° 51) n'a pas cinq chiffres.",
    );
  });

  it('exports with a missing civility, as a warning', () => {
    const result = cnccfpFiles({
      agent,
      payments: [payment({ donor: { ...payment().donor, civility: null } })],
    });
    expect(result.ok && result.warnings.map((w) => [w.field, w.severity])).toEqual([
      ['civility', 'warning'],
    ]);
    expect(result.ok && result.files[1]!.text.split('\r\n')[1]!.split('\t')[4]).toBe('');
  });

  it('knows ISO country codes from the codes that only look like them', () => {
    for (const code of ['FR', 'BE', 'DE', 'GB', 'GF', 'RE', 'CH', 'US'])
      expect(isIsoCountry(code)).toBe(true);
    for (const code of ['UK', 'EU', 'ZZ', 'XK', 'QO', 'AA', 'fr', 'FRA', ''])
      expect(isIsoCountry(code)).toBe(false);
  });
});

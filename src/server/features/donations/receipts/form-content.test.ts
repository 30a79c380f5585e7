import { describe, expect, it } from 'vitest';
import type { GiftForReceipt } from '../../../../contracts/donations.ts';
import { formContent, type Beneficiary } from './form-content.ts';

const agent: Beneficiary = {
  mode: 'party',
  agentName: 'Association de financement électorale de Camille Martin',
  agentAddress: ['10 rue de la Paix', '75002 Paris'],
};

const gift = (overrides: Partial<GiftForReceipt> = {}): GiftForReceipt => ({
  donationId: 9,
  kind: 'gift',
  givenOn: '2027-03-05',
  amountCents: 15_000,
  means: 'cheque',
  donor: {
    civility: 'Mme',
    firstName: 'Camille',
    lastName: 'Durand',
    addressLine1: '3 place Bellecour',
    addressLine2: '',
    postalCode: '69002',
    commune: 'Lyon',
    country: 'FR',
    nationality: 'FR',
    email: 'camille@example.org',
    phone: '',
    electedOffice: 'Conseillère municipale',
  },
  bankReference: null,
  remittanceSlip: 'BRD-1',
  personId: 3,
  ...overrides,
});

const written = (content: ReturnType<typeof formContent>) =>
  content.lines.map((l) => [l.label, ...l.value].join(' | '));

describe('what a form carries', () => {
  it('gives the lines of a gift in the order they are written; a party’s names its agent at any amount', () => {
    const content = formContent('000123', gift(), agent);
    expect(written(content)).toEqual([
      'Formule n° | 000123',
      'Nature du versement | Don',
      'Donateur | Mme Camille Durand',
      'Nationalité | France',
      'Adresse du domicile fiscal | 3 place Bellecour | 69002 Lyon',
      'Montant | 150,00 € | cent cinquante euros',
      'Date du versement | 05/03/2027',
      'Mode de règlement | Chèque',
      'Mandataire | Association de financement électorale de Camille Martin | 10 rue de la Paix | 75002 Paris',
      'Signature du donateur',
    ]);
    expect(content).toMatchObject({
      number: '000123',
      kind: 'gift',
      amountInFigures: '150,00 €',
      givenOnWritten: '05/03/2027',
      agentShown: true,
    });
  });

  it('says the office of an elected official paying dues, and a withheld tax reduction', () => {
    const content = formContent(
      '7',
      gift({
        kind: 'dues',
        amountCents: 300_001,
        means: 'direct_debit',
        donor: {
          ...gift().donor,
          civility: null,
          addressLine2: 'Appt 4',
          country: 'BE',
          nationality: 'BE',
          postalCode: '1000',
          commune: 'Bruxelles',
        },
      }),
      { ...agent, taxReductionWithheld: true },
    );
    expect(written(content)).toEqual([
      'Formule n° | 7',
      'Nature du versement | Cotisation',
      'Cotisant | Camille Durand',
      'Mandat électif | Conseillère municipale',
      'Nationalité | Belgique',
      'Adresse du domicile fiscal | 3 place Bellecour | Appt 4 | 1000 Bruxelles | Belgique',
      'Montant | 3 000,01 € | trois mille euros et un centime',
      'Date du versement | 05/03/2027',
      'Mode de règlement | Prélèvement automatique',
      'Mandataire | Association de financement électorale de Camille Martin | 10 rue de la Paix | 75002 Paris',
      "Mention | Ce versement de cotisation n'ouvre pas droit à la réduction d'impôt prévue au 3 de l'article 200 du code général des impôts.",
      'Signature du cotisant',
    ]);
    expect(content.agentShown).toBe(true);
  });

  it('never writes the agent on a candidate’s receipt (R39-1 does not ask it), whatever the amount', () => {
    const content = formContent('8', gift({ amountCents: 460_000 }), {
      ...agent,
      mode: 'candidate',
    });
    expect(content.agentShown).toBe(false);
    expect(content.lines.map((line) => line.key)).not.toContain('agent');
  });

  it('reads France for a gift recorded before the nationality was asked', () => {
    const { nationality: _, ...older } = gift().donor;
    const content = formContent('9', gift({ donor: older as GiftForReceipt['donor'] }), agent);
    expect(content.lines.find((line) => line.key === 'nationality')?.value).toEqual(['France']);
  });
});

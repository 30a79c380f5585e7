import type { AcknowledgementInput } from './document.ts';

/** A gift as the tests and the benchmark draw it: the largest a candidate's donor may give. */
export const sampleAcknowledgement: AcknowledgementInput = {
  campaignName: 'Lyon en commun',
  beneficiary: 'Camille Lefèvre',
  agent: {
    name: 'Association de financement Lyon en commun',
    designatedOn: '2026-03-12',
    address: '12 rue de la République\n69002 Lyon',
  },
  donor: {
    civility: 'Mme',
    firstName: 'Hélène',
    lastName: 'Dubois',
    addressLine1: '3 place Bellecour',
    addressLine2: 'Bâtiment B',
    postalCode: '69002',
    commune: 'Lyon',
    country: 'FR',
  },
  donationId: 4217,
  givenOn: '2026-12-04',
  amountCents: 460_000,
  means: 'card',
  mode: 'candidate',
  monthly: false,
};

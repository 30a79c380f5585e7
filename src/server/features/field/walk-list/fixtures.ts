/** Walk lists for tests: a short turf in Lyon, and a long one of any size. */
import type { WalkListAddress, WalkListInput, WalkListStop } from './types.ts';

export const OUTCOMES = [
  { code: 'absent', label: 'Absent' },
  { code: 'conversation', label: 'Conversation' },
  { code: 'refused', label: 'Refus' },
  { code: 'come_back', label: 'Repasser' },
  { code: 'vacant', label: 'Vacant / déménagé' },
  { code: 'never', label: 'Ne plus visiter' },
];

const address = (
  id: number,
  number: number,
  lon: number,
  lat: number,
  extra: Partial<WalkListAddress> = {},
): WalkListAddress => ({
  id,
  number,
  suffix: null,
  label: number > 0 ? String(number) : '',
  lon,
  lat,
  doNotVisit: false,
  ...extra,
});

export const sampleWalkList: WalkListInput = {
  campaignName: 'Lyon en commun',
  turfName: 'Guillotière – secteur 3',
  areaLabel: 'Lyon 7e – bureau 0712',
  committeeName: 'Comité Guillotière',
  dates: { from: '2026-03-07', to: '2026-03-08' },
  printedAt: new Date('2026-03-06T17:05:00Z'),
  timeZone: 'Europe/Paris',
  outcomes: OUTCOMES,
  questions: ['Soutien 1–5'],
  stops: [
    {
      street: 'Rue de Marseille',
      communeName: 'Lyon',
      side: 'odd',
      addresses: [
        address(1, 1, 4.8421, 45.7552),
        address(2, 3, 4.8423, 45.7549, { suffix: 'bis', label: '3 bis' }),
        address(3, 5, 4.8425, 45.7546, { building: { floors: 6, doors: 24 } }),
        address(4, 7, 4.8427, 45.7543, { doNotVisit: true }),
      ],
    },
    {
      street: 'Grande Rue de la Guillotière',
      communeName: 'Lyon',
      side: null,
      addresses: [
        address(5, 12, 4.8441, 45.7538),
        address(6, 14, 4.8447, 45.7536, { building: { floors: 4 } }),
        address(7, 0, 4.8452, 45.7534),
      ],
    },
  ],
};

const STREETS = ['Rue Pasteur', 'Rue Sébastien-Gryphe', 'Avenue Jean-Jaurès', 'Rue de l’Épée'];

/** `count` addresses on streets of 40, laid on a grid (2,000: about 600 m by 700 m). */
export function longWalkList(count: number): WalkListInput {
  const stops: WalkListStop[] = [];
  for (let i = 0; i < count; i++) {
    const street = Math.floor(i / 40);
    if (i % 40 === 0) {
      stops.push({
        street: `${STREETS[street % STREETS.length]} ${street + 1}`,
        communeName: 'Lyon',
        side: street % 2 === 0 ? 'even' : 'odd',
        addresses: [],
      });
    }
    const n = 2 * (i % 40) + 1;
    stops.at(-1)!.addresses.push(
      address(i + 1, n, 4.84 + (i % 40) * 0.0002, 45.75 + street * 0.00012, {
        doNotVisit: i % 97 === 0,
      }),
    );
  }
  return { ...sampleWalkList, turfName: 'Grand secteur', stops };
}

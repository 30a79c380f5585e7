import { describe, expect, it } from 'vitest';
import type { LocalVisit } from './outbox.ts';
import { outlineData, streetsData } from './map/style.ts';
import { testPack, walkAddress } from './testing.ts';
import {
  addressLabel,
  addressStates,
  doorLabel,
  progress,
  streetGroups,
  withdrawableLeaflet,
} from './walk-list.ts';

const local = (
  overrides: Partial<LocalVisit> & Pick<LocalVisit, 'id' | 'addressId'>,
): LocalVisit => ({
  outcome: 'not_home',
  visitedAt: '2026-12-05T09:00:00.000Z',
  state: 'pending',
  withdrawable: true,
  ...overrides,
});

describe('the walk list', () => {
  it('names an address as it reads on the door', () => {
    expect(addressLabel({ number: 12, suffix: 'bis', street: 'Rue de la Paix' })).toBe(
      '12 bis Rue de la Paix',
    );
    expect(addressLabel({ number: 3, suffix: null, street: 'Place Bellecour' })).toBe(
      '3 Place Bellecour',
    );
  });

  it('groups addresses in walk order by street and side, a street walked twice twice', () => {
    const groups = streetGroups([
      walkAddress({ id: 11, position: 4, street: 'Rue B', streetKey: 'b', side: 'odd' }),
      walkAddress({ id: 1, position: 1, street: 'Rue A', streetKey: 'a', side: 'odd' }),
      walkAddress({ id: 3, position: 2, street: 'Rue A', streetKey: 'a', side: 'odd' }),
      walkAddress({ id: 4, position: 3, street: 'Rue A', streetKey: 'a', side: 'even' }),
      walkAddress({ id: 5, position: 5, street: 'Rue A', streetKey: 'a', side: 'odd' }),
    ]);
    expect(groups.map((g) => [g.street, g.side, g.addresses.map((a) => a.id)])).toEqual([
      ['Rue A', 'odd', [1, 3]],
      ['Rue A', 'even', [4]],
      ['Rue B', 'odd', [11]],
      ['Rue A', 'odd', [5]],
    ]);
    expect(new Set(groups.map((g) => g.key)).size).toBe(groups.length);
  });

  it('shows the phone’s latest visit over the pack’s, and counts addresses done', () => {
    const addresses = [
      walkAddress({ id: 1, lastOutcome: 'not_home' }),
      walkAddress({ id: 2 }),
      walkAddress({ id: 3 }),
    ];
    const states = addressStates(addresses, [
      local({
        id: 'b',
        addressId: 1,
        outcome: 'conversation',
        visitedAt: '2026-12-05T10:00:00Z',
        state: 'sent',
      }),
      local({
        id: 'a',
        addressId: 1,
        outcome: 'come_back',
        visitedAt: '2026-12-05T09:00:00Z',
        state: 'rejected',
      }),
      local({ id: 'c', addressId: 3, outcome: 'leaflet' }),
    ]);
    expect(states.get(1)).toMatchObject({ outcome: 'conversation', waiting: false, refused: true });
    expect(states.get(1)?.localVisits.map((v) => v.id)).toEqual(['a', 'b']);
    expect(states.get(2)).toMatchObject({ outcome: null, waiting: false, refused: false });
    expect(states.get(3)).toMatchObject({ outcome: 'leaflet', waiting: true });
    expect(progress(states)).toEqual({ done: 2, total: 3 });
    expect(withdrawableLeaflet(states.get(3))?.id).toBe('c');
    expect(withdrawableLeaflet(states.get(1))).toBeNull();
  });

  it('says where in a building a visit was', () => {
    const words = { building: 'Bât.', floor: 'étage', door: 'porte' };
    expect(doorLabel({ building: 'A', floor: '3', door: '12' }, words)).toBe(
      'Bât. A, étage 3, porte 12',
    );
    expect(doorLabel({ door: '2G' }, words)).toBe('porte 2G');
    expect(doorLabel({}, words)).toBe('');
  });
});

describe('the turf map’s data', () => {
  it('draws streets of two addresses or more, and closes the outline', () => {
    const pack = testPack({
      streets: [
        {
          name: 'Rue A',
          line: [
            [4.83, 45.76],
            [4.84, 45.77],
          ],
        },
        { name: 'Impasse', line: [[4.85, 45.78]] },
      ],
    });
    expect(streetsData(pack).features.map((f) => f.properties?.name)).toEqual(['Rue A']);
    expect(outlineData(pack).features).toEqual([]);
    pack.turf.outline = [
      [0, 0],
      [1, 0],
      [1, 1],
    ];
    expect(outlineData(pack).features[0].geometry.coordinates).toEqual([
      [
        [0, 0],
        [1, 0],
        [1, 1],
        [0, 0],
      ],
    ]);
  });
});

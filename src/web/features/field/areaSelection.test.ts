import { describe, expect, it } from 'vitest';
import type { StationPriority } from '../../../contracts/field.ts';
import { targetAreaInputSchema } from '../../../contracts/field-turfs.ts';
import {
  areaInput,
  chosenStations,
  emptyChoice,
  hasChoice,
  isChosen,
  pick,
  toggled,
} from './areaSelection.ts';

const station = (id: string): StationPriority => ({
  id,
  communeCode: id.slice(0, 5),
  communeName: 'Ambérieu-en-Bugey',
  registered: 1000,
  voters: 700,
  abstentions: 300,
  expressed: 680,
  votes: 200,
  abstention: 0.3,
  score: 0.29,
  priority: 87,
  relative: 1,
  rank: 1,
  lat: 45.95,
  lng: 5.35,
  placedBy: 'reu',
  doors: 120,
});

const a = station('01004_0001');
const b = station('01004_0002');
const c = station('01001_0001');

describe('choosing an area on the targeting page', () => {
  it('toggles a value in a set without touching the original', () => {
    const start = new Set(['x']);
    expect([...toggled(start, 'y')]).toEqual(['x', 'y']);
    expect([...toggled(start, 'x')]).toEqual([]);
    expect([...start]).toEqual(['x']);
  });

  it('picks stations one by one, a second click putting one back', () => {
    let choice = emptyChoice('stations');
    expect(hasChoice(choice)).toBe(false);
    choice = pick(pick(pick(choice, a), c), a);
    expect(chosenStations(choice, [a, b, c])).toEqual([c]);
    expect(areaInput(choice, 'Nord')).toEqual({
      kind: 'stations',
      name: 'Nord',
      stations: ['01001_0001'],
    });
  });

  it('picks a station’s commune, which holds all its stations', () => {
    const choice = pick(emptyChoice('communes'), a);
    expect(isChosen(choice, b)).toBe(true);
    expect(isChosen(choice, c)).toBe(false);
    const input = areaInput(choice, 'Ambérieu');
    expect(input).toEqual({ kind: 'communes', name: 'Ambérieu', communes: ['01004'] });
    expect(targetAreaInputSchema.safeParse(input).success).toBe(true);
  });

  it('takes a drawn ring as a polygon once it is closed', () => {
    const ring: Array<[number, number]> = [
      [5.3, 45.9],
      [5.4, 45.9],
      [5.4, 46],
      [5.3, 45.9],
    ];
    const choice = { ...emptyChoice('polygon'), ring };
    expect(pick(choice, a)).toBe(choice);
    expect(hasChoice(choice)).toBe(true);
    expect(targetAreaInputSchema.safeParse(areaInput(choice, 'Centre')).success).toBe(true);
    expect(hasChoice(emptyChoice('polygon'))).toBe(false);
    expect(targetAreaInputSchema.safeParse(areaInput(emptyChoice('polygon'), 'Vide')).success).toBe(
      false,
    );
  });
});

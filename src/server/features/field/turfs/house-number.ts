import type { TurfAddress } from './types.ts';

// Latin repetition suffixes in their order; a single letter ranks by its place in the alphabet
// (10, 10 a, 10 b…), so 'a' and 'bis' both come right after the plain number.
const LATIN_SUFFIXES = ['bis', 'ter', 'quater', 'quinquies', 'sexies', 'septies', 'octies'];
const UNKNOWN_SUFFIX_RANK = 100;

/** 0 for no suffix, then bis 1, ter 2, quater 3…; letters a 1, b 2…; anything else after. */
export function suffixRank(suffix: string | null): number {
  const s = (suffix ?? '').trim().toLowerCase();
  if (s === '') return 0;
  const latin = LATIN_SUFFIXES.indexOf(s);
  if (latin >= 0) return latin + 1;
  if (/^[a-z]$/.test(s)) return s.charCodeAt(0) - 96;
  return UNKNOWN_SUFFIX_RANK;
}

/** 10 < 10 a < 10 bis < 10 b < 10 ter < 11; then by id so that the order is total. */
export function compareHouseNumbers(
  a: Pick<TurfAddress, 'number' | 'suffix' | 'id'>,
  b: Pick<TurfAddress, 'number' | 'suffix' | 'id'>,
): number {
  if (a.number !== b.number) return a.number - b.number;
  const ra = suffixRank(a.suffix);
  const rb = suffixRank(b.suffix);
  if (ra !== rb) return ra - rb;
  const sa = (a.suffix ?? '').toLowerCase();
  const sb = (b.suffix ?? '').toLowerCase();
  if (sa !== sb) return sa < sb ? -1 : 1;
  return a.id - b.id;
}

export type StreetSide = 'odd' | 'even' | 'none';

export const sideOf = (number: number): StreetSide =>
  number <= 0 ? 'none' : number % 2 === 1 ? 'odd' : 'even';

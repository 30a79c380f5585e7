/**
 * The number a broadcast presents to the people it calls (ARCEP, decision 2022-1583 amending
 * the national numbering plan, in force since 1 January 2023): automated calling systems must
 * present a "numéro polyvalent vérifié", from the ranges below, and the callee's territory
 * decides which ranges may call it: metropolitan callees get a metropolitan range, overseas
 * callees the range of their own territory.
 *
 * Saint-Pierre-et-Miquelon (975), Wallis-et-Futuna (986), French Polynesia (987), New
 * Caledonia (988) and other countries' numbers have no verified range: the decision defines
 * none for Saint-Pierre-et-Miquelon, the Pacific territories have their own numbering plans and
 * regulators, and a foreign network follows its own rules. No caller ID can lawfully be shown
 * to them as the decision means it, so none serves them and a French broadcast does not call
 * them: `territoriesWithoutCallerId` names them so that a launch refuses (or leaves out) those
 * callees rather than presenting a number that is not allowed there.
 */
import type { Territory } from '../../../../contracts/compliance.ts';
import { nationalOf, readCallNumber } from './plan.ts';

/** Verified ranges (national prefixes) and the callee territories each may call. */
const VERIFIED_RANGES: ReadonlyArray<readonly [prefix: string, serves: readonly Territory[]]> = [
  ...['0162', '0163', '0270', '0271', '0377', '0378', '0424', '0425', '0568', '0569'].map(
    (prefix) => [prefix, ['metropole']] as const,
  ),
  ['0948', ['metropole']],
  ['0949', ['metropole']],
  // Guadeloupe, Saint-Martin, Saint-Barthélemy
  ['09475', ['971', '977', '978']],
  ['09476', ['973']],
  ['09477', ['972']],
  // Réunion and Mayotte, either range for either
  ['09478', ['974', '976']],
  ['09479', ['974', '976']],
];

export type CallerIdProblem = 'not_a_number' | 'not_verified_range';

/** The verified range of a caller ID as written ("09 47 51 23 45", "+590947512345"), if any. */
function verifiedRange(callerId: string): readonly Territory[] | CallerIdProblem {
  const reading = readCallNumber(callerId);
  if (reading.status !== 'ok') return 'not_a_number';
  const national = nationalOf(reading);
  if (national === null) return 'not_verified_range';
  for (const [prefix, serves] of VERIFIED_RANGES) if (national.startsWith(prefix)) return serves;
  return 'not_verified_range';
}

/** Why a number cannot be a broadcast's caller ID, or null when it can. */
export function callerIdProblem(callerId: string): CallerIdProblem | null {
  const range = verifiedRange(callerId);
  return typeof range === 'string' ? range : null;
}

/** Whether this caller ID may call a callee of this territory (null: another country's number). */
export function callerIdServes(callerId: string, calleeTerritory: Territory | null): boolean {
  if (calleeTerritory === null) return false;
  const range = verifiedRange(callerId);
  return typeof range !== 'string' && range.includes(calleeTerritory);
}

export interface PooledCallerId {
  e164: string;
  paused: boolean;
}

/**
 * The caller ID for a call: round robin, by `turn` (any integer: an attempt id, a counter),
 * among the pool's unpaused numbers that serve the callee's territory, in pool order. Null when
 * none does.
 */
export function pickCallerId(
  pool: ReadonlyArray<PooledCallerId>,
  calleeTerritory: Territory | null,
  turn: number,
): string | null {
  const serving = pool.filter(
    (entry) => !entry.paused && callerIdServes(entry.e164, calleeTerritory),
  );
  if (serving.length === 0) return null;
  const count = serving.length;
  const index = ((Math.trunc(turn) % count) + count) % count;
  return serving[index].e164;
}

/**
 * The territories (each once, in the order given) that no unpaused caller ID of the pool can
 * call: a launch whose audience has callees there must be refused, or leave them out. Null
 * stands for other countries' callees, whom no caller ID serves (see above): it is given back
 * whenever it is asked about.
 */
export function territoriesWithoutCallerId(
  pool: ReadonlyArray<PooledCallerId>,
  territories: Iterable<Territory>,
): Territory[];
export function territoriesWithoutCallerId(
  pool: ReadonlyArray<PooledCallerId>,
  territories: Iterable<Territory | null>,
): Array<Territory | null>;
export function territoriesWithoutCallerId(
  pool: ReadonlyArray<PooledCallerId>,
  territories: Iterable<Territory | null>,
): Array<Territory | null> {
  const served = new Set<Territory>();
  for (const entry of pool) {
    if (entry.paused) continue;
    const range = verifiedRange(entry.e164);
    if (typeof range !== 'string') for (const territory of range) served.add(territory);
  }
  const missing = new Set<Territory | null>();
  for (const territory of territories) {
    if (territory === null || !served.has(territory)) missing.add(territory);
  }
  return [...missing];
}

import type { StationResult } from './types.ts';

/**
 * Rates of a station, from its counts (the file's percentages are never read): fractions
 * between 0 and 1, null when the denominator is 0 or the count is unknown.
 */
export interface StationRates {
  /** voters / registered */
  turnout: number | null;
  /** abstentions / registered */
  abstention: number | null;
  /** blank / voters */
  blank: number | null;
  /** invalid / voters */
  invalid: number | null;
  /** expressed / voters */
  expressed: number | null;
  /** Each candidate's votes / expressed, in the order of `candidates`. */
  candidates: Array<number | null>;
  /** Each candidate's votes / registered. */
  candidatesOfRegistered: Array<number | null>;
}

const ratio = (count: number | null, total: number) =>
  count === null || total === 0 ? null : count / total;

export function stationRates(station: StationResult): StationRates {
  return {
    turnout: ratio(station.voters, station.registered),
    abstention: ratio(station.abstentions, station.registered),
    blank: ratio(station.blank, station.voters),
    invalid: ratio(station.invalid, station.voters),
    expressed: ratio(station.expressed, station.voters),
    candidates: station.candidates.map((c) => ratio(c.votes, station.expressed)),
    candidatesOfRegistered: station.candidates.map((c) => ratio(c.votes, station.registered)),
  };
}

import type { ElectionRound, Territory } from '../../../contracts/compliance.ts';
import { addDays, clockMinutes, instantOf, wallClock } from '../../core/local-time.ts';
import { territoryFacts } from './territories.ts';

/**
 * Code électoral L49: no propaganda from 00:00 local time the day before a round until the
 * polls close, wherever the person votes. Returns the moment the silence ends when `at` falls
 * inside one (the latest end when windows overlap), or null.
 */
export function silenceUntil(
  rounds: readonly ElectionRound[],
  territory: Territory,
  at: Date,
): Date | null {
  const { timeZone } = territoryFacts[territory];
  const clock = wallClock(at, timeZone);
  let until: Date | null = null;
  for (const round of rounds) {
    const voteDay = round.territoryDates[territory] ?? round.date;
    const close = clockMinutes(round.pollsClose);
    const silent =
      clock.day === addDays(voteDay, -1) || (clock.day === voteDay && clock.minutes < close);
    if (!silent) continue;
    const end = instantOf(voteDay, close, timeZone);
    if (!until || end > until) until = end;
  }
  return until;
}

/** The silences of every round where a territory votes: from 00:00 the day before to the close. */
export function silenceWindows(
  rounds: readonly ElectionRound[],
  territory: Territory,
): Array<{ from: Date; until: Date }> {
  const { timeZone } = territoryFacts[territory];
  return rounds.map((round) => {
    const voteDay = round.territoryDates[territory] ?? round.date;
    return {
      from: instantOf(addDays(voteDay, -1), 0, timeZone),
      until: instantOf(voteDay, clockMinutes(round.pollsClose), timeZone),
    };
  });
}

/**
 * The first silence that a span of time (an event) meets in any of these territories, or null.
 */
export function silenceMet(
  rounds: readonly ElectionRound[],
  territories: readonly Territory[],
  from: Date,
  to: Date,
): { from: Date; until: Date } | null {
  const met = territories
    .flatMap((territory) => silenceWindows(rounds, territory))
    .filter((window) => from < window.until && to > window.from)
    .sort((a, b) => a.from.getTime() - b.from.getTime());
  return met[0] ?? null;
}

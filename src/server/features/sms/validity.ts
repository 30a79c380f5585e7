import type { ElectionRound, Territory } from '../../../contracts/compliance.ts';
import { territories } from '../../../contracts/compliance.ts';
import { addDays, clockMinutes, instantOf, wallClock } from '../../core/local-time.ts';
import { inAlsaceMoselle, isAlsaceMoselleHoliday } from '../compliance/holidays.ts';
import { closedUntil, defaultQuietHours } from '../compliance/quiet-hours.ts';
import { silenceWindows } from '../compliance/silence.ts';
import { territoryFacts } from '../compliance/territories.ts';

/** A text handed over with less time than this to arrive waits for the next allowed moment. */
export const MIN_VALIDITY_SECONDS = 120;

/**
 * How long the provider may keep trying a campaign text sent at `at` (Twilio's
 * ValidityPeriod): at most `max`, and never past the end of the allowed hours where the person
 * lives (20:00 on their clock) nor past the start of the next pre-election silence (where they
 * vote; anywhere, when their place is unknown). The gate has already said `at` is allowed.
 * When too little time is left, `hold` says until when the text waits: the next opening of
 * the hours, or the end of that silence.
 */
export function validityFor(
  at: Date,
  territory: Territory | null,
  rounds: readonly ElectionRound[],
  max: number,
): { seconds: number } | { hold: Date; reason: string } {
  const clockOf = territory ?? 'metropole';
  const { timeZone } = territoryFacts[clockOf];
  const rule = defaultQuietHours.sms!;
  const now = wallClock(at, timeZone);
  let limit = max;
  let binding: { hold: Date; reason: string } | null = null;

  const open = rule.windows.find(
    ([from, to]) => now.minutes >= clockMinutes(from) && now.minutes < clockMinutes(to),
  );
  if (open) {
    const end = instantOf(now.day, clockMinutes(open[1]), timeZone);
    const left = Math.floor((end.getTime() - at.getTime()) / 1000);
    if (left < limit) {
      limit = left;
      binding = { hold: closedUntil(rule, clockOf, end) ?? end, reason: 'quiet_hours' };
    }
  }

  const next = (territory ? [territory] : territories)
    .flatMap((t) => silenceWindows(rounds, t))
    .filter((window) => window.from > at)
    .sort((a, b) => a.from.getTime() - b.from.getTime())[0];
  if (next) {
    const left = Math.floor((next.from.getTime() - at.getTime()) / 1000);
    if (left < limit) {
      limit = left;
      binding = { hold: next.until, reason: 'pre_election_silence' };
    }
  }
  if (limit < MIN_VALIDITY_SECONDS && binding) return binding;
  return { seconds: limit };
}

/**
 * Until when a campaign text to a person in Alsace-Moselle (Moselle, Bas-Rhin, Haut-Rhin) waits
 * on Good Friday or 26 December, public holidays there (the operators' hours are closed on
 * public holidays); null on other days, elsewhere, or when the person's place is not known.
 * The text waits for the next opening of the hours after that day (the gate, asked again
 * then, holds it further on a Sunday or a national holiday).
 */
export function alsaceMoselleHold(
  place: { departementCode?: string | null; communeCode?: string | null },
  territory: Territory | null,
  at: Date,
): Date | null {
  if (territory !== 'metropole' || !inAlsaceMoselle(place)) return null;
  const { timeZone } = territoryFacts.metropole;
  const { day } = wallClock(at, timeZone);
  if (!isAlsaceMoselleHoliday(day)) return null;
  const nextDay = instantOf(addDays(day, 1), 0, timeZone);
  return closedUntil(defaultQuietHours.sms!, 'metropole', nextDay) ?? nextDay;
}

import type { ContactChannel, Territory } from '../../../contracts/compliance.ts';
import { isPublicHoliday } from './holidays.ts';
import { addDays, clockMinutes, instantOf, wallClock, weekdayOf } from '../../core/local-time.ts';
import { territoryFacts } from './territories.ts';

/** When contact is welcome, on the person's local clock. */
export interface TimeRule {
  /** ISO weekdays (1 Monday … 7 Sunday). */
  weekdays: readonly number[];
  /** Open windows of the day, "HH:MM" to "HH:MM" (end excluded). */
  windows: ReadonlyArray<readonly [string, string]>;
  closedOnPublicHolidays: boolean;
}

const MONDAY_TO_SATURDAY = [1, 2, 3, 4, 5, 6];

/**
 * Default quiet hours per channel; mail has none. SMS: no nights, Sundays or public holidays
 * (08:00–20:00 Monday to Saturday, the mobile operators' code of conduct for SMS campaigns).
 * Calls by volunteers: 10:00–20:00 Monday to Saturday. Automated calls: the hours of décret
 * 2022-1313 for telephone canvassing (weekdays 10:00–13:00 and 14:00–20:00), and always also
 * within the slot the person agreed to.
 */
export const defaultQuietHours: Record<ContactChannel, TimeRule | null> = {
  email: null,
  sms: {
    weekdays: MONDAY_TO_SATURDAY,
    windows: [['08:00', '20:00']],
    closedOnPublicHolidays: true,
  },
  volunteer_call: {
    weekdays: MONDAY_TO_SATURDAY,
    windows: [['10:00', '20:00']],
    closedOnPublicHolidays: true,
  },
  automated_call: {
    weekdays: [1, 2, 3, 4, 5],
    windows: [
      ['10:00', '13:00'],
      ['14:00', '20:00'],
    ],
    closedOnPublicHolidays: true,
  },
};

const dayIsOpen = (rule: TimeRule, day: string, territory: Territory) =>
  rule.weekdays.includes(weekdayOf(day)) &&
  !(rule.closedOnPublicHolidays && isPublicHoliday(day, territory));

/** Looking this many days ahead finds the next opening of any rule that has one. */
const LOOKAHEAD_DAYS = 15;

/**
 * Null when the rule allows contact at `at` in the territory; otherwise the next moment it
 * does (or `at` plus the look-ahead, for a rule that never opens).
 */
export function closedUntil(rule: TimeRule, territory: Territory, at: Date): Date | null {
  const { timeZone } = territoryFacts[territory];
  const now = wallClock(at, timeZone);
  for (let offset = 0; offset < LOOKAHEAD_DAYS; offset++) {
    const day = addDays(now.day, offset);
    if (!dayIsOpen(rule, day, territory)) continue;
    for (const [from, to] of rule.windows) {
      const start = clockMinutes(from);
      const end = clockMinutes(to);
      if (offset === 0 && now.minutes >= end) continue;
      if (offset === 0 && now.minutes >= start) return null;
      return instantOf(day, start, timeZone);
    }
  }
  return new Date(at.getTime() + LOOKAHEAD_DAYS * 86_400_000);
}

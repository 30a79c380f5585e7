import type { z } from 'zod';
import type { agreedSlotSchema } from '../../contracts/compliance.ts';
import type { Locale } from '../../contracts/common.ts';

export type AgreedSlot = z.infer<typeof agreedSlotSchema>;

/** What a slot form offers first: weekdays, office hours (changed at will). */
export const DEFAULT_SLOT: AgreedSlot = { weekdays: [1, 2, 3, 4, 5], from: '10:00', to: '18:00' };

/** ISO weekdays, Monday first. */
export const WEEKDAYS = [1, 2, 3, 4, 5, 6, 7] as const;

/** A weekday's name (1 Monday … 7 Sunday): "lun." / "Mon", or "lundi" / "Monday" in full. */
export const weekdayName = (day: number, locale: Locale, width: 'short' | 'long' = 'short') =>
  new Intl.DateTimeFormat(locale, { weekday: width, timeZone: 'UTC' }).format(
    // 1 January 2024 was a Monday.
    new Date(Date.UTC(2024, 0, day)),
  );

/**
 * An automated-call slot in words: runs of days joined by a dash, then the hours, as
 * "lun.–ven., 10:00–13:00" or "Mon, Wed, Fri, 09:00–12:00".
 */
export function formatSlot(slot: AgreedSlot, locale: Locale): string {
  const days = [...new Set(slot.weekdays)].sort((a, b) => a - b);
  const runs: number[][] = [];
  for (const day of days) {
    const run = runs.at(-1);
    if (run && run.at(-1) === day - 1) run.push(day);
    else runs.push([day]);
  }
  const words = runs.flatMap((run) =>
    run.length >= 3
      ? [`${weekdayName(run[0], locale)}–${weekdayName(run.at(-1)!, locale)}`]
      : run.map((day) => weekdayName(day, locale)),
  );
  return `${words.join(', ')}, ${slot.from}–${slot.to}`;
}

/** A form's errors of the slot under `prefix`, by the slot's fields (the prefix alone: the days). */
export const slotErrors = (errors: Record<string, string>, prefix: string) => ({
  weekdays: errors[`${prefix}.weekdays`] ?? errors[prefix],
  from: errors[`${prefix}.from`],
  to: errors[`${prefix}.to`],
});

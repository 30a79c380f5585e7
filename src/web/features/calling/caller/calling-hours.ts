import type { CallingWindows } from '../../../../contracts/calling.ts';
import type { Locale } from '../../../../contracts/common.ts';
import { weekdayName } from '../../../core/slot.ts';

const intlLocale = (locale: Locale) => (locale === 'en' ? 'en-GB' : 'fr-FR');

const dayName = (day: number, locale: Locale) => weekdayName(day, locale, 'long');

/** Days as people say them: runs of three days or more as a range ("lundi–samedi"). */
export function daysText(weekdays: readonly number[], locale: Locale): string {
  const days = [...new Set(weekdays)].sort((a, b) => a - b);
  const runs: number[][] = [];
  for (const day of days) {
    const run = runs.at(-1);
    if (run && run.at(-1) === day - 1) run.push(day);
    else runs.push([day]);
  }
  return runs
    .flatMap((run) =>
      run.length >= 3
        ? [`${dayName(run[0], locale)}–${dayName(run.at(-1)!, locale)}`]
        : run.map((day) => dayName(day, locale)),
    )
    .join(', ');
}

/** A bank's calling hours: "lundi–samedi, 10:00–13:00 et 14:00–20:00". */
export function callingHoursText(windows: CallingWindows, locale: Locale): string {
  const hours = new Intl.ListFormat(intlLocale(locale), { type: 'conjunction' }).format(
    windows.windows.map(([from, to]) => `${from}–${to}`),
  );
  return `${daysText(windows.weekdays, locale)}, ${hours}`;
}

import type { CallingWindows } from '../../../../contracts/calling.ts';
import type { Locale } from '../../../../contracts/common.ts';

const intlLocale = (locale: Locale) => (locale === 'en' ? 'en-GB' : 'fr-FR');

/** The name of an ISO weekday (1 Monday … 7 Sunday); 2024-01-01 was a Monday. */
function dayName(day: number, locale: Locale): string {
  return new Intl.DateTimeFormat(intlLocale(locale), { weekday: 'long', timeZone: 'UTC' }).format(
    new Date(Date.UTC(2024, 0, day)),
  );
}

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

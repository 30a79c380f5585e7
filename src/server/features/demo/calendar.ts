/** Local calendar days in the campaign's time zone, as UTC instants. */
import { localParts } from '../../core/local-time.ts';

/** Milliseconds to add to UTC to get the local wall-clock time at `at`. */
function offsetAt(timeZone: string, at: number): number {
  const p = localParts(timeZone, at);
  const wall = Date.UTC(p.year, p.month - 1, p.day, p.hour, p.minute, p.second);
  return wall - (at - (((at % 1000) + 1000) % 1000));
}

/** The UTC instant of local midnight on the given local date (month is 1-based; overflow rolls). */
export function localMidnight(timeZone: string, year: number, month: number, day: number): number {
  const wall = Date.UTC(year, month - 1, day);
  const first = wall - offsetAt(timeZone, wall);
  return wall - offsetAt(timeZone, first);
}

export interface CalendarDay {
  /** 0 is the first day of the window. */
  index: number;
  /** Local date, YYYY-MM-DD. */
  date: string;
  start: number;
  end: number;
  /** 0 = Sunday … 6 = Saturday, of the local date. */
  weekday: number;
}

/** The `count` local days ending with today (today last), in the given time zone. */
export function lastDays(timeZone: string, now: number, count: number): CalendarDay[] {
  const today = localParts(timeZone, now);
  const days: CalendarDay[] = [];
  for (let i = 0; i < count; i++) {
    const back = count - 1 - i;
    const utcDate = new Date(Date.UTC(today.year, today.month - 1, today.day - back));
    const [y, m, d] = [utcDate.getUTCFullYear(), utcDate.getUTCMonth() + 1, utcDate.getUTCDate()];
    days.push({
      index: i,
      date: utcDate.toISOString().slice(0, 10),
      start: localMidnight(timeZone, y, m, d),
      end: localMidnight(timeZone, y, m, d + 1),
      weekday: utcDate.getUTCDay(),
    });
  }
  return days;
}

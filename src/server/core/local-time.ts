/** Reading moments on a time zone's clock, and finding the moment a clock shows. */

/** A moment read on a territory's clock. */
export interface WallClock {
  /** YYYY-MM-DD */
  day: string;
  /** Minutes since local midnight. */
  minutes: number;
  /** ISO weekday: 1 Monday … 7 Sunday. */
  weekday: number;
}

const formatters = new Map<string, Intl.DateTimeFormat>();

function formatter(timeZone: string): Intl.DateTimeFormat {
  let found = formatters.get(timeZone);
  if (!found) {
    found = new Intl.DateTimeFormat('en-CA', {
      timeZone,
      year: 'numeric',
      month: '2-digit',
      day: '2-digit',
      hour: '2-digit',
      minute: '2-digit',
      second: '2-digit',
      hourCycle: 'h23',
    });
    formatters.set(timeZone, found);
  }
  return found;
}

export interface LocalParts {
  year: number;
  month: number;
  day: number;
  hour: number;
  minute: number;
  second: number;
}

/** The wall-clock reading of a moment (milliseconds since the epoch) in a time zone. */
export function localParts(timeZone: string, at: number): LocalParts {
  const out: Record<string, number> = {};
  for (const part of formatter(timeZone).formatToParts(new Date(at))) {
    if (part.type !== 'literal') out[part.type] = Number(part.value);
  }
  return out as unknown as LocalParts;
}

export function wallClock(at: Date, timeZone: string): WallClock {
  const p = localParts(timeZone, at.getTime());
  const day = `${p.year}-${pad(p.month)}-${pad(p.day)}`;
  return { day, minutes: p.hour * 60 + p.minute, weekday: weekdayOf(day) };
}

const pad = (n: number) => String(n).padStart(2, '0');

/** ISO weekday of a calendar day (1 Monday … 7 Sunday). */
export function weekdayOf(day: string): number {
  return ((new Date(`${day}T00:00:00Z`).getUTCDay() + 6) % 7) + 1;
}

/** The calendar day `delta` days after `day`. */
export function addDays(day: string, delta: number): string {
  const date = new Date(`${day}T00:00:00Z`);
  date.setUTCDate(date.getUTCDate() + delta);
  return date.toISOString().slice(0, 10);
}

/** "HH:MM" as minutes since midnight. */
export const clockMinutes = (clock: string) =>
  Number(clock.slice(0, 2)) * 60 + Number(clock.slice(3, 5));

/**
 * The moment a territory's clock shows `minutes` past midnight on `day`. A time skipped when
 * clocks go forward is moved forward by the jump (02:30 → 03:30 summer time), as Temporal's
 * "compatible" choice; a time shown twice when they go back is its first showing.
 */
export function instantOf(day: string, minutes: number, timeZone: string): Date {
  const wanted = Date.UTC(
    Number(day.slice(0, 4)),
    Number(day.slice(5, 7)) - 1,
    Number(day.slice(8, 10)),
    0,
    minutes,
  );
  const offsetAt = (instant: number) => {
    const p = localParts(timeZone, instant);
    return Date.UTC(p.year, p.month - 1, p.day, p.hour, p.minute, p.second) - instant;
  };
  // The offset a few hours either side: the earlier one gives the first showing of a repeated
  // time; a skipped time matches neither, and the earlier offset moves it past the jump.
  const before = offsetAt(wanted - 12 * 3600_000);
  const after = offsetAt(wanted + 12 * 3600_000);
  for (const offset of [before, after]) {
    const candidate = wanted - offset;
    if (offsetAt(candidate) === offset) return new Date(candidate);
  }
  return new Date(wanted - before);
}

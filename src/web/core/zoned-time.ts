import { TIME_ZONE } from './format.ts';

/**
 * Moments typed on the campaign's clock. Mantine's pickers hold a wall-clock time as
 * 'YYYY-MM-DD HH:mm:ss' with no zone; the API takes an instant with its offset. The browser's
 * own zone plays no part: an organiser abroad still types the time the event starts locally.
 */

const pad = (n: number) => String(n).padStart(2, '0');

const formatters = new Map<string, Intl.DateTimeFormat>();
function partsAt(instant: number, timeZone: string) {
  let format = formatters.get(timeZone);
  if (!format) {
    format = new Intl.DateTimeFormat('en-CA', {
      timeZone,
      year: 'numeric',
      month: '2-digit',
      day: '2-digit',
      hour: '2-digit',
      minute: '2-digit',
      second: '2-digit',
      hourCycle: 'h23',
    });
    formatters.set(timeZone, format);
  }
  const out: Record<string, number> = {};
  for (const part of format.formatToParts(new Date(instant))) {
    if (part.type !== 'literal') out[part.type] = Number(part.value);
  }
  return out as Record<'year' | 'month' | 'day' | 'hour' | 'minute' | 'second', number>;
}

/** How far the zone's clock is ahead of UTC at an instant, in milliseconds. */
function offsetAt(instant: number, timeZone: string): number {
  const p = partsAt(instant, timeZone);
  return Date.UTC(p.year, p.month - 1, p.day, p.hour, p.minute, p.second) - instant;
}

const LOCAL = /^(\d{4})-(\d{2})-(\d{2})[ T](\d{2}):(\d{2})(?::(\d{2}))?$/;

/**
 * A wall-clock time on the zone's clock ('YYYY-MM-DD HH:mm[:ss]') as ISO 8601 with its offset,
 * '2026-12-12T18:00:00+01:00'; null when it is not one. A time skipped when clocks go forward
 * moves forward by the jump; a time shown twice when they go back is its first showing.
 */
export function zonedToIso(local: string, timeZone = TIME_ZONE): string | null {
  const match = LOCAL.exec(local.trim());
  if (!match) return null;
  const [year, month, day, hour, minute, second] = match.slice(1).map((n) => Number(n ?? 0));
  const wanted = Date.UTC(year, month - 1, day, hour, minute, second);
  const check = new Date(wanted);
  if (check.getUTCDate() !== day || check.getUTCMonth() !== month - 1 || hour > 23) return null;
  const before = offsetAt(wanted - 12 * 3600_000, timeZone);
  const after = offsetAt(wanted + 12 * 3600_000, timeZone);
  let instant = wanted - before;
  for (const offset of [before, after]) {
    if (offsetAt(wanted - offset, timeZone) === offset) {
      instant = wanted - offset;
      break;
    }
  }
  const offset = offsetAt(instant, timeZone);
  const p = partsAt(instant, timeZone);
  const minutes = Math.round(Math.abs(offset) / 60_000);
  const sign = offset < 0 ? '-' : '+';
  return (
    `${p.year}-${pad(p.month)}-${pad(p.day)}T${pad(p.hour)}:${pad(p.minute)}:${pad(p.second)}` +
    `${sign}${pad(Math.floor(minutes / 60))}:${pad(minutes % 60)}`
  );
}

/** An instant as the zone's clock shows it, 'YYYY-MM-DD HH:mm:ss' (a picker's value). */
export function isoToZoned(iso: string, timeZone = TIME_ZONE): string {
  const instant = Date.parse(iso);
  if (Number.isNaN(instant)) return '';
  const p = partsAt(instant, timeZone);
  return `${p.year}-${pad(p.month)}-${pad(p.day)} ${pad(p.hour)}:${pad(p.minute)}:${pad(p.second)}`;
}

/**
 * The cells of a call list that say when and for which hours a person agreed to be called:
 * the consent's date and the slot (CNIL: automated calls only in the days and hours agreed).
 */
import { instantOf } from '../../../core/local-time.ts';

const ISO =
  /^(\d{4})-(\d{2})-(\d{2})(?:[T ](\d{2}):(\d{2})(?::(\d{2})(?:[.,]\d+)?)?)?\s*(Z|[+-]\d{2}:?\d{2})?$/i;
const FRENCH = /^(\d{1,2})[/.-](\d{1,2})[/.-](\d{4})(?:[ T]+(\d{1,2})[:h](\d{2})(?::(\d{2}))?)?$/i;
/** Earlier is a typing mistake: no list holds consents from before. */
const FIRST_YEAR = 1990;
/** A consent dated later than this after the reading is no evidence (any time zone's today). */
const FUTURE_MARGIN_MS = 24 * 3600_000;

/** Midnight of a day on the campaign's clock, and whether that day lasts 24 hours. */
interface DayStart {
  midnight: number;
  regular: boolean;
}

/** Distinct cells remembered: list exports repeat the same dates on thousands of rows. */
const CELLS_KEPT = 10_000;
/** What an unreadable cell is remembered as: no consent is dated 1969. */
const INVALID = -1;

/**
 * Reads consent dates: ISO (`2024-03-12`, `2024-03-12T14:30`, `2024-03-12 14:30:00+01:00`) or
 * French (`12/03/2024`, `12/03/2024 14:30`, `12-03-2024 14h30`). A date without a time is its
 * midnight, a time without an offset is the campaign's clock. Day starts are kept per day: a
 * file of millions of rows asks the time zone a few thousand times, not millions.
 */
export class ConsentDateReader {
  private readonly days = new Map<number, DayStart>();
  private readonly cells = new Map<string, number>();

  constructor(
    private readonly timeZone: string,
    private readonly now: Date,
  ) {}

  /** The moment, or 'invalid' (unreadable, impossible, too old, in the future). */
  read(cell: string): Date | 'invalid' {
    let at = this.cells.get(cell);
    if (at === undefined) {
      at = this.parse(cell);
      if (this.cells.size < CELLS_KEPT) this.cells.set(cell, at);
    }
    return at === INVALID ? 'invalid' : new Date(at);
  }

  private parse(cell: string): number {
    const iso = ISO.exec(cell);
    const french = iso ? null : FRENCH.exec(cell);
    if (!iso && !french) return INVALID;
    const [year, month, day] = iso
      ? [Number(iso[1]), Number(iso[2]), Number(iso[3])]
      : [Number(french![3]), Number(french![2]), Number(french![1])];
    const match = (iso ?? french)!;
    const hour = Number(match[4] ?? 0);
    const minute = Number(match[5] ?? 0);
    const second = Number(match[6] ?? 0);
    if (!isDay(year, month, day) || hour > 23 || minute > 59 || second > 59) return INVALID;
    const offset = iso?.[7];
    const at = offset
      ? Date.UTC(year, month - 1, day, hour, minute, second) - offsetMs(offset)
      : this.local(year, month, day, hour * 60 + minute) + second * 1000;
    return at > this.now.getTime() + FUTURE_MARGIN_MS ? INVALID : at;
  }

  /** The moment the campaign's clock shows `minutes` past midnight on that day. */
  private local(year: number, month: number, day: number, minutes: number): number {
    const key = (year * 100 + month) * 100 + day;
    let start = this.days.get(key);
    const dayString = () => `${year}-${pad(month)}-${pad(day)}`;
    if (!start) {
      const midnight = instantOf(dayString(), 0, this.timeZone).getTime();
      const next = new Date(Date.UTC(year, month - 1, day + 1)).toISOString().slice(0, 10);
      const regular = instantOf(next, 0, this.timeZone).getTime() - midnight === 86_400_000;
      start = { midnight, regular };
      this.days.set(key, start);
    }
    // On the days clocks change, the hours after the change are not midnight plus the time.
    return start.regular
      ? start.midnight + minutes * 60_000
      : instantOf(dayString(), minutes, this.timeZone).getTime();
  }
}

const pad = (value: number) => String(value).padStart(2, '0');

const DAYS_IN_MONTH = [31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31];

function isDay(year: number, month: number, day: number): boolean {
  if (year < FIRST_YEAR || month < 1 || month > 12 || day < 1) return false;
  const leap = year % 4 === 0 && (year % 100 !== 0 || year % 400 === 0);
  return day <= (month === 2 && leap ? 29 : DAYS_IN_MONTH[month - 1]);
}

/** "+01:00", "-0330", "Z" → milliseconds east of UTC. */
function offsetMs(offset: string): number {
  if (offset.toUpperCase() === 'Z') return 0;
  const sign = offset[0] === '-' ? -1 : 1;
  const digits = offset.slice(1).replace(':', '');
  return sign * (Number(digits.slice(0, 2)) * 60 + Number(digits.slice(2))) * 60_000;
}

/** The days and hours a person agreed to automated calls, as contracts/compliance.ts has it. */
export interface AgreedSlot {
  /** ISO weekdays: 1 Monday … 7 Sunday, ascending. */
  weekdays: number[];
  /** "HH:MM", on the callee's clock. */
  from: string;
  /** "HH:MM", excluded. */
  to: string;
}

/** Day names, folded (lower case, no accents), French and English, full or cut to 3 letters. */
const WEEKDAYS: Record<string, number> = {};
[
  ['lundi', 'monday'],
  ['mardi', 'tuesday'],
  ['mercredi', 'wednesday'],
  ['jeudi', 'thursday'],
  ['vendredi', 'friday'],
  ['samedi', 'saturday'],
  ['dimanche', 'sunday'],
].forEach((names, index) => {
  for (const name of names) {
    WEEKDAYS[name] = index + 1;
    WEEKDAYS[name.slice(0, 3)] = index + 1;
  }
});

const SLOT = /^(.+?)\s+(\d{1,2})(?:[:h](\d{2})?)?\s*[-–]\s*(\d{1,2})(?:[:h](\d{2})?)?$/;

const fold = (value: string) =>
  value
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase();

/**
 * Reads a slot cell: days, a space, hours. Days are a day, a range or a list of them (`lun-ven`,
 * `lun,mer,ven`, `lun-mer,sam`, `mon-fri`; full names too, a range may wrap: `ven-lun`); hours
 * are `10:00-13:00`, `10h-13h30` or `10-13`, the end excluded. Null for a cell that says
 * nothing; 'invalid' for one that cannot be read, or whose end is not after its start. The
 * slots given are frozen: the same cell gives the same object.
 */
export function readSlot(cell: string): AgreedSlot | null | 'invalid' {
  const written = cell.trim();
  if (written === '') return null;
  let slot = slots.get(written);
  if (slot === undefined) {
    slot = parseSlot(written);
    if (slots.size < CELLS_KEPT) slots.set(written, slot);
  }
  return slot;
}

/**
 * Slots read, by cell: a list repeats a handful of them. Frozen, since rows share them.
 * Module-wide: a slot's reading depends on nothing else.
 */
const slots = new Map<string, Readonly<AgreedSlot> | 'invalid'>();

function parseSlot(written: string): Readonly<AgreedSlot> | 'invalid' {
  const match = SLOT.exec(fold(written));
  if (!match) return 'invalid';
  const weekdays = readWeekdays(match[1]);
  const from = clock(match[2], match[3]);
  const to = clock(match[4], match[5]);
  if (!weekdays || !from || !to || from >= to) return 'invalid';
  return Object.freeze({ weekdays: Object.freeze(weekdays) as number[], from, to });
}

function readWeekdays(written: string): number[] | null {
  const days = new Set<number>();
  for (const part of written.split(/\s*[,;/+]\s*|\s+et\s+|\s+and\s+/)) {
    const range = part.split(/\s*(?:[-–]|\s+au\s+|\s+to\s+)\s*/);
    if (range.length > 2) return null;
    const first = WEEKDAYS[range[0].replace(/\.$/, '')];
    const last = WEEKDAYS[(range[1] ?? range[0]).replace(/\.$/, '')];
    if (!first || !last) return null;
    for (let day = first; ; day = (day % 7) + 1) {
      days.add(day);
      if (day === last) break;
    }
  }
  return [...days].sort((a, b) => a - b);
}

function clock(hours: string, minutes: string | undefined): string | null {
  const h = Number(hours);
  const m = Number(minutes ?? 0);
  return h > 23 || m > 59 ? null : `${pad(h)}:${pad(m)}`;
}

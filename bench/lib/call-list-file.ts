/**
 * A synthetic call list for the calling benchmarks, deterministic: one number a line with its
 * consent's date and source and, mostly, an agreed slot. Mobile and geographic numbers of
 * metropolitan France (87.5%) and overseas ones (Guadeloupe, Réunion, Guyane, Martinique: 12.5%),
 * written the ways spreadsheets hold them (spaced, dotted, +33, 0033, the 0 dropped); 3% of
 * lines unreadable or special numbers, 0.5% with an impossible consent date, 2% repeating a
 * number 1,001 lines above in another form.
 */
import { createWriteStream } from 'node:fs';
import { once } from 'node:events';

/** National prefixes of four digits; each lane holds numbers `prefix` + six digits. */
const MOBILE = Array.from({ length: 25 }, (_, i) => `06${String(i + 1).padStart(2, '0')}`);
const GEOGRAPHIC = ['0140', '0145', '0235', '0320', '0388', '0450', '0472', '0491', '0556', '0561'];
const OVERSEAS: Record<string, string> = {
  '0690': '590',
  '0692': '262',
  '0694': '594',
  '0696': '596',
  '0262': '262',
};
const LANES = [...MOBILE, ...GEOGRAPHIC, ...Object.keys(OVERSEAS)];

/** The national number of the index-th generated number: distinct for distinct indexes. */
function nationalNumber(index: number): string {
  const lane = LANES[index % LANES.length];
  const within = Math.floor(index / LANES.length);
  if (within >= 1_000_000) throw new Error('call-list-file: more numbers than lanes can hold');
  // A bijection of 0–999,999 (7,919 is prime to 10): neighbours do not look alike.
  const suffix = (within * 7919 + 123_457) % 1_000_000;
  return lane + String(suffix).padStart(6, '0');
}

/** The E.164 form of the index-th generated number, as Levier's reader normalises it. */
export function generatedE164(index: number): string {
  const national = nationalNumber(index);
  return `+${OVERSEAS[national.slice(0, 4)] ?? '33'}${national.slice(1)}`;
}

/** The number as a spreadsheet may hold it, one of seven forms. */
function written(index: number, form: number): string {
  const national = nationalNumber(index);
  const e164 = generatedE164(index);
  switch (form % 7) {
    case 0:
      return national.replace(/(\d\d)(?=\d)/g, '$1 ');
    case 1:
      return national;
    case 2:
      return `${e164.slice(0, 3)} ${e164.slice(3)}`;
    case 3:
      return `00${e164.slice(1)}`;
    case 4:
      return national.slice(1);
    case 5:
      return national.replace(/(\d\d)(?=\d)/g, '$1.');
    default:
      return e164;
  }
}

const UNREADABLE = ['abc', '06 12 34', '06 12 34 56 78 90', '08 00 12 34 56', ''];
const SOURCES = [
  'Formulaire web, page adhésion',
  'Pétition papier n° 12',
  'Réunion publique du 12 mars',
  'Appel entrant',
  'Stand du marché',
];
const SLOTS = ['lun-ven 10:00-13:00', 'lun-sam 9h-20h', 'mar,jeu 14h-18h', 'lun-ven 10-20', ''];

/** Consent dates over 900 days before mid-2025, in the two forms lists use. */
const DATES = Array.from({ length: 900 }, (_, day) => {
  const date = new Date(Date.UTC(2025, 5, 30) - day * 86_400_000);
  const [y, m, d] = date.toISOString().slice(0, 10).split('-');
  return [`${y}-${m}-${d}`, `${d}/${m}/${y} ${String(8 + (day % 12)).padStart(2, '0')}:30`];
});

export interface CallListFileStats {
  /** Data lines (the header not counted). */
  rows: number;
  bytes: number;
  unreadable: number;
  badDates: number;
  duplicates: number;
  /** Lines that should give a number: rows less the three above. */
  expectedNumbers: number;
}

/** The line of row r (0-based); `kind` says what the reader should make of it. */
function line(r: number): {
  text: string;
  kind: 'number' | 'unreadable' | 'bad_date' | 'duplicate';
} {
  const tail = (index: number) =>
    `${SOURCES[index % SOURCES.length]};${SLOTS[(index % 13) % SLOTS.length]}`;
  const date = (index: number) => DATES[(index * 37) % DATES.length][index % 2];
  const lane = r % 100;
  if (lane === 7 || lane === 41 || lane === 73) {
    return {
      text: `${UNREADABLE[Math.floor(r / 100) % UNREADABLE.length]};${date(r)};${tail(r)}`,
      kind: 'unreadable',
    };
  }
  if (r % 200 === 123) return { text: `${written(r, r)};31/02/2024;${tail(r)}`, kind: 'bad_date' };
  // Row r − 1001 is always a plain number row (its lane is 18 or 87).
  if ((lane === 19 || lane === 88) && r >= 1001) {
    return { text: `${written(r - 1001, r + 3)};${date(r)};${tail(r)}`, kind: 'duplicate' };
  }
  return { text: `${written(r, r)};${date(r)};${tail(r)}`, kind: 'number' };
}

/** Writes `rows` lines (and the header) to `path`, UTF-8, LF. */
export async function writeCallListFile(path: string, rows: number): Promise<CallListFileStats> {
  const out = createWriteStream(path);
  const stats = { rows, bytes: 0, unreadable: 0, badDates: 0, duplicates: 0, expectedNumbers: 0 };
  let text = 'téléphone;date_consentement;source;créneau\n';
  const flush = async () => {
    stats.bytes += Buffer.byteLength(text);
    if (!out.write(text)) await once(out, 'drain');
    text = '';
  };
  for (let r = 0; r < rows; r++) {
    const { text: written, kind } = line(r);
    text += `${written}\n`;
    if (kind === 'unreadable') stats.unreadable++;
    else if (kind === 'bad_date') stats.badDates++;
    else if (kind === 'duplicate') stats.duplicates++;
    else stats.expectedNumbers++;
    if (text.length > 1 << 20) await flush();
  }
  await flush();
  out.end();
  await once(out, 'finish');
  return stats;
}

/**
 * Numbers for the opt-out list, `count` of them: one in a hundred of the list's first `rows`
 * rows that give a number (taken evenly; at most half the count), the rest numbers the list
 * does not hold. The list's share left out is then the same at every size.
 */
export function optOutNumbers(rows: number, count: number): string[] {
  const inList = Math.min(Math.floor(count / 2), Math.floor(rows / 100));
  const numbers = new Set<string>();
  const step = Math.max(1, Math.floor(rows / Math.max(1, inList)));
  for (let r = 0; r < rows && numbers.size < inList; r += step) {
    let row = r;
    while (line(row).kind !== 'number') row++;
    numbers.add(generatedE164(row));
  }
  for (let k = 0; numbers.size < count; k++) numbers.add(generatedE164(rows + k));
  return [...numbers];
}

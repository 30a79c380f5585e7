import type { Territory } from '../../../contracts/compliance.ts';
import { addDays } from '../../core/local-time.ts';

/** Easter Sunday of a Gregorian year (anonymous Gregorian algorithm). */
export function easterSunday(year: number): string {
  const a = year % 19;
  const b = Math.floor(year / 100);
  const c = year % 100;
  const d = Math.floor(b / 4);
  const e = b % 4;
  const f = Math.floor((b + 8) / 25);
  const g = Math.floor((b - f + 1) / 3);
  const h = (19 * a + b - d - g + 15) % 30;
  const i = Math.floor(c / 4);
  const k = c % 4;
  const l = (32 + 2 * e + 2 * i - h - k) % 7;
  const m = Math.floor((a + 11 * h + 22 * l) / 451);
  const month = Math.floor((h + l - 7 * m + 114) / 31);
  const day = ((h + l - 7 * m + 114) % 31) + 1;
  return `${year}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
}

/** Public holidays everywhere in France (Code du travail L3133-1), as MM-DD. */
const NATIONAL_FIXED = ['01-01', '05-01', '05-08', '07-14', '08-15', '11-01', '11-11', '12-25'];

/** Days of the abolition of slavery (loi 83-550) and other local public holidays, as MM-DD. */
const LOCAL_FIXED: Partial<Record<Territory, string[]>> = {
  '971': ['05-27'],
  '972': ['05-22'],
  '973': ['06-10'],
  '974': ['12-20'],
  '976': ['04-27'],
  '977': ['10-09'],
  '978': ['05-28'],
  '987': ['03-05', '06-29'],
};

/**
 * The départements of Alsace-Moselle: Moselle, Bas-Rhin, Haut-Rhin. Their local law (Code du
 * travail L3134-13) adds two public holidays to the national ones: Good Friday and 26 December.
 */
export const ALSACE_MOSELLE_DEPARTEMENTS: readonly string[] = ['57', '67', '68'];

/** Whether a place is in Alsace-Moselle: its département, else its commune code's first digits. */
export function inAlsaceMoselle(place: {
  departementCode?: string | null;
  communeCode?: string | null;
}): boolean {
  const code = place.departementCode || place.communeCode?.slice(0, 2) || null;
  return code !== null && ALSACE_MOSELLE_DEPARTEMENTS.includes(code);
}

/** Good Friday (two days before Easter Sunday) and 26 December of a year. */
export function alsaceMoselleHolidays(year: number): Set<string> {
  return new Set([addDays(easterSunday(year), -2), `${year}-12-26`]);
}

/** Whether a day (YYYY-MM-DD) is one of Alsace-Moselle's own public holidays. */
export const isAlsaceMoselleHoliday = (day: string) =>
  alsaceMoselleHolidays(Number(day.slice(0, 4))).has(day);

const holidayCache = new Map<string, Set<string>>();

/**
 * The public holidays of a year where a territory's people live. Alsace-Moselle's own
 * (Good Friday, 26 December) depend on the département, not the territory: see
 * `isAlsaceMoselleHoliday` (campaign texts, sms/validity.ts).
 */
export function publicHolidays(year: number, territory: Territory): Set<string> {
  const key = `${year}:${territory}`;
  let found = holidayCache.get(key);
  if (!found) {
    const easter = easterSunday(year);
    found = new Set([
      ...NATIONAL_FIXED.map((d) => `${year}-${d}`),
      ...(LOCAL_FIXED[territory] ?? []).map((d) => `${year}-${d}`),
      addDays(easter, 1),
      addDays(easter, 39),
      addDays(easter, 50),
    ]);
    holidayCache.set(key, found);
  }
  return found;
}

export const isPublicHoliday = (day: string, territory: Territory) =>
  publicHolidays(Number(day.slice(0, 4)), territory).has(day);

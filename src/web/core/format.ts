import { parsePhoneNumberFromString } from 'libphonenumber-js/min';
import type { Locale } from '../../contracts/common.ts';

export const TIME_ZONE = 'Europe/Paris';

const intlLocale = (locale: Locale) => (locale === 'fr' ? 'fr-FR' : 'en-GB');

function parse(value: string | Date): Date | null {
  const date = value instanceof Date ? value : new Date(value);
  return Number.isNaN(date.getTime()) ? null : date;
}

/** Date and time in the campaign's time zone, e.g. "12 mars 2025 à 14:05". */
export function formatDateTime(value: string | Date | null | undefined, locale: Locale): string {
  if (!value) return '';
  const date = parse(value);
  if (!date) return String(value);
  return new Intl.DateTimeFormat(intlLocale(locale), {
    dateStyle: 'medium',
    timeStyle: 'short',
    timeZone: TIME_ZONE,
  }).format(date);
}

/** A date only, in the campaign's time zone. */
export function formatDate(value: string | Date | null | undefined, locale: Locale): string {
  if (!value) return '';
  const date = parse(value);
  if (!date) return String(value);
  return new Intl.DateTimeFormat(intlLocale(locale), {
    dateStyle: 'medium',
    timeZone: TIME_ZONE,
  }).format(date);
}

/** A calendar day ("YYYY-MM-DD") shown short, e.g. "12 mars". Days are not shifted by time zone. */
export function formatDay(day: string, locale: Locale): string {
  const date = parse(`${day}T12:00:00Z`);
  if (!date) return day;
  return new Intl.DateTimeFormat(intlLocale(locale), {
    day: 'numeric',
    month: 'short',
    timeZone: 'UTC',
  }).format(date);
}

/** A calendar day ("YYYY-MM-DD") with its year, e.g. "13 nov. 2026". Not shifted by time zone. */
export function formatDayWithYear(day: string, locale: Locale): string {
  const date = parse(`${day}T12:00:00Z`);
  if (!date) return day;
  return new Intl.DateTimeFormat(intlLocale(locale), {
    dateStyle: 'medium',
    timeZone: 'UTC',
  }).format(date);
}

export function formatNumber(value: number, locale: Locale): string {
  return new Intl.NumberFormat(intlLocale(locale)).format(value);
}

export function fullName(
  firstName: string | null | undefined,
  lastName: string | null | undefined,
): string {
  return [firstName, lastName].filter(Boolean).join(' ');
}

/**
 * A stored phone number (E.164) as people write it: French numbers the national way
 * ("06 12 34 56 78"), others internationally with spaces. Unreadable values are shown as stored.
 */
export function formatPhone(value: string | null | undefined): string {
  if (!value) return '';
  const parsed = parsePhoneNumberFromString(value, 'FR');
  if (!parsed?.isValid()) return value;
  return parsed.countryCallingCode === '33'
    ? parsed.formatNational()
    : parsed.formatInternational();
}

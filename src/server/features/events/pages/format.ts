import type { EventSummary } from '../../../../contracts/events.ts';
import type { Locale } from '../../../../contracts/common.ts';
import { escapeHtml } from '../../recruitment/pages/text.ts';
import { et } from './messages.ts';

const intlLocale = (locale: Locale) => (locale === 'en' ? 'en-GB' : 'fr-FR');

const formatters = new Map<string, Intl.DateTimeFormat>();
function formatter(locale: Locale, timeZone: string, withYear: boolean): Intl.DateTimeFormat {
  const key = `${locale}|${timeZone}|${withYear}`;
  let found = formatters.get(key);
  if (!found) {
    found = new Intl.DateTimeFormat(intlLocale(locale), {
      weekday: 'long',
      day: 'numeric',
      month: 'long',
      ...(withYear ? { year: 'numeric' } : {}),
      hour: '2-digit',
      minute: '2-digit',
      timeZone,
    });
    formatters.set(key, found);
  }
  return found;
}

const yearIn = (at: Date, timeZone: string) =>
  new Intl.DateTimeFormat('en-GB', { year: 'numeric', timeZone }).format(at);

/**
 * When an event takes place, on the campaign's clock: "Samedi 12 décembre, 18:00 – 20:00"
 * (the year only when it is not this one's; both days when it runs past midnight).
 */
export function whenText(
  locale: Locale,
  event: Pick<EventSummary, 'startsAt' | 'endsAt'>,
  timeZone: string,
  now = new Date(),
): string {
  const start = new Date(event.startsAt);
  const end = new Date(event.endsAt);
  const withYear = yearIn(start, timeZone) !== yearIn(now, timeZone);
  const text = formatter(locale, timeZone, withYear).formatRange(start, end);
  return text.charAt(0).toUpperCase() + text.slice(1);
}

/** The `<time>` element of an event's moment. */
export const whenHtml = (
  locale: Locale,
  event: Pick<EventSummary, 'startsAt' | 'endsAt'>,
  timeZone: string,
) =>
  `<time datetime="${escapeHtml(event.startsAt)}">${escapeHtml(whenText(locale, event, timeZone))}</time>`;

const plural = {
  fr: new Intl.PluralRules('fr-FR'),
  en: new Intl.PluralRules('en-GB'),
};
const numbers = {
  fr: new Intl.NumberFormat('fr-FR', { maximumFractionDigits: 0 }),
  en: new Intl.NumberFormat('en-GB', { maximumFractionDigits: 0 }),
};

/** Who comes, and what is left: "3 participants · 7 places restantes", or full. */
export function placesText(
  locale: Locale,
  event: Pick<EventSummary, 'going' | 'capacity'>,
): string {
  const one = (count: number) => plural[locale].select(count) === 'one';
  const going = et(locale, one(event.going) ? 'eventPage.goingOne' : 'eventPage.goingMany', {
    count: numbers[locale].format(event.going),
  });
  if (event.capacity === null) return going;
  const left = event.capacity - event.going;
  if (left <= 0) return `${going} · ${et(locale, 'eventPage.full')}`;
  const key = one(left) ? 'eventPage.placesLeftOne' : 'eventPage.placesLeftMany';
  return `${going} · ${et(locale, key, { count: numbers[locale].format(left) })}`;
}

/** Whether no place is left: answering puts one on the waiting list. */
export const isFull = (event: Pick<EventSummary, 'going' | 'capacity'>) =>
  event.capacity !== null && event.going >= event.capacity;

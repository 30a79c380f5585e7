import type { Locale } from '../../../contracts/common.ts';
import type { EventSummary } from '../../../contracts/events.ts';
import { TIME_ZONE } from '../../core/format.ts';

const formats = new Map<Locale, Intl.DateTimeFormat>();

/** When an event takes place, on the campaign's clock: "samedi 12 décembre, 18:00 – 20:00". */
export function whenText(event: Pick<EventSummary, 'startsAt' | 'endsAt'>, locale: Locale) {
  let format = formats.get(locale);
  if (!format) {
    format = new Intl.DateTimeFormat(locale === 'en' ? 'en-GB' : 'fr-FR', {
      weekday: 'long',
      day: 'numeric',
      month: 'long',
      year: 'numeric',
      hour: '2-digit',
      minute: '2-digit',
      timeZone: TIME_ZONE,
    });
    formats.set(locale, format);
  }
  return format.formatRange(new Date(event.startsAt), new Date(event.endsAt));
}

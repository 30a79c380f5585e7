import type { Event } from '../../../../contracts/events.ts';
import type { AppContext } from '../../../core/context.ts';
import { t, type Locale } from '../../recruitment/pages/i18n.ts';
import { escapeHtml } from '../../recruitment/pages/text.ts';
import { sessionCoverage } from './event-turfs.ts';

const whole = {
  fr: new Intl.NumberFormat('fr-FR', { maximumFractionDigits: 0 }),
  en: new Intl.NumberFormat('en-GB', { maximumFractionDigits: 0 }),
};

/**
 * What a door-to-door session's public page says of its turfs: how many, how many doors
 * (never an address), and, to those going, the way to the canvassing app. An item of the
 * page's list of facts; empty for any other event or a session with no turf yet.
 */
export async function sessionCoverageItem(
  ctx: AppContext,
  locale: Locale,
  event: Pick<Event, 'id' | 'type' | 'status' | 'myRsvp'>,
): Promise<string> {
  if (event.type !== 'door_to_door' || event.status !== 'published') return '';
  const { turfs, doors } = await sessionCoverage(ctx, event.id);
  if (turfs === 0) return '';
  const count = (n: number) => whole[locale].format(n);
  const text = t(locale, 'field.organisers.public.coverage', {
    turfs:
      turfs === 1
        ? t(locale, 'field.organisers.public.turfOne')
        : t(locale, 'field.organisers.public.turfMany', { count: count(turfs) }),
    doors:
      doors === 1
        ? t(locale, 'field.organisers.public.doorOne')
        : t(locale, 'field.organisers.public.doorMany', { count: count(doors) }),
  });
  const going = event.myRsvp?.status === 'going';
  const app = going
    ? ` <a href="/canvass/">${escapeHtml(t(locale, 'field.organisers.public.openApp'))}</a>`
    : '';
  return `<li data-field-coverage>${escapeHtml(text)}${app}</li>`;
}

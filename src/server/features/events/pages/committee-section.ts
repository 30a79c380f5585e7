import type { EventSummary } from '../../../../contracts/events.ts';
import type { Locale } from '../../recruitment/pages/i18n.ts';
import { escapeHtml } from '../../recruitment/pages/text.ts';
import { placesText, whenHtml } from './format.ts';
import { et } from './messages.ts';

export const eventPath = (id: number) => `/events/${id}`;
export const committeeCalendarPath = (committeeId: number) =>
  `/committees/${committeeId}/calendar.ics`;

/** A committee's next public events on its public page, and its calendar to subscribe to. */
export function committeeEventsSection(
  locale: Locale,
  committeeId: number,
  events: readonly EventSummary[],
  timeZone: string,
): string {
  const list = events.length
    ? `<ol class="committee-list">
${events
  .map(
    (event) => `<li>
<h3><a href="${eventPath(event.id)}">${escapeHtml(event.title)}</a></h3>
<p class="committee-meta">${whenHtml(locale, event, timeZone)} · ${escapeHtml(
      event.place?.label ?? et(locale, 'eventPage.online'),
    )}</p>
<p class="committee-meta">${escapeHtml(placesText(locale, event))}</p>
</li>`,
  )
  .join('\n')}
</ol>`
    : `<p>${escapeHtml(et(locale, 'eventPage.committeeNoEvents'))}</p>`;
  return `<section aria-labelledby="committee-events-title">
<h2 id="committee-events-title">${escapeHtml(et(locale, 'eventPage.committeeEvents'))}</h2>
${list}
<p><a href="${committeeCalendarPath(committeeId)}">${escapeHtml(et(locale, 'eventPage.subscribe'))}</a></p>
</section>`;
}

import { escapeHtml } from '../../recruitment/pages/text.ts';
import {
  NEARBY_COUNT,
  NEARBY_KM,
  nearbyQuery,
  type NearbySection,
} from '../../recruitment/pages/nearby.ts';
import { listEvents } from '../service.ts';
import { et } from './messages.ts';
import { eventsStyle, summaryItem } from './views.ts';

/** The upcoming public events nearest the person's commune, within reach. */
export const eventsNearby: NearbySection = {
  style: eventsStyle,
  async render(ctx, at, locale) {
    const { items } = await listEvents(ctx, { ...at, limit: NEARBY_COUNT, offset: 0 });
    const near = items.filter((item) => item.distanceKm !== null && item.distanceKm <= NEARBY_KM);
    const list =
      near.length === 0
        ? `<p>${escapeHtml(et(locale, 'eventPage.nearbyNone'))}</p>`
        : `<ol class="event-list">
${near.map((item) => summaryItem(locale, item, ctx.config.CAMPAIGN_TIMEZONE)).join('\n')}
</ol>`;
    return `<section class="nearby" aria-labelledby="nearby-events-title">
<h2 id="nearby-events-title">${escapeHtml(et(locale, 'eventPage.nearbyTitle'))}</h2>
${list}
<p><a href="/events?${nearbyQuery(at)}">${escapeHtml(et(locale, 'eventPage.nearbyAll'))}</a></p>
</section>`;
  },
};

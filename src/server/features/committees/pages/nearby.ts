import { escapeHtml } from '../../recruitment/pages/text.ts';
import {
  NEARBY_COUNT,
  NEARBY_KM,
  nearbyQuery,
  type NearbySection,
} from '../../recruitment/pages/nearby.ts';
import { searchCommittees } from '../search.ts';
import { ct } from './messages.ts';
import { committeeStyle, CREATE_PATH, summaryItem } from './views.ts';

/**
 * The committees nearest the person's commune, within reach; none near, the way to start one.
 */
export const committeesNearby: NearbySection = {
  style: committeeStyle,
  async render(ctx, at, locale) {
    const { items } = await searchCommittees(ctx, { ...at, limit: NEARBY_COUNT, offset: 0 });
    const near = items.filter((item) => item.distanceKm !== null && item.distanceKm <= NEARBY_KM);
    const create = `<p><a class="button${near.length === 0 ? ' primary' : ' secondary'}" href="${CREATE_PATH}">${escapeHtml(ct(locale, 'committeePage.create'))}</a></p>`;
    if (near.length === 0) {
      return `<section class="nearby" aria-labelledby="nearby-committees-title">
<h2 id="nearby-committees-title">${escapeHtml(ct(locale, 'committeePage.createTitle'))}</h2>
<p>${escapeHtml(ct(locale, 'committeePage.noneNearYou'))} ${escapeHtml(ct(locale, 'committeePage.createText'))}</p>
${create}
</section>`;
    }
    return `<section class="nearby" aria-labelledby="nearby-committees-title">
<h2 id="nearby-committees-title">${escapeHtml(ct(locale, 'committeePage.nearbyTitle'))}</h2>
<ol class="committee-list">
${near.map((item) => summaryItem(locale, item)).join('\n')}
</ol>
<p><a href="/committees?${nearbyQuery(at)}">${escapeHtml(ct(locale, 'committeePage.nearbyAll'))}</a> · <a href="${CREATE_PATH}">${escapeHtml(ct(locale, 'committeePage.createAnother'))}</a></p>
</section>`;
  },
};

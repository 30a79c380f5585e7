/** Escapes text for HTML content and double- or single-quoted attribute values. */
export const escapeHtml = (s: string) =>
  s.replace(
    /[&<>"']/g,
    (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c]!,
  );

/**
 * A page's title followed by the campaign's name, unless the title already holds it (a home
 * title such as "Campagne 2027 — Ensemble pour nos territoires" would repeat it).
 */
export const titleWithCampaign = (title: string, campaign: string) =>
  campaign && title.includes(campaign) ? title : `${title} — ${campaign}`;

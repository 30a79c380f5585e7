import type { AppContext } from '../../../core/context.ts';
import { perCampaign } from '../../../core/db/per-campaign.ts';
import { drawNewsletter } from '../mail.ts';
import { newsletterRow } from '../service.ts';
import { linkedHtmlOf } from './links.ts';

/** How long a process keeps a newsletter's links: its clicks come in bursts after a send. */
const KEPT_FOR_MS = 60_000;
/** At most this many newsletters' links per process and campaign. */
const KEPT_AT_MOST = 100;

const kept = perCampaign<Map<number, { at: number; links: readonly string[] }>>();

/**
 * A newsletter's web links in order, drawn as its mails are (`drawNewsletter`, then cut at
 * its links): the tracked link's index reads its address here. Throws 404 `not_found` for a
 * newsletter that does not exist in this campaign. A newsletter's text cannot change once its
 * send started, which is when its mails carry tracked links.
 */
export async function newsletterLinks(
  ctx: AppContext,
  newsletterId: number,
): Promise<readonly string[]> {
  const cache =
    kept.get(ctx.database, ctx.campaignId) ?? kept.set(ctx.database, ctx.campaignId, new Map());
  const hit = cache.get(newsletterId);
  if (hit && hit.at > Date.now() - KEPT_FOR_MS) return hit.links;
  const row = await newsletterRow(ctx.database.query, ctx.campaignId, newsletterId);
  const links = linkedHtmlOf(drawNewsletter(row)).links;
  cache.delete(newsletterId);
  if (cache.size >= KEPT_AT_MOST) cache.delete(cache.keys().next().value!);
  cache.set(newsletterId, { at: Date.now(), links });
  return links;
}

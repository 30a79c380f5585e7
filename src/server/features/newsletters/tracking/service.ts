import type {
  NewsletterLink,
  PersonEngagements,
} from '../../../../contracts/newsletter-tracking.ts';
import type { AppContext } from '../../../core/context.ts';
import { currentConsents } from '../../people/consents.ts';
import { assertPersonExists } from '../../people/records.ts';
import { newsletterLinks } from './newsletter-links.ts';
import { linkClicks, personEngagementRows, trackedCountOf } from './stats.ts';

const iso = (value: Date | null) => (value ? new Date(value).toISOString() : null);

/** A newsletter's web links in order, each with its clicks by tracked recipients. */
export async function newsletterLinkClicks(
  ctx: AppContext,
  newsletterId: number,
): Promise<{ items: NewsletterLink[] }> {
  const [links, clicks] = await Promise.all([
    newsletterLinks(ctx, newsletterId),
    linkClicks(ctx.database.query, ctx.campaignId, newsletterId),
  ]);
  return {
    items: links.map((url, index) => ({ index, url, clicks: clicks.get(index) ?? 0 })),
  };
}

/** At most this many newsletters on a person's record. */
const SHOWN = 100;

/**
 * The newsletters a person opened or clicked in, for their record at HQ: only while they agree
 * to that tracking. Someone who withdrew shows nothing (what was recorded before stays counted
 * in the newsletters' totals, and in their own data file, until they are erased).
 */
export async function personEngagements(
  ctx: AppContext,
  personId: number,
): Promise<PersonEngagements> {
  await assertPersonExists(ctx, personId);
  const records = (await currentConsents(ctx.database.query, ctx.campaignId, [personId])).get(
    personId,
  );
  if (records?.email_tracking?.status !== 'granted') {
    return { consents: false, tracked: 0, items: [] };
  }
  const [tracked, rows] = await Promise.all([
    trackedCountOf(ctx.database.query, ctx.campaignId, personId),
    personEngagementRows(ctx.database.query, ctx.campaignId, personId, {
      opened: true,
      limit: SHOWN,
    }),
  ]);
  return {
    consents: true,
    tracked,
    items: rows.map((row) => ({
      newsletterId: Number(row.newsletter_id),
      name: row.name,
      openedAt: iso(row.opened_at),
      opens: row.opens,
      clickedAt: iso(row.clicked_at),
      clicks: row.clicks,
    })),
  };
}

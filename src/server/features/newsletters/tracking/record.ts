import { sql } from 'drizzle-orm';
import type { AppContext } from '../../../core/context.ts';
import { consentGrantedSql } from '../../people/consents.ts';

/**
 * What is recorded of a tracked newsletter mail, each in one statement that also reads the
 * person's consent to tracking (`email_tracking`) as it is now: a withdrawal stops the
 * recording at once, whatever mails already carry the image and the links.
 */

const consents = (campaignId: number, personId: number) =>
  consentGrantedSql(campaignId, personId, 'email_tracking');

/**
 * When a newsletter mail is rendered: whether its recipient agrees to tracking, and if so
 * their row of `newsletter_engagements` (zero counts) — a row means "this recipient's mail
 * was tracked", the denominator of the newsletter's rates. One statement per mail.
 */
export async function trackRecipient(
  ctx: AppContext,
  newsletterId: number,
  personId: number,
): Promise<boolean> {
  const [row] = await ctx.database.query<{ granted: boolean }>(
    sql`WITH consent AS (SELECT ${consents(ctx.campaignId, personId)} AS granted),
         tracked AS (
           INSERT INTO newsletter_engagements (campaign_id, newsletter_id, person_id)
           SELECT ${ctx.campaignId}::int, ${newsletterId}::bigint, ${personId}::bigint
             FROM consent WHERE granted
           ON CONFLICT DO NOTHING)
         SELECT granted FROM consent`,
  );
  return row?.granted === true;
}

/** An open (the image was fetched): counted for a tracked mail whose person still agrees. */
export async function recordOpen(
  ctx: AppContext,
  newsletterId: number,
  personId: number,
): Promise<boolean> {
  const rows = await ctx.database.query(
    sql`UPDATE newsletter_engagements
           SET opens = opens + 1, opened_at = coalesce(opened_at, now())
         WHERE campaign_id = ${ctx.campaignId} AND newsletter_id = ${newsletterId}
           AND person_id = ${personId} AND ${consents(ctx.campaignId, personId)}
        RETURNING 1`,
  );
  return rows.length > 0;
}

/**
 * A click on the newsletter's link `index`: counted for a tracked mail whose person still
 * agrees, as an open too when none was (images are often blocked), and on the link's count.
 */
export async function recordClick(
  ctx: AppContext,
  newsletterId: number,
  personId: number,
  index: number,
): Promise<boolean> {
  const rows = await ctx.database.query(
    sql`WITH clicked AS (
          UPDATE newsletter_engagements
             SET clicks = clicks + 1, clicked_at = coalesce(clicked_at, now()),
                 opens = greatest(opens, 1), opened_at = coalesce(opened_at, now())
           WHERE campaign_id = ${ctx.campaignId} AND newsletter_id = ${newsletterId}
             AND person_id = ${personId} AND ${consents(ctx.campaignId, personId)}
          RETURNING newsletter_id)
        INSERT INTO newsletter_link_clicks (campaign_id, newsletter_id, link, clicks)
        SELECT ${ctx.campaignId}::int, newsletter_id, ${index}::int, 1 FROM clicked
        ON CONFLICT (campaign_id, newsletter_id, link)
           DO UPDATE SET clicks = newsletter_link_clicks.clicks + 1
        RETURNING 1`,
  );
  return rows.length > 0;
}

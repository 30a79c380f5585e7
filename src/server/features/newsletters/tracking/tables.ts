import { integer, pgTable, primaryKey } from 'drizzle-orm/pg-core';
import { campaignId, ref } from '../../../core/db/columns.ts';

/**
 * Clicks per link of a newsletter: the link by its place among the web links of the
 * newsletter's drawn text (from 0), counted when a tracked recipient follows it. A count, no
 * one's data: only the links of recipients who agreed to that tracking lead through it.
 */
export const newsletterLinkClicks = pgTable(
  'newsletter_link_clicks',
  {
    campaignId: campaignId(),
    newsletterId: ref('newsletter_id').notNull(),
    link: integer('link').notNull(),
    clicks: integer('clicks').notNull().default(0),
  },
  (t) => [
    primaryKey({
      name: 'newsletter_link_clicks_pkey',
      columns: [t.campaignId, t.newsletterId, t.link],
    }),
  ],
);

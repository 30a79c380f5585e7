import { sql } from 'drizzle-orm';
import type { Query } from '../../core/db/index.ts';

/** A deleted item's comments (and their earlier texts) go with it (content's `deleteItem` calls this). */
export async function deleteItemComments(
  query: Query,
  campaignId: number,
  itemId: number,
): Promise<void> {
  await query(
    sql`DELETE FROM content_comment_edits
         WHERE campaign_id = ${campaignId}
           AND comment_id IN (SELECT id FROM content_comments
                               WHERE campaign_id = ${campaignId} AND item_id = ${itemId})`,
  );
  await query(
    sql`DELETE FROM content_comments WHERE campaign_id = ${campaignId} AND item_id = ${itemId}`,
  );
}

import { sql } from 'drizzle-orm';
import type { Query } from '../../core/db/index.ts';

/** A deleted item's comments go with it (content's `deleteItem` calls this). */
export async function deleteItemComments(
  query: Query,
  campaignId: number,
  itemId: number,
): Promise<void> {
  await query(
    sql`DELETE FROM content_comments WHERE campaign_id = ${campaignId} AND item_id = ${itemId}`,
  );
}

import { sql } from 'drizzle-orm';
import { runSql } from '../../core/db/statement.ts';
import {
  describeRows,
  type ModerationTargetKindDefinition,
  type TargetChange,
  type TargetRow,
} from '../moderation/target.ts';
import { refreshEventsOnMap, takeEventsOffMap } from './map.ts';

const statusAfter: Record<TargetChange, string> = {
  unpublish: 'unpublished',
  close: 'cancelled',
  restore: 'published',
};

/** Events as moderation sees them: its creator is its author. */
export const eventModeration: ModerationTargetKindDefinition = {
  kind: 'event',
  async describe(ctx, ids) {
    if (ids.length === 0) return new Map();
    const rows = await runSql<TargetRow>(
      ctx.database,
      sql`SELECT id, title, status, created_by FROM events
           WHERE campaign_id = ${ctx.campaignId} AND id = ANY(${ids})`,
    );
    return describeRows(ctx, 'event', rows, (id) => `/events/${id}`);
  },
  async isVisible(ctx, id) {
    const rows = await runSql(
      ctx.database,
      sql`SELECT 1 FROM events WHERE campaign_id = ${ctx.campaignId} AND id = ${id}
             AND status = 'published' AND visibility = 'public'`,
    );
    return rows.length > 0;
  },
  async concerned(ctx, id) {
    const rows = await runSql<{ created_by: number | null }>(
      ctx.database,
      sql`SELECT created_by FROM events WHERE campaign_id = ${ctx.campaignId} AND id = ${id}`,
    );
    return rows.flatMap((row) => (row.created_by === null ? [] : [Number(row.created_by)]));
  },
  async change(query, campaignId, id, change) {
    await runSql(
      query,
      sql`UPDATE events SET status = ${statusAfter[change]}, updated_at = now()
           WHERE campaign_id = ${campaignId} AND id = ${id}`,
    );
    await refreshEventsOnMap(query, campaignId, [id]);
  },
  async hideAllBy(query, campaignId, personId) {
    const hidden = await runSql<{ id: number }>(
      query,
      sql`UPDATE events SET status = 'unpublished', updated_at = now()
           WHERE campaign_id = ${campaignId} AND created_by = ${personId} AND status = 'published'
          RETURNING id`,
    );
    await takeEventsOffMap(
      query,
      campaignId,
      hidden.map((row) => Number(row.id)),
    );
    return hidden.length;
  },
};

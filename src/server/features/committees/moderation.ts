import { sql } from 'drizzle-orm';
import { runSql } from '../../core/db/statement.ts';
import {
  describeRows,
  type ModerationTargetKindDefinition,
  type TargetChange,
  type TargetRow,
} from '../moderation/target.ts';
import { refreshOnMap, takeOffMap } from './map.ts';

const statusAfter: Record<TargetChange, string> = {
  unpublish: 'unpublished',
  close: 'closed',
  restore: 'published',
};

/** Committees as moderation sees them: reported, unpublished, closed, restored. */
export const committeeModeration: ModerationTargetKindDefinition = {
  kind: 'committee',
  async describe(ctx, ids) {
    if (ids.length === 0) return new Map();
    const rows = await runSql<TargetRow>(
      ctx.database,
      sql`SELECT id, name AS title, status, created_by FROM committees
           WHERE campaign_id = ${ctx.campaignId} AND id = ANY(${ids})`,
    );
    return describeRows(ctx, 'committee', rows, (id) => `/committees/${id}`);
  },
  async isVisible(ctx, id) {
    const rows = await runSql(
      ctx.database,
      sql`SELECT 1 FROM committees WHERE campaign_id = ${ctx.campaignId} AND id = ${id} AND status = 'published'`,
    );
    return rows.length > 0;
  },
  async concerned(ctx, id) {
    const rows = await runSql<{ person_id: number }>(
      ctx.database,
      sql`SELECT person_id FROM committee_members
           WHERE campaign_id = ${ctx.campaignId} AND committee_id = ${id} AND rank = 'organiser'
          UNION SELECT created_by FROM committees
           WHERE campaign_id = ${ctx.campaignId} AND id = ${id} AND created_by IS NOT NULL`,
    );
    return rows.map((row) => Number(row.person_id));
  },
  async change(query, campaignId, id, change) {
    await runSql(
      query,
      sql`UPDATE committees SET status = ${statusAfter[change]}, updated_at = now()
           WHERE campaign_id = ${campaignId} AND id = ${id}`,
    );
    await refreshOnMap(query, campaignId, [id]);
  },
  async hideAllBy(query, campaignId, personId) {
    const hidden = await runSql<{ id: number }>(
      query,
      sql`UPDATE committees SET status = 'unpublished', updated_at = now()
           WHERE campaign_id = ${campaignId} AND created_by = ${personId}
             AND status IN ('published', 'held') RETURNING id`,
    );
    await takeOffMap(
      query,
      campaignId,
      hidden.map((row) => Number(row.id)),
    );
    return hidden.length;
  },
};

import { sql } from 'drizzle-orm';
import type { ModerationTarget } from '../../../contracts/moderation.ts';
import { runSql } from '../../core/db/statement.ts';
import { displayName, profilesOf } from '../people/directory.ts';
import type { ModerationTargetKindDefinition, TargetChange } from '../moderation/target.ts';
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
    const rows = await runSql<{
      id: number;
      name: string;
      status: string;
      created_by: number | null;
    }>(
      ctx.database,
      sql`SELECT id, name, status, created_by FROM committees
           WHERE campaign_id = ${ctx.campaignId} AND id = ANY(${ids})`,
    );
    const authors = await profilesOf(
      ctx,
      rows.flatMap((row) => (row.created_by === null ? [] : [Number(row.created_by)])),
    );
    return new Map(
      rows.map((row): [number, ModerationTarget] => {
        const authorId = row.created_by === null ? null : Number(row.created_by);
        return [
          Number(row.id),
          {
            kind: 'committee',
            id: Number(row.id),
            title: row.name,
            url: `/committees/${row.id}`,
            status: row.status,
            authorId,
            authorName: authorId === null ? null : displayName(authors.get(authorId)),
          },
        ];
      }),
    );
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

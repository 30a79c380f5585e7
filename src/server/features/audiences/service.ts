import { sql } from 'drizzle-orm';
import type { AudienceInput, AudienceSnapshot } from '../../../contracts/audiences.ts';
import type { PeopleFilter } from '../../../contracts/people.ts';
import { audit } from '../../core/audit.ts';
import type { AppContext } from '../../core/context.ts';
import { notFound } from '../../core/http/errors.ts';
import { matchingIdsQuery } from '../people/queries.ts';
import { segmentFilter } from '../people/segments.ts';

interface SnapshotRow {
  id: number;
  filter: PeopleFilter;
  segment_filter: PeopleFilter | null;
  person_count: number;
  created_by: number | null;
  created_at: Date;
}

const toSnapshot = (row: SnapshotRow): AudienceSnapshot => ({
  id: Number(row.id),
  count: row.person_count,
  filter: row.filter,
  segmentFilter: row.segment_filter,
  createdAt: new Date(row.created_at).toISOString(),
  createdBy: row.created_by === null ? null : Number(row.created_by),
});

/**
 * Freezes who matches a filter (or a segment) now: their ids are copied in one statement, so
 * people added, changed or erased afterwards do not change it. Audited with its filter.
 */
export async function createAudienceSnapshot(
  ctx: AppContext,
  input: AudienceInput,
  actorId: number,
): Promise<AudienceSnapshot> {
  const filter: PeopleFilter = input.filter ?? { segmentId: input.segmentId };
  // Read before the transaction: an unknown segment is a 404 with nothing written.
  const segment = filter.segmentId ? await segmentFilter(ctx, filter.segmentId) : null;
  const matching = await matchingIdsQuery(ctx, filter);
  const snapshot = await ctx.database.transaction(async (query) => {
    const [row] = await query<SnapshotRow>(
      sql`INSERT INTO audience_snapshots (campaign_id, filter, segment_filter, person_count, created_by)
       VALUES (${ctx.campaignId}, ${JSON.stringify(filter)}, ${segment && JSON.stringify(segment)}, 0, ${actorId})
       RETURNING id, filter, segment_filter, person_count, created_by, created_at`,
    );
    const [{ n }] = await query<{ n: number }>(
      sql`WITH frozen AS (
         INSERT INTO audience_members (campaign_id, audience_snapshot_id, person_id)
         SELECT ${ctx.campaignId}, ${row.id}, m.id FROM (${matching}) m
         RETURNING 1)
       SELECT count(*)::int AS n FROM frozen`,
    );
    await query(
      sql`UPDATE audience_snapshots SET person_count = ${n} WHERE campaign_id = ${ctx.campaignId} AND id = ${row.id}`,
    );
    return toSnapshot({ ...row, person_count: n });
  });
  await audit(ctx.database, {
    campaignId: ctx.campaignId,
    actorId,
    action: 'audience.create',
    target: `audience:${snapshot.id}`,
    details: { filter, count: snapshot.count },
  });
  return snapshot;
}

export async function audienceSnapshot(ctx: AppContext, id: number): Promise<AudienceSnapshot> {
  const [row] = await ctx.database.query<SnapshotRow>(
    sql`SELECT id, filter, segment_filter, person_count, created_by, created_at
       FROM audience_snapshots WHERE campaign_id = ${ctx.campaignId} AND id = ${id}`,
  );
  if (!row) throw notFound('audience');
  return toSnapshot(row);
}

/**
 * A page of a snapshot's people, in id order after `afterId` (0 to start): a channel sends to
 * a snapshot by asking for the next page until one comes back empty. Erased people are gone
 * from it (erasure deletes their rows).
 */
export async function audienceMembers(
  ctx: AppContext,
  snapshotId: number,
  afterId: number,
  limit: number,
): Promise<number[]> {
  const rows = await ctx.database.query<{ person_id: number }>(
    sql`SELECT person_id FROM audience_members
      WHERE campaign_id = ${ctx.campaignId} AND audience_snapshot_id = ${snapshotId} AND person_id > ${afterId}
      ORDER BY person_id LIMIT ${limit}`,
  );
  return rows.map((r) => Number(r.person_id));
}

import { sql, type SQL } from 'drizzle-orm';
import type { AudienceInput, AudienceSnapshot } from '../../../contracts/audiences.ts';
import type { PeopleFilter } from '../../../contracts/people.ts';
import { audit } from '../../core/audit.ts';
import type { AppContext } from '../../core/context.ts';
import type { Query } from '../../core/db/index.ts';
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
 * Freezes the people `matching` selects (one column of ids) into a new snapshot, inside the
 * caller's transaction: for a channel that freezes its audience and queues its messages at
 * once. Returns the snapshot's id and size.
 */
export async function freezeAudience(
  query: Query,
  campaignId: number,
  audience: {
    filter: PeopleFilter;
    segment: PeopleFilter | null;
    matching: SQL;
    createdBy: number | null;
  },
): Promise<{ id: number; count: number }> {
  const [row] = await query<{ id: number }>(
    sql`INSERT INTO audience_snapshots (campaign_id, filter, segment_filter, person_count, created_by)
        VALUES (${campaignId}, ${JSON.stringify(audience.filter)}, ${audience.segment && JSON.stringify(audience.segment)},
                0, ${audience.createdBy})
        RETURNING id`,
  );
  const id = Number(row!.id);
  const [{ n }] = await query<{ n: number }>(
    sql`WITH frozen AS (
       INSERT INTO audience_members (campaign_id, audience_snapshot_id, person_id)
       SELECT ${campaignId}, ${id}, m.id FROM (${audience.matching}) m
       RETURNING 1)
     SELECT count(*)::int AS n FROM frozen`,
  );
  await query(
    sql`UPDATE audience_snapshots SET person_count = ${n} WHERE campaign_id = ${campaignId} AND id = ${id}`,
  );
  return { id, count: n };
}

/** A snapshot's people as one column of ids (`person_id`), for a set-based fan-out. */
export const snapshotPeople = (campaignId: number, snapshotId: number): SQL =>
  sql`SELECT person_id FROM audience_members
       WHERE campaign_id = ${campaignId} AND audience_snapshot_id = ${snapshotId}`;

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
    const frozen = await freezeAudience(query, ctx.campaignId, {
      filter,
      segment,
      matching,
      createdBy: actorId,
    });
    const [row] = await query<SnapshotRow>(
      sql`SELECT id, filter, segment_filter, person_count, created_by, created_at
            FROM audience_snapshots WHERE campaign_id = ${ctx.campaignId} AND id = ${frozen.id}`,
    );
    return toSnapshot(row!);
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

import { sql } from 'drizzle-orm';
import { peopleFilterSchema, type PeopleFilter, type Segment } from '../../../contracts/people.ts';
import { audit } from '../../core/audit.ts';
import type { AppContext } from '../../core/context.ts';
import { runSql, type Queryable } from '../../core/db/statement.ts';
import { badRequest, notFound } from '../../core/http/errors.ts';

interface SegmentRow {
  id: number;
  name: string;
  filter: PeopleFilter;
  created_at: Date;
}

/** A segment's stored filter; a segment may not refer to another one (no cycles). */
export async function segmentFilter(ctx: AppContext, id: number): Promise<PeopleFilter> {
  const rows = await runSql<SegmentRow>(
    ctx.database,
    sql`SELECT filter FROM segments WHERE campaign_id = ${ctx.campaignId} AND id = ${id}`,
  );
  if (!rows[0]) throw notFound('segment');
  return { ...peopleFilterSchema.parse(rows[0].filter), segmentId: undefined };
}

const toSegment = (row: SegmentRow): Segment => ({
  id: Number(row.id),
  name: row.name,
  filter: row.filter,
  count: null,
  createdAt: new Date(row.created_at).toISOString(),
});

export async function listSegments(ctx: AppContext): Promise<Segment[]> {
  const rows = await runSql<SegmentRow>(
    ctx.database,
    sql`SELECT id, name, filter, created_at FROM segments WHERE campaign_id = ${ctx.campaignId} ORDER BY name`,
  );
  return rows.map(toSegment);
}

/** Segments decide who is reached: each change is in the audit log, with the filter. */
const segmentAudit = (
  ctx: AppContext,
  actorId: number,
  action: string,
  id: number,
  details: Record<string, unknown>,
) =>
  audit(ctx.database, {
    campaignId: ctx.campaignId,
    actorId,
    action,
    target: `segment:${id}`,
    details,
  });

function storable(filter: PeopleFilter): PeopleFilter {
  if (filter.segmentId)
    throw badRequest('segment_nesting', 'A segment cannot be built on another segment.');
  return filter;
}

export async function createSegment(
  ctx: AppContext,
  name: string,
  filter: PeopleFilter,
  actorId: number,
) {
  const rows = await runSql<SegmentRow>(
    ctx.database,
    sql`INSERT INTO segments (campaign_id, name, filter, created_by)
        VALUES (${ctx.campaignId}, ${name}, ${JSON.stringify(storable(filter))}, ${actorId})
        RETURNING id, name, filter, created_at`,
  );
  await segmentAudit(ctx, actorId, 'segment.create', Number(rows[0].id), { name, filter });
  return toSegment(rows[0]);
}

export async function updateSegment(
  ctx: AppContext,
  id: number,
  name: string,
  filter: PeopleFilter,
  actorId: number,
) {
  const rows = await runSql<SegmentRow>(
    ctx.database,
    sql`UPDATE segments SET name = ${name}, filter = ${JSON.stringify(storable(filter))}, updated_at = now()
         WHERE campaign_id = ${ctx.campaignId} AND id = ${id}
        RETURNING id, name, filter, created_at`,
  );
  if (!rows[0]) throw notFound('segment');
  await segmentAudit(ctx, actorId, 'segment.update', id, { name, filter });
  return toSegment(rows[0]);
}

export async function deleteSegment(ctx: AppContext, id: number, actorId: number) {
  const rows = await runSql<{ name: string }>(
    ctx.database,
    sql`DELETE FROM segments WHERE campaign_id = ${ctx.campaignId} AND id = ${id} RETURNING name`,
  );
  if (!rows[0]) throw notFound('segment');
  await segmentAudit(ctx, actorId, 'segment.delete', id, { name: rows[0].name });
}

/**
 * Saves segments (in a transaction's query too), skipping a name the campaign already has;
 * returns how many of these names it has now.
 */
export async function addSegmentsIfAbsent(
  on: Queryable,
  campaignId: number,
  segments: Array<{ name: string; filter: unknown }>,
): Promise<number> {
  const names = segments.map((s) => s.name);
  await runSql(
    on,
    sql`INSERT INTO segments (campaign_id, name, filter)
        SELECT ${campaignId}::integer, u.name, u.filter::jsonb
          FROM unnest(${names}::text[], ${segments.map((s) => JSON.stringify(s.filter))}::text[]) AS u(name, filter)
         WHERE NOT EXISTS (SELECT 1 FROM segments s WHERE s.campaign_id = ${campaignId} AND s.name = u.name)`,
  );
  const [row] = await runSql<{ n: number }>(
    on,
    sql`SELECT count(DISTINCT name)::int AS n FROM segments
         WHERE campaign_id = ${campaignId} AND name = ANY(${names}::text[])`,
  );
  return row.n;
}

import { sql } from 'drizzle-orm';
import type { PeopleFilter } from '../../../contracts/people.ts';
import { audit } from '../../core/audit.ts';
import type { AppContext } from '../../core/context.ts';
import { runSql, type Queryable } from '../../core/db/statement.ts';
import { badRequest } from '../../core/http/errors.ts';
import { resolveFilter } from './queries.ts';

export async function listTags(ctx: AppContext) {
  const rows = await runSql<{ id: number; name: string; count: number }>(
    ctx.database,
    sql`SELECT t.id, t.name, count(pt.person_id)::int AS count
          FROM tags t LEFT JOIN person_tags pt ON pt.campaign_id = t.campaign_id AND pt.tag_id = t.id
         WHERE t.campaign_id = ${ctx.campaignId} GROUP BY t.campaign_id, t.id ORDER BY t.name`,
  );
  return rows.map((r) => ({ id: Number(r.id), name: r.name, count: r.count }));
}

/** Makes sure the tags exist; returns their ids. */
export async function ensureTags(ctx: AppContext, names: string[]): Promise<number[]> {
  if (names.length === 0) return [];
  const rows = await runSql<{ id: number }>(
    ctx.database,
    sql`WITH input AS (SELECT DISTINCT unnest(${names}::text[]) AS name),
             ins AS (INSERT INTO tags (campaign_id, name) SELECT ${ctx.campaignId}::integer, name FROM input
                     ON CONFLICT (campaign_id, name) DO NOTHING RETURNING id)
        SELECT id FROM ins
        UNION SELECT t.id FROM tags t JOIN input i ON i.name = t.name WHERE t.campaign_id = ${ctx.campaignId}`,
  );
  return rows.map((r) => Number(r.id));
}

/** Adds and removes tags on explicit people or on everyone a filter matches, set-based. */
export async function bulkTag(
  ctx: AppContext,
  target: { personIds?: number[]; filter?: PeopleFilter },
  add: string[],
  remove: string[],
  actorId: number,
  ip?: string,
): Promise<number> {
  if (!target.personIds && !target.filter)
    throw badRequest('no_target', 'Choose people or a filter.');
  if (add.length === 0 && remove.length === 0)
    throw badRequest('no_change', 'Choose tags to add or remove.');
  const addIds = await ensureTags(ctx, add);
  const where = target.personIds
    ? sql`p.campaign_id = ${ctx.campaignId} AND p.erased_at IS NULL AND p.id = ANY(${target.personIds}::bigint[])`
    : (await resolveFilter(ctx, target.filter!)).conditions;
  const matched = await ctx.database.query<{ id: number }>(
    sql`WITH target AS (SELECT p.id FROM people p WHERE ${where}),
          added AS (
            INSERT INTO person_tags (campaign_id, person_id, tag_id)
            SELECT ${ctx.campaignId}, target.id, tag.id FROM target CROSS JOIN unnest(${addIds}::bigint[]) AS tag(id)
            ON CONFLICT (campaign_id, person_id, tag_id) DO NOTHING),
          removed AS (
            DELETE FROM person_tags pt USING tags t
             WHERE pt.campaign_id = ${ctx.campaignId} AND t.campaign_id = pt.campaign_id AND pt.tag_id = t.id
               AND t.name = ANY(${remove}::text[]) AND pt.person_id IN (SELECT id FROM target)),
          events AS (
            INSERT INTO person_events (campaign_id, person_id, kind, data, actor_id)
            SELECT ${ctx.campaignId}, id, 'tags', ${JSON.stringify({ added: add, removed: remove })}, ${actorId} FROM target)
     SELECT count(*)::int AS id FROM target`,
  );
  const count = matched[0].id;
  // The filter says whom a change reached; chosen people are counted, not listed.
  await audit(ctx.database, {
    campaignId: ctx.campaignId,
    actorId,
    action: 'people.bulk_tag',
    details: {
      added: add,
      removed: remove,
      count,
      ...(target.personIds ? { chosen: target.personIds.length } : { filter: target.filter }),
    },
    ip,
  });
  return count;
}

/** Makes sure the tags exist (in a transaction's query too); returns their ids by name. */
export async function tagIdsByName(
  on: Queryable,
  campaignId: number,
  names: string[],
): Promise<Map<string, number>> {
  await runSql(
    on,
    sql`INSERT INTO tags (campaign_id, name) SELECT ${campaignId}::integer, unnest(${names}::text[])
        ON CONFLICT (campaign_id, name) DO NOTHING`,
  );
  const rows = await runSql<{ id: number; name: string }>(
    on,
    sql`SELECT id, name FROM tags WHERE campaign_id = ${campaignId} AND name = ANY(${names}::text[])`,
  );
  return new Map(rows.map((r) => [r.name, Number(r.id)]));
}

import type { AppContext } from '../../core/context.ts';

/** People's names as staff lists show them (first and last name, else the email), by id. */
export async function personNames(ctx: AppContext, ids: number[]): Promise<Map<number, string>> {
  if (ids.length === 0) return new Map();
  const rows = await ctx.database.query<{ id: number; name: string | null }>(
    `SELECT id, coalesce(nullif(concat_ws(' ', first_name, last_name), ''), email) AS name
       FROM people WHERE campaign_id = $1 AND id = ANY($2::bigint[])`,
    [ctx.campaignId, [...new Set(ids)]],
  );
  return new Map(rows.flatMap((r) => (r.name ? [[Number(r.id), r.name]] : [])));
}

import { sql } from 'drizzle-orm';
import type { AppContext } from '../../core/context.ts';
import { notFound } from '../../core/http/errors.ts';

/** A staff member's name in lists (`alias` is a join on people); known by address only, that. */
export const actorNameSql = (alias: string) =>
  sql.raw(
    `coalesce(nullif(concat_ws(' ', ${alias}.first_name, ${alias}.last_name), ''), ${alias}.email)`,
  );

/** 404 unless the person is in this campaign and not erased (another campaign's ids too). */
export async function assertPersonExists(ctx: AppContext, personId: number): Promise<void> {
  const [person] = await ctx.database.query(
    sql`SELECT 1 FROM people WHERE campaign_id = ${ctx.campaignId} AND id = ${personId} AND erased_at IS NULL`,
  );
  if (!person) throw notFound('person');
}

export const isoDate = (value: Date | string) => new Date(value).toISOString();

import { sql } from 'drizzle-orm';
import type { CommitteeSearchQuery, CommitteeSummary } from '../../../contracts/committees.ts';
import type { AppContext } from '../../core/context.ts';
import { runSql } from '../../core/db/statement.ts';
import { mercator, searchOrigin } from '../../core/geo/place.ts';
import { summaryColumns, toSummary, type SummaryRow } from './rows.ts';

const likePattern = (text: string) => `%${text.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;

/**
 * Published committees, nearest first from a point (the GiST index walks them in order of
 * distance and stops at the page: the cost does not grow with the number of committees),
 * otherwise biggest first; a name narrows either.
 */
export async function searchCommittees(
  ctx: AppContext,
  query: CommitteeSearchQuery,
): Promise<{ items: CommitteeSummary[]; more: boolean }> {
  const origin = await searchOrigin(ctx, query);
  const named = query.q ? sql`AND c.name ILIKE ${likePattern(query.q)}` : sql``;
  // `status = 'published'` is written out: the location index covers published rows only.
  const at = origin && mercator(origin.lat, origin.lng);
  const order = at
    ? sql`c.location <-> point(${at[0]}, ${at[1]})`
    : sql`c.member_count DESC, c.id DESC`;
  const rows = await runSql<SummaryRow>(
    ctx.database,
    sql`SELECT ${summaryColumns} FROM committees c
         WHERE c.status = 'published' AND c.campaign_id = ${ctx.campaignId} ${named}
         ORDER BY ${order} LIMIT ${query.limit + 1} OFFSET ${query.offset}`,
  );
  return {
    items: rows.slice(0, query.limit).map((row) => toSummary(row, origin)),
    more: rows.length > query.limit,
  };
}

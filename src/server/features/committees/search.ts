import { sql } from 'drizzle-orm';
import type { CommitteeSearchQuery, CommitteeSummary } from '../../../contracts/committees.ts';
import type { AppContext } from '../../core/context.ts';
import { runSql } from '../../core/db/statement.ts';
import { badRequest } from '../../core/http/errors.ts';
import { mercator } from '../../core/geo/place.ts';
import { summaryColumns, toSummary, type SummaryRow } from './rows.ts';

/** The point a search starts from: given, or the centre of a postal code or a commune. */
async function originOf(ctx: AppContext, query: CommitteeSearchQuery) {
  if (query.lat !== undefined && query.lng !== undefined) return { lat: query.lat, lng: query.lng };
  const code = query.place?.replace(/\s/g, '').toUpperCase();
  if (!code) return null;
  // People type postal codes: a code that is one (69003, Lyon 3e) is read as one, even when
  // it is also a commune's INSEE code (69003, Albigny-sur-Saône).
  const place = await ctx.geocoder.geocode(
    ctx.geo.isPostalCode(code) ? { postalCode: code } : { communeCode: code },
  );
  if (!place) {
    throw badRequest('unknown_place', 'No commune has this postal or INSEE code.', [
      { field: 'place', code: 'unknown_place', message: 'Unknown postal code or commune.' },
    ]);
  }
  return { lat: place.lat, lng: place.lng };
}

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
  const origin = await originOf(ctx, query);
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

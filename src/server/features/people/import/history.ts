import { sql } from 'drizzle-orm';
import type { ImportSummary } from '../../../../contracts/people.ts';
import type { AppContext } from '../../../core/context.ts';

export const IMPORTS_PAGE_SIZE = 20;

/** Past imports, newest first, with who ran them. */
export async function listImports(ctx: AppContext, page: number) {
  const offset = (page - 1) * IMPORTS_PAGE_SIZE;
  const rows = await ctx.database.query<{
    id: number;
    status: string;
    file_name: string;
    total_rows: number;
    created_count: number;
    merged_count: number;
    invalid_rows: number;
    created_at: Date;
    finished_at: Date | null;
    created_by_name: string | null;
    details_purged: boolean;
  }>(
    sql`SELECT i.id, i.status, i.file_name, i.total_rows, i.created_count, i.merged_count, i.invalid_rows,
            i.created_at, i.finished_at, i.details_purged_at IS NOT NULL AS details_purged,
            nullif(concat_ws(' ', p.first_name, p.last_name), '') AS created_by_name
       FROM imports i LEFT JOIN people p ON p.campaign_id = i.campaign_id AND p.id = i.created_by
      WHERE i.campaign_id = ${ctx.campaignId}
      ORDER BY i.id DESC LIMIT ${IMPORTS_PAGE_SIZE} OFFSET ${offset}`,
  );
  const [{ n }] = await ctx.database.query<{ n: number }>(
    sql`SELECT count(*)::int AS n FROM imports WHERE campaign_id = ${ctx.campaignId}`,
  );
  const items: ImportSummary[] = rows.map((r) => ({
    id: Number(r.id),
    status: r.status,
    fileName: r.file_name,
    totalRows: r.total_rows,
    createdCount: r.created_count,
    mergedCount: r.merged_count,
    invalidRows: r.invalid_rows,
    createdAt: new Date(r.created_at).toISOString(),
    finishedAt: r.finished_at ? new Date(r.finished_at).toISOString() : null,
    createdByName: r.created_by_name,
    detailsPurged: r.details_purged,
  }));
  return { items, total: n, page, pageSize: IMPORTS_PAGE_SIZE };
}

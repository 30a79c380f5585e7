import { sql } from 'drizzle-orm';
import { runSql, type Queryable } from '../../../core/db/statement.ts';

/** An import already applied, as its row records it (the demo's imports stand in for real ones). */
export interface AppliedImport {
  fileName: string;
  mapping: Record<string, string>;
  options: Record<string, unknown>;
  validRows: number;
  invalidRows: number;
  errors: unknown[];
  createdAt: string;
  finishedAt: string;
}

/** Records an applied import (every valid row created a person); returns its id. */
export async function recordAppliedImport(
  on: Queryable,
  campaignId: number,
  record: AppliedImport,
): Promise<number> {
  const [row] = await runSql<{ id: number }>(
    on,
    sql`INSERT INTO imports (campaign_id, status, file_name, mapping, options, total_rows, valid_rows,
                             invalid_rows, created_count, merged_count, errors, created_at, finished_at)
        VALUES (${campaignId}, 'applied', ${record.fileName}, ${JSON.stringify(record.mapping)},
                ${JSON.stringify(record.options)}, ${record.validRows + record.invalidRows},
                ${record.validRows}, ${record.invalidRows}, ${record.validRows}, 0,
                ${JSON.stringify(record.errors)}, ${record.createdAt}, ${record.finishedAt})
        RETURNING id`,
  );
  return Number(row.id);
}

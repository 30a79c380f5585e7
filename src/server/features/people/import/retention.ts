import { sql } from 'drizzle-orm';
import type { AppContext } from '../../../core/context.ts';
import type { Database } from '../../../core/db/index.ts';

/**
 * An import keeps raw values from its file: its first rows (the preview sample) and its row
 * errors, which quote the values they reject. The counts and the consent records stay; these
 * go once the import is IMPORT_DETAILS_RETENTION_DAYS old.
 */
export async function purgeImportDetails(ctx: AppContext): Promise<number> {
  const purged = await ctx.database.query<{ id: number }>(
    sql`WITH old AS (
       UPDATE imports SET sample = '[]', errors = '[]', details_purged_at = now()
        WHERE campaign_id = ${ctx.campaignId} AND details_purged_at IS NULL AND finished_at IS NOT NULL
          AND finished_at < now() - make_interval(days => ${ctx.config.IMPORT_DETAILS_RETENTION_DAYS})
        RETURNING id
     ), rows AS (DELETE FROM import_errors WHERE campaign_id = ${ctx.campaignId} AND import_id IN (SELECT id FROM old))
     SELECT id FROM old`,
  );
  return purged.length;
}

/**
 * On erasure, the sample rows of any import that quote the person's address or phone go
 * (a sample row is the file's raw text, so it is matched as text, case-insensitively).
 */
export async function forgetInImportSamples(
  query: Database['query'],
  campaignId: number,
  values: string[],
): Promise<void> {
  const needles = values.filter((v) => v.length >= 5).map((v) => v.toLowerCase());
  if (needles.length === 0) return;
  await query(
    sql`UPDATE imports i SET sample = coalesce((
         SELECT jsonb_agg(r.row ORDER BY r.n) FROM jsonb_array_elements(i.sample) WITH ORDINALITY AS r(row, n)
          WHERE NOT EXISTS (SELECT 1 FROM unnest(${needles}::text[]) v WHERE strpos(lower(r.row::text), v) > 0)
       ), '[]')
      WHERE i.campaign_id = ${campaignId}
        AND EXISTS (SELECT 1 FROM unnest(${needles}::text[]) v WHERE strpos(lower(i.sample::text), v) > 0)`,
  );
}

import { sql } from 'drizzle-orm';
import type { AppContext } from '../../../core/context.ts';
import { runSql } from '../../../core/db/statement.ts';
import { AppError } from '../../../core/http/errors.ts';
import { mergePeople } from '../../people/duplicates/merge.ts';
import { mergePreview } from '../../people/duplicates/review.ts';

/**
 * A donor is identified by name and tax address as much as by email: the same person giving
 * from two addresses would hold two caps. Gifts whose donor has the same names and address
 * (case, accents and spaces aside) under different people are flagged for the finance officer.
 */
const identityKey = sql`lower(regexp_replace(
  coalesce(d.donor->>'firstName','') || '|' || coalesce(d.donor->>'lastName','') || '|' ||
  coalesce(d.donor->>'addressLine1','') || '|' || coalesce(d.donor->>'postalCode',''), '\\s+', '', 'g'))`;

export async function duplicateDonors(ctx: AppContext) {
  const rows = await runSql<{
    key: string;
    people: Array<{ personId: number; name: string; email: string; counted: number }>;
  }>(
    ctx.database,
    sql`WITH donors AS (
          SELECT ${identityKey} AS key, d.person_id,
                 (array_agg(d.donor->>'firstName' || ' ' || (d.donor->>'lastName') ORDER BY d.id DESC))[1] AS name,
                 (array_agg(d.donor->>'email' ORDER BY d.id DESC))[1] AS email,
                 sum(d.amount_cents) FILTER (WHERE d.counts) AS counted
            FROM donations d
           WHERE d.campaign_id = ${ctx.campaignId} AND d.donor IS NOT NULL
           GROUP BY 1, 2)
        SELECT key, json_agg(json_build_object('personId', person_id, 'name', name, 'email', email,
                                               'counted', coalesce(counted, 0)) ORDER BY person_id) AS people
          FROM donors GROUP BY key HAVING count(*) > 1 ORDER BY key LIMIT 200`,
  );
  return rows.map((row) => ({
    reason: 'same_name_and_address' as const,
    people: row.people.map((p) => ({
      personId: Number(p.personId),
      donorName: p.name,
      email: p.email,
      countedCents: Number(p.counted),
    })),
  }));
}

/** Merges two donors the check flagged (and only those): their gifts then share one cap. */
export async function mergeDonors(
  ctx: AppContext,
  keptId: number,
  mergedId: number,
  actorId: number,
) {
  const flagged = (await duplicateDonors(ctx)).some((group) => {
    const ids = group.people.map((p) => p.personId);
    return ids.includes(keptId) && ids.includes(mergedId);
  });
  if (!flagged || keptId === mergedId)
    throw new AppError(
      409,
      'not_duplicate_donors',
      'These two people are not flagged as the same donor: merge them from the people’s duplicates instead.',
    );
  const preview = await mergePreview(ctx, keptId, mergedId);
  const version = (id: number) =>
    [preview.first, preview.second].find((side) => side.id === id)?.version ?? '';
  // The kept person's details win: the finance officer chose whom to keep.
  await mergePeople(
    ctx,
    {
      keptId,
      mergedId,
      choose: {},
      customFields: {},
      versions: { kept: version(keptId), merged: version(mergedId) },
    },
    actorId,
  );
}

import { sql, type SQL } from 'drizzle-orm';
import { z } from 'zod';
import { forCampaign, type AppContext } from '../../../core/context.ts';
import { defineJob, sendJob } from '../../../core/jobs/index.ts';
import { listCampaigns } from '../../../core/campaigns/service.ts';

/**
 * A key shared by more people than this (a switchboard's number, 'Marie Martin' in Paris)
 * says little about any two of them, and its pairs would grow with its square: it is skipped.
 */
export const MAX_GROUP = 8;

/** Marks and separators a folded name drops: 'Jean-Pierre' and "jean pierre" are one key. */
const DROPPED = ` -'’.,_`;
/**
 * Lower case, French accents stripped and separators dropped, in SQL: one translate() (its
 * characters past the replacement's length are deleted), cheaper than a regular expression
 * over a million rows.
 */
const FOLD_FROM = `àâäáãåçéèêëíìîïñóòôöõúùûüýÿœæ${DROPPED}`;
const FOLD_TO = 'aaaaaaceeeeiiiinooooouuuuyyoa';
export const foldNameSql = (column: string) =>
  `translate(lower(${column}), '${FOLD_FROM.replace(/'/g, "''")}', '${FOLD_TO}')`;
/** The same fold around any expression (a column, a parameter). */
export const foldedName = (value: SQL) =>
  sql`translate(lower(${value}), ${FOLD_FROM}::text, ${FOLD_TO}::text)`;

/** Local parts that name a role, not a person (contact@one.fr and contact@other.fr are two). */
const GENERIC_LOCAL_PARTS = [
  'contact',
  'info',
  'infos',
  'admin',
  'accueil',
  'bonjour',
  'hello',
  'mairie',
  'secretariat',
  'direction',
  'office',
  'noreply',
];

/** The pairs of one group key: every two of its people, the lower id first. */
const pairsOf = (groups: SQL) => sql`
  SELECT a.id AS first_id, b.id AS second_id
    FROM (${groups}) g
         CROSS JOIN LATERAL unnest(g.ids) AS a(id)
         CROSS JOIN LATERAL unnest(g.ids) AS b(id)
   WHERE a.id < b.id`;

/**
 * People of the campaign not erased, grouped by `key` where 2 to MAX_GROUP share it (a NULL
 * key is nobody's). The key is computed once per row, in a subquery.
 */
const grouped = (campaignId: number, key: string, where: string) => sql`
  SELECT array_agg(id) AS ids
    FROM (SELECT id, ${sql.raw(key)} AS k FROM people
           WHERE campaign_id = ${campaignId} AND erased_at IS NULL AND ${sql.raw(where)}) keyed
   WHERE k IS NOT NULL
   GROUP BY k HAVING count(*) BETWEEN 2 AND ${sql.raw(String(MAX_GROUP))}`;
const localPart = `split_part(split_part(email_normalized, '@', 1), '+', 1)`;
const domain = `replace(split_part(email_normalized, '@', 2), 'googlemail.com', 'gmail.com')`;
/** The pairs of the campaign's people found by each reason. */
export const reasonQueries: Record<string, (campaignId: number) => SQL> = {
  phone: (campaignId) => pairsOf(grouped(campaignId, 'phone', 'phone IS NOT NULL')),
  name_commune: (campaignId) =>
    pairsOf(
      grouped(
        campaignId,
        `(SELECT CASE WHEN f <> '' AND l <> '' THEN commune_code || ' ' || f || ' ' || l END
          FROM (SELECT ${foldNameSql('first_name')} AS f, ${foldNameSql('last_name')} AS l) folded)`,
        'commune_code IS NOT NULL AND first_name IS NOT NULL AND last_name IS NOT NULL',
      ),
    ),
  // The same address written two ways (Gmail ignores dots and what follows a '+':
  // p.a.ul+x@gmail.com is paul@gmail.com), or the same local part at two providers.
  email: (campaignId) => sql`${pairsOf(
    grouped(
      campaignId,
      `(SELECT CASE WHEN d = 'gmail.com' THEN replace(lp, '.', '') ELSE lp END || '@' || d
          FROM (SELECT ${localPart} AS lp, ${domain} AS d) parts)`,
      'email_normalized IS NOT NULL',
    ),
  )}
    UNION
    ${pairsOf(
      grouped(
        campaignId,
        `(SELECT CASE WHEN length(lp) >= 5 AND lp ~ '[a-z]'
                       AND lp <> ALL('{${GENERIC_LOCAL_PARTS.join(',')}}'::text[]) THEN lp END
            FROM (SELECT ${localPart} AS lp) parts)`,
        'email_normalized IS NOT NULL',
      ),
    )}`,
};

/**
 * Rewrites the campaign's likely duplicates: one grouping pass over people per reason
 * (set-based, no index needed: a hash aggregate of the whole table), minus the pairs staff
 * said were different people. Returns how many pairs were found.
 */
export async function findDuplicates(ctx: AppContext): Promise<number> {
  const campaignId = ctx.campaignId;
  await ctx.database.query(
    sql`INSERT INTO duplicate_searches (campaign_id, started_at) VALUES (${campaignId}, now())
     ON CONFLICT (campaign_id) DO UPDATE SET started_at = now()`,
  );
  return ctx.database.transaction(async (query) => {
    await query(sql`DELETE FROM duplicate_candidates WHERE campaign_id = ${campaignId}`);
    for (const [reason, pairsFor] of Object.entries(reasonQueries)) {
      await query(
        sql`INSERT INTO duplicate_candidates (campaign_id, first_person_id, second_person_id, reasons)
         SELECT ${campaignId}, x.first_id, x.second_id, ARRAY[${reason}::text] FROM (${pairsFor(campaignId)}) x
          WHERE NOT EXISTS (SELECT 1 FROM duplicate_dismissals d
                             WHERE d.campaign_id = ${campaignId} AND d.first_person_id = x.first_id
                               AND d.second_person_id = x.second_id)
         ON CONFLICT (campaign_id, first_person_id, second_person_id)
         DO UPDATE SET reasons = duplicate_candidates.reasons || EXCLUDED.reasons`,
      );
    }
    const [{ count }] = await query<{ count: number }>(
      sql`SELECT count(*)::int AS count FROM duplicate_candidates WHERE campaign_id = ${campaignId}`,
    );
    await query(
      sql`UPDATE duplicate_searches SET finished_at = now(), pair_count = ${count} WHERE campaign_id = ${campaignId}`,
    );
    return count;
  });
}

/** Asks for a search (the worker runs it); a search already waiting is not queued twice. */
export async function requestDuplicateSearch(ctx: AppContext): Promise<void> {
  await ctx.database.query(
    sql`INSERT INTO duplicate_searches (campaign_id, requested_at) VALUES (${ctx.campaignId}, now())
     ON CONFLICT (campaign_id) DO UPDATE SET requested_at = now()`,
  );
  await sendJob(
    ctx,
    findDuplicatesJob,
    { campaignId: ctx.campaignId },
    { singletonKey: `campaign-${ctx.campaignId}` },
  );
}

/** A search of one campaign when staff ask, and of every campaign each night. */
export const findDuplicatesJob = defineJob({
  name: 'people.find-duplicates',
  payload: z.object({ campaignId: z.number().int().positive().optional() }),
  schedule: { cron: '37 2 * * *' },
  retry: { limit: 1, delaySeconds: 60 },
  expireInSeconds: 3600,
  pollingIntervalSeconds: 1,
  async run(ctx, { campaignId }) {
    const campaigns = campaignId
      ? [campaignId]
      : (await listCampaigns(ctx.database)).map((c) => c.id);
    for (const id of campaigns) {
      const pairs = await findDuplicates(forCampaign(ctx, id));
      ctx.log.info({ campaignId: id, pairs }, 'likely duplicates found');
    }
  },
});

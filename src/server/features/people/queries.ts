import { sql, type SQL } from 'drizzle-orm';
import type {
  PeopleFilter,
  PeopleQuery,
  PersonDetail,
  PersonSummary,
  Segment,
} from '../../../contracts/people.ts';
import type { AppContext } from '../../core/context.ts';
import type { Database } from '../../core/db/index.ts';
import { notFound } from '../../core/http/errors.ts';
import { filterToWhere, type WhereClause } from './filter-where.ts';
import { importCreatedEntry } from './import-entry.ts';
import { signupTimelineEntries } from '../recruitment/signup-records.ts';
import { segmentFilter } from './segments.ts';
import type { ContactColumn, PersonColumns } from './tables.ts';

/**
 * Lists are counted exactly up to COUNT_CAP matches. Past it the planner's estimate is shown
 * when it is above the cap, otherwise "more than the cap": an estimate from stale statistics
 * must never pass for the number of people.
 */
export const COUNT_CAP = 10_000;
/**
 * Counting to the cap is an index walk of a few milliseconds, except under a filter no index
 * serves that matches few people spread over a large table ('accepts SMS' at 2 %: 200–500 ms
 * at 500,000 people). So the first thousand are always counted, and the rest within a budget;
 * over it, the list says "more than 1,000" (or gives an estimate above the cap).
 */
const ALWAYS_COUNTED = 1_000;
const COUNT_BUDGET_MS = 200;

type PersonRow = Pick<
  PersonColumns,
  Exclude<ContactColumn, 'commune_code'> | 'source' | 'confirmed_at' | 'created_at'
> & { tags: string[] | null };

/** `campaignId`: the campaign the tags subquery reads. */
const summaryColumns = (
  campaignId: number,
) => sql`p.id, p.first_name, p.last_name, p.email, p.phone, p.postal_code, p.commune_name,
  p.departement_code, p.source, p.confirmed_at, p.consent_email, p.consent_sms, p.consent_phone, p.created_at,
  (SELECT array_agg(t.name ORDER BY t.name) FROM person_tags pt JOIN tags t ON t.campaign_id = pt.campaign_id AND t.id = pt.tag_id
    WHERE pt.campaign_id = ${campaignId} AND pt.person_id = p.id) AS tags`;

function toSummary(row: PersonRow): PersonSummary {
  return {
    id: Number(row.id),
    firstName: row.first_name,
    lastName: row.last_name,
    email: row.email,
    phone: row.phone,
    postalCode: row.postal_code,
    communeName: row.commune_name,
    departementCode: row.departement_code,
    source: row.source,
    confirmed: row.confirmed_at !== null,
    consents: { email: row.consent_email, sms: row.consent_sms, phone: row.consent_phone },
    tags: row.tags ?? [],
    createdAt: new Date(row.created_at).toISOString(),
  };
}

export async function resolveFilter(ctx: AppContext, filter: PeopleFilter): Promise<WhereClause> {
  const segment = filter.segmentId ? await segmentFilter(ctx, filter.segmentId) : undefined;
  return filterToWhere(ctx.campaignId, filter, segment, ctx.config.CAMPAIGN_TIMEZONE);
}

/**
 * The ids of the people a filter matches, as a SELECT of one column `id` that another feature
 * reads from, so that it names no people table.
 */
export async function matchingIdsQuery(ctx: AppContext, filter: PeopleFilter): Promise<SQL> {
  const where = await resolveFilter(ctx, filter);
  return sql`SELECT p.id FROM people p WHERE ${where.conditions}`;
}

const orderBy: Record<PeopleQuery['sort'], SQL> = {
  created_desc: sql`p.created_at DESC, p.id DESC`,
  created_asc: sql`p.created_at ASC, p.id ASC`,
  name_asc: sql`p.last_name ASC NULLS LAST, p.first_name ASC NULLS LAST, p.id ASC`,
};

/**
 * A number written in the text, not a parameter: the plans were tuned with their LIMITs
 * written there, and a SET takes no parameter.
 */
const literal = (n: number) => sql.raw(String(n));

/** Up to this many départements, a page in creation order is walked département by département. */
const WALK_EACH_DEPARTEMENT_UP_TO = 20;

/**
 * A page of the people matching `where`, in the requested order. Filtered to a few
 * départements and in creation order, each département is walked on its own (the
 * (campaign_id, departement_code, created_at) index: `where` holds the campaign, so each walk
 * does too) and the walks merged: a newest-first walk of everyone
 * would read every other département's people too (27 ms against 4 ms for a common first
 * name in Rhône and Paris, at 1,000,000 people).
 */
function pageQuery(where: WhereClause, query: PeopleQuery): SQL {
  const offset = (query.page - 1) * query.pageSize;
  const split = where.departements;
  const order = orderBy[query.sort];
  if (query.sort === 'name_asc') {
    return sql`SELECT ${summaryColumns(where.campaignId)} FROM people p WHERE ${where.conditions}
              ORDER BY ${order} LIMIT ${literal(query.pageSize)} OFFSET ${literal(offset)}`;
  }
  if (!split || split.codes.length > WALK_EACH_DEPARTEMENT_UP_TO) {
    // The page's ids first, then their rows: when only the search term narrows the list, the
    // ids come from people_created_at_idx alone (it holds the search text), and only the
    // page's rows are read.
    return sql`SELECT ${summaryColumns(where.campaignId)}
               FROM (SELECT p.id FROM people p WHERE ${where.conditions}
                      ORDER BY ${order} LIMIT ${literal(query.pageSize)} OFFSET ${literal(offset)}) w
               JOIN people p ON p.campaign_id = ${where.campaignId} AND p.id = w.id
              ORDER BY ${order}`;
  }
  // One equality per walk, on its own: kept beside the ANY(), the planner would count the
  // département twice and underestimate the walk into a sort of every match.
  const walks = split.codes.map(
    (code) =>
      sql`(SELECT p.id FROM people p WHERE ${split.otherConditions} AND p.departement_code = ${code}
         ORDER BY ${order} LIMIT ${literal(offset + query.pageSize)})`,
  );
  return sql`SELECT ${summaryColumns(where.campaignId)}
             FROM people p JOIN (${sql.join(walks, sql` UNION ALL `)}) w ON p.campaign_id = ${where.campaignId} AND p.id = w.id
            ORDER BY ${order} LIMIT ${literal(query.pageSize)} OFFSET ${literal(offset)}`;
}

/**
 * A search that matches at most this many people is answered exactly from the trigram
 * index; a broader one is dense enough for the newest-first index walk to find a page fast.
 */
const SEARCH_CANDIDATES = 2_000;

/**
 * `estimate`: total is approximate; `lowerBound`: more than total match (total itself is a
 * count that stopped at a cap).
 */
type Count = { total: number; estimate: boolean; lowerBound: boolean };
type Page = { rows: PersonRow[] } & Count;

const exact = (total: number): Count => ({ total, estimate: false, lowerBound: false });

/** More than `known` match: the estimate when it is above, otherwise `known` as a lower bound. */
function pastCount(known: number, estimated: number): Count {
  return estimated > known
    ? { total: estimated, estimate: true, lowerBound: false }
    : { total: known, estimate: true, lowerBound: true };
}

export async function listPeople(ctx: AppContext, query: PeopleQuery) {
  const where = await resolveFilter(ctx, query);
  const page = where.substringSearch
    ? await searchPeople(ctx, where, query)
    : await orderedPage(ctx, where, query, null);
  return {
    items: page.rows.map(toSummary),
    total: page.total,
    totalIsEstimate: page.estimate,
    totalIsLowerBound: page.lowerBound,
    page: query.page,
    pageSize: query.pageSize,
  };
}

/** Above this many estimated matches a search term may be common: try the newest-first walk. */
const DENSE_ESTIMATE = SEARCH_CANDIDATES;
/**
 * How long a newest-first walk may look for a page before we fall back to the index: longer
 * when only the search term narrows the list (a common term then fills the page within a few
 * thousand rows, 15–25 ms on a slow machine), shorter under filters, where the walk may find
 * nobody at all ('strasbourg' within Rhône + Paris).
 */
const WALK_BUDGET_MS = 15;
const WALK_BUDGET_TERM_ONLY_MS = 25;

/**
 * A substring search picks its plan from the planner's estimate. A common term (Martin, a
 * big city) fills a page within the first rows of the newest-first walk, while the trigram
 * bitmap would have to read every match. A rare term is read through the trigram index only,
 * exactly. The walk has a time budget because filters can make a "common" term rare (the
 * planner assumes independence): past it, the index path answers. Its estimate of a '%term%'
 * is often low by 10 to 20 times ('bourg-en-bresse': 4,248 for 83,000), so any estimate past
 * the candidates cap tries the walk first. Within départements the index path comes first:
 * the search index holds the département, so one scan answers a town searched outside its
 * département ('strasbourg' in Rhône + Paris, estimated 11,233, matching nobody), where
 * walking each département would spend the whole budget for nothing.
 */
async function searchPeople(ctx: AppContext, where: WhereClause, query: PeopleQuery) {
  const estimated = await plannerEstimate(ctx, where);
  if (estimated > DENSE_ESTIMATE && !where.departements) {
    const walked = await boundedWalk(ctx, where, query, estimated);
    if (walked) return walked;
  }
  return (await searchPage(ctx, where, query)) ?? (await orderedPage(ctx, where, query, estimated));
}

async function boundedWalk(
  ctx: AppContext,
  where: WhereClause,
  query: PeopleQuery,
  estimated: number,
): Promise<Page | null> {
  const budget = where.narrowedBeyondSearch ? WALK_BUDGET_MS : WALK_BUDGET_TERM_ONLY_MS;
  const page = pageQuery(where, query);
  const rows = await withinBudget(ctx, budget, (run) => run<PersonRow>(page));
  if (rows === null) return null;
  if (query.page === 1 && rows.length < query.pageSize) return { rows, ...exact(rows.length) };
  const offset = (query.page - 1) * query.pageSize;
  return { rows, ...pastCount(offset + rows.length, estimated) };
}

/** `work`'s result, or null when one of its statements runs longer than `ms` (then cancelled). */
async function withinBudget<T>(
  ctx: AppContext,
  ms: number,
  work: (run: Database['query']) => Promise<T>,
): Promise<T | null> {
  try {
    return await ctx.database.transaction(async (run) => {
      await run(sql`SET LOCAL statement_timeout = ${literal(ms)}`);
      return work(run);
    });
  } catch (error) {
    if ((error as { code?: string }).code === '57014') return null; // query_canceled
    throw error;
  }
}

/**
 * Substring search through the trigram index only (bitmap scan), capped. The planner cannot
 * estimate how many people a '%term%' matches; left to itself it sometimes walks the whole
 * table newest-first looking for a rare term, which took seconds at 1,000,000 people.
 */
async function searchPage(
  ctx: AppContext,
  where: WhereClause,
  query: PeopleQuery,
): Promise<Page | null> {
  const candidates = await ctx.database.transaction(async (run) => {
    await run(sql`SET LOCAL enable_seqscan = off`);
    await run(sql`SET LOCAL enable_indexscan = off`);
    return run<{ id: number }>(
      sql`SELECT p.id FROM people p WHERE ${where.conditions} LIMIT ${literal(SEARCH_CANDIDATES + 1)}`,
    );
  });
  if (candidates.length > SEARCH_CANDIDATES) return null;
  const offset = (query.page - 1) * query.pageSize;
  const ids = candidates.map((c) => c.id);
  const rows = await ctx.database.query<PersonRow>(
    // A join from the ids, not `p.id = ANY(ids)`: with the latter the planner walked the
    // (campaign_id, created_at) index to skip the sort, reading 51,000 rows for 50 (150 ms).
    sql`SELECT ${summaryColumns(ctx.campaignId)}
       FROM unnest(${ids}::bigint[]) AS c(id) JOIN people p ON p.campaign_id = ${ctx.campaignId} AND p.id = c.id
      ORDER BY ${orderBy[query.sort]} LIMIT ${literal(query.pageSize)} OFFSET ${literal(offset)}`,
  );
  return { rows, ...exact(candidates.length) };
}

/** `estimated`: set when a search matched more than the cap (its total is an estimate). */
async function orderedPage(
  ctx: AppContext,
  where: WhereClause,
  query: PeopleQuery,
  estimated: number | null,
): Promise<Page> {
  const rows = await ctx.database.query<PersonRow>(pageQuery(where, query));
  // A first page that is not full is the whole list: no need to count.
  if (query.page === 1 && rows.length < query.pageSize) return { rows, ...exact(rows.length) };
  if (estimated !== null) return { rows, ...pastCount(SEARCH_CANDIDATES, estimated) };
  return { rows, ...(await countPeople(ctx, where)) };
}

async function plannerEstimate(ctx: AppContext, where: WhereClause): Promise<number> {
  const plan = await ctx.database.query<{ 'QUERY PLAN': Array<{ Plan: { 'Plan Rows': number } }> }>(
    sql`EXPLAIN (FORMAT JSON) SELECT 1 FROM people p WHERE ${where.conditions}`,
  );
  return Math.round(plan[0]['QUERY PLAN'][0].Plan['Plan Rows']);
}

/**
 * Counted first, even without a filter: the statistics behind an estimate can be far off (on
 * PGlite nothing analyses the table unless we do, see refreshPeopleStatistics).
 */
export async function countPeople(ctx: AppContext, where: WhereClause): Promise<Count> {
  const first = await countUpTo(ctx.database.query, where, ALWAYS_COUNTED);
  if (first <= ALWAYS_COUNTED) return exact(first);
  const counted = await withinBudget(ctx, COUNT_BUDGET_MS, (run) =>
    countUpTo(run, where, COUNT_CAP),
  );
  if (counted !== null && counted <= COUNT_CAP) return exact(counted);
  // Only an estimate above what counting could have confirmed is shown ("5,012" was given
  // for 10,000 people confirmed and accepting SMS: the planner takes the two as independent).
  const estimated = await plannerEstimate(ctx, where);
  if (estimated > COUNT_CAP) return { total: estimated, estimate: true, lowerBound: false };
  return { total: counted === null ? ALWAYS_COUNTED : COUNT_CAP, estimate: true, lowerBound: true };
}

/** How many match, counting no further than `cap + 1`. */
async function countUpTo(run: Database['query'], where: WhereClause, cap: number): Promise<number> {
  const rows = await run<{ n: number }>(
    sql`SELECT count(*)::int AS n FROM (SELECT 1 FROM people p WHERE ${where.conditions} LIMIT ${literal(cap + 1)}) x`,
  );
  return rows[0].n;
}

export async function personDetail(ctx: AppContext, id: number): Promise<PersonDetail> {
  const rows = await ctx.database.query<
    PersonRow &
      Pick<PersonColumns, 'commune_code' | 'locale' | 'recruit_code' | 'recruited_by'> & {
        address_street: string | null;
        address_complement: string | null;
        recruiter_id: number | null;
        recruiter_name: string | null;
        recruited_count: number;
        utm_source: string | null;
        utm_medium: string | null;
        utm_campaign: string | null;
        referrer_url: string | null;
      }
  >(
    sql`SELECT ${summaryColumns(ctx.campaignId)}, p.address_street, p.address_complement, p.commune_code, p.locale, p.recruit_code, p.recruited_by,
            p.utm_source, p.utm_medium, p.utm_campaign, p.referrer_url,
            r.id AS recruiter_id, concat_ws(' ', r.first_name, r.last_name) AS recruiter_name,
            (SELECT count(*)::int FROM people x
              WHERE x.campaign_id = ${ctx.campaignId} AND x.recruited_by = p.id AND x.erased_at IS NULL) AS recruited_count
       FROM people p
            LEFT JOIN people r ON r.campaign_id = p.campaign_id AND r.id = p.recruited_by AND r.erased_at IS NULL
      WHERE p.campaign_id = ${ctx.campaignId} AND p.id = ${id} AND p.erased_at IS NULL`,
  );
  const row = rows[0];
  if (!row) throw notFound('person');
  const events = await ctx.database.query<{
    id: number;
    kind: string;
    data: Record<string, unknown>;
    at: Date;
    actor_name: string | null;
  }>(
    // Sign-ups are their own record (one insert less on the hot path), shown in the timeline,
    // and so is being created by an import.
    // A staff member known by their address only is named by it rather than not at all.
    sql`SELECT t.id, t.kind, t.data, t.at,
            coalesce(nullif(concat_ws(' ', a.first_name, a.last_name), ''), a.email) AS actor_name
       FROM (
         SELECT e.id, e.kind, e.data, e.at, e.actor_id FROM person_events e
          WHERE e.campaign_id = ${ctx.campaignId} AND e.person_id = ${id}
         UNION ALL
         ${signupTimelineEntries(ctx.campaignId, id)}
         UNION ALL
         ${importCreatedEntry(ctx.campaignId, id)}
       ) t LEFT JOIN people a ON a.campaign_id = ${ctx.campaignId} AND a.id = t.actor_id
      ORDER BY t.at DESC, t.id DESC LIMIT 500`,
  );
  return {
    ...toSummary(row),
    addressStreet: row.address_street,
    addressComplement: row.address_complement,
    communeCode: row.commune_code,
    locale: row.locale,
    recruitCode: row.recruit_code,
    // A recruiter who erased their data is no longer shown.
    recruitedBy: row.recruiter_id
      ? { id: Number(row.recruiter_id), name: row.recruiter_name ?? '' }
      : null,
    recruitedCount: row.recruited_count,
    utmSource: row.utm_source,
    utmMedium: row.utm_medium,
    utmCampaign: row.utm_campaign,
    referrerUrl: row.referrer_url,
    confirmedAt: row.confirmed_at ? new Date(row.confirmed_at).toISOString() : null,
    timeline: events.map((e) => ({
      id: Number(e.id),
      kind: e.kind,
      data: e.data,
      actorName: e.actor_name,
      at: new Date(e.at).toISOString(),
    })),
  };
}

/** Segments with how many people each matches now (capped counts, like the people list). */
export async function segmentsWithCounts(ctx: AppContext, segments: Segment[]): Promise<Segment[]> {
  const counted: Segment[] = [];
  for (const segment of segments) {
    const where = filterToWhere(
      ctx.campaignId,
      { ...segment.filter, segmentId: undefined },
      undefined,
      ctx.config.CAMPAIGN_TIMEZONE,
    );
    // A lower bound is flagged like an estimate: the segments page shows both as "N+".
    const { total, estimate } = await countPeople(ctx, where);
    counted.push({ ...segment, count: total, countIsEstimate: estimate });
  }
  return counted;
}

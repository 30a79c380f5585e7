import { sql, type SQL } from 'drizzle-orm';
import type { AudienceFilterKey, PeopleFilter } from '../../../contracts/audience-filters.ts';
import type { FilterSql, FilterSqlContext } from '../../core/audience/filter-sql.ts';
import { filterSql } from '../audience-filters.ts';

/**
 * A WHERE clause over `people p`, built from a people filter. It always holds
 * `p.campaign_id = <campaignId>`, first, so that every list, count and bulk change reads one
 * campaign (one shard).
 */
export interface WhereClause {
  /** Its conditions joined by AND, for after a WHERE. */
  conditions: SQL;
  /** The campaign it reads, for the other campaign tables a query reads. */
  campaignId: number;
  /** True when it holds a substring search the trigram index can serve (3+ characters). */
  substringSearch: boolean;
  /** True when something besides the search term narrows the list (a filter or a segment's). */
  narrowedBeyondSearch: boolean;
  /**
   * Set when one département filter applies: its codes (distinct) and the other conditions,
   * so that each département can be walked on its own.
   */
  departements: { codes: string[]; otherConditions: SQL } | null;
}

const registered = Object.entries(filterSql) as Array<
  [AudienceFilterKey, FilterSql<AudienceFilterKey>]
>;

const and = (conditions: SQL[]) => sql.join(conditions, sql` AND `);

/**
 * The WHERE of a filter, from each registered filter's SQL in turn (then those of the
 * segment it names, resolved by the caller). Dates are calendar days in the campaign's time
 * zone, not the server's.
 */
export function filterToWhere(
  campaignId: number,
  filter: PeopleFilter,
  resolvedSegment?: PeopleFilter,
  timeZone = 'Europe/Paris',
): WhereClause {
  let substringSearch = false;
  const departementFilters: Array<{ codes: string[]; condition: SQL }> = [];
  const conditions: SQL[] = [sql`p.campaign_id = ${campaignId}`, sql`p.erased_at IS NULL`];
  const unfiltered = conditions.length;
  let searchConditions = 0;
  const ctx: FilterSqlContext = {
    campaignId,
    timeZone,
    substringSearch: () => {
      substringSearch = true;
    },
    departements: (split) => departementFilters.push(split),
  };
  const add = (f: PeopleFilter) => {
    for (const [, filterConditions] of registered) {
      // Each filter reads its own keys of the whole filter, whose type holds them all.
      const added = filterConditions.conditions(f as never, ctx);
      conditions.push(...added);
      if (filterConditions.narrows === false) searchConditions += added.length;
    }
  };
  add(filter);
  if (resolvedSegment) add(resolvedSegment);
  return {
    conditions: and(conditions),
    campaignId,
    substringSearch,
    narrowedBeyondSearch: conditions.length > unfiltered + searchConditions,
    departements:
      departementFilters.length === 1
        ? {
            codes: departementFilters[0].codes,
            otherConditions: and(conditions.filter((c) => c !== departementFilters[0].condition)),
          }
        : null,
  };
}

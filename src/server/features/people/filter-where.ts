import type { AudienceFilterKey, PeopleFilter } from '../../../contracts/audience-filters.ts';
import type { FilterSql, FilterSqlContext } from '../../core/audience/filter-sql.ts';
import { filterSql } from '../audience-filters.ts';

/**
 * A WHERE clause over `people p` and its parameters, built from a people filter. It always
 * holds `p.campaign_id = <campaignParam>`, first, so that every list, count and bulk change
 * reads one campaign (one shard).
 */
export interface WhereClause {
  text: string;
  params: unknown[];
  /** The placeholder of the campaign id, for the other campaign tables a query reads. */
  campaignParam: string;
  /** True when it holds a substring search the trigram index can serve (3+ characters). */
  substringSearch: boolean;
  /** True when something besides the search term narrows the list (a filter or a segment's). */
  narrowedBeyondSearch: boolean;
  /**
   * Set when one département filter applies: its array parameter, how many codes it holds
   * (distinct), and the other conditions, so that each département can be walked on its own.
   */
  departements: { param: string; count: number; otherConditions: string } | null;
}

const registered = Object.entries(filterSql) as Array<
  [AudienceFilterKey, FilterSql<AudienceFilterKey>]
>;

/**
 * The WHERE of a filter, from each registered filter's SQL in turn (then those of the
 * segment it names, resolved by the caller). Dates are calendar days in the campaign's time
 * zone, not the server's.
 */
export function filterToWhere(
  campaignId: number,
  filter: PeopleFilter,
  resolvedSegment?: PeopleFilter,
  startAt = 1,
  timeZone = 'Europe/Paris',
): WhereClause {
  const params: unknown[] = [];
  let substringSearch = false;
  const departementFilters: Array<{ param: string; count: number; condition: string }> = [];
  const param = (value: unknown) => {
    params.push(value);
    return `$${startAt + params.length - 1}`;
  };
  const campaignParam = param(campaignId);
  const conditions: string[] = [`p.campaign_id = ${campaignParam}`, 'p.erased_at IS NULL'];
  const unfiltered = conditions.length;
  let searchConditions = 0;
  const ctx: FilterSqlContext = {
    param,
    campaignParam,
    timeZone,
    substringSearch: () => {
      substringSearch = true;
    },
    departements: (split) => departementFilters.push(split),
  };
  const add = (f: PeopleFilter) => {
    for (const [, sql] of registered) {
      // Each filter reads its own keys of the whole filter, whose type holds them all.
      const added = sql.conditions(f as never, ctx);
      conditions.push(...added);
      if (sql.narrows === false) searchConditions += added.length;
    }
  };
  add(filter);
  if (resolvedSegment) add(resolvedSegment);
  return {
    text: conditions.join(' AND '),
    params,
    campaignParam,
    substringSearch,
    narrowedBeyondSearch: conditions.length > unfiltered + searchConditions,
    departements:
      departementFilters.length === 1
        ? {
            param: departementFilters[0].param,
            count: departementFilters[0].count,
            otherConditions: conditions
              .filter((c) => c !== departementFilters[0].condition)
              .join(' AND '),
          }
        : null,
  };
}

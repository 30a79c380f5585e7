import type { SQL } from 'drizzle-orm';
import type {
  AudienceFilterKey,
  AudienceFilterValue,
} from '../../../contracts/audience-filters.ts';

/** What a filter's SQL is given, besides its part of the filter. */
export interface FilterSqlContext {
  /** The campaign's id, for the campaign tables a condition reads. */
  campaignId: number;
  /** The campaign's time zone: dates in a filter are calendar days there. */
  timeZone: string;
  /** Said by the search when a condition can be served by the trigram index. */
  substringSearch: () => void;
  /**
   * Said by the place filter for its département condition (with its distinct codes), so that
   * a page in creation order can walk each département on its own.
   */
  departements: (split: { codes: string[]; condition: SQL }) => void;
}

/**
 * A registered filter's SQL: conditions over `people p` (joined by AND), written with the
 * `sql` template (core/db/statement.ts), none when its part of the filter is empty.
 * `narrows: false` for the search, which is not "a filter" when deciding whether a list is
 * narrowed beyond its search term.
 */
export interface FilterSql<K extends AudienceFilterKey> {
  narrows?: false;
  conditions: (value: AudienceFilterValue<K>, ctx: FilterSqlContext) => SQL[];
}

/** The SQL of every registered filter: a filter declared without one fails the typecheck. */
export type FilterSqlRegistry = { [K in AudienceFilterKey]: FilterSql<K> };

import type {
  AudienceFilterKey,
  AudienceFilterValue,
} from '../../../contracts/audience-filters.ts';

/** What a filter's SQL is given: its placeholders are numbered by the WHERE it joins. */
export interface FilterSqlContext {
  /** The placeholder of a new parameter holding `value`. */
  param: (value: unknown) => string;
  /** The placeholder of the campaign id, for the campaign tables a condition reads. */
  campaignParam: string;
  /** The campaign's time zone: dates in a filter are calendar days there. */
  timeZone: string;
  /** Said by the search when a condition can be served by the trigram index. */
  substringSearch: () => void;
  /**
   * Said by the place filter for its département condition, so that a page in creation
   * order can walk each département on its own.
   */
  departements: (split: { param: string; count: number; condition: string }) => void;
}

/**
 * A registered filter's SQL: conditions over `people p` (joined by AND), none when its part
 * of the filter is empty. `narrows: false` for the search, which is not "a filter" when
 * deciding whether a list is narrowed beyond its search term.
 */
export interface FilterSql<K extends AudienceFilterKey> {
  narrows?: false;
  conditions: (value: AudienceFilterValue<K>, ctx: FilterSqlContext) => string[];
}

/** The SQL of every registered filter: a filter declared without one fails the typecheck. */
export type FilterSqlRegistry = { [K in AudienceFilterKey]: FilterSql<K> };

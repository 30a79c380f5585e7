import type { FilterSqlRegistry } from '../core/audience/filter-sql.ts';
import { committeeMembershipSql } from './committees/filter-sql.ts';
import { customFieldsSql } from './people/custom-fields/filter-sql.ts';
import {
  confirmedSql,
  consentSql,
  createdSql,
  placeSql,
  recruiterSql,
  searchSql,
  segmentSql,
  sourceSql,
  tagsSql,
} from './people/filter-sql.ts';

/**
 * The SQL of every audience filter declared in src/contracts/audience-filters.ts, in the
 * order their conditions join the WHERE (kept as it was, so that query plans do not change).
 */
export const filterSql: FilterSqlRegistry = {
  search: searchSql,
  place: placeSql,
  consent: consentSql,
  confirmed: confirmedSql,
  tags: tagsSql,
  source: sourceSql,
  recruiter: recruiterSql,
  created: createdSql,
  customFields: customFieldsSql,
  committeeMembership: committeeMembershipSql,
  segment: segmentSql,
};

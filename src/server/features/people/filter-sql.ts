import type { PeopleFilter } from '../../../contracts/people.ts';
import { foldSearch, normalizePhone } from './normalize.ts';
import { customFieldConditions } from './custom-fields/filter-sql.ts';

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

const likeEscape = (s: string) => s.replace(/[\\%_]/g, (c) => `\\${c}`);

/** Dates in a filter are calendar days in the campaign's time zone, not the server's. */
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
  const add = (f: PeopleFilter) => {
    const beforeSearch = conditions.length;
    if (f.q) {
      const phoneLike = /^[+\d][\d\s.-]{5,}$/.test(f.q);
      const phone = phoneLike ? normalizePhone(f.q) : null;
      if (phone) conditions.push(`p.phone = ${param(phone)}`);
      else {
        // Part of a number ('06 12 34'): search_text holds its digits without separators.
        // Each word must appear, in any order: 'Lefèvre Éloïse' finds 'Éloïse Lefèvre'; the
        // parts of a hyphenated name too ('Bourg-en-Bresse'), which keeps 'en' out of the index.
        const words = phoneLike
          ? [f.q.replace(/\D/g, '')]
          : f.q
              .split(/[\s-]+/)
              .map(foldSearch)
              .filter(Boolean);
        for (const word of words) {
          if (word.length >= 3) {
            substringSearch = true;
            conditions.push(`p.search_text LIKE ${param(`%${likeEscape(word)}%`)}`);
          } else {
            // Too short for a trigram: the index would read everything for it, so it is only
            // checked on the rows the other conditions find.
            conditions.push(`strpos(p.search_text, ${param(word)}) > 0`);
          }
        }
      }
    }
    searchConditions += conditions.length - beforeSearch;
    if (f.communeCodes?.length)
      conditions.push(`p.commune_code = ANY(${param(f.communeCodes)}::text[])`);
    if (f.departementCodes?.length) {
      const codes = [...new Set(f.departementCodes)];
      const codesParam = param(codes);
      const condition = `p.departement_code = ANY(${codesParam}::text[])`;
      conditions.push(condition);
      departementFilters.push({ param: codesParam, count: codes.length, condition });
    }
    for (const [key, column] of [
      ['consentEmail', 'consent_email'],
      ['consentSms', 'consent_sms'],
      ['consentPhone', 'consent_phone'],
    ] as const) {
      if (f[key]) conditions.push(`p.${column} = ${f[key] === 'yes' ? 'true' : 'false'}`);
    }
    if (f.confirmed)
      conditions.push(`p.confirmed_at IS ${f.confirmed === 'yes' ? 'NOT NULL' : 'NULL'}`);
    if (f.tags?.length) {
      conditions.push(
        `EXISTS (SELECT 1 FROM person_tags pt JOIN tags t ON t.campaign_id = pt.campaign_id AND t.id = pt.tag_id
                 WHERE pt.campaign_id = ${campaignParam} AND pt.person_id = p.id AND t.name = ANY(${param(f.tags)}::text[]))`,
      );
    }
    if (f.sources?.length) conditions.push(`p.source = ANY(${param(f.sources)}::text[])`);
    if (f.recruitedBy) conditions.push(`p.recruited_by = ${param(f.recruitedBy)}`);
    const startOfDay = (day: string, plusDays: number) =>
      `((${param(day)}::date + ${plusDays})::timestamp AT TIME ZONE ${param(timeZone)}::text)`;
    if (f.createdFrom) conditions.push(`p.created_at >= ${startOfDay(f.createdFrom, 0)}`);
    if (f.createdTo) conditions.push(`p.created_at < ${startOfDay(f.createdTo, 1)}`);
    if (f.customFields?.length)
      conditions.push(...customFieldConditions(f.customFields, param, campaignParam));
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

import { CONSENT_FILTER_KEYS } from '../../../contracts/people-filters.ts';
import type { FilterSql } from '../../core/audience/filter-sql.ts';
import { foldSearch, normalizePhone } from './normalize.ts';

export const likeEscape = (s: string) => s.replace(/[\\%_]/g, (c) => `\\${c}`);

export const searchSql: FilterSql<'search'> = {
  narrows: false,
  conditions: ({ q }, { param, substringSearch }) => {
    if (!q) return [];
    const phoneLike = /^[+\d][\d\s.-]{5,}$/.test(q);
    const phone = phoneLike ? normalizePhone(q) : null;
    if (phone) return [`p.phone = ${param(phone)}`];
    // Part of a number ('06 12 34'): search_text holds its digits without separators.
    // Each word must appear, in any order: 'Lefèvre Éloïse' finds 'Éloïse Lefèvre'; the
    // parts of a hyphenated name too ('Bourg-en-Bresse'), which keeps 'en' out of the index.
    const words = phoneLike
      ? [q.replace(/\D/g, '')]
      : q
          .split(/[\s-]+/)
          .map(foldSearch)
          .filter(Boolean);
    return words.map((word) => {
      if (word.length >= 3) {
        substringSearch();
        return `p.search_text LIKE ${param(`%${likeEscape(word)}%`)}`;
      }
      // Too short for a trigram: the index would read everything for it, so it is only
      // checked on the rows the other conditions find.
      return `strpos(p.search_text, ${param(word)}) > 0`;
    });
  },
};

export const placeSql: FilterSql<'place'> = {
  conditions: ({ communeCodes, departementCodes }, { param, departements }) => {
    const conditions: string[] = [];
    if (communeCodes?.length)
      conditions.push(`p.commune_code = ANY(${param(communeCodes)}::text[])`);
    if (departementCodes?.length) {
      const codes = [...new Set(departementCodes)];
      const codesParam = param(codes);
      const condition = `p.departement_code = ANY(${codesParam}::text[])`;
      conditions.push(condition);
      departements({ param: codesParam, count: codes.length, condition });
    }
    return conditions;
  },
};

const consentColumns = {
  consentEmail: 'consent_email',
  consentSms: 'consent_sms',
  consentPhone: 'consent_phone',
} as const;
export const consentSql: FilterSql<'consent'> = {
  conditions: (value) =>
    CONSENT_FILTER_KEYS.flatMap((key) =>
      value[key] ? [`p.${consentColumns[key]} = ${value[key] === 'yes' ? 'true' : 'false'}`] : [],
    ),
};

export const confirmedSql: FilterSql<'confirmed'> = {
  conditions: ({ confirmed }) =>
    confirmed ? [`p.confirmed_at IS ${confirmed === 'yes' ? 'NOT NULL' : 'NULL'}`] : [],
};

export const tagsSql: FilterSql<'tags'> = {
  conditions: ({ tags }, { param, campaignParam }) =>
    tags?.length
      ? [
          `EXISTS (SELECT 1 FROM person_tags pt JOIN tags t ON t.campaign_id = pt.campaign_id AND t.id = pt.tag_id
                 WHERE pt.campaign_id = ${campaignParam} AND pt.person_id = p.id AND t.name = ANY(${param(tags)}::text[]))`,
        ]
      : [],
};

export const sourceSql: FilterSql<'source'> = {
  conditions: ({ sources }, { param }) =>
    sources?.length ? [`p.source = ANY(${param(sources)}::text[])`] : [],
};

export const recruiterSql: FilterSql<'recruiter'> = {
  conditions: ({ recruitedBy }, { param }) =>
    recruitedBy ? [`p.recruited_by = ${param(recruitedBy)}`] : [],
};

export const createdSql: FilterSql<'created'> = {
  conditions: ({ createdFrom, createdTo }, { param, timeZone }) => {
    const startOfDay = (day: string, plusDays: number) =>
      `((${param(day)}::date + ${plusDays})::timestamp AT TIME ZONE ${param(timeZone)}::text)`;
    const conditions: string[] = [];
    if (createdFrom) conditions.push(`p.created_at >= ${startOfDay(createdFrom, 0)}`);
    if (createdTo) conditions.push(`p.created_at < ${startOfDay(createdTo, 1)}`);
    return conditions;
  },
};

/** A segment's own filter is resolved and added by `resolveFilter` (queries.ts). */
export const segmentSql: FilterSql<'segment'> = { conditions: () => [] };

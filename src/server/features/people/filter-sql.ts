import { sql, type SQL } from 'drizzle-orm';
import { CONSENT_FILTER_KEYS } from '../../../contracts/people-filters.ts';
import type { FilterSql } from '../../core/audience/filter-sql.ts';
import { foldSearch, normalizePhone } from './normalize.ts';

export const likeEscape = (s: string) => s.replace(/[\\%_]/g, (c) => `\\${c}`);

export const searchSql: FilterSql<'search'> = {
  narrows: false,
  conditions: ({ q }, { substringSearch }) => {
    if (!q) return [];
    const phoneLike = /^[+\d][\d\s.-]{5,}$/.test(q);
    const phone = phoneLike ? normalizePhone(q) : null;
    if (phone) return [sql`p.phone = ${phone}`];
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
        return sql`p.search_text LIKE ${`%${likeEscape(word)}%`}`;
      }
      // Too short for a trigram: the index would read everything for it, so it is only
      // checked on the rows the other conditions find.
      return sql`strpos(p.search_text, ${word}) > 0`;
    });
  },
};

export const placeSql: FilterSql<'place'> = {
  conditions: ({ communeCodes, departementCodes }, { departements }) => {
    const conditions: SQL[] = [];
    if (communeCodes?.length) conditions.push(sql`p.commune_code = ANY(${communeCodes}::text[])`);
    if (departementCodes?.length) {
      const codes = [...new Set(departementCodes)];
      const condition = sql`p.departement_code = ANY(${codes}::text[])`;
      conditions.push(condition);
      departements({ codes, condition });
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
      value[key]
        ? [sql.raw(`p.${consentColumns[key]} = ${value[key] === 'yes' ? 'true' : 'false'}`)]
        : [],
    ),
};

export const confirmedSql: FilterSql<'confirmed'> = {
  conditions: ({ confirmed }) =>
    confirmed ? [sql.raw(`p.confirmed_at IS ${confirmed === 'yes' ? 'NOT NULL' : 'NULL'}`)] : [],
};

export const tagsSql: FilterSql<'tags'> = {
  conditions: ({ tags }, { campaignId }) =>
    tags?.length
      ? [
          sql`EXISTS (SELECT 1 FROM person_tags pt JOIN tags t ON t.campaign_id = pt.campaign_id AND t.id = pt.tag_id
                 WHERE pt.campaign_id = ${campaignId} AND pt.person_id = p.id AND t.name = ANY(${tags}::text[]))`,
        ]
      : [],
};

export const sourceSql: FilterSql<'source'> = {
  conditions: ({ sources }) => (sources?.length ? [sql`p.source = ANY(${sources}::text[])`] : []),
};

export const recruiterSql: FilterSql<'recruiter'> = {
  conditions: ({ recruitedBy }) => (recruitedBy ? [sql`p.recruited_by = ${recruitedBy}`] : []),
};

export const createdSql: FilterSql<'created'> = {
  conditions: ({ createdFrom, createdTo }, { timeZone }) => {
    const startOfDay = (day: string, plusDays: 0 | 1) =>
      sql`((${day}::date + ${sql.raw(String(plusDays))})::timestamp AT TIME ZONE ${timeZone}::text)`;
    const conditions: SQL[] = [];
    if (createdFrom) conditions.push(sql`p.created_at >= ${startOfDay(createdFrom, 0)}`);
    if (createdTo) conditions.push(sql`p.created_at < ${startOfDay(createdTo, 1)}`);
    return conditions;
  },
};

/** A segment's own filter is resolved and added by `resolveFilter` (queries.ts). */
export const segmentSql: FilterSql<'segment'> = { conditions: () => [] };

import type { Locale } from '../../../contracts/common.ts';
import type { CustomField } from '../../../contracts/custom-fields.ts';
import type { PeopleFilter } from '../../../contracts/people.ts';
import { formatDayWithYear } from '../../core/format.ts';
import type { MessageKey, Translate } from '../../core/i18n/index.tsx';
import { describeCustomConditions } from './customFieldFilter.ts';
import type { TriKey } from './filters.ts';
import { sourceLabel, triLabelKeys, yesNoLabel } from './labels.ts';

interface Options {
  /** Code → label; communes missing from it are shown by code. */
  communeNames?: ReadonlyMap<string, string>;
  /** Dates are written for this locale; without it they stay as "YYYY-MM-DD". */
  locale?: Locale;
  /** Labels of the custom fields a filter names; without them, their keys are shown. */
  customFields?: CustomField[];
}

/** A short human description of a filter, e.g. "Tags: x · Email consent: yes". */
export function describeFilter(
  filter: PeopleFilter,
  t: Translate,
  { communeNames = new Map(), locale, customFields = [] }: Options = {},
): string {
  const parts: string[] = [];
  const lv = (label: string, value: string) => t('common.labelValue', { label, value });
  const day = (value: string) => (locale ? formatDayWithYear(value, locale) : value);
  if (filter.q) parts.push(lv(t('people.search'), `« ${filter.q} »`));
  if (filter.departementCodes?.length)
    parts.push(lv(t('filter.departements'), filter.departementCodes.join(', ')));
  if (filter.communeCodes?.length)
    parts.push(
      lv(
        t('filter.communes'),
        filter.communeCodes.map((code) => communeNames.get(code) ?? code).join(', '),
      ),
    );
  if (filter.tags?.length) parts.push(lv(t('filter.tags'), filter.tags.join(', ')));
  if (filter.sources?.length)
    parts.push(lv(t('filter.sources'), filter.sources.map((s) => sourceLabel(s, t)).join(', ')));
  for (const [key, label] of Object.entries(triLabelKeys) as Array<[TriKey, MessageKey]>) {
    const value = filter[key];
    if (value) parts.push(lv(t(label), yesNoLabel(value, t)));
  }
  if (filter.createdFrom) parts.push(lv(t('filter.createdFrom'), day(filter.createdFrom)));
  if (filter.createdTo) parts.push(lv(t('filter.createdTo'), day(filter.createdTo)));
  if (filter.recruitedBy) {
    const name = t('filter.personNumber', { id: filter.recruitedBy });
    parts.push(t('filter.recruitedByChip', { name }));
  }
  if (filter.customFields?.length)
    parts.push(...describeCustomConditions(filter.customFields, t, customFields, locale ?? 'fr'));
  if (filter.segmentId) parts.push(t('filter.segmentChip', { name: `#${filter.segmentId}` }));
  return parts.length ? parts.join(' · ') : t('filter.everyone');
}

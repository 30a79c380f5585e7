import type { ChipContext } from '../../../contracts/audience-filter.ts';
import { filterChips } from '../../../contracts/audience-filters.ts';
import type { Locale } from '../../../contracts/common.ts';
import type { CustomField } from '../../../contracts/custom-fields.ts';
import type { PeopleFilter } from '../../../contracts/people.ts';
import { formatDayWithYear } from '../../core/format.ts';
import type { Translate } from '../../core/i18n/index.tsx';
import { describeCustomConditions } from './customFieldFilter.ts';
import { sourceLabel, yesNoLabel } from './labels.ts';

export interface ChipNames {
  /** Dates are written for this locale; without it they stay as "YYYY-MM-DD". */
  locale?: Locale;
  /** How days are written (the default: with their year, in `locale`). */
  day?: (value: string, locale: Locale) => string;
  /** Code → label; those missing are shown by code. */
  communeNames?: ReadonlyMap<string, string>;
  departementNames?: ReadonlyMap<string, string>;
  personName?: (id: number) => string | null;
  segmentName?: (id: number) => string | null;
  /** Labels of the custom fields a filter names; without them, their keys are shown. */
  customFields?: CustomField[];
}

/** What the registered filters' chip labels need, from the web's translator and names. */
export function chipContext(t: Translate, names: ChipNames = {}): ChipContext {
  const { locale, communeNames, departementNames, customFields = [] } = names;
  const day = names.day ?? formatDayWithYear;
  return {
    t,
    yesNo: (value) => yesNoLabel(value, t),
    day: (value) => (locale ? day(value, locale) : value),
    departementName: (code) => departementNames?.get(code) ?? code,
    rankName: (rank) => t(`committees.rank.${rank}`),
    communeName: (code) => communeNames?.get(code) ?? code,
    sourceName: (source) => sourceLabel(source, t),
    personName: names.personName ?? (() => null),
    segmentName: names.segmentName ?? (() => null),
    customConditions: (conditions) =>
      describeCustomConditions(conditions, t, customFields, locale ?? 'fr'),
  };
}

/** A short human description of a filter, e.g. "Tags: x · Email consent: yes". */
export function describeFilter(filter: PeopleFilter, t: Translate, names: ChipNames = {}): string {
  const chips = filterChips(filter, chipContext(t, names));
  return chips.length ? chips.map((chip) => chip.text).join(' · ') : t('filter.everyone');
}

import type { Locale } from '../../../contracts/common.ts';
import { formatNumber } from '../../core/format.ts';
import type { Translate } from '../../core/i18n/index.tsx';

/** How the people list's total may be known: exact, approximate, or only "more than". */
export interface ListTotal {
  total: number;
  totalIsEstimate: boolean;
  totalIsLowerBound: boolean;
}

/** The total as a number to show in a sentence: "1 234", "environ 12 345", "plus de 10 000". */
export function totalText(
  { total, totalIsEstimate, totalIsLowerBound }: ListTotal,
  t: Translate,
  locale: Locale,
) {
  const count = formatNumber(total, locale);
  if (totalIsLowerBound) return t('people.totalMoreThan', { count });
  if (totalIsEstimate) return t('people.totalAbout', { count });
  return count;
}

/** The list's total as a sentence of its own: "1 234 people", "About 12 345 people"… */
export function countSentence(
  { total, totalIsEstimate, totalIsLowerBound }: ListTotal,
  t: Translate,
  locale: Locale,
) {
  const count = formatNumber(total, locale);
  if (totalIsLowerBound) return t('people.countLowerBound', { count });
  if (totalIsEstimate) return t('people.countEstimate', { count });
  return t('people.count', { count });
}

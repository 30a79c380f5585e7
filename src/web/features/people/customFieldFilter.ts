import type { Locale } from '../../../contracts/common.ts';
import type { CustomField, CustomFieldCondition } from '../../../contracts/custom-fields.ts';
import type { Translate } from '../../core/i18n/index.tsx';
import { customValueText, fieldLabel } from './CustomFieldInput.tsx';

export const customConditionsToParam = (conditions: CustomFieldCondition[]) =>
  conditions.length ? JSON.stringify(conditions) : null;

/** "T-shirt size: S, M", "Donations: 10 – 100"… one text per condition. */
export function describeCustomConditions(
  conditions: CustomFieldCondition[],
  t: Translate,
  fields: CustomField[],
  locale: Locale,
): string[] {
  return conditions.map((c) => {
    const field = fields.find((f) => f.key === c.key);
    const label = field ? fieldLabel(field, locale) : c.key;
    const show = (v: string | number) => (field ? customValueText(field, v, locale) : String(v));
    let value: string;
    switch (c.type) {
      case 'text':
        value = t(c.op === 'equals' ? 'fields.filter.equalsValue' : 'fields.filter.containsValue', {
          value: c.value,
        });
        break;
      case 'number':
        value = range(c.min, c.max, show, t);
        break;
      case 'date':
        value = range(c.from, c.to, show, t);
        break;
      case 'choice':
        value = c.anyOf.map(show).join(', ');
        break;
    }
    return t('common.labelValue', { label, value });
  });
}

function range<T extends string | number>(
  from: T | undefined,
  to: T | undefined,
  show: (v: T) => string,
  t: Translate,
): string {
  if (from !== undefined && to !== undefined) return `${show(from)} – ${show(to)}`;
  if (from !== undefined) return t('fields.filter.atLeast', { value: show(from) });
  if (to !== undefined) return t('fields.filter.atMost', { value: show(to) });
  return t('fields.filter.any');
}

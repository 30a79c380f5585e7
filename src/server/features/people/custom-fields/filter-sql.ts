import type { CustomFieldCondition } from '../../../../contracts/custom-fields.ts';
import type { FilterSql } from '../../../core/audience/filter-sql.ts';
import { likeEscape } from '../filter-sql.ts';

/**
 * One EXISTS per condition over `people p`, on its field's index (person_field_values_*_idx);
 * a condition whose type is not its field's matches nobody.
 */
function customFieldConditions(
  conditions: CustomFieldCondition[],
  param: (value: unknown) => string,
  campaignParam: string,
): string[] {
  return conditions.map((c) => {
    const tests: string[] = [];
    switch (c.type) {
      case 'text':
        tests.push(
          c.op === 'equals'
            ? `lower(v.text_value) = lower(${param(c.value)})`
            : `v.text_value ILIKE ${param(`%${likeEscape(c.value)}%`)}`,
        );
        break;
      case 'number':
        tests.push('v.number_value IS NOT NULL');
        if (c.min !== undefined) tests.push(`v.number_value >= ${param(c.min)}::numeric`);
        if (c.max !== undefined) tests.push(`v.number_value <= ${param(c.max)}::numeric`);
        break;
      case 'date':
        tests.push('v.date_value IS NOT NULL');
        if (c.from) tests.push(`v.date_value >= ${param(c.from)}::date`);
        if (c.to) tests.push(`v.date_value <= ${param(c.to)}::date`);
        break;
      case 'choice':
        tests.push(`v.text_value = ANY(${param(c.anyOf)}::text[])`);
        break;
    }
    // The field's id as a scalar subquery, not a join: the planner then estimates the value's
    // share from the column's statistics (a common value is walked newest-first and probed per
    // person; a rare one is read from its index), where the join left it guessing 1 row.
    return `EXISTS (SELECT 1 FROM person_field_values v
                    WHERE v.campaign_id = ${campaignParam} AND v.person_id = p.id
                      AND v.custom_field_id = (SELECT f.id FROM custom_fields f
                                                WHERE f.campaign_id = ${campaignParam} AND f.key = ${param(c.key)}
                                                  AND f.type = ${param(c.type)})
                      AND ${tests.join(' AND ')})`;
  });
}

export const customFieldsSql: FilterSql<'customFields'> = {
  conditions: ({ customFields }, { param, campaignParam }) =>
    customFields?.length ? customFieldConditions(customFields, param, campaignParam) : [],
};

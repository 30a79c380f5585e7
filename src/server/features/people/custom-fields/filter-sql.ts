import { sql, type SQL } from 'drizzle-orm';
import type { CustomFieldCondition } from '../../../../contracts/custom-fields.ts';
import type { FilterSql } from '../../../core/audience/filter-sql.ts';
import { likeEscape } from '../filter-sql.ts';

/**
 * One EXISTS per condition over `people p`, on its field's index (person_field_values_*_idx);
 * a condition whose type is not its field's matches nobody.
 */
function customFieldConditions(conditions: CustomFieldCondition[], campaignId: number): SQL[] {
  return conditions.map((c) => {
    const tests: SQL[] = [];
    switch (c.type) {
      case 'text':
        tests.push(
          c.op === 'equals'
            ? sql`lower(v.text_value) = lower(${c.value})`
            : sql`v.text_value ILIKE ${`%${likeEscape(c.value)}%`}`,
        );
        break;
      case 'number':
        tests.push(sql`v.number_value IS NOT NULL`);
        if (c.min !== undefined) tests.push(sql`v.number_value >= ${c.min}::numeric`);
        if (c.max !== undefined) tests.push(sql`v.number_value <= ${c.max}::numeric`);
        break;
      case 'date':
        tests.push(sql`v.date_value IS NOT NULL`);
        if (c.from) tests.push(sql`v.date_value >= ${c.from}::date`);
        if (c.to) tests.push(sql`v.date_value <= ${c.to}::date`);
        break;
      case 'choice':
        tests.push(sql`v.text_value = ANY(${c.anyOf}::text[])`);
        break;
    }
    // The field's id as a scalar subquery, not a join: the planner then estimates the value's
    // share from the column's statistics (a common value is walked newest-first and probed per
    // person; a rare one is read from its index), where the join left it guessing 1 row.
    return sql`EXISTS (SELECT 1 FROM person_field_values v
                    WHERE v.campaign_id = ${campaignId} AND v.person_id = p.id
                      AND v.custom_field_id = (SELECT f.id FROM custom_fields f
                                                WHERE f.campaign_id = ${campaignId} AND f.key = ${c.key}
                                                  AND f.type = ${c.type})
                      AND ${sql.join(tests, sql` AND `)})`;
  });
}

export const customFieldsSql: FilterSql<'customFields'> = {
  conditions: ({ customFields }, { campaignId }) =>
    customFields?.length ? customFieldConditions(customFields, campaignId) : [],
};

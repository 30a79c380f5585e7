import { sql } from 'drizzle-orm';
import {
  customValueValidator,
  type CustomField,
  type CustomValue,
} from '../../../../contracts/custom-fields.ts';
import type { AppContext } from '../../../core/context.ts';
import type { Database } from '../../../core/db/index.ts';
import { invalidFields, notFound, type FieldError } from '../../../core/http/errors.ts';
import { addPersonEvent } from '../service.ts';
import { listCustomFields } from './definitions.ts';

type Query = Database['query'];

interface ValueRow {
  person_id: number;
  key: string;
  type: CustomField['type'];
  text_value: string | null;
  number_value: string | number | null;
  date_value: string | Date | null;
}

/** A stored value as it travels (numbers as numbers, dates as YYYY-MM-DD). */
export function valueOf(
  row: Pick<ValueRow, 'type' | 'text_value' | 'number_value' | 'date_value'>,
): CustomValue {
  switch (row.type) {
    case 'number':
      return row.number_value === null ? null : Number(row.number_value);
    case 'date':
      return row.date_value === null
        ? null
        : typeof row.date_value === 'string'
          ? row.date_value.slice(0, 10)
          : row.date_value.toISOString().slice(0, 10);
    default:
      return row.text_value;
  }
}

/** Each person's values, by field key. */
export async function personValuesOf(
  ctx: AppContext,
  personIds: number[],
  query: Query = ctx.database.query,
): Promise<Map<number, Record<string, CustomValue>>> {
  const rows = await query<ValueRow>(
    sql`SELECT v.person_id, f.key, f.type, v.text_value, v.number_value, v.date_value::text AS date_value
       FROM person_field_values v
       JOIN custom_fields f ON f.campaign_id = v.campaign_id AND f.id = v.custom_field_id
      WHERE v.campaign_id = ${ctx.campaignId} AND v.person_id = ANY(${personIds}::bigint[])`,
  );
  const byPerson = new Map<number, Record<string, CustomValue>>();
  for (const row of rows) {
    const id = Number(row.person_id);
    byPerson.set(id, { ...byPerson.get(id), [row.key]: valueOf(row) });
  }
  return byPerson;
}

/** The column a field's values live in. */
export const valueColumn = (type: CustomField['type']) =>
  type === 'number' ? 'number_value' : type === 'date' ? 'date_value' : 'text_value';

/**
 * Checks `values` (key → value, null or '' to remove) against the campaign's definitions;
 * returns the parsed values, or throws field errors naming `values.<key>`.
 */
export function parseValues(
  fields: CustomField[],
  values: Record<string, CustomValue>,
  fieldPrefix = 'values',
): Map<CustomField, CustomValue> {
  const errors: FieldError[] = [];
  const parsed = new Map<CustomField, CustomValue>();
  for (const [key, raw] of Object.entries(values)) {
    const field = fields.find((f) => f.key === key);
    const name = `${fieldPrefix}.${key}`;
    if (!field) {
      errors.push({ field: name, code: 'unknown_field', message: `No custom field "${key}".` });
      continue;
    }
    if (raw === null || raw === '') {
      parsed.set(field, null);
      continue;
    }
    const result = customValueValidator(field).safeParse(raw);
    if (!result.success) {
      const code = result.error.issues[0]?.message ?? 'invalid';
      errors.push({
        field: name,
        code,
        message: `"${field.labelEn}": ${code.replace(/_/g, ' ')}.`,
      });
    } else parsed.set(field, result.data as CustomValue);
  }
  if (errors.length) throw invalidFields(errors);
  return parsed;
}

/** Sets some of a person's values (the others stay), with a timeline entry naming the fields. */
export async function setPersonValues(
  ctx: AppContext,
  personId: number,
  values: Record<string, CustomValue>,
  actorId: number | null,
): Promise<Record<string, CustomValue>> {
  const fields = await listCustomFields(ctx);
  const parsed = parseValues(fields, values);
  return ctx.database.transaction(async (query) => {
    const found = await query(
      sql`SELECT 1 FROM people WHERE campaign_id = ${ctx.campaignId} AND id = ${personId} AND erased_at IS NULL FOR UPDATE`,
    );
    if (!found.length) throw notFound('person');
    for (const [field, value] of parsed) {
      if (value === null) {
        await query(
          sql`DELETE FROM person_field_values WHERE campaign_id = ${ctx.campaignId} AND custom_field_id = ${field.id} AND person_id = ${personId}`,
        );
        continue;
      }
      const column = valueColumn(field.type);
      await query(
        sql`INSERT INTO person_field_values (campaign_id, custom_field_id, person_id, ${sql.raw(column)})
         VALUES (${ctx.campaignId}, ${field.id}, ${personId}, ${value})
         ON CONFLICT (campaign_id, custom_field_id, person_id)
         DO UPDATE SET ${sql.raw(column)} = EXCLUDED.${sql.raw(column)}, import_id = NULL`,
      );
    }
    if (parsed.size) {
      await query(
        sql`UPDATE people SET updated_at = now() WHERE campaign_id = ${ctx.campaignId} AND id = ${personId}`,
      );
      await addPersonEvent(
        query,
        ctx.campaignId,
        personId,
        'custom_fields',
        { keys: [...parsed.keys()].map((f) => f.key) },
        actorId,
      );
    }
    return (await personValuesOf(ctx, [personId], query)).get(personId) ?? {};
  });
}

/** A person's values in their data file (art. 15): each field's key, French label and value. */
export async function customFieldsForDataFile(ctx: AppContext, personId: number) {
  const fields = await listCustomFields(ctx);
  const values = (await personValuesOf(ctx, [personId])).get(personId) ?? {};
  return fields
    .filter((field) => values[field.key] !== undefined && values[field.key] !== null)
    .map((field) => ({
      field: field.key,
      label: field.labelFr,
      value: values[field.key] as string | number,
    }));
}

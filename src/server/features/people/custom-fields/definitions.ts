import { sql } from 'drizzle-orm';
import type {
  CustomField,
  CustomFieldInput,
  CustomFieldOption,
  CustomFieldType,
} from '../../../../contracts/custom-fields.ts';
import { audit } from '../../../core/audit.ts';
import type { AppContext } from '../../../core/context.ts';
import { conflict, notFound } from '../../../core/http/errors.ts';
import type { Query } from '../../../core/db/index.ts';

interface FieldRow {
  id: number;
  key: string;
  label_fr: string;
  label_en: string;
  type: CustomFieldType;
  options: CustomFieldOption[];
  value_count?: number;
}

const toField = (r: FieldRow): CustomField => ({
  id: Number(r.id),
  key: r.key,
  labelFr: r.label_fr,
  labelEn: r.label_en,
  type: r.type,
  options: r.options ?? [],
  valueCount: Number(r.value_count ?? 0),
});

async function refuseTakenKey(
  query: Query,
  campaignId: number,
  key: string,
  exceptId: number | null,
) {
  const taken = await query(
    sql`SELECT 1 FROM custom_fields WHERE campaign_id = ${campaignId} AND key = ${key} AND id IS DISTINCT FROM ${exceptId}`,
  );
  if (taken.length) throw conflict('field_key_taken', `A field with the key "${key}" exists.`);
}

/** A definition's columns, in the order the INSERT and UPDATE below list them. */
const options = (input: CustomFieldInput) => JSON.stringify(input.options);

/** The campaign's fields, in creation order. */
export async function listCustomFields(
  ctx: AppContext,
  { withCounts = false } = {},
): Promise<CustomField[]> {
  const rows = await ctx.database.query<FieldRow>(
    sql`SELECT f.id, f.key, f.label_fr, f.label_en, f.type, f.options
            ${sql.raw(
              withCounts
                ? `, (SELECT count(*)::int FROM person_field_values v
                       WHERE v.campaign_id = f.campaign_id AND v.custom_field_id = f.id) AS value_count`
                : '',
            )}
       FROM custom_fields f WHERE f.campaign_id = ${ctx.campaignId} ORDER BY f.id`,
  );
  return rows.map(toField);
}

export async function createCustomField(
  ctx: AppContext,
  input: CustomFieldInput,
  actorId: number | null,
): Promise<CustomField> {
  return ctx.database.transaction(async (query) => {
    await refuseTakenKey(query, ctx.campaignId, input.key, null);
    const [row] = await query<FieldRow>(
      sql`INSERT INTO custom_fields (campaign_id, key, label_fr, label_en, type, options)
       VALUES (${ctx.campaignId}, ${input.key}, ${input.labelFr}, ${input.labelEn}, ${input.type}, ${options(input)})
       RETURNING id, key, label_fr, label_en, type, options`,
    );
    await audit(
      { query },
      {
        campaignId: ctx.campaignId,
        actorId,
        action: 'custom_field.create',
        target: `custom_field:${row.id}`,
        details: { key: input.key, type: input.type },
      },
    );
    return toField(row);
  });
}

/**
 * Labels and options may change. A field holding values keeps its key and type (values
 * would no longer read as they were written), and keeps every option some person has.
 */
export async function updateCustomField(
  ctx: AppContext,
  id: number,
  input: CustomFieldInput,
  actorId: number | null,
): Promise<CustomField> {
  return ctx.database.transaction(async (query) => {
    const [current] = await query<FieldRow>(
      sql`SELECT id, key, label_fr, label_en, type, options FROM custom_fields WHERE campaign_id = ${ctx.campaignId} AND id = ${id} FOR UPDATE`,
    );
    if (!current) throw notFound('custom field');
    const [{ count }] = await query<{ count: number }>(
      sql`SELECT count(*)::int AS count FROM person_field_values WHERE campaign_id = ${ctx.campaignId} AND custom_field_id = ${id}`,
    );
    if (count > 0 && (input.type !== current.type || input.key !== current.key)) {
      throw conflict(
        'field_in_use',
        `${count} people have a value for this field: its key and type cannot change. Create a new field instead.`,
      );
    }
    if (input.key !== current.key) await refuseTakenKey(query, ctx.campaignId, input.key, id);
    if (current.type === 'choice') {
      const kept = new Set(input.options.map((o) => o.value));
      const removed = (current.options ?? []).map((o) => o.value).filter((v) => !kept.has(v));
      if (removed.length) {
        const inUse = await query<{ text_value: string; count: number }>(
          sql`SELECT text_value, count(*)::int AS count FROM person_field_values
            WHERE campaign_id = ${ctx.campaignId} AND custom_field_id = ${id} AND text_value = ANY(${removed}::text[])
            GROUP BY text_value ORDER BY text_value`,
        );
        if (inUse.length) {
          throw conflict(
            'option_in_use',
            `These options are some people's values: ${inUse
              .map((r) => `${r.text_value} (${r.count})`)
              .join(', ')}. Change those people's values first.`,
          );
        }
      }
    }
    const [row] = await query<FieldRow>(
      sql`UPDATE custom_fields SET key = ${input.key}, label_fr = ${input.labelFr}, label_en = ${input.labelEn},
              type = ${input.type}, options = ${options(input)}, updated_at = now()
        WHERE campaign_id = ${ctx.campaignId} AND id = ${id} RETURNING id, key, label_fr, label_en, type, options`,
    );
    await audit(
      { query },
      {
        campaignId: ctx.campaignId,
        actorId,
        action: 'custom_field.update',
        target: `custom_field:${id}`,
        details: { key: input.key, type: input.type },
      },
    );
    return toField({ ...row, value_count: count });
  });
}

/** Deletes the field and every person's value for it; the audit log keeps how many. */
export async function deleteCustomField(ctx: AppContext, id: number, actorId: number | null) {
  await ctx.database.transaction(async (query) => {
    const [field] = await query<FieldRow>(
      sql`DELETE FROM custom_fields WHERE campaign_id = ${ctx.campaignId} AND id = ${id} RETURNING key, type`,
    );
    if (!field) throw notFound('custom field');
    const values = await query(
      sql`DELETE FROM person_field_values WHERE campaign_id = ${ctx.campaignId} AND custom_field_id = ${id} RETURNING 1`,
    );
    await audit(
      { query },
      {
        campaignId: ctx.campaignId,
        actorId,
        action: 'custom_field.delete',
        target: `custom_field:${id}`,
        details: { key: field.key, type: field.type, valuesDeleted: values.length },
      },
    );
  });
}

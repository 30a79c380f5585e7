import { sql } from 'drizzle-orm';
import {
  date,
  index,
  jsonb,
  numeric,
  pgTable,
  primaryKey,
  text,
  uniqueIndex,
} from 'drizzle-orm/pg-core';
import { at, campaignId, ref } from '../../../core/db/columns.ts';

/** A field staff defined on people: text, number, date or choice (options in `options`). */
export const customFields = pgTable(
  'custom_fields',
  {
    campaignId: campaignId(),
    id: ref('id').generatedAlwaysAsIdentity(),
    key: text('key').notNull(),
    labelFr: text('label_fr').notNull(),
    labelEn: text('label_en').notNull(),
    type: text('type').notNull(),
    /** For choices: [{ value, labelFr, labelEn }]. */
    options: jsonb('options').notNull().default([]),
    createdAt: at('created_at').notNull().defaultNow(),
    updatedAt: at('updated_at').notNull().defaultNow(),
  },
  (t) => [
    primaryKey({ name: 'custom_fields_pkey', columns: [t.campaignId, t.id] }),
    uniqueIndex('custom_fields_key_unique').on(t.campaignId, t.key),
  ],
);

/**
 * One person's value for one field, in the column of its type (a choice is its option's
 * value, in text_value). A row per value rather than a jsonb column on people: a filter on a
 * field reads its index (a rare value is found without walking the people list), people rows
 * and their hot write paths (sign-up, import) stay as they were, and deleting a field is one
 * indexed DELETE.
 */
export const personFieldValues = pgTable(
  'person_field_values',
  {
    campaignId: campaignId(),
    customFieldId: ref('custom_field_id').notNull(),
    personId: ref('person_id').notNull(),
    textValue: text('text_value'),
    numberValue: numeric('number_value'),
    dateValue: date('date_value', { mode: 'string' }),
    /** The import that set the value (its undo removes it); null once set at HQ. */
    importId: ref('import_id'),
  },
  (t) => [
    primaryKey({
      name: 'person_field_values_pkey',
      columns: [t.campaignId, t.customFieldId, t.personId],
    }),
    index('person_field_values_person_idx').on(t.campaignId, t.personId),
    index('person_field_values_text_idx')
      .on(t.campaignId, t.customFieldId, t.textValue)
      .where(sql`${t.textValue} IS NOT NULL`),
    index('person_field_values_number_idx')
      .on(t.campaignId, t.customFieldId, t.numberValue)
      .where(sql`${t.numberValue} IS NOT NULL`),
    index('person_field_values_date_idx')
      .on(t.campaignId, t.customFieldId, t.dateValue)
      .where(sql`${t.dateValue} IS NOT NULL`),
  ],
);

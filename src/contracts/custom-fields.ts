import { z } from 'zod';
import { exportColumns } from './export-columns.ts';
import { daySchema } from './common.ts';
import { defineAudienceFilter } from './audience-filter.ts';

export const customFieldTypeSchema = z.enum(['text', 'number', 'date', 'choice']);
export type CustomFieldType = z.infer<typeof customFieldTypeSchema>;

/** Keys name export columns and import targets: short snake_case, stable once values exist. */
export const customFieldKeySchema = z
  .string()
  .trim()
  .regex(/^[a-z][a-z0-9_]{0,39}$/, 'invalid_key')
  .refine((key) => !(exportColumns as readonly string[]).includes(key), 'reserved_key');
const label = z.string().trim().min(1, 'required').max(80, 'too_long');
export const CUSTOM_TEXT_MAX = 500;
/** A number field's values lie within ± this. */
export const CUSTOM_NUMBER_MAX = 1e12;

export const customFieldOptionSchema = z.object({
  value: z
    .string()
    .trim()
    .regex(/^[a-z0-9][a-z0-9_-]{0,39}$/, 'invalid_option_value'),
  labelFr: label,
  labelEn: label,
});
export type CustomFieldOption = z.infer<typeof customFieldOptionSchema>;

export const customFieldInputSchema = z
  .object({
    key: customFieldKeySchema,
    labelFr: label,
    labelEn: label,
    type: customFieldTypeSchema,
    options: z.array(customFieldOptionSchema).max(50).default([]),
  })
  .superRefine((f, issues) => {
    if (f.type === 'choice' && f.options.length === 0)
      issues.addIssue({ code: 'custom', message: 'options_required', path: ['options'] });
    if (f.type !== 'choice' && f.options.length > 0)
      issues.addIssue({ code: 'custom', message: 'options_only_for_choice', path: ['options'] });
    const values = f.options.map((o) => o.value);
    if (new Set(values).size !== values.length)
      issues.addIssue({ code: 'custom', message: 'duplicate_option', path: ['options'] });
  });
export type CustomFieldInput = z.infer<typeof customFieldInputSchema>;

export const customFieldSchema = z.object({
  id: z.number(),
  key: z.string(),
  labelFr: z.string(),
  labelEn: z.string(),
  type: customFieldTypeSchema,
  options: z.array(customFieldOptionSchema),
  /** How many people have a value. */
  valueCount: z.number(),
});
export type CustomField = z.infer<typeof customFieldSchema>;

/** A value as it travels: text and choices as strings, numbers as numbers, dates as YYYY-MM-DD. */
export const customValueSchema = z.union([z.string(), z.number(), z.null()]);
export type CustomValue = z.infer<typeof customValueSchema>;

/** key → value; null (or an empty string) removes the value. */
export const personCustomValuesSchema = z.record(z.string(), customValueSchema);
export const personCustomValuesInputSchema = z.object({
  values: z
    .record(z.string().max(40), customValueSchema)
    .refine((v) => Object.keys(v).length <= 100, 'too_many'),
});

/** The validator of one field's value, built from its definition (server and web alike). */
export function customValueValidator(field: Pick<CustomField, 'type' | 'options'>) {
  switch (field.type) {
    case 'text':
      return z.string().trim().max(CUSTOM_TEXT_MAX, 'too_long');
    case 'number':
      return z
        .union([
          z.number(),
          z
            .string()
            .trim()
            .regex(/^-?\d+([.,]\d+)?$/, 'not_a_number'),
        ])
        .transform((v) => (typeof v === 'number' ? v : Number(v.replace(',', '.'))))
        .pipe(
          z
            .number()
            .finite('not_a_number')
            .min(-CUSTOM_NUMBER_MAX, 'too_small')
            .max(CUSTOM_NUMBER_MAX, 'too_large'),
        );
    case 'date':
      return daySchema;
    case 'choice':
      return z.enum(field.options.map((o) => o.value) as [string, ...string[]], {
        message: 'unknown_option',
      });
  }
}

/**
 * A person's values as a form sends them, each checked by its field's validator (the one the
 * server applies); null or an empty string removes a value.
 */
export function personCustomValuesFormSchema(
  fields: Pick<CustomField, 'key' | 'type' | 'options'>[],
) {
  return z.object({
    values: z.object(
      Object.fromEntries(
        fields.map((field) => [
          field.key,
          z
            .preprocess((v) => (v === '' ? null : v), customValueValidator(field).nullable())
            .optional(),
        ]),
      ),
    ),
  });
}

/** A condition on one custom field in a people filter; its `type` says which column it reads. */
export const customFieldConditionSchema = z.discriminatedUnion('type', [
  z.object({
    key: customFieldKeySchema,
    type: z.literal('text'),
    op: z.enum(['equals', 'contains']),
    value: z.string().trim().min(1).max(200),
  }),
  z.object({
    key: customFieldKeySchema,
    type: z.literal('number'),
    min: z.number().finite().optional(),
    max: z.number().finite().optional(),
  }),
  z.object({
    key: customFieldKeySchema,
    type: z.literal('date'),
    from: daySchema.optional(),
    to: daySchema.optional(),
  }),
  z.object({
    key: customFieldKeySchema,
    type: z.literal('choice'),
    anyOf: z.array(z.string().max(40)).min(1).max(50),
  }),
]);
export type CustomFieldCondition = z.infer<typeof customFieldConditionSchema>;

/**
 * The conditions of a filter: an array in a JSON body or a stored segment, a JSON text in a
 * query string (`customFields=[…]`), since a query string has no nesting.
 */
export const customFieldConditionsSchema = z.preprocess(
  (value) => {
    if (typeof value !== 'string') return value;
    try {
      return JSON.parse(value) as unknown;
    } catch {
      return value; // fails below as "expected array"
    }
  },
  z.array(customFieldConditionSchema).max(10, 'too_many'),
);

/** Conditions on the campaign's custom fields (a JSON array in a query string). */
export const customFieldsFilter = defineAudienceFilter({
  key: 'customFields',
  shape: { customFields: customFieldConditionsSchema.optional() },
  chips: ({ customFields }, ctx) =>
    customFields?.length
      ? [{ key: 'customFields', text: ctx.customConditions(customFields).join(' · ') }]
      : [],
});

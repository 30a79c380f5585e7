import { describe, expect, it } from 'vitest';
import type { z } from 'zod';
import { fieldProblems } from './field-problems.ts';
import { customFieldInputSchema, personCustomValuesFormSchema } from './custom-fields.ts';

const problems = (result: z.ZodSafeParseResult<unknown>) =>
  result.success ? [] : fieldProblems(result.error.issues).map((p) => [p.field, p.code]);

describe('personCustomValuesFormSchema', () => {
  const schema = personCustomValuesFormSchema([
    { key: 'size', type: 'choice', options: [{ value: 's', labelFr: 'P', labelEn: 'S' }] },
    { key: 'donations', type: 'number', options: [] },
    { key: 'met_on', type: 'date', options: [] },
  ]);

  it('checks each value with its field’s validator, as the server does', () => {
    expect(problems(schema.safeParse({ values: { size: 'xl', met_on: '1800-01-01' } }))).toEqual([
      ['values.size', 'unknown_option'],
      ['values.met_on', 'date_out_of_range'],
    ]);
  });

  it('takes null or an empty text as a removal, and absent fields as unchanged', () => {
    expect(schema.safeParse({ values: { size: '', donations: null } }).success).toBe(true);
    expect(schema.safeParse({ values: { donations: 12.5 } }).success).toBe(true);
  });
});

describe('customFieldInputSchema', () => {
  it('says its problems with codes a form can put into words', () => {
    const result = customFieldInputSchema.safeParse({
      key: 'Taille T-shirt',
      labelFr: ' ',
      labelEn: 'Size',
      type: 'text',
    });
    expect(problems(result)).toEqual([
      ['key', 'invalid_key'],
      ['labelFr', 'required'],
    ]);
  });
});

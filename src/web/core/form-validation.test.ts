import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { validateWith, validateWithRules } from './form-validation.ts';
import type { Translate } from './i18n/index.tsx';

const t: Translate = (key) => `«${key}»`;

describe('validateWith', () => {
  const schema = z.object({
    email: z.string().min(1, 'required').email('invalid_email'),
    password: z.string().min(12, 'min_12'),
    nested: z.object({ code: z.string().regex(/^\d{6}$/, 'six_digits') }),
  });

  it('says each failing field’s first problem in the visitor’s language', () => {
    const validate = validateWith<{ email: string; password: string; code: string }>(
      schema,
      t,
      ({ code, ...rest }) => ({ ...rest, nested: { code } }),
    );
    expect(validate({ email: '', password: 'short', code: '12' })).toEqual({
      email: '«error.required»',
      password: '«error.min_12»',
      'nested.code': '«error.six_digits»',
    });
    expect(validate({ email: 'a@b.fr', password: 'long enough pass', code: '123456' })).toEqual({});
  });

  it('falls back to a generic sentence for a code without words, never zod’s English', () => {
    const validate = validateWith(z.object({ n: z.number() }), t);
    expect(validate({ n: 'x' })).toEqual({ n: '«error.generic»' });
  });
});

describe('validateWithRules', () => {
  const schema = z.object({ name: z.string().max(5, 'too_long'), code: z.string() });
  const validate = validateWithRules<{ name: string; code: string }>(schema, t, undefined, {
    name: (value) => (value === 'taken' ? 'taken' : null),
    code: (value, values) => (value === values.name ? 'same' : null),
  });

  it('adds the form’s own rules to the schema’s, the schema speaking first', () => {
    expect(validate({ name: 'taken', code: 'taken' })).toEqual({ name: 'taken', code: 'same' });
    expect(validate({ name: 'too long', code: 'x' })).toEqual({ name: '«error.too_long»' });
    expect(validate({ name: 'ok', code: 'x' })).toEqual({});
  });
});

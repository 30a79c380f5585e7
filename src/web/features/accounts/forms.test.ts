import { describe, expect, it } from 'vitest';
import { profileUpdateSchema } from '../../../contracts/accounts.ts';
import { validateWith } from '../../core/form-validation.ts';
import type { Translate } from '../../core/i18n/index.tsx';
import { passwordRequest, passwordValidate, profileRequest, type PasswordValues } from './forms.ts';

const t: Translate = (key) => `«${key}»`;

describe('the profile form', () => {
  const values = {
    firstName: '  Ada ',
    lastName: 'Lovelace ',
    phone: ' ',
    postalCode: ' 69001 ',
    communeCode: '',
    locale: 'en' as const,
  };

  it('sends trimmed values, null for an emptied phone and no commune when none is chosen', () => {
    expect(profileRequest(values)).toEqual({
      firstName: 'Ada',
      lastName: 'Lovelace',
      phone: null,
      postalCode: '69001',
      communeCode: undefined,
      locale: 'en',
    });
    expect(profileRequest({ ...values, phone: '06 12 34 56 78', communeCode: '69381' })).toEqual(
      expect.objectContaining({ phone: '06 12 34 56 78', communeCode: '69381' }),
    );
  });

  it('is checked by the route’s schema, names included', () => {
    const validate = validateWith(profileUpdateSchema, t, profileRequest);
    expect(validate(values)).toEqual({});
    expect(validate({ ...values, firstName: ' ', lastName: 'www.example.com' })).toEqual({
      firstName: '«error.required»',
      lastName: '«error.no_links»',
    });
  });
});

describe('the password form', () => {
  const values: PasswordValues = {
    currentPassword: 'old one',
    newPassword: 'a long new password',
    confirmPassword: 'a long new password',
  };
  const validate = (hasPassword: boolean) => passwordValidate(hasPassword, t);

  it('sends the current password only when one is set', () => {
    expect(passwordRequest(true)(values)).toEqual({
      currentPassword: 'old one',
      newPassword: 'a long new password',
    });
    expect(passwordRequest(false)(values)).toEqual({
      currentPassword: undefined,
      newPassword: 'a long new password',
    });
  });

  it('adds the form’s own rules to the schema’s', () => {
    expect(validate(true)(values)).toEqual({});
    expect(
      validate(true)({ currentPassword: '', newPassword: 'short', confirmPassword: 'other' }),
    ).toEqual({
      currentPassword: '«error.required»',
      newPassword: '«error.min_12»',
      confirmPassword: '«error.passwordsDiffer»',
    });
    expect(validate(false)({ ...values, currentPassword: '' })).toEqual({});
  });
});

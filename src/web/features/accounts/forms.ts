import { setPasswordSchema } from '../../../contracts/accounts.ts';
import type { accountsApi } from '../../../contracts/accounts-api.ts';
import type { Locale } from '../../../contracts/common.ts';
import type { meApi } from '../../../contracts/me-api.ts';
import type { CallInput, RouteContract } from '../../../contracts/route.ts';
import { validateWithRules } from '../../core/form-validation.ts';
import type { Translate } from '../../core/i18n/index.tsx';

/** The body a route takes, as its contract's schema accepts it. */
export type BodyInput<C extends RouteContract> = CallInput<C>['body'];

export interface PasswordValues {
  currentPassword: string;
  newPassword: string;
  confirmPassword: string;
}

/** The password form's request: the current password only when one is set. */
export const passwordRequest =
  (hasPassword: boolean) =>
  (values: PasswordValues): BodyInput<typeof accountsApi.setPassword> => ({
    currentPassword: hasPassword ? values.currentPassword : undefined,
    newPassword: values.newPassword,
  });

/**
 * The password form's checks: the route's, then those only the form knows (the server takes
 * an absent current password when none is set yet, and cannot see the confirmation).
 */
export const passwordValidate = (hasPassword: boolean, t: Translate) =>
  validateWithRules<PasswordValues>(setPasswordSchema, t, passwordRequest(hasPassword), {
    currentPassword: (v) => (hasPassword && !v ? t('error.required') : null),
    confirmPassword: (v, values) => (v === values.newPassword ? null : t('error.passwordsDiffer')),
  });

export interface ProfileValues {
  firstName: string;
  lastName: string;
  phone: string;
  postalCode: string;
  communeCode: string;
  locale: Locale;
}

/** The profile form's request: trimmed; an empty phone clears it, no commune leaves it out. */
export const profileRequest = (values: ProfileValues): BodyInput<typeof meApi.updateProfile> => ({
  firstName: values.firstName.trim(),
  lastName: values.lastName.trim(),
  phone: values.phone.trim() || null,
  postalCode: values.postalCode.trim(),
  communeCode: values.communeCode || undefined,
  locale: values.locale,
});

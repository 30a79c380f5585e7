import { signupInputSchema, type SignupInput } from '../../../../contracts/recruitment.ts';
import type { FieldError } from '../../../core/http/errors.ts';
import type { SignupSource, SignupValues } from './signup-form.ts';

/** A form body as the urlencoded parser gives it: one string per name. */
export type { FormBody } from '../../../core/http/form-body.ts';
import type { FormBody } from '../../../core/http/form-body.ts';

const REQUIRED = ['firstName', 'lastName', 'email', 'postalCode'] as const;

export const sourceOf = (body: FormBody): SignupSource =>
  body.source === 'embed' ? 'embed' : 'signup';

/** What the visitor typed, to show again. */
export function valuesOf(body: FormBody): SignupValues {
  const text = (name: string) => (body[name] ?? '').slice(0, 2000);
  return {
    firstName: text('firstName'),
    lastName: text('lastName'),
    email: text('email'),
    postalCode: text('postalCode'),
    communeCode: text('communeCode'),
    phone: text('phone'),
    consents: {
      email: body['consents.email'] === 'on',
      sms: body['consents.sms'] === 'on',
      phone: body['consents.phone'] === 'on',
    },
  };
}

/** At most one error per field, the first found. */
export function oneErrorPerField(errors: FieldError[]): FieldError[] {
  const seen = new Set<string>();
  return errors.filter((e) => !seen.has(e.field) && seen.add(e.field));
}

/**
 * Reads a plain form post of the sign-up into the API's input, with the same checks and codes
 * as POST /api/signup (the schema), plus `required` for an empty required field as the
 * browser says it.
 */
export function readSignupForm(body: FormBody): {
  input?: SignupInput;
  /** What was sent, unchecked: the service's field checks read it when the shape is wrong. */
  candidate: SignupInput;
  errors: FieldError[];
} {
  const values = valuesOf(body);
  const optional = (name: string) => (body[name]?.trim() ? body[name] : undefined);
  const errors: FieldError[] = REQUIRED.filter((name) => !values[name]?.trim()).map((field) => ({
    field,
    code: 'required',
    message: 'This field is required.',
  }));
  const candidate: SignupInput = {
    firstName: values.firstName ?? '',
    lastName: values.lastName ?? '',
    email: values.email ?? '',
    postalCode: values.postalCode ?? '',
    communeCode: optional('communeCode'),
    phone: optional('phone'),
    consents: { email: false, sms: false, phone: false, ...values.consents },
    wordingVersion: optional('wordingVersion'),
    locale: body.locale === 'en' ? 'en' : 'fr',
    ref: optional('ref'),
    utmSource: optional('utmSource'),
    utmMedium: optional('utmMedium'),
    utmCampaign: optional('utmCampaign'),
    referrerUrl: optional('referrerUrl'),
    source: sourceOf(body),
  };
  const parsed = signupInputSchema.safeParse(candidate);
  if (!parsed.success) {
    for (const issue of parsed.error.issues) {
      errors.push({
        field: issue.path.join('.'),
        // As the API's error handler: our schemas' messages are codes, zod's are sentences.
        code: /^[a-z0-9_]+$/.test(issue.message) ? issue.message : issue.code,
        message: issue.message,
      });
    }
    return { candidate, errors };
  }
  return { input: parsed.data, candidate, errors };
}

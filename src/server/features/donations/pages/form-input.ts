import { giftInputSchema, type GiftInput } from '../../../../contracts/donations.ts';
import type { FormBody } from '../../../core/http/form-body.ts';
import type { FieldError } from '../../../core/http/errors.ts';
import type { DonationFormValues } from './views.ts';

const ATTRIBUTION_FIELDS = [
  'ref',
  'committee',
  'page',
  'utmSource',
  'utmMedium',
  'utmCampaign',
  'referrerUrl',
] as const;

const fieldNames: Record<string, string> = {
  'donor.firstName': 'firstName',
  'donor.lastName': 'lastName',
  'donor.addressLine1': 'addressLine1',
  'donor.addressLine2': 'addressLine2',
  'donor.postalCode': 'postalCode',
  'donor.commune': 'commune',
  'donor.country': 'country',
  'donor.nationality': 'nationality',
  'donor.email': 'email',
  'donor.phone': 'phone',
  'donor.civility': 'civility',
};

const messages = {
  fr: {
    required: 'Ce champ est obligatoire.',
    email: 'Indiquez une adresse e-mail valide.',
    attest: 'Cette attestation est nécessaire pour donner.',
    invalid: 'Vérifiez ce champ.',
  },
  en: {
    required: 'This field is required.',
    email: 'Enter a valid email address.',
    attest: 'This statement is needed to give.',
    invalid: 'Check this field.',
  },
};

/** The plain form's fields as the API's gift, or every field error at once. */
export function readDonationForm(body: FormBody): {
  input: GiftInput | null;
  values: DonationFormValues;
  errors: FieldError[];
  locale: 'fr' | 'en';
  /** Where the visit came from, carried in hidden fields whatever the form's errors. */
  attribution: Record<string, string>;
} {
  const locale = body.locale === 'en' ? 'en' : 'fr';
  const text = (name: string) => (body[name] ?? '').slice(0, 300);
  const values: DonationFormValues = {
    amount: text('amount'),
    otherAmount: text('otherAmount'),
    frequency: text('frequency'),
    civility: text('civility'),
    firstName: text('firstName'),
    lastName: text('lastName'),
    addressLine1: text('addressLine1'),
    addressLine2: text('addressLine2'),
    postalCode: text('postalCode'),
    commune: text('commune'),
    country: text('country') || 'FR',
    nationality: text('nationality') || 'FR',
    email: text('email'),
    phone: text('phone'),
    naturalPerson: body.naturalPerson === 'true',
    frenchOrResident: body.frenchOrResident === 'true',
    otherPartiesWithinCap: body.otherPartiesWithinCap === 'true',
  };
  // A suggested amount is sent in cents; another one as the donor typed it, in euros.
  const amount =
    values.amount === 'other' || !values.amount
      ? (values.otherAmount ?? '')
      : /^\d{1,9}$/.test(values.amount)
        ? (Number(values.amount) / 100).toFixed(2)
        : values.amount;
  const attribution: Record<string, string> = Object.fromEntries(
    ATTRIBUTION_FIELDS.flatMap((name) => (body[name] ? [[name, body[name]]] : [])),
  );
  const candidate = {
    amount: amount || ' ',
    frequency: values.frequency === 'monthly' ? 'monthly' : 'once',
    donor: {
      civility: values.civility === 'M' || values.civility === 'Mme' ? values.civility : null,
      firstName: values.firstName,
      lastName: values.lastName,
      addressLine1: values.addressLine1,
      addressLine2: values.addressLine2,
      postalCode: values.postalCode,
      commune: values.commune,
      country: values.country,
      nationality: values.nationality,
      email: values.email,
      phone: values.phone,
    },
    naturalPerson: values.naturalPerson,
    frenchOrResident: values.frenchOrResident,
    otherPartiesWithinCap: values.otherPartiesWithinCap,
    locale,
    attribution,
  };
  const parsed = giftInputSchema.safeParse(candidate);
  const errors: FieldError[] = [];
  const say = messages[locale];
  if (!values.naturalPerson)
    errors.push({ field: 'naturalPerson', code: 'attestation_required', message: say.attest });
  if (!values.frenchOrResident)
    errors.push({ field: 'frenchOrResident', code: 'attestation_required', message: say.attest });
  if (!parsed.success) {
    for (const issue of parsed.error.issues) {
      const path = issue.path.join('.');
      const field = fieldNames[path] ?? path;
      if (errors.some((error) => error.field === field)) continue;
      const empty = (body[field] ?? '').trim() === '';
      errors.push({
        field: field === 'amount' ? 'amount' : field,
        code: empty ? 'required' : 'invalid',
        message: empty ? say.required : field === 'email' ? say.email : say.invalid,
      });
    }
  }
  return {
    input: parsed.success && errors.length === 0 ? parsed.data : null,
    values,
    errors,
    locale,
    attribution,
  };
}

import { parsePhoneNumberFromString } from 'libphonenumber-js';
import { parsePhoneNumberFromString as parseWithTypes } from 'libphonenumber-js/max';
import {
  nationalForm,
  readPhone,
  reachableBySms,
  smsConsentProblem,
  type PhoneKind,
  type SmsConsentProblem,
} from '../../../contracts/phone.ts';
import { z } from 'zod';
import { stripPunctuation } from '../../../contracts/fold.ts';
import type { FieldError } from '../../core/http/errors.ts';
import type { GeoReference } from '../../core/geo/communes.ts';

const emailSchema = z.email();

export function normalizeEmail(email: string): string | null {
  const trimmed = email.trim();
  if (!emailSchema.safeParse(trimmed).success) return null;
  return trimmed.toLowerCase();
}

/**
 * A phone number read as E.164 with its kind, or null when it is not a valid one. French-plan
 * numbers (metropolitan and overseas) get their country code from their national prefix
 * (contracts/phone.ts, shared with the browser); libphonenumber then checks the number and
 * tells another country's mobiles from its landlines.
 */
export function readPhoneNumber(phone: string): { e164: string; kind: PhoneKind } | null {
  const reading = readPhone(phone);
  if (reading.status === 'invalid') return null;
  const parsed = parsePhoneNumberFromString(reading.e164);
  if (!parsed || !parsed.isValid()) return null;
  if (reading.status === 'french') return { e164: parsed.number, kind: reading.kind };
  return { e164: parsed.number, kind: foreignKind(reading.e164) };
}

function foreignKind(e164: string): PhoneKind {
  switch (parseWithTypes(e164)?.getType()) {
    case 'MOBILE':
      return 'mobile';
    case 'FIXED_LINE':
      return 'landline';
    case 'FIXED_LINE_OR_MOBILE':
      return 'mobile_or_landline';
    case undefined:
      return 'unknown';
    default:
      return 'other';
  }
}

/**
 * The field errors of SMS wanted where it would reach nobody. Refused rather than stored: an
 * SMS consent on a landline, or with no number, would silently reach nobody.
 */
const smsPhoneErrors: Record<SmsConsentProblem, FieldError> = {
  landline_for_sms: {
    field: 'phone',
    code: 'landline_for_sms',
    message: 'This is a landline number: SMS cannot reach it. Give a mobile number or untick SMS.',
  },
  phone_required_for_sms: {
    field: 'phone',
    code: 'phone_required_for_sms',
    message:
      'This person has no phone number: add their mobile number to their record before recording an SMS consent.',
  },
};

/**
 * Why SMS cannot be wanted with this phone (as typed, or stored in E.164; null: no phone), as
 * a field error, or null. A number that is not a valid one is not this check's business.
 */
export function smsPhoneError(phone: string | null): FieldError | null {
  const kind = phone === null ? null : (readPhoneNumber(phone)?.kind ?? 'unknown');
  const problem = smsConsentProblem(kind);
  return problem ? { ...smsPhoneErrors[problem] } : null;
}

/** E.164 (see readPhoneNumber). Null when the number is not a valid one. */
export function normalizePhone(phone: string): string | null {
  return readPhoneNumber(phone)?.e164 ?? null;
}

/** Another country's number as written there with a trunk 0 ("+44 20…" → "020…"), for search. */
function foreignNationalForm(e164: string): string | null {
  const national = parsePhoneNumberFromString(e164)?.nationalNumber;
  return national ? `0${national}` : null;
}

/** Lowercase, accents stripped, spaces folded: what search compares. */
export function foldText(value: string): string {
  return value
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/\s+/g, ' ')
    .trim();
}

/** What people search compares: folded text without punctuation ("O'Brien" → "obrien"). */
export const foldSearch = (value: string) => stripPunctuation(foldText(value));

export function buildSearchText(p: {
  firstName?: string | null;
  lastName?: string | null;
  email?: string | null;
  phone?: string | null;
  communeName?: string | null;
  postalCode?: string | null;
}): string {
  const phoneDigits = p.phone
    ? [p.phone.replace(/\D/g, ''), nationalForm(p.phone) ?? foreignNationalForm(p.phone)]
        .filter(Boolean)
        .join(' ')
    : '';
  return foldSearch(
    [p.firstName, p.lastName, p.email, phoneDigits, p.communeName, p.postalCode]
      .filter(Boolean)
      .join(' '),
  );
}

export interface Place {
  postalCode: string;
  communeCode: string;
  communeName: string;
  departementCode: string;
}

/** Resolves a postal code (and commune when it covers several) against the reference data. */
export function resolvePlace(
  geo: GeoReference,
  postalCode: string,
  communeCode: string | undefined,
  field = 'postalCode',
): { place?: Place; error?: FieldError } {
  const code = postalCode.replace(/\s/g, '');
  if (!/^\d{5}$/.test(code) || !geo.isPostalCode(code)) {
    return {
      error: { field, code: 'unknown_postal_code', message: 'Unknown French postal code.' },
    };
  }
  const communes = geo.communesByPostalCode(code);
  const commune = communeCode
    ? communes.find((c) => c.code === communeCode)
    : communes.length === 1
      ? communes[0]
      : undefined;
  if (!commune) {
    return communeCode
      ? {
          error: {
            field: 'communeCode',
            code: 'commune_mismatch',
            message: 'This commune does not match the postal code.',
          },
        }
      : {
          error: {
            field: 'communeCode',
            code: 'commune_required',
            message: 'Choose your commune: this postal code covers several.',
          },
        };
  }
  return {
    place: {
      postalCode: code,
      communeCode: commune.code,
      communeName: commune.name,
      departementCode: commune.departementCode,
    },
  };
}

/**
 * Checks the phone (optional) and place a person gave, collecting field errors into `errors`;
 * the sign-up form and the profile form share it.
 */
export function checkPhoneAndPlace(
  geo: GeoReference,
  input: {
    phone?: string | null;
    postalCode: string;
    communeCode?: string;
    consents?: { sms: boolean };
  },
  errors: FieldError[],
): { phone: string | null; place?: Place } {
  let phone: string | null = null;
  if (input.phone) {
    const read = readPhoneNumber(input.phone);
    phone = read?.e164 ?? null;
    if (!read) {
      errors.push({
        field: 'phone',
        code: 'invalid_phone',
        message: 'Enter a valid phone number.',
      });
    } else if (input.consents?.sms && !reachableBySms(read.kind)) {
      errors.push({ ...smsPhoneErrors.landline_for_sms });
    }
  }
  const { place, error } = resolvePlace(geo, input.postalCode, input.communeCode || undefined);
  if (error) errors.push(error);
  return { phone, place };
}

import { parsePhoneNumberFromString } from 'libphonenumber-js';
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

/** E.164, reading national numbers as French. Null when the number is not a valid one. */
export function normalizePhone(phone: string): string | null {
  const parsed = parsePhoneNumberFromString(phone.trim(), 'FR');
  if (!parsed || !parsed.isValid()) return null;
  return parsed.number;
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
    ? `${p.phone.replace(/\D/g, '')} 0${p.phone.replace(/\D/g, '').slice(2)}`
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
  input: { phone?: string | null; postalCode: string; communeCode?: string },
  errors: FieldError[],
): { phone: string | null; place?: Place } {
  let phone: string | null = null;
  if (input.phone) {
    phone = normalizePhone(input.phone);
    if (!phone) {
      errors.push({
        field: 'phone',
        code: 'invalid_phone',
        message: 'Enter a valid phone number.',
      });
    }
  }
  const { place, error } = resolvePlace(geo, input.postalCode, input.communeCode || undefined);
  if (error) errors.push(error);
  return { phone, place };
}

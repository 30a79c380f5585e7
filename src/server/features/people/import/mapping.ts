import type { CustomField } from '../../../../contracts/custom-fields.ts';
import {
  CUSTOM_PREFIX,
  type ImportField,
  type ImportTarget,
} from '../../../../contracts/people.ts';
import { badRequest, type FieldError } from '../../../core/http/errors.ts';
import { foldText } from '../normalize.ts';
import { presetSuggestion } from './presets.ts';

export type Mapping = Record<string, ImportTarget>;
/** What a custom field column needs to be mapped and read. */
export type MappableField = Pick<CustomField, 'key' | 'labelFr' | 'labelEn' | 'type' | 'options'>;

/** Header names (folded: lowercase, no accents, punctuation as spaces) each field answers to. */
const names: Record<ImportField, string[]> = {
  email: [
    'email',
    'e mail',
    'mail',
    'courriel',
    'adresse email',
    'adresse e mail',
    'adresse mail',
    'adresse electronique',
    'email address',
    'e mail address',
  ],
  firstName: ['prenom', 'prenoms', 'first name', 'firstname', 'given name'],
  lastName: ['nom', 'nom de famille', 'last name', 'lastname', 'surname', 'family name'],
  phone: [
    'telephone',
    'tel',
    'mobile',
    'portable',
    'phone',
    'phone number',
    'numero de telephone',
    'telephone mobile',
    'telephone portable',
    'gsm',
    'cell',
    'cellphone',
    'mobile phone',
  ],
  postalCode: [
    'code postal',
    'codepostal',
    'cp',
    'zip',
    'zip code',
    'zipcode',
    'postal code',
    'postcode',
  ],
  // The commune field takes an INSEE code or a town's name (a name is read beside the postal
  // code, which tells Saint-Denis (93) from Saint-Denis (974)), so town columns map to it.
  communeCode: [
    'code insee',
    'insee',
    'code commune',
    'commune code',
    'code insee commune',
    'commune',
    'ville',
    'city',
  ],
  // The export's own headers (address_street…) read back too.
  addressStreet: [
    'adresse',
    'adresse postale',
    'rue',
    'voie',
    'numero et voie',
    'adresse ligne 1',
    'address',
    'street',
    'street address',
    'address line 1',
    'address street',
  ],
  addressComplement: [
    'complement',
    'complement d adresse',
    'complement adresse',
    'adresse ligne 2',
    'address line 2',
    'address complement',
  ],
  tags: ['tags', 'tag', 'etiquettes', 'etiquette', 'labels'],
  consentEmail: [
    'consent email',
    'consentement email',
    'consentement e mail',
    'consentement courriel',
  ],
  consentSms: ['consent sms', 'consentement sms'],
  consentPhone: ['consent phone', 'consentement telephone', 'consentement appel'],
};

const byName = new Map<string, ImportField>();
for (const [field, list] of Object.entries(names) as [ImportField, string[]][]) {
  for (const name of list) byName.set(name, field);
}

export const foldHeader = (header: string) => foldText(header.replace(/[^\p{L}\p{N}]+/gu, ' '));

/** "Opt-in SMS", "accepte les appels", "accord e-mail": a consent word and a channel word. */
function consentField(folded: string): ImportField | undefined {
  if (!/\b(consent\w*|opt ?in|optin|accord|accepte\w*|autorise\w*|rgpd)\b/.test(folded))
    return undefined;
  if (/\b(sms|texto)\b/.test(folded)) return 'consentSms';
  if (/\b(e ?mail|courriel|newsletter)\b/.test(folded)) return 'consentEmail';
  if (/\b(telephone|tel|phone|appels?)\b/.test(folded)) return 'consentPhone';
  return undefined;
}

/**
 * A mapping guessed from the headers; each field goes to its first matching column. A custom
 * field is recognised by its key (the export's header) or either of its labels.
 */
export function suggestMapping(headers: string[], customFields: MappableField[] = []): Mapping {
  const preset = presetSuggestion(headers);
  if (preset) return preset;
  const custom = new Map<string, ImportTarget>();
  for (const field of customFields)
    for (const name of [field.key, field.labelFr, field.labelEn])
      if (!custom.has(foldHeader(name)))
        custom.set(foldHeader(name), `${CUSTOM_PREFIX}${field.key}`);
  const mapping: Mapping = {};
  const taken = new Set<ImportTarget>();
  for (const header of headers) {
    const folded = foldHeader(header);
    const field = byName.get(folded) ?? custom.get(folded) ?? consentField(folded);
    if (field && !taken.has(field)) {
      mapping[header] = field;
      taken.add(field);
    }
  }
  return mapping;
}

/** Header names made unique ("Nom", "Nom (2)") and non-empty, so a mapping can name them. */
export function uniqueHeaders(raw: string[]): string[] {
  const seen = new Map<string, number>();
  return raw.map((value, i) => {
    const base = value.trim() || `Column ${i + 1}`;
    const n = (seen.get(base) ?? 0) + 1;
    seen.set(base, n);
    return n === 1 ? base : `${base} (${n})`;
  });
}

/** Checks a chosen mapping against the headers; throws a 400 problem naming what is wrong. */
export function checkMapping(
  headers: string[],
  mapping: Mapping,
  customFields: MappableField[] = [],
): void {
  const errors: FieldError[] = [];
  const used = new Map<ImportTarget, string>();
  for (const [column, field] of Object.entries(mapping)) {
    if (!headers.includes(column)) {
      errors.push({
        field: `mapping.${column}`,
        code: 'unknown_column',
        message: `The file has no column "${column}".`,
      });
    }
    const key = customKey(field);
    if (key !== null && !customFields.some((f) => f.key === key)) {
      errors.push({
        field: `mapping.${column}`,
        code: 'unknown_custom_field',
        message: `No custom field "${key}": create it first (People › Custom fields), or map the column to something else.`,
      });
    }
    const other = used.get(field);
    if (other !== undefined) {
      errors.push({
        field: `mapping.${column}`,
        code: 'duplicate_mapping',
        message: `Columns "${other}" and "${column}" are both mapped to ${field}.`,
      });
    }
    used.set(field, column);
  }
  if (errors.length)
    throw badRequest(errors[0].code, 'The column mapping does not fit the file.', errors);
  if (!used.has('email') && !used.has('phone')) {
    throw badRequest(
      'missing_identifier',
      'The file needs an email column or a phone column to recognise people; none was found or mapped.',
    );
  }
}

/** Column index of each mapped field. */
export function fieldIndexes(
  headers: string[],
  mapping: Mapping,
): Partial<Record<ImportTarget, number>> {
  const indexes: Partial<Record<ImportTarget, number>> = {};
  for (const [column, field] of Object.entries(mapping)) indexes[field] = headers.indexOf(column);
  return indexes;
}

/** The custom field's key of a mapping target, or null for a field of the person. */
export function customKey(target: ImportTarget): string | null {
  return target.startsWith(CUSTOM_PREFIX) ? target.slice(CUSTOM_PREFIX.length) : null;
}

export const isPersonField = (target: ImportTarget): target is ImportField =>
  customKey(target) === null;

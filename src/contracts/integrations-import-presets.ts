import type { ImportField } from './people.ts';

/**
 * Column mappings for the people exports of other campaign tools, recognised from their
 * header and offered in the import page. Each maps only columns whose meaning is certain:
 * an opt-in column becomes a consent only where the export states one (NationBuilder's
 * `email_opt_in` / `mobile_opt_in`, Action Network's `can2_subscription_status` /
 * `can2_sms_status`, read as subscribed or unsubscribed); tags become tags.
 */
export interface ImportPreset {
  id: 'nationbuilder' | 'action_network';
  label: string;
  /** Headers that, all present, say the file is this tool's export. */
  signature: readonly string[];
  /** Export header → Levier field, for the headers the file has. */
  mapping: Readonly<Record<string, ImportField>>;
}

export const importPresets: readonly ImportPreset[] = [
  {
    // NationBuilder's people export (`nationbuilder-people-export-*.csv`), whose header is the
    // one read by SURJBayArea/an-essential-surj (an-import-people.py: email, first_name,
    // last_name, email_opt_in TRUE/FALSE, tag_list "a, b", primary_address1…3, primary_city,
    // primary_zip, mobile_number, mobile_opt_in; full header in tests/an-import-test1.csv) and
    // egnor/rcv (nb_to_ea/people.py: nationbuilder_id, email_opt_in, mobile_opt_in,
    // mobile_number, phone_number, tag_list, primary_* address columns).
    id: 'nationbuilder',
    label: 'NationBuilder',
    signature: ['nationbuilder_id', 'email_opt_in', 'tag_list'],
    mapping: {
      email: 'email',
      first_name: 'firstName',
      last_name: 'lastName',
      mobile_number: 'phone',
      primary_address1: 'addressStreet',
      primary_address2: 'addressComplement',
      primary_zip: 'postalCode',
      primary_city: 'communeCode',
      tag_list: 'tags',
      email_opt_in: 'consentEmail',
      mobile_opt_in: 'consentSms',
    },
  },
  {
    // Action Network's activist report export (`export-…-csv_report_….csv`), read by
    // SURJBayArea/EveryActionTools (sync_activists.py: uuid, email, first_name, last_name,
    // zip_code, can2_phone, can2_user_tags "a, b", can2_subscription_status, can2_sms_status,
    // can2_user_address, can2_user_city, can2_state_abbreviated).
    id: 'action_network',
    label: 'Action Network',
    signature: ['email', 'zip_code', 'can2_phone'],
    mapping: {
      email: 'email',
      first_name: 'firstName',
      last_name: 'lastName',
      can2_phone: 'phone',
      zip_code: 'postalCode',
      can2_user_address: 'addressStreet',
      can2_user_city: 'communeCode',
      can2_user_tags: 'tags',
      can2_subscription_status: 'consentEmail',
      can2_sms_status: 'consentSms',
    },
  },
];

/** The preset whose signature the header carries, if any. */
export function detectImportPreset(headers: readonly string[]): ImportPreset | null {
  const present = new Set(headers.map((header) => header.trim().toLowerCase()));
  return importPresets.find((preset) => preset.signature.every((h) => present.has(h))) ?? null;
}

/** The preset's mapping restricted to the headers the file has (as the file spells them). */
export function presetMapping(
  preset: ImportPreset,
  headers: readonly string[],
): Record<string, ImportField> {
  const mapping: Record<string, ImportField> = {};
  for (const header of headers) {
    const field = preset.mapping[header.trim().toLowerCase()];
    if (field && !Object.values(mapping).includes(field)) mapping[header] = field;
  }
  return mapping;
}

import { TAG_NAME_MAX, type ImportField, type ImportTarget } from '../../../../contracts/people.ts';
import type { GeoReference } from '../../../core/geo/communes.ts';
import { foldText, normalizeEmail, normalizePhone } from '../normalize.ts';
import { readCustomCell } from './custom-cells.ts';
import { customKey, type MappableField } from './mapping.ts';

export interface RowError {
  line: number;
  field: string | null;
  code: string;
  message: string;
  severity: 'error' | 'warning';
}

/** A valid row, normalised, as it is staged for the merge. */
export interface ImportRow {
  line: number;
  /** Who the row is within the file: the normalised email, else the phone. */
  key: string;
  email: string | null;
  emailNormalized: string | null;
  firstName: string | null;
  lastName: string | null;
  phone: string | null;
  postalCode: string | null;
  communeCode: string | null;
  communeName: string | null;
  departementCode: string | null;
  addressStreet: string | null;
  addressComplement: string | null;
  /** Custom field key → value as stored (null when the file maps none or the cells are empty). */
  custom: Record<string, string | number> | null;
  tags: string[];
  consentEmail: boolean | null;
  consentSms: boolean | null;
  consentPhone: boolean | null;
}

/** A valid row may come with warnings: imported, but not quite as the file meant. */
export type RowResult =
  | { row: ImportRow; errors?: undefined; warnings: RowError[] }
  | { row?: undefined; errors: RowError[]; warnings?: undefined }
  | null;

const MAX_NAME = 100;
const MAX_ADDRESS = 200;
const MAX_TAGS = 20;
// `subscribed` / `unsubscribed`: Action Network's subscription statuses (import presets).
const yes = new Set(['yes', 'y', 'oui', 'o', '1', 'true', 'vrai', 'x', 'subscribed']);
const no = new Set(['no', 'n', 'non', '0', 'false', 'faux', 'unsubscribed']);
const inseeCode = /^(\d{5}|2[ab]\d{3})$/i;

const QUOTED_MAX = 60;

/**
 * A cell value quoted in a message, cut to QUOTED_MAX characters: messages are stored, listed
 * in the report and downloaded, and a cell may hold a megabyte.
 */
function quoted(value: string): string {
  if (value.length <= QUOTED_MAX) return `"${value}"`;
  const last = value.charCodeAt(QUOTED_MAX - 1);
  // Not between the two halves of a surrogate pair (an emoji).
  const end = last >= 0xd800 && last <= 0xdbff ? QUOTED_MAX - 1 : QUOTED_MAX;
  return `"${value.slice(0, end)}…"`;
}

const error = (line: number, field: string | null, code: string, message: string): RowError => ({
  line,
  field,
  code,
  message,
  severity: 'error',
});

/** Validates and normalises the records of one file, given the column of each mapped field. */
export class RowValidator {
  /** The columns of the person's fields (a line break in one means a broken quote). */
  private readonly personColumns: number[];
  /** The mapped custom fields, each with its column. */
  private readonly customColumns: Array<{ target: ImportTarget; field: MappableField }>;

  constructor(
    private readonly geo: GeoReference,
    private readonly columns: Partial<Record<ImportTarget, number>>,
    private readonly width: number,
    customFields: MappableField[] = [],
  ) {
    const targets = Object.keys(columns) as ImportTarget[];
    this.personColumns = targets.filter((t) => customKey(t) === null).map((t) => columns[t]!);
    this.customColumns = targets.flatMap((target) => {
      const field = customFields.find((f) => f.key === customKey(target));
      return field ? [{ target, field }] : [];
    });
  }

  /** The value of a field: trimmed, undefined when empty; a leading ' our export adds before =+-@ is dropped. */
  private cell(fields: string[], field: ImportTarget): string | undefined {
    const index = this.columns[field];
    if (index === undefined) return undefined;
    const raw = fields[index];
    if (raw === undefined) return undefined;
    let value = raw.trim();
    if (value.length > 1 && value[0] === "'" && '=+-@'.includes(value[1])) value = value.slice(1);
    return value === '' ? undefined : value;
  }

  /**
   * False when a mapped field of the person holds a line break: they never do, so a quote
   * broke. (A custom text field may hold several lines.)
   */
  singleLine(fields: string[]): boolean {
    for (const index of this.personColumns) if (fields[index]?.includes('\n')) return false;
    return true;
  }

  /** Null for an empty record (a blank spreadsheet row), which is skipped. */
  validate(line: number, fields: string[]): RowResult {
    if (fields.every((f) => f.trim() === '')) return null;
    if (
      fields.length !== this.width &&
      !(fields.length > this.width && fields.slice(this.width).every((f) => f.trim() === ''))
    ) {
      return {
        errors: [
          error(
            line,
            null,
            'wrong_column_count',
            `This line has ${fields.length} values; the header has ${this.width} columns.`,
          ),
        ],
      };
    }
    const errors: RowError[] = [];
    const warnings: RowError[] = [];
    const rawEmail = this.cell(fields, 'email');
    const rawPhone = this.cell(fields, 'phone');
    let emailNormalized: string | null = null;
    let phone: string | null = null;
    if (rawEmail !== undefined) {
      emailNormalized = rawEmail.length <= 254 ? normalizeEmail(rawEmail) : null;
      if (!emailNormalized)
        errors.push(
          error(
            line,
            'email',
            'invalid_email',
            `${quoted(rawEmail)} is not a valid email address.`,
          ),
        );
    }
    if (rawPhone !== undefined) {
      phone = normalizePhone(rawPhone);
      if (!phone)
        errors.push(
          error(line, 'phone', 'invalid_phone', `${quoted(rawPhone)} is not a valid phone number.`),
        );
    }
    if (rawEmail === undefined && rawPhone === undefined) {
      errors.push(
        error(
          line,
          'email',
          'missing_identifier',
          'This line has neither an email address nor a phone number.',
        ),
      );
    }
    const firstName = this.line(fields, 'firstName', MAX_NAME, line, errors);
    const lastName = this.line(fields, 'lastName', MAX_NAME, line, errors);
    const place = this.place(fields, line, errors, warnings);
    const addressStreet = this.line(fields, 'addressStreet', MAX_ADDRESS, line, errors);
    const addressComplement = this.line(fields, 'addressComplement', MAX_ADDRESS, line, errors);
    const custom = this.custom(fields, line, errors);
    const tags = this.tags(fields, line, errors);
    const consentEmail = this.consent(fields, 'consentEmail', line, errors);
    let consentSms = this.consent(fields, 'consentSms', line, errors);
    // A consent to texts without a number to text (NationBuilder says `mobile_opt_in` TRUE
    // for people with no mobile) means nothing: not recorded, and said.
    if (consentSms === true && phone === null) {
      consentSms = null;
      warnings.push({
        ...error(
          line,
          'consentSms',
          'sms_consent_without_phone',
          'Consent to texts without a phone number: not recorded.',
        ),
        severity: 'warning',
      });
    }
    const consentPhone = this.consent(fields, 'consentPhone', line, errors);
    if (errors.length) return { errors };
    return {
      warnings,
      row: {
        line,
        key: emailNormalized ?? `tel:${phone}`,
        email: emailNormalized ? rawEmail!.trim() : null,
        emailNormalized,
        firstName,
        lastName,
        phone,
        postalCode: place.postalCode ?? null,
        communeCode: place.communeCode ?? null,
        communeName: place.communeName ?? null,
        departementCode: place.departementCode ?? null,
        addressStreet,
        addressComplement,
        custom,
        tags,
        consentEmail,
        consentSms,
        consentPhone,
      },
    };
  }

  /** A one-line text (a name, an address line): spaces collapsed, at most `max` characters. */
  private line(
    fields: string[],
    field: 'firstName' | 'lastName' | 'addressStreet' | 'addressComplement',
    max: number,
    line: number,
    errors: RowError[],
  ) {
    const value = this.cell(fields, field);
    if (value === undefined) return null;
    if (value.length > max) {
      errors.push(error(line, field, 'too_long', `At most ${max} characters.`));
      return null;
    }
    return value.replace(/\s+/g, ' ');
  }

  /** The mapped custom fields' values; a cell that does not fit its field is an error. */
  private custom(fields: string[], line: number, errors: RowError[]) {
    let values: Record<string, string | number> | null = null;
    for (const { target, field } of this.customColumns) {
      const raw = this.cell(fields, target);
      if (raw === undefined) continue;
      const cell = readCustomCell(field, raw);
      if ('value' in cell) values = { ...(values ?? {}), [field.key]: cell.value };
      else errors.push(error(line, target, cell.code, `${quoted(raw)}: ${cell.message}`));
    }
    return values;
  }

  private consent(fields: string[], field: ImportField, line: number, errors: RowError[]) {
    const value = this.cell(fields, field)?.toLowerCase();
    if (value === undefined) return null;
    if (yes.has(value)) return true;
    if (no.has(value)) return false;
    errors.push(
      error(
        line,
        field,
        'invalid_consent',
        `${quoted(value)} is not a yes/no value (oui, non, yes, no, 1, 0, true, false).`,
      ),
    );
    return null;
  }

  private tags(fields: string[], line: number, errors: RowError[]): string[] {
    const value = this.cell(fields, 'tags');
    if (value === undefined) return [];
    const tags = [
      ...new Set(
        value
          .split(/[,;|]/)
          .map((t) => t.replace(/[\p{Cc}]/gu, '').trim())
          .filter(Boolean),
      ),
    ];
    if (tags.length > MAX_TAGS || tags.some((t) => t.length > TAG_NAME_MAX)) {
      errors.push(
        error(
          line,
          'tags',
          'invalid_tags',
          `At most ${MAX_TAGS} tags of at most ${TAG_NAME_MAX} characters.`,
        ),
      );
    }
    return tags;
  }

  /**
   * Postal code and commune. The commune column may hold an INSEE code or a name; a postal code
   * shared by several communes is kept without a commune rather than refused, with a warning.
   */
  private place(fields: string[], line: number, errors: RowError[], warnings: RowError[]) {
    const rawPostal = this.cell(fields, 'postalCode');
    const rawCommune = this.cell(fields, 'communeCode');
    const out: {
      postalCode?: string;
      communeCode?: string;
      communeName?: string;
      departementCode?: string;
    } = {};
    if (rawPostal !== undefined) {
      let postal = rawPostal.replace(/\s/g, '');
      // Spreadsheets turn 01400 into the number 1400.
      if (/^\d{4}$/.test(postal)) postal = `0${postal}`;
      if (!/^\d{5}$/.test(postal) || !this.geo.isPostalCode(postal)) {
        errors.push(
          error(
            line,
            'postalCode',
            'unknown_postal_code',
            `${quoted(rawPostal)} is not a French postal code.`,
          ),
        );
        return out;
      }
      const communes = this.geo.communesByPostalCode(postal);
      out.postalCode = postal;
      let commune = communes.length === 1 && rawCommune === undefined ? communes[0] : undefined;
      if (rawCommune !== undefined) {
        const folded = foldText(rawCommune);
        commune = inseeCode.test(rawCommune)
          ? communes.find((c) => c.code === rawCommune.toUpperCase())
          : communes.find((c) => foldText(c.name.replace(/-/g, ' ')) === folded.replace(/-/g, ' '));
        if (!commune) {
          errors.push(
            error(
              line,
              'communeCode',
              'commune_mismatch',
              `${quoted(rawCommune)} is not a commune of postal code ${postal}.`,
            ),
          );
          return out;
        }
      }
      if (commune) {
        out.communeCode = commune.code;
        out.communeName = commune.name;
        out.departementCode = commune.departementCode;
      } else {
        const departements = new Set(communes.map((c) => c.departementCode));
        if (departements.size === 1) out.departementCode = communes[0].departementCode;
        // Only where the file has a commune column left empty on this line: without the
        // column, every line of a rural postal code would say so.
        if (communes.length > 1 && this.columns.communeCode !== undefined)
          warnings.push({
            ...error(
              line,
              'postalCode',
              'commune_ambiguous',
              `Postal code ${postal} covers ${communes.length} communes and the line names none: imported without a commune.`,
            ),
            severity: 'warning',
          });
      }
      return out;
    }
    if (rawCommune !== undefined) {
      const commune = inseeCode.test(rawCommune)
        ? this.geo.commune(rawCommune.toUpperCase())
        : undefined;
      if (!commune) {
        errors.push(
          error(
            line,
            'communeCode',
            'unknown_commune',
            `${quoted(rawCommune)} is not an INSEE commune code (give a postal code with a commune name).`,
          ),
        );
        return out;
      }
      const postalCodes = this.geo.postalCodesOf(commune.code);
      if (postalCodes.length === 1) out.postalCode = postalCodes[0];
      out.communeCode = commune.code;
      out.communeName = commune.name;
      out.departementCode = commune.departementCode;
    }
    return out;
  }
}

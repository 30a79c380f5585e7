/**
 * The header of a call list: which column holds what, by name (case, accents, spaces and
 * punctuation ignored), in French or English, so that columns may come in any order and other
 * columns are ignored. A file without a phone column is not a call list; one without the
 * consent's date or source cannot give the evidence every number needs.
 */
import { AppError } from '../../../core/http/errors.ts';
import { headerColumnsReader, type ColumnMap } from '../../field/addresses/header-columns.ts';
import { listInWords, normaliseName, quote } from '../../field/addresses/kinds.ts';
import type { SourceRefusalCode } from '../../field/addresses/reader.ts';

export type CallListField =
  'phone' | 'consentAt' | 'consentSource' | 'slot' | 'firstName' | 'lastName' | 'communeCode';

/** Each field's name as the staff are told it, then the other names accepted for it. */
const aliases: Record<CallListField, string[]> = {
  phone: [
    'téléphone',
    'phone',
    'numéro',
    'mobile',
    'portable',
    'tel',
    'numéro de téléphone',
    'téléphone mobile',
    'phone number',
    'mobile phone',
    'gsm',
    'msisdn',
  ],
  consentAt: [
    'date_consentement',
    'consentement',
    'consent_at',
    'date de consentement',
    'date du consentement',
    'consent date',
    'consented at',
    'date opt-in',
    'optin_at',
  ],
  consentSource: [
    'source',
    'consent_source',
    'preuve',
    'source du consentement',
    'preuve du consentement',
    'preuve_consentement',
    'evidence',
    'consent evidence',
  ],
  slot: ['créneau', 'slot', "créneau d'appel", 'plage horaire', 'call slot', 'créneau accepté'],
  firstName: ['prénom', 'first_name', 'first name', 'given name'],
  lastName: ['nom', 'last_name', 'last name', 'nom de famille', 'family name', 'surname'],
  communeCode: ['code_commune', 'code insee', 'insee', 'commune code', 'code commune insee'],
};

/** A field's column as the staff are told it. */
export const callListColumnName = (field: CallListField) => aliases[field][0];

const phoneNames = new Set(aliases.phone.map(normaliseName));

/** Column index of each field; -1 for an optional field the file lacks. */
export type CallListColumnMap = ColumnMap<CallListField>;

/** Why a call list is refused before any number. */
export type CallListRefusalCode = SourceRefusalCode | 'not_a_call_list';

/**
 * A file refused before any number: `code` is stable, `message` a French sentence the staff
 * can act on. An AppError (422), so that a route that lets it through answers a problem+json.
 */
export class CallListFileError extends AppError {
  declare readonly code: CallListRefusalCode;

  constructor(code: CallListRefusalCode, message: string) {
    super(422, code, message);
    this.name = 'CallListFileError';
  }
}

const EXPECTED = `Une liste d'appel est un fichier CSV (séparé par des points-virgules ou des virgules) avec une ligne d'en-tête et au moins les colonnes ${listInWords(['téléphone', 'date_consentement', 'source'])}.`;
/** Columns named in a refusal, at most. */
const NAMED_COLUMNS = 15;

function foundInWords(names: string[]): string {
  const named = names.filter((name) => name !== '');
  if (named.length === 0) return "Aucune colonne n'a de nom.";
  const shown = named.slice(0, NAMED_COLUMNS).map(quote).join(', ');
  const more = named.length > NAMED_COLUMNS ? ` et ${named.length - NAMED_COLUMNS} autres` : '';
  return `Colonnes trouvées : ${shown}${more}.`;
}

export const callListRefusals = {
  empty: () =>
    new CallListFileError('empty_file', `Le fichier est vide : ni en-tête ni numéro. ${EXPECTED}`),
  notText: (what: string) =>
    new CallListFileError(
      'not_text',
      `Ce fichier n'est pas une liste d'appel lisible : c'est ${what}, pas un fichier texte. Enregistrez-le au format CSV (dans Excel : « Enregistrer sous » › « CSV UTF-8 »). ${EXPECTED}`,
    ),
  unreadableHeader: () =>
    new CallListFileError(
      'unreadable_header',
      `La première ligne du fichier est illisible (guillemet non fermé ou ligne démesurée). ${EXPECTED}`,
    ),
  notCallList: (names: string[]) =>
    new CallListFileError(
      'not_a_call_list',
      `Ce fichier n'est pas une liste d'appel : aucune colonne de numéro de téléphone (${listInWords(['téléphone', 'phone', 'numéro', 'mobile', 'portable', 'tel'])}). ${foundInWords(names)} ${EXPECTED}`,
    ),
  missingColumns: (columns: string[]) =>
    new CallListFileError(
      'missing_columns',
      `Ce fichier a une colonne de numéros, mais ${columns.length === 1 ? 'la colonne' : 'les colonnes'} ${listInWords(columns)} ${columns.length === 1 ? 'manque' : 'manquent'} : chaque numéro appelé doit avoir la preuve du consentement de la personne (sa date et sa source). ${EXPECTED}`,
    ),
  noRows: () =>
    new CallListFileError(
      'no_rows',
      "Le fichier ne contient que sa ligne d'en-tête : aucun numéro à importer.",
    ),
};

const readColumns = headerColumnsReader<CallListField>({
  // Whether it is a call list at all is decided below, naming the columns found.
  recognise: () => true,
  aliases,
  required: ['phone', 'consentAt', 'consentSource'],
  notKind: () => callListRefusals.notCallList([]),
  missingColumns: (names) => callListRefusals.missingColumns(names),
});

/** Characters a line may hold (10 kB of text); a longer one is skipped (`line_too_long`). */
export const MAX_LINE_CHARS = 10 * 1024;

/**
 * Cells read of every line: all of them, up to more than a line within MAX_LINE_CHARS can
 * have, so that a row's cells and delimiters add up to its length (or to more than the limit).
 */
const READ_CELLS = new Array<boolean>(MAX_LINE_CHARS + 2).fill(true);

/**
 * Reads the header; throws a CallListFileError for a file without a phone column or without
 * the consent's columns.
 */
export function readCallListHeader(fields: string[]): CallListColumnMap {
  const names = fields.map((field) => field.trim());
  if (!names.some((name) => phoneNames.has(normaliseName(name)))) {
    throw callListRefusals.notCallList(names);
  }
  return { ...readColumns(fields), wanted: READ_CELLS };
}

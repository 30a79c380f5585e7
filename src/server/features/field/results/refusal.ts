import { AppError } from '../../../core/http/errors.ts';
import type { ResultsRefusalCode } from './types.ts';

/**
 * A file refused before any row: `code` is stable, `message` a French sentence the staff can
 * act on. An AppError (422), so that a route that lets it through answers a problem+json.
 */
export class ResultsFileError extends AppError {
  declare readonly code: ResultsRefusalCode;

  constructor(code: ResultsRefusalCode, message: string) {
    super(422, code, message);
    this.name = 'ResultsFileError';
  }
}

const NOT_RESULTS =
  "Ce fichier n'est pas un fichier de résultats par bureau de vote du ministère de l'Intérieur";
const CHOOSE =
  "Choisissez le fichier des résultats par bureau de vote de l'élection publié sur data.gouv.fr (.txt ou .csv).";

export const quote = (name: string) => `« ${name} »`;

const list = (names: string[]) =>
  names.length === 1
    ? quote(names[0])
    : `${names.slice(0, -1).map(quote).join(', ')} et ${quote(names[names.length - 1])}`;

export const refusals = {
  empty: () =>
    new ResultsFileError(
      'empty_file',
      `Le fichier est vide : il ne contient ni ligne d'en-tête ni bureau de vote. ${CHOOSE}`,
    ),
  notText: (what: string) =>
    new ResultsFileError(
      'not_text',
      `${NOT_RESULTS} : c'est ${what}, pas un fichier texte. ${CHOOSE}`,
    ),
  unreadableHeader: () =>
    new ResultsFileError(
      'unreadable_header',
      `${NOT_RESULTS} : sa première ligne est illisible (guillemet non fermé ou ligne démesurée). ${CHOOSE}`,
    ),
  notResults: (column: string) =>
    new ResultsFileError(
      'not_results_file',
      `${NOT_RESULTS} : colonne ${quote(column)} introuvable. ${CHOOSE}`,
    ),
  notByStation: (column: string) =>
    new ResultsFileError(
      'not_by_polling_station',
      `Ce fichier donne des résultats, mais pas par bureau de vote (colonne ${quote(column)} introuvable) : c'est sans doute le fichier par commune, par circonscription ou par département. Choisissez celui « par bureau de vote ».`,
    ),
  missingColumns: (columns: string[]) =>
    new ResultsFileError(
      'missing_columns',
      `Ce fichier ressemble à des résultats par bureau de vote, mais ${columns.length === 1 ? 'la colonne' : 'les colonnes'} ${list(columns)} ${columns.length === 1 ? 'manque' : 'manquent'}. Importez le fichier tel que publié sur data.gouv.fr, sans le modifier.`,
    ),
  noRows: () =>
    new ResultsFileError(
      'no_rows',
      "Le fichier ne contient que sa ligne d'en-tête : aucun bureau de vote à importer.",
    ),
};

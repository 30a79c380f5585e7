import { AppError } from '../../../core/http/errors.ts';
import { fileKindInWords, listInWords, quote, type FileKind } from '../addresses/kinds.ts';
import type { ReuRefusalCode } from './types.ts';

/**
 * A file refused before any row (or, for a gzip archive that breaks, as soon as it does):
 * `code` is stable, `message` a French sentence the staff can act on. An AppError (422), so
 * that a route that lets it through answers a problem+json.
 */
export class ReuFileError extends AppError {
  declare readonly code: ReuRefusalCode;

  constructor(code: ReuRefusalCode, message: string) {
    super(422, code, message);
    this.name = 'ReuFileError';
  }
}

const NOT_REU =
  "Ce fichier n'est pas la table des adresses des bureaux de vote de l'Insee (répertoire électoral unique)";
const CHOOSE =
  'Choisissez le fichier « table-adresses-reu.csv » du jeu « Bureaux de vote et adresses de leurs électeurs » publié sur data.gouv.fr.';

export const reuRefusals = {
  empty: () =>
    new ReuFileError(
      'empty_file',
      `Le fichier est vide : il ne contient ni ligne d'en-tête ni adresse. ${CHOOSE}`,
    ),
  notText: (what: string) =>
    new ReuFileError('not_text', `${NOT_REU} : c'est ${what}, pas un fichier texte. ${CHOOSE}`),
  badGzip: (reason: string) =>
    new ReuFileError(
      'bad_gzip',
      `L'archive compressée (.gz) est endommagée ou incomplète (${reason}) : le téléchargement a sans doute été interrompu. Téléchargez-la de nouveau, puis importez-la sans la modifier.`,
    ),
  unreadableHeader: () =>
    new ReuFileError(
      'unreadable_header',
      `${NOT_REU} : sa première ligne est illisible (guillemet non fermé ou ligne démesurée). ${CHOOSE}`,
    ),
  notReu: (kind: FileKind | null) =>
    new ReuFileError(
      'not_reu_file',
      `${NOT_REU} : ${kind ? fileKindInWords[kind] : `colonne ${quote('id_brut_bv_reu')} introuvable`}. ${CHOOSE}`,
    ),
  missingColumns: (columns: string[]) =>
    new ReuFileError(
      'missing_columns',
      `Ce fichier ressemble à la table des adresses des bureaux de vote de l'Insee, mais ${columns.length === 1 ? 'la colonne' : 'les colonnes'} ${listInWords(columns)} ${columns.length === 1 ? 'manque' : 'manquent'}. Importez le fichier tel que publié sur data.gouv.fr, sans le modifier.`,
    ),
  noRows: () =>
    new ReuFileError(
      'no_rows',
      "Le fichier ne contient que sa ligne d'en-tête : aucune adresse de bureau de vote à importer.",
    ),
};

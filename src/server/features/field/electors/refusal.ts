import { AppError } from '../../../core/http/errors.ts';
import { fileKindInWords, listInWords, quote, type FileKind } from '../addresses/kinds.ts';
import type { ElectorRefusalCode } from './types.ts';

/**
 * A file refused before any elector: `code` is stable, `message` a French sentence the staff
 * can act on. An AppError (422), so that a route that lets it through answers a problem+json.
 */
export class ElectorFileError extends AppError {
  declare readonly code: ElectorRefusalCode;

  constructor(code: ElectorRefusalCode, message: string) {
    super(422, code, message);
    this.name = 'ElectorFileError';
  }
}

const NOT_LIST = "Ce fichier n'est pas une liste électorale";
const CHOOSE =
  "Importez la liste électorale telle que la mairie ou la préfecture l'a remise : un fichier CSV (séparé par des points-virgules) au format de l'arrêté du 12 novembre 2013, ou l'extraction du répertoire électoral unique.";

export const electorRefusals = {
  empty: () =>
    new ElectorFileError(
      'empty_file',
      `Le fichier est vide : il ne contient ni ligne d'en-tête ni électeur. ${CHOOSE}`,
    ),
  notText: (what: string) =>
    new ElectorFileError(
      'not_text',
      `${NOT_LIST} lisible : c'est ${what}, pas un fichier texte. ${CHOOSE}`,
    ),
  unreadableHeader: () =>
    new ElectorFileError(
      'unreadable_header',
      `${NOT_LIST} : sa première ligne est illisible (guillemet non fermé ou ligne démesurée). ${CHOOSE}`,
    ),
  notElectoralList: (kind: FileKind | null) =>
    new ElectorFileError(
      'not_electoral_list',
      `${NOT_LIST} : ${kind ? fileKindInWords[kind] : `colonnes ${quote('NomdeNaissance')} et ${quote('Prenoms')} introuvables`}. ${CHOOSE}`,
    ),
  missingColumns: (columns: string[]) =>
    new ElectorFileError(
      'missing_columns',
      `Ce fichier ressemble à une liste électorale, mais ${columns.length === 1 ? 'la colonne' : 'les colonnes'} ${listInWords(columns)} ${columns.length === 1 ? 'manque' : 'manquent'}. Importez le fichier tel qu'il a été remis, avec toutes ses colonnes.`,
    ),
  noRows: () =>
    new ElectorFileError(
      'no_rows',
      "Le fichier ne contient que sa ligne d'en-tête : aucun électeur à importer.",
    ),
};

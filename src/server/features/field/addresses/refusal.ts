import { AppError } from '../../../core/http/errors.ts';
import { fileKindInWords, listInWords, quote, type FileKind } from './kinds.ts';
import type { BanRefusalCode } from './types.ts';

/**
 * A file refused before any address (or, for a gzip archive that breaks, as soon as it does):
 * `code` is stable, `message` a French sentence the staff can act on. An AppError (422), so
 * that a route that lets it through answers a problem+json.
 */
export class BanFileError extends AppError {
  declare readonly code: BanRefusalCode;

  constructor(code: BanRefusalCode, message: string) {
    super(422, code, message);
    this.name = 'BanFileError';
  }
}

const NOT_BAN = "Ce fichier n'est pas un fichier d'adresses de la Base Adresse Nationale";
const CHOOSE =
  'Choisissez le fichier « adresses-XX.csv.gz » de votre département (ou « adresses-france.csv.gz ») publié sur adresse.data.gouv.fr.';

export const banRefusals = {
  empty: () =>
    new BanFileError(
      'empty_file',
      `Le fichier est vide : il ne contient ni ligne d'en-tête ni adresse. ${CHOOSE}`,
    ),
  notText: (what: string) =>
    new BanFileError('not_text', `${NOT_BAN} : c'est ${what}, pas un fichier texte. ${CHOOSE}`),
  badGzip: (reason: string) =>
    new BanFileError(
      'bad_gzip',
      `L'archive compressée (.gz) est endommagée ou incomplète (${reason}) : le téléchargement a sans doute été interrompu. Téléchargez-la de nouveau, puis importez-la sans la modifier.`,
    ),
  unreadableHeader: () =>
    new BanFileError(
      'unreadable_header',
      `${NOT_BAN} : sa première ligne est illisible (guillemet non fermé ou ligne démesurée). ${CHOOSE}`,
    ),
  notBan: (kind: FileKind | null) =>
    new BanFileError(
      'not_ban_file',
      `${NOT_BAN} : ${kind ? fileKindInWords[kind] : `colonnes ${quote('numero')} et ${quote('nom_voie')} introuvables`}. ${CHOOSE}`,
    ),
  missingColumns: (columns: string[]) =>
    new BanFileError(
      'missing_columns',
      `Ce fichier ressemble à un fichier d'adresses de la Base Adresse Nationale, mais ${columns.length === 1 ? 'la colonne' : 'les colonnes'} ${listInWords(columns)} ${columns.length === 1 ? 'manque' : 'manquent'}. Importez le fichier tel que publié sur adresse.data.gouv.fr, sans le modifier.`,
    ),
  noRows: () =>
    new BanFileError(
      'no_rows',
      "Le fichier ne contient que sa ligne d'en-tête : aucune adresse à importer.",
    ),
};

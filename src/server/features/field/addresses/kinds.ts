/**
 * What a header line looks like, to tell the staff which file they gave when it is not the one
 * asked for (the BAN's addresses and INSEE's REU table are easily confused, as are the BAN's
 * addresses and a commune's BAL).
 */
import { normaliseName } from '../results/layout.ts';

export { normaliseName };

export type FileKind =
  'ban_addresses' | 'ban_places' | 'bal' | 'reu_addresses' | 'reu_stations' | 'results' | 'people';

/** The kind of file a header (its names normalised by normaliseName) suggests, or null. */
export function guessFileKind(names: ReadonlySet<string>): FileKind | null {
  const has = (...all: string[]) => all.every((name) => names.has(name));
  if (names.has('idbrutbvreu') || has('codecommuneref', 'idbrutbv')) return 'reu_addresses';
  if (has('idbrutreu', 'libellereu') || names.has('idbrutmiom')) return 'reu_stations';
  if (names.has('cleinterop') || names.has('voienom')) return 'bal';
  if (names.has('nomlieudit')) return 'ban_places';
  if (has('numero', 'nomvoie') || names.has('idfantoir')) return 'ban_addresses';
  if (names.has('inscrits') || names.has('exprimes')) return 'results';
  if (names.has('email') || names.has('courriel') || names.has('prenom')) return 'people';
  return null;
}

/** That file, in words: « c'est … ». */
export const fileKindInWords: Record<FileKind, string> = {
  ban_addresses: "c'est un fichier d'adresses de la Base Adresse Nationale (adresses-XX.csv)",
  ban_places:
    "c'est le fichier des lieux-dits de la Base Adresse Nationale, pas celui des adresses",
  bal: "c'est la Base Adresse Locale (BAL) d'une commune, pas l'export de la Base Adresse Nationale",
  reu_addresses: "c'est la table des adresses des bureaux de vote de l'Insee (table-adresses-reu)",
  reu_stations:
    "c'est la table des bureaux de vote de l'Insee (table-bv-reu), pas celle de leurs adresses (table-adresses-reu)",
  results: "c'est un fichier de résultats électoraux",
  people: "c'est un fichier de personnes",
};

export const quote = (name: string) => `« ${name} »`;

export const listInWords = (names: string[]) =>
  names.length === 1
    ? quote(names[0])
    : `${names.slice(0, -1).map(quote).join(', ')} et ${quote(names[names.length - 1])}`;

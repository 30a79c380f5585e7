/**
 * # Base Adresse Nationale addresses
 *
 * A pure, streaming reader of the BAN's address files as adresse.data.gouv.fr publishes them
 * (`adresses-XX.csv.gz` for a département, `adresses-france.csv.gz` for the country; the `.csv`
 * too). It takes bytes (`AsyncIterable<Uint8Array>`, or chunks pushed one by one) and gives the
 * addresses in batches, then a report. No database, no I/O: the import job stores what it yields.
 *
 * ## Format
 *
 * `;`-separated, UTF-8, LF, a header line:
 * `id;id_fantoir;numero;rep;nom_voie;code_postal;code_insee;nom_commune;code_insee_ancienne_commune;
 * nom_ancienne_commune;x;y;lon;lat;type_position;alias;nom_ld;libelle_acheminement;nom_afnor;
 * source_position;source_nom_voie;certification_commune;cad_parcelles`. Columns are found by
 * name (case, accents, spaces, underscores ignored; `longitude`/`latitude` accepted), other
 * columns are ignored, and so the reader follows files that add, move or drop columns.
 * Required: `id`, `numero`, `nom_voie`, `code_insee`, `nom_commune`, `lon`, `lat`; optional:
 * `id_fantoir`, `rep`, `code_postal`, `nom_ld`. `x`/`y` (Lambert-93, or the overseas
 * projections) are not read: `lon`/`lat` are WGS 84 everywhere. The delimiter is the most
 * frequent of `;`, `,` and tab in the header line; quoted cells are read as RFC 4180 says.
 *
 * Gzip is told by its first two bytes (0x1f 0x8b), not by the file's name, and inflated as it
 * streams. Text is decoded line by line: a line that is not valid UTF-8 is read as
 * Windows-1252. A file that is all Windows-1252 (saved again by a spreadsheet) gets a sentence
 * in `warnings`; a UTF-8 file with such lines gets them as `not_utf8` warnings.
 *
 * ## Records
 *
 * `BanAddress`: BAN id, FANTOIR id, number, suffix (`rep`, lower case), street, lieu-dit
 * (`nom_ld`), postal code, INSEE code and name of the current commune, lon/lat, and `streetKey`
 * — the id's first two parts (`01001_0005` of `01001_0005_00010`; the street part is a FANTOIR
 * code or, where there is none, a 6-character code the BAN made up) or, for an id of another
 * shape, `communeCode|folded street name`.
 *
 * **Numbers.** `numero` is 0–99999. 99999 is the BAL's number of a toponym (a street or
 * lieu-dit point with no number): it becomes 0, as does an empty `numero`; both are counted in
 * `withoutNumber` and kept, since a lieu-dit's houses are doors too. The large numbers the
 * DGFiP gives lieux-dits (5000 and above) are kept as written. Anything else (letters, a
 * sign, more than five digits) skips the row (`bad_number`).
 *
 * ## Problems and refusals
 *
 * A row is skipped, with a stable code, when it has no usable position (`no_coordinates`: `lon` or
 * `lat` empty; `bad_coordinates`: not a number, out of range, or 0/0), no id, a bad number, no
 * street name, an INSEE code that is not one (`01001`, `2A004`; a 4-digit code that lost its
 * leading zero in a spreadsheet is mended), no commune name, too few cells, a broken quote or a
 * line over a million characters (whose bytes past 4 MiB are not even kept). A row of empty cells
 * is passed over, uncounted. A postal code that is not five digits becomes null (`bad_postal_code`
 * warning). Problems are counted by code with their first 20 line numbers (`report.problems`), not
 * sent one by one: a country file has millions of lines. Duplicate ids are not looked for (a
 * country file would need a set of 26 million): the store's unique key is where they meet.
 *
 * A file of another kind is refused before any address: a `BanFileError` (an AppError, status
 * 422) with a stable code (`BanRefusalCode`) and a French sentence — an empty file, a binary
 * one (zip, Excel, PDF, Parquet), a header that cannot be read, another file (INSEE's REU
 * table, the BAN's lieux-dits, a commune's BAL, election results, people: each named), missing
 * required columns, a header with no rows. A gzip archive that is corrupt or cut short is
 * refused (`bad_gzip`) as soon as zlib finds out, which for a cut-short one is at its end,
 * after the addresses before the break were yielded: the import job must then keep none.
 *
 * ## Speed
 *
 * Addresses come in batches (`BATCH_SIZE` by default) rather than one event each: an async
 * generator's yield costs more than reading a row. See docs/field.md for the measured rate.
 */
import { readBanHeader, type BanColumnMap } from './columns.ts';
import {
  BATCH_SIZE,
  collectRows,
  readTable,
  RowReader,
  sourceProblems,
  type RowFile,
} from './reader.ts';
import { banRefusals } from './refusal.ts';
import { readBanRow } from './rows.ts';
import type { ProblemDescription } from './tally.ts';
import type { BanAddress, BanEvent, BanProblemCode, BanReport } from './types.ts';

export { BanFileError } from './refusal.ts';
export { foldStreetName, namedStreetKey, streetKeyOf, TOPONYM_NUMBER } from './rows.ts';
export { BATCH_SIZE };
export type * from './types.ts';

const problems: Record<BanProblemCode, ProblemDescription> = {
  no_coordinates: {
    severity: 'error',
    message: 'Adresse sans coordonnées (lon ou lat vide) : ignorée.',
  },
  bad_coordinates: {
    severity: 'error',
    message:
      'Coordonnées illisibles ou hors limites (lon entre -180 et 180, lat entre -90 et 90, pas 0/0) : adresse ignorée.',
  },
  bad_number: {
    severity: 'error',
    message: 'Numéro qui n’est pas un nombre de 0 à 99999 : adresse ignorée.',
  },
  missing_street: { severity: 'error', message: 'Nom de voie vide : adresse ignorée.' },
  bad_insee_code: {
    severity: 'error',
    message:
      'Code INSEE de commune absent ou invalide (attendu : 01001, 2A004…) : adresse ignorée.',
  },
  missing_commune_name: { severity: 'error', message: 'Nom de commune vide : adresse ignorée.' },
  missing_id: { severity: 'error', message: 'Identifiant (id) vide : adresse ignorée.' },
  ...sourceProblems,
  bad_postal_code: {
    severity: 'warning',
    message: 'Code postal qui n’a pas cinq chiffres : adresse gardée sans code postal.',
  },
  not_utf8: {
    severity: 'warning',
    message:
      'Ligne qui n’est pas en UTF-8, lue en Windows-1252 : vérifiez ses accents (adresse gardée).',
  },
};

const banFile: RowFile<'addresses', BanAddress, BanProblemCode, BanColumnMap> = {
  kind: 'addresses',
  refusals: banRefusals,
  problems,
  readHeader: readBanHeader,
  readRow: readBanRow,
};

/**
 * The push parser: feed it (inflated) chunks, take the events. `push` and `end` throw a
 * BanFileError when the file is refused (always before any address); after that, every call
 * throws it again. A gzip file pushed as is is refused as binary: `readBanAddresses` inflates.
 */
export class BanAddressParser extends RowReader<
  'addresses',
  BanAddress,
  BanProblemCode,
  BanColumnMap,
  BanReport
> {
  private readonly communes = new Set<string>();
  private lastCommune = '';
  private withoutNumber = 0;

  constructor(batchSize = BATCH_SIZE) {
    super(banFile, batchSize);
  }

  protected counted(address: BanAddress): void {
    if (address.number === 0) this.withoutNumber++;
    // Files come sorted by commune: looking the set up only on a change saves a lookup a row.
    if (address.communeCode !== this.lastCommune) {
      this.lastCommune = address.communeCode;
      this.communes.add(address.communeCode);
    }
  }

  protected report(): BanReport {
    const reported = this.reported();
    return {
      ...reported,
      gzip: this.gzip,
      addresses: this.kept,
      withoutNumber: this.withoutNumber,
      communes: this.communes.size,
      warnings: banWarnings(reported.encoding, reported.columns, this.withoutNumber),
    };
  }
}

/** What an address lacks when the file lacks an optional column. */
const withoutColumn: Record<string, string> = {
  id_fantoir: 'd’identifiant FANTOIR de voie',
  rep: 'd’indice de répétition (bis, ter…)',
  code_postal: 'de code postal',
  nom_ld: 'de lieu-dit',
};

/** Sentences for the staff about the file as a whole (line problems are in `problems`). */
function banWarnings(
  encoding: BanReport['encoding'],
  columns: BanReport['columns'],
  withoutNumber: number,
): string[] {
  const warnings: string[] = [];
  if (encoding === 'windows-1252') {
    warnings.push(
      'Le fichier n’est pas en UTF-8 comme ceux de la Base Adresse Nationale : il a été lu en Windows-1252 (réenregistré par un tableur ?). Vérifiez les accents de quelques noms de voies.',
    );
  } else if (encoding !== 'utf-8') {
    warnings.push(
      `Le fichier est en ${encoding.toUpperCase()} et non en UTF-8 (réenregistré par un tableur ?) : il a été lu comme tel.`,
    );
  }
  for (const column of columns.missingOptional) {
    warnings.push(
      `La colonne « ${column} » manque : les adresses n’ont pas ${withoutColumn[column] ?? column}.`,
    );
  }
  if (withoutNumber > 0) {
    warnings.push(
      `${withoutNumber.toLocaleString('fr-FR')} ${withoutNumber === 1 ? 'adresse n’a' : 'adresses n’ont'} pas de numéro (lieu-dit ou voie sans numérotation) : ${withoutNumber === 1 ? 'elle est gardée' : 'elles sont gardées'} avec le numéro 0.`,
    );
  }
  return warnings;
}

/**
 * Reads a BAN address file, gzip or not, as it streams in: `addresses` events (batches of
 * `batchSize`, in line order), then a `report` event. Throws a BanFileError when the file is
 * refused (before any address, except a gzip archive that breaks: see `bad_gzip`).
 */
export function readBanAddresses(
  source: AsyncIterable<Uint8Array>,
  batchSize = BATCH_SIZE,
): AsyncGenerator<BanEvent, void, undefined> {
  return readTable(new BanAddressParser(batchSize), source, banRefusals.badGzip);
}

/** The whole file at once (small files, tests): addresses and the report. */
export async function collectBanAddresses(
  source: AsyncIterable<Uint8Array>,
): Promise<{ addresses: BanAddress[]; report: BanReport }> {
  const { rows, report } = await collectRows<'addresses', BanAddress, BanReport>(
    readBanAddresses(source),
  );
  return { addresses: rows, report };
}

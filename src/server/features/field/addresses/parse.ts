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
import { gunzipped } from './gzip.ts';
import { banRefusals } from './refusal.ts';
import { readBanRow } from './rows.ts';
import { TableSource, type UnreadableLine } from './source.ts';
import { ProblemTally } from './tally.ts';
import type { BanAddress, BanEvent, BanProblemCode, BanReport } from './types.ts';

export { BanFileError } from './refusal.ts';
export { foldStreetName, streetKeyOf, TOPONYM_NUMBER } from './rows.ts';
export type * from './types.ts';

/** Addresses per `addresses` event. */
export const BATCH_SIZE = 1000;

const problemDescriptions: Record<
  BanProblemCode,
  { severity: 'error' | 'warning'; message: string }
> = {
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
  row_cut_short: {
    severity: 'error',
    message: 'Ligne tronquée (moins de colonnes que l’en-tête n’en demande) : ignorée.',
  },
  broken_quote: {
    severity: 'error',
    message: 'Guillemet non fermé ou mal placé : ligne ignorée.',
  },
  line_too_long: {
    severity: 'error',
    message: 'Ligne démesurée (plus d’un million de caractères) : ignorée.',
  },
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

/**
 * The push parser: feed it (inflated) chunks, take the events. `push` and `end` throw a
 * BanFileError when the file is refused (always before any address); after that, every call
 * throws it again. A gzip file pushed as is is refused as binary: `readBanAddresses` inflates.
 */
export class BanAddressParser {
  private readonly source: TableSource;
  private map: BanColumnMap | null = null;
  private batch: BanAddress[] = [];
  private events: BanEvent[] = [];
  private failure: unknown = null;
  private ended = false;
  private readonly problems = new ProblemTally(problemDescriptions);
  private readonly communes = new Set<string>();
  private lastCommune = '';
  private rows = 0;
  private addresses = 0;
  private skipped = 0;
  private withoutNumber = 0;

  /** Set by whoever inflated the bytes, for the report. */
  gzip = false;

  constructor(private readonly batchSize = BATCH_SIZE) {
    this.source = new TableSource(
      {
        header: (fields) => {
          this.map = readBanHeader(fields);
          return this.map.wanted;
        },
        row: (line, fields) => this.row(line, fields),
        unreadable: (line, code) => this.unreadable(line, code),
      },
      banRefusals,
    );
  }

  push(chunk: Uint8Array): BanEvent[] {
    return this.guard(() => {
      if (this.ended) throw new Error('BanAddressParser: push after end');
      this.source.push(chunk);
    });
  }

  /** Ends the file: the last addresses, the report last. */
  end(): BanEvent[] {
    return this.guard(() => {
      if (this.ended) throw new Error('BanAddressParser: end called twice');
      this.ended = true;
      this.source.end();
      if (this.rows === 0) throw banRefusals.noRows();
      this.flush();
      this.events.push({ type: 'report', report: this.report() });
    });
  }

  private guard(work: () => void): BanEvent[] {
    if (this.failure) throw this.failure;
    try {
      work();
    } catch (error) {
      this.failure = error;
      this.events = [];
      this.batch = [];
      throw error;
    }
    const events = this.events;
    this.events = [];
    return events;
  }

  private row(line: number, fields: string[]): void {
    const { address, problem } = readBanRow(this.map!, line, fields);
    if (!address && !problem) return;
    this.rows++;
    if (problem) this.problems.add(problem, line);
    if (!address) {
      this.skipped++;
      return;
    }
    this.addresses++;
    if (address.number === 0) this.withoutNumber++;
    // Files come sorted by commune: looking the set up only on a change saves a lookup a row.
    if (address.communeCode !== this.lastCommune) {
      this.lastCommune = address.communeCode;
      this.communes.add(address.communeCode);
    }
    this.batch.push(address);
    if (this.batch.length >= this.batchSize) this.flush();
  }

  private unreadable(line: number, code: UnreadableLine): void {
    this.rows++;
    this.skipped++;
    this.problems.add(code, line);
  }

  private flush(): void {
    if (this.batch.length === 0) return;
    this.events.push({ type: 'addresses', addresses: this.batch });
    this.batch = [];
  }

  private report(): BanReport {
    const encoding = this.source.encoding();
    // A Windows-1252 file gets one sentence in `warnings`; a UTF-8 file with a few lines that
    // are not (pasted from elsewhere) gets those lines.
    const { latinLines } = this.source;
    if (encoding === 'utf-8') this.problems.merge('not_utf8', latinLines.count, latinLines.lines);
    const problems = this.problems.list();
    problems.sort((a, b) => (a.severity === b.severity ? 0 : a.severity === 'error' ? -1 : 1));
    return {
      encoding,
      gzip: this.gzip,
      delimiter: this.source.delimiter,
      columns: this.map!.columns,
      rows: this.rows,
      addresses: this.addresses,
      skipped: this.skipped,
      withoutNumber: this.withoutNumber,
      communes: this.communes.size,
      problems,
      warnings: banWarnings(encoding, this.map!.columns, this.withoutNumber),
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
export async function* readBanAddresses(
  source: AsyncIterable<Uint8Array>,
  batchSize = BATCH_SIZE,
): AsyncGenerator<BanEvent, void, undefined> {
  const parser = new BanAddressParser(batchSize);
  const bytes = gunzipped(source, banRefusals.badGzip, (gzip) => {
    parser.gzip = gzip;
  });
  for await (const chunk of bytes) {
    const events = parser.push(chunk);
    if (events.length) yield* events;
  }
  yield* parser.end();
}

/** The whole file at once (small files, tests): addresses and the report. */
export async function collectBanAddresses(
  source: AsyncIterable<Uint8Array>,
): Promise<{ addresses: BanAddress[]; report: BanReport }> {
  const addresses: BanAddress[] = [];
  let report: BanReport | null = null;
  for await (const event of readBanAddresses(source)) {
    if (event.type === 'addresses') addresses.push(...event.addresses);
    else report = event.report;
  }
  return { addresses, report: report! };
}

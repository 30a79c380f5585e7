/**
 * # INSEE's polling-station addresses (REU)
 *
 * A pure, streaming reader of INSEE's table of the electors' addresses of each polling station,
 * from the électoral register (répertoire électoral unique, REU), geocoded against the Base
 * Adresse Nationale: `table-adresses-reu.csv` of the data.gouv.fr data set « Bureaux de vote et
 * adresses de leurs électeurs » (gzip accepted, told by its bytes). It takes bytes and gives
 * rows in batches, then a report. No database, no I/O.
 *
 * ## Format
 *
 * `code_commune_ref,reconstitution_code_commune,id_brut_bv_reu,id,geo_adresse,geo_type,
 * geo_score,longitude,latitude,api_line,nb_bv_commune,nb_adresses`: `,` or `;` (the most
 * frequent in the header), UTF-8, cells quoted when they hold the delimiter (`geo_adresse`).
 * Columns are found by name; required: `code_commune_ref`, `id_brut_bv_reu` (or `id_brut_bv`),
 * `id`, `longitude`, `latitude`; the others are optional, unknown ones ignored.
 *
 * What the columns hold, from INSEE's code that built the table: each row groups the addresses
 * of one station (`id_brut_bv_reu`) of one commune (`code_commune_ref`) that the geocoder
 * matched to one BAN object (`id`) — rows are unique on those three. `id` is an address id
 * (`01001_0120_00001`, geo_type housenumber), a street id (`01001_0120`, street), a lieu-dit id
 * (locality) or the commune's code (municipality, kept only for communes of one station);
 * INSEE's geocoder fell back on OpenStreetMap's BANO for a few, whose ids start `BANO_` (read
 * as no BAN id, `bano_id`). `geo_score` is the geocoder's 0–1 score, `longitude`/`latitude`
 * the point found, `api_line` which line of the address was sent (not read),
 * `reconstitution_code_commune` how the commune was recognised (not read).
 *
 * **`nb_adresses` counts addresses, not electors**: INSEE's extract of the register lists
 * electors' addresses, not electors (it is anonymised), and `nb_adresses` is how many of the
 * station's address lines were geocoded to this BAN object (INSEE groups its rows by commune,
 * station and `id`, and counts). A building of forty electors may be one line; one address
 * spelt two ways may be two. It is read as `addressCount`: a weight for where a station's
 * electors live, not a head count.
 * `nb_bv_commune` is the number of stations of the commune in the register
 * (`stationsInCommune`).
 *
 * ## Station ids
 *
 * `id_brut_bv_reu` is the commune's code, `_`, and the station's code as the commune keyed it
 * (`29039_1`). `stationCode` is that code padded to 4 characters with zeros (`1` → `0001`), and
 * `stationId` = `code_commune_ref + '_' + stationCode` (`29039_0001`): the same function as the
 * results reader (`results/insee.ts`), so the two meet on `stationId`. A code that is not a
 * number is kept as written, padded the same way (`A` → `000A`, `BV12` stays `BV12`), which is
 * what the results reader does with the ministry's codes: they meet when both files write the
 * code alike. An id whose commune part differs from `code_commune_ref` keeps
 * `code_commune_ref` with a `station_commune_differs` warning; `rawStationId` keeps the id as
 * written. Not verified against real files: Paris, Lyon and Marseille, whose results files use
 * the city's code (75056), while the register may use the arrondissements' (75101…).
 *
 * ## Problems and refusals
 *
 * A row is skipped only when it has no usable commune code or station (`bad_insee_code`,
 * `missing_station`), too few cells, a broken quote or a line over a million characters. Otherwise
 * it is kept and what it lacks is null, with a warning: no position or a bad one (`no_coordinates`,
 * `bad_coordinates`: lon/lat both null), no BAN id or a BANO one, a score outside 0–1, a count that
 * is not a whole number. Problems are counted by code with their first 20 line numbers. Files of
 * another kind are refused before any row with a `ReuFileError` (422) and a stable code
 * (`ReuRefusalCode`): empty, binary (zip, Excel, PDF, Parquet — INSEE also publishes the table as
 * Parquet), an unreadable header, another file (the table of stations `table-bv-reu`, BAN
 * addresses, results, people: each named), missing columns, no rows. A gzip archive that is corrupt
 * or cut short: `bad_gzip`, as soon as zlib finds out.
 */
import { gunzipped } from '../addresses/gzip.ts';
import { TableSource, type UnreadableLine } from '../addresses/source.ts';
import { ProblemTally } from '../addresses/tally.ts';
import { readReuHeader, type ReuColumnMap } from './columns.ts';
import { reuRefusals } from './refusal.ts';
import { readReuRow } from './rows.ts';
import type { ReuAddress, ReuEvent, ReuProblemCode, ReuReport } from './types.ts';

export { ReuFileError } from './refusal.ts';
export { splitRawStation } from './rows.ts';
export type * from './types.ts';
export { reuGeoTypes } from './types.ts';

/** Rows per `addresses` event. */
export const BATCH_SIZE = 1000;

const problemDescriptions: Record<
  ReuProblemCode,
  { severity: 'error' | 'warning'; message: string }
> = {
  bad_insee_code: {
    severity: 'error',
    message:
      'Code INSEE de commune (code_commune_ref) absent ou invalide (attendu : 01001, 2A004…) : ligne ignorée.',
  },
  missing_station: {
    severity: 'error',
    message: 'Bureau de vote (id_brut_bv_reu) vide : ligne ignorée.',
  },
  row_cut_short: {
    severity: 'error',
    message: 'Ligne tronquée (moins de colonnes que l’en-tête n’en demande) : ignorée.',
  },
  broken_quote: { severity: 'error', message: 'Guillemet non fermé ou mal placé : ligne ignorée.' },
  line_too_long: {
    severity: 'error',
    message: 'Ligne démesurée (plus d’un million de caractères) : ignorée.',
  },
  no_coordinates: {
    severity: 'warning',
    message: 'Pas de coordonnées (longitude ou latitude vide) : ligne gardée sans position.',
  },
  bad_coordinates: {
    severity: 'warning',
    message: 'Coordonnées illisibles ou hors limites (ou 0/0) : ligne gardée sans position.',
  },
  no_ban_id: {
    severity: 'warning',
    message: 'Pas d’identifiant BAN (id vide) : ligne gardée sans lien à une adresse.',
  },
  bano_id: {
    severity: 'warning',
    message:
      'Identifiant BANO (OpenStreetMap), pas de la Base Adresse Nationale : ligne gardée sans lien à une adresse.',
  },
  bad_geo_score: {
    severity: 'warning',
    message: 'Score de géocodage (geo_score) hors de 0–1 ou illisible : ligne gardée sans score.',
  },
  bad_count: {
    severity: 'warning',
    message:
      'nb_adresses ou nb_bv_commune n’est pas un nombre entier : ligne gardée sans ce nombre.',
  },
  station_commune_differs: {
    severity: 'warning',
    message:
      'Le code commune de id_brut_bv_reu diffère de code_commune_ref : le bureau est rattaché à code_commune_ref.',
  },
  not_utf8: {
    severity: 'warning',
    message: 'Ligne qui n’est pas en UTF-8, lue en Windows-1252 : vérifiez ses accents.',
  },
};

/**
 * The push parser: feed it (inflated) chunks, take the events. `push` and `end` throw a
 * ReuFileError when the file is refused (always before any row); after that, every call throws
 * it again. Gzip bytes pushed as they are are refused as binary: `readReuAddresses` inflates.
 */
export class ReuAddressParser {
  private readonly source: TableSource;
  private map: ReuColumnMap | null = null;
  private batch: ReuAddress[] = [];
  private events: ReuEvent[] = [];
  private failure: unknown = null;
  private ended = false;
  private readonly problems = new ProblemTally(problemDescriptions);
  private readonly stations = new Set<string>();
  private readonly communes = new Set<string>();
  private readonly geoTypes = new Map<string, number>();
  private rows = 0;
  private addresses = 0;
  private skipped = 0;
  private withoutBanId = 0;
  private withoutPosition = 0;

  /** Set by whoever inflated the bytes, for the report. */
  gzip = false;

  constructor(private readonly batchSize = BATCH_SIZE) {
    this.source = new TableSource(
      {
        header: (fields) => {
          this.map = readReuHeader(fields);
          return this.map.wanted;
        },
        row: (line, fields) => this.row(line, fields),
        unreadable: (line, code) => this.unreadable(line, code),
      },
      reuRefusals,
    );
  }

  push(chunk: Uint8Array): ReuEvent[] {
    return this.guard(() => {
      if (this.ended) throw new Error('ReuAddressParser: push after end');
      this.source.push(chunk);
    });
  }

  /** Ends the file: the last rows, the report last. */
  end(): ReuEvent[] {
    return this.guard(() => {
      if (this.ended) throw new Error('ReuAddressParser: end called twice');
      this.ended = true;
      this.source.end();
      if (this.rows === 0) throw reuRefusals.noRows();
      this.flush();
      this.events.push({ type: 'report', report: this.report() });
    });
  }

  private guard(work: () => void): ReuEvent[] {
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
    const { row, problems } = readReuRow(this.map!, line, fields);
    if (!row && problems.length === 0) return;
    this.rows++;
    for (const problem of problems) this.problems.add(problem, line);
    if (!row) {
      this.skipped++;
      return;
    }
    this.addresses++;
    this.stations.add(row.stationId);
    this.communes.add(row.communeCode);
    if (row.banId === null) this.withoutBanId++;
    if (row.lon === null) this.withoutPosition++;
    const geoType = row.geoType ?? 'none';
    this.geoTypes.set(geoType, (this.geoTypes.get(geoType) ?? 0) + 1);
    this.batch.push(row);
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

  private report(): ReuReport {
    const encoding = this.source.encoding();
    const { latinLines } = this.source;
    if (encoding === 'utf-8') this.problems.merge('not_utf8', latinLines.count, latinLines.lines);
    const problems = this.problems.list();
    problems.sort((a, b) => (a.severity === b.severity ? 0 : a.severity === 'error' ? -1 : 1));
    const columns = this.map!.columns;
    return {
      encoding,
      gzip: this.gzip,
      delimiter: this.source.delimiter,
      columns,
      rows: this.rows,
      addresses: this.addresses,
      skipped: this.skipped,
      stations: this.stations.size,
      communes: this.communes.size,
      withoutBanId: this.withoutBanId,
      withoutPosition: this.withoutPosition,
      geoTypes: Object.fromEntries(this.geoTypes),
      problems,
      warnings: reuWarnings(encoding, columns),
    };
  }
}

/** Sentences for the staff about the file as a whole (line problems are in `problems`). */
function reuWarnings(encoding: ReuReport['encoding'], columns: ReuReport['columns']): string[] {
  const warnings: string[] = [];
  if (encoding !== 'utf-8') {
    warnings.push(
      `Le fichier n’est pas en UTF-8 comme celui de l’Insee : il a été lu en ${encoding === 'windows-1252' ? 'Windows-1252' : encoding.toUpperCase()} (réenregistré par un tableur ?). Vérifiez les accents de quelques adresses.`,
    );
  }
  if (columns.missingOptional.length) {
    warnings.push(
      `${columns.missingOptional.length === 1 ? 'La colonne' : 'Les colonnes'} ${columns.missingOptional.map((c) => `« ${c} »`).join(', ')} ${columns.missingOptional.length === 1 ? 'manque' : 'manquent'} : ce qu’elles disent reste vide.`,
    );
  }
  return warnings;
}

/**
 * Reads the REU address table, gzip or not, as it streams in: `addresses` events (batches of
 * `batchSize`, in line order), then a `report` event. Throws a ReuFileError when the file is
 * refused (before any row, except a gzip archive that breaks: see `bad_gzip`).
 */
export async function* readReuAddresses(
  source: AsyncIterable<Uint8Array>,
  batchSize = BATCH_SIZE,
): AsyncGenerator<ReuEvent, void, undefined> {
  const parser = new ReuAddressParser(batchSize);
  const bytes = gunzipped(source, reuRefusals.badGzip, (gzip) => {
    parser.gzip = gzip;
  });
  for await (const chunk of bytes) {
    const events = parser.push(chunk);
    if (events.length) yield* events;
  }
  yield* parser.end();
}

/** The whole file at once (small files, tests): rows and the report. */
export async function collectReuAddresses(
  source: AsyncIterable<Uint8Array>,
): Promise<{ addresses: ReuAddress[]; report: ReuReport }> {
  const addresses: ReuAddress[] = [];
  let report: ReuReport | null = null;
  for await (const event of readReuAddresses(source)) {
    if (event.type === 'addresses') addresses.push(...event.addresses);
    else report = event.report;
  }
  return { addresses, report: report! };
}

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
import {
  BATCH_SIZE,
  collectRows,
  readTable,
  RowReader,
  sourceProblems,
  type RowFile,
} from '../addresses/reader.ts';
import type { ProblemDescription } from '../addresses/tally.ts';
import { readReuHeader, type ReuColumnMap } from './columns.ts';
import { reuRefusals } from './refusal.ts';
import { readReuRow } from './rows.ts';
import type { ReuAddress, ReuEvent, ReuProblemCode, ReuReport } from './types.ts';

export { ReuFileError } from './refusal.ts';
export { splitRawStation } from './rows.ts';
export { BATCH_SIZE };
export type * from './types.ts';
export { reuGeoTypes } from './types.ts';

const problems: Record<ReuProblemCode, ProblemDescription> = {
  bad_insee_code: {
    severity: 'error',
    message:
      'Code INSEE de commune (code_commune_ref) absent ou invalide (attendu : 01001, 2A004…) : ligne ignorée.',
  },
  missing_station: {
    severity: 'error',
    message: 'Bureau de vote (id_brut_bv_reu) vide : ligne ignorée.',
  },
  ...sourceProblems,
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

const reuFile: RowFile<'addresses', ReuAddress, ReuProblemCode, ReuColumnMap> = {
  kind: 'addresses',
  refusals: reuRefusals,
  problems,
  readHeader: readReuHeader,
  readRow: readReuRow,
};

/**
 * The push parser: feed it (inflated) chunks, take the events. `push` and `end` throw a
 * ReuFileError when the file is refused (always before any row); after that, every call throws
 * it again. Gzip bytes pushed as they are are refused as binary: `readReuAddresses` inflates.
 */
export class ReuAddressParser extends RowReader<
  'addresses',
  ReuAddress,
  ReuProblemCode,
  ReuColumnMap,
  ReuReport
> {
  private readonly stations = new Set<string>();
  private readonly communes = new Set<string>();
  private readonly geoTypes = new Map<string, number>();
  private withoutBanId = 0;
  private withoutPosition = 0;

  constructor(batchSize = BATCH_SIZE) {
    super(reuFile, batchSize);
  }

  protected counted(row: ReuAddress): void {
    this.stations.add(row.stationId);
    this.communes.add(row.communeCode);
    if (row.banId === null) this.withoutBanId++;
    if (row.lon === null) this.withoutPosition++;
    const geoType = row.geoType ?? 'none';
    this.geoTypes.set(geoType, (this.geoTypes.get(geoType) ?? 0) + 1);
  }

  protected report(): ReuReport {
    const reported = this.reported();
    return {
      ...reported,
      gzip: this.gzip,
      addresses: this.kept,
      stations: this.stations.size,
      communes: this.communes.size,
      withoutBanId: this.withoutBanId,
      withoutPosition: this.withoutPosition,
      geoTypes: Object.fromEntries(this.geoTypes),
      warnings: reuWarnings(reported.encoding, reported.columns),
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
export function readReuAddresses(
  source: AsyncIterable<Uint8Array>,
  batchSize = BATCH_SIZE,
): AsyncGenerator<ReuEvent, void, undefined> {
  return readTable(new ReuAddressParser(batchSize), source, reuRefusals.badGzip);
}

/** The whole file at once (small files, tests): rows and the report. */
export async function collectReuAddresses(
  source: AsyncIterable<Uint8Array>,
): Promise<{ addresses: ReuAddress[]; report: ReuReport }> {
  const { rows, report } = await collectRows<'addresses', ReuAddress, ReuReport>(
    readReuAddresses(source),
  );
  return { addresses: rows, report };
}

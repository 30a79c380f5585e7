/**
 * # Election results by polling station (ministère de l'Intérieur)
 *
 * A pure, streaming parser for the ministry's results files "par bureau de vote", as published
 * on data.gouv.fr. It takes bytes (`AsyncIterable<Uint8Array>`, or chunks pushed one by one)
 * and gives one normalised record per polling station, the problems of each line, and a final
 * report. No database, no I/O: the import job stores what it yields.
 *
 * ## Layouts
 *
 * **2017–2022** (`resultats-par-niveau-burvot-t1-france-entiere.txt`; municipal 2020 too):
 * `;`-separated, ISO-8859-1 (read as Windows-1252), CRLF. Fixed columns first —
 * `Code du département;Libellé du département;Code de la circonscription;Libellé de la
 * circonscription;Code de la commune;Libellé de la commune;Code du b.vote;Inscrits;Abstentions;
 * % Abs/Ins;Votants;% Vot/Ins;Blancs;% Blancs/Ins;% Blancs/Vot;Nuls;% Nuls/Ins;% Nuls/Vot;
 * Exprimés;% Exp/Ins;% Exp/Vot` — then one block per candidate:
 * `N°Panneau;Sexe;Nom;Prénom;Voix;% Voix/Ins;% Voix/Exp` (legislative files add `Nuance` after
 * `Prénom`; municipal 2020 files have no constituency, spell `Code B.Vote`, and use the block
 * `N.Pan.;Code Nuance;Sexe;Nom;Prénom;Liste;Sièges / Elu;Sièges Secteur;Sièges CC;Voix;…`;
 * European 2019 files use `N°Liste;Libellé Abrégé Liste;Libellé Etendu Liste;Nom Tête de
 * Liste;Voix;…`). The header names only the first block: the block runs from the first
 * candidate column (panel, sex, name…) to the end of the header, and rows repeat it as many
 * times as they have candidates (legislative rows differ). Trailing empty cells are tolerated;
 * a row whose last block is incomplete is skipped (`block_cut_short`).
 *
 * **2024** (European and legislative files): numbered columns — `Code département`, `Libellé
 * département`, `Code commune`, `Libellé commune`, `Code BV`, `Inscrits`, `Votants`,
 * `Abstentions`, `Exprimés`, `Blancs`, `Nuls`… then, for N = 1, 2…, `Numéro de panneau N`,
 * `Nuance candidat N` (or `Nuance liste N`), `Nom candidat N`, `Prénom candidat N` (or
 * `Libellé abrégé de liste N`, `Libellé de liste N`), `Sexe candidat N` (MASCULIN / FEMININ),
 * `Voix N`, `% Voix/inscrits N`, `% Voix/exprimés N`, `Elu N`… The header names every block;
 * a row's missing candidates are empty cells (skipped). UTF-8 with or without BOM, or
 * Windows-1252; cells may be quoted; `Code commune` is usually the full INSEE code already.
 *
 * A file is `2024` when a header column reads `Voix <number>`, else `2017–2022`. Columns are
 * found by normalised name (case, accents, spaces, dots ignored): `Code du b.vote`, `Code
 * B.Vote` and `Code BV` are the same column. Required: département code, commune code,
 * polling-station code, `Inscrits`, `Votants` or `Abstentions` (the other is computed),
 * `Exprimés`, and in each block `Voix` and a name (`Nom`, or a list label). `Blancs` and `Nuls`
 * are optional (files before 2014 merge them): the record then has null there.
 *
 * Counts are integers (spaces between thousands and a zero decimal part, `645,00`, are
 * accepted). Percentages are never read: rates come from the counts (`stationRates`).
 * Any of `;`, `,` or tab separates cells (the most frequent in the header line wins).
 *
 * ## INSEE codes
 *
 * `communeCode` = the first two characters of the INSEE département + the commune code on
 * 3 digits: `01` + `1` → `01001`, `2A` + `004` → `2A004`. Letter codes: ZA 971, ZB 972,
 * ZC 973, ZD 974, ZS 975 (Saint-Pierre-et-Miquelon), ZM 976, ZW 986, ZP 987, ZN 988, so that
 * ZA + `101` → `97101`. For three-digit départements the commune code either starts with the
 * département's third digit (ZA + `101` → `97101`, ZN + `818` → `98818`) or is below 100 and
 * goes after the three digits (ZP + `14` → `98714`, Bora-Bora: the ministry's 2017 files write
 * Polynesian communes that way). Two departures from the plain rule, both seen in the
 * ministry's files:
 * - **Mayotte (ZM)** keeps the codes of its 985 days: Dzaoudzi is `508`, INSEE `97608`. A
 *   5xx code becomes 976 + its last two digits; a 6xx code follows the plain rule.
 * - **Wallis-et-Futuna (ZW)**: the files have one line for the whole territory (code `1`),
 *   which is none of INSEE's three communes (98611–98613): null, with a `no_insee_code` warning.
 * **ZX** (Saint-Martin / Saint-Barthélemy) is decided per row: commune code 7xx (or 977xx) →
 * 977 Saint-Barthélemy, 8xx (or 978xx) → 978 Saint-Martin; otherwise the commune's label
 * (« Barthélemy » / « Martin »); otherwise null and a `no_insee_code` warning. Each is a
 * single commune, so the INSEE code is 97701 or 97801 whatever the commune code (`701`, `1`…).
 * **ZZ** (French people abroad): `departmentCode` 'ZZ', `communeCode` and `stationId` null,
 * `abroad` true, no warning.
 * 2024 files may already give `971` and a 5-character commune code (`97101`, `2A004`): taken
 * as is when it lies in the département. A code that gives nothing (unknown département,
 * `0`, a commune outside its département) keeps the row with a null commune code and a
 * `no_insee_code` warning. Paris, Lyon and Marseille stay on the city's code (75056…), as the
 * ministry writes them; municipal files' sector codes (`056SR01`, `75056SR01`) become it too. Codes are not checked against the COG: a commune merged since the
 * election keeps its old code.
 *
 * `stationId` = INSEE commune code + `_` + the station code padded to 4 characters
 * (`01001_0001`), as INSEE's REU names polling stations.
 *
 * ## Problems and refusals
 *
 * A file that is not one of these (empty, binary, an Excel workbook, a BAN address file, a
 * people CSV, results by commune…) is refused before any row: a `ResultsFileError` (an
 * AppError, status 422) with a stable `code` (`ResultsRefusalCode`) and a French sentence.
 * Line problems do not stop the parsing: errors skip the row (a count that is not a number, a
 * row cut short, a duplicate station, a broken quote, a line over the CSV reader's limit…),
 * warnings keep it (counts that do not add up, no INSEE code). See `ResultsProblemCode`.
 *
 * Reads bytes as every field reader does (`../addresses/reader.ts`, `source.ts`), with the people
 * import's byte-level pieces: `EncodingDetector` (the report's encoding), `createDecoder`
 * (line-by-line decoding: a line that is not UTF-8 is read as Windows-1252), `binaryReason` and
 * `CsvParser`/`detectDelimiter` (which know physical lines and recover from a broken quote).
 * Not `readCsv`: it needs the encoding before reading (two passes over a spooled file), pulls
 * the source itself, and answers in English.
 */
import { MAX_RECORD_CHARS } from '../../people/import/csv.ts';
import { readTable, TableReader } from '../addresses/reader.ts';
import { isBlankRow, type UnreadableLine } from '../addresses/source.ts';
import { readHeader, type ColumnMap } from './layout.ts';
import { refusals } from './refusal.ts';
import { readRow } from './rows.ts';
import type {
  CandidateSeen,
  ResultsEvent,
  ResultsLayout,
  ResultsProblem,
  ResultsProblemCode,
  ResultsReport,
  StationResult,
} from './types.ts';

export { MAX_LINE_BYTES } from '../addresses/source.ts';
export { ResultsFileError } from './refusal.ts';
export { inseeLocation, pollingStationId, padStationCode, zxDepartment } from './insee.ts';
export type { InseeLocation } from './insee.ts';
export { stationRates } from './rates.ts';
export type { StationRates } from './rates.ts';
export type * from './types.ts';

/**
 * The push parser: feed it chunks, take the events. `push` and `end` throw a
 * ResultsFileError when the file is refused (always before any station event); after that,
 * every call throws it again.
 */
export class ResultsParser extends TableReader<ResultsEvent> {
  private map: ColumnMap | null = null;
  private readonly seen = new Map<string, number>();
  private readonly candidates = new Map<string, CandidateSeen>();
  private readonly problemCounts: Partial<Record<ResultsProblemCode, number>> = {};
  private stations = 0;
  private abroad = 0;
  private withoutCommuneCode = 0;

  constructor() {
    super(refusals);
  }

  /** The layout, once the header is read. */
  get layout(): ResultsLayout | null {
    return this.map?.layout ?? null;
  }

  protected header(fields: string[]): void {
    this.map = readHeader(fields);
    this.emit({ type: 'layout', layout: this.map.layout });
  }

  protected unreadable(line: number, code: UnreadableLine): void {
    this.rows++;
    this.lineError(
      line,
      code,
      code === 'line_too_long'
        ? `la ligne dépasse ${MAX_RECORD_CHARS.toLocaleString('fr-FR')} caractères ; ligne ignorée.`
        : 'guillemet non fermé ou mal placé ; ligne ignorée.',
    );
    this.skipped++;
  }

  protected finish(): void {
    this.emit({ type: 'report', report: this.report() });
  }

  private lineError(line: number, code: ResultsProblemCode, message: string): void {
    this.problem({ line, code, severity: 'error', message: `Ligne ${line} : ${message}` });
  }

  private problem(problem: ResultsProblem): void {
    this.problemCounts[problem.code] = (this.problemCounts[problem.code] ?? 0) + 1;
    this.emit({ type: 'problem', problem });
  }

  protected row(line: number, fields: string[]): void {
    if (isBlankRow(fields)) return;
    this.rows++;
    const { station, problems } = readRow(this.map!, line, fields);
    if (station) {
      const key = station.stationId ?? Object.values(station.source).join('|');
      const first = this.seen.get(key);
      if (first !== undefined) {
        this.lineError(
          line,
          'duplicate_station',
          `le bureau ${station.stationId ?? `${station.source.departmentCode} ${station.source.communeCode} ${station.source.stationCode}`} figure déjà ligne ${first} ; ligne ignorée.`,
        );
        this.skipped++;
        return;
      }
      this.seen.set(key, line);
      this.accept(station);
    } else {
      this.skipped++;
    }
    for (const problem of problems) this.problem(problem);
  }

  private accept(station: StationResult): void {
    this.stations++;
    if (station.abroad) this.abroad++;
    else if (station.communeCode === null) this.withoutCommuneCode++;
    for (const c of station.candidates) {
      const key = JSON.stringify([c.panel, c.lastName, c.firstName, c.nuance, c.list]);
      const seen = this.candidates.get(key);
      if (seen) {
        seen.stations++;
        seen.votes += c.votes;
      } else {
        this.candidates.set(key, {
          panel: c.panel,
          sex: c.sex,
          lastName: c.lastName,
          firstName: c.firstName,
          nuance: c.nuance,
          list: c.list,
          stations: 1,
          votes: c.votes,
        });
      }
    }
    this.emit({ type: 'station', station });
  }

  private report(): ResultsReport {
    return {
      layout: this.map!.layout,
      encoding: this.source.encoding(),
      bom: this.source.bom,
      delimiter: this.source.delimiter,
      rows: this.rows,
      stations: this.stations,
      skipped: this.skipped,
      abroad: this.abroad,
      withoutCommuneCode: this.withoutCommuneCode,
      problems: { ...this.problemCounts },
      candidates: [...this.candidates.values()],
    };
  }
}

/**
 * Parses a results file as it streams in: first a `layout` event, then `station` and
 * `problem` events in line order (a station's warnings follow it), then a `report` event.
 * Throws a ResultsFileError (before any station) when the file is refused.
 */
export function parseResults(
  source: AsyncIterable<Uint8Array>,
): AsyncGenerator<ResultsEvent, void, undefined> {
  return readTable(new ResultsParser(), source);
}

/** The whole file at once (small files, tests): stations, problems and the report. */
export async function readResults(source: AsyncIterable<Uint8Array>): Promise<{
  layout: ResultsLayout;
  stations: StationResult[];
  problems: ResultsProblem[];
  report: ResultsReport;
}> {
  const stations: StationResult[] = [];
  const problems: ResultsProblem[] = [];
  let report: ResultsReport | null = null;
  for await (const event of parseResults(source)) {
    if (event.type === 'station') stations.push(event.station);
    else if (event.type === 'problem') problems.push(event.problem);
    else if (event.type === 'report') report = event.report;
  }
  return { layout: report!.layout, stations, problems, report: report! };
}

/**
 * The push parser every field reader is built on (results, BAN addresses, INSEE's REU table,
 * electoral lists): bytes go in by `push` and `end`, through a TableSource, and events come
 * out. A refused file is refused before any row, and again by every later call. `RowReader`
 * adds what the readers of large files share: rows kept in batches, line problems counted by
 * code (not sent one by one: a country file has millions of lines), the report last.
 */
import { gunzipped } from './gzip.ts';
import { TableSource, type SourceRefusals, type UnreadableLine } from './source.ts';
import { ProblemTally, type LineProblem, type ProblemDescription } from './tally.ts';
import type { HeaderColumns } from './header-columns.ts';
import type { Delimiter } from '../../people/import/csv.ts';
import type { CsvEncoding } from '../../people/import/encoding.ts';

export interface TableRefusals extends SourceRefusals {
  /** A header and no row. */
  noRows(): Error;
}

/**
 * Bytes in, events out. `push` and `end` throw the reader's refusal (always before any row);
 * after that, every call throws it again.
 */
export abstract class TableReader<Event> {
  protected readonly source: TableSource;
  private events: Event[] = [];
  private failure: unknown = null;
  private ended = false;
  /** Data rows read (blank lines aside), skipped ones included. */
  protected rows = 0;
  /** Rows skipped for an error. */
  protected skipped = 0;

  constructor(private readonly refusals: TableRefusals) {
    this.source = new TableSource(
      {
        header: (fields) => this.header(fields),
        row: (line, fields) => this.row(line, fields),
        unreadable: (line, code) => this.unreadable(line, code),
      },
      refusals,
    );
  }

  /** Reads the header line (may refuse the file); may say which cells rows are read for. */
  protected abstract header(fields: string[]): boolean[] | void;
  /** Every later line that is not empty (its cells may all be blank). */
  protected abstract row(line: number, fields: string[]): void;
  /** A line the CSV reader could not read: skipped. */
  protected abstract unreadable(line: number, code: UnreadableLine): void;
  /** The file has ended with rows: the last events, the report last. */
  protected abstract finish(): void;
  /** The file was refused: drops what was waiting to be given. */
  protected discard(): void {}

  protected emit(event: Event): void {
    this.events.push(event);
  }

  push(chunk: Uint8Array): Event[] {
    return this.guard(() => {
      if (this.ended) throw new Error(`${this.constructor.name}: push after end`);
      this.source.push(chunk);
    });
  }

  /** Ends the file: the last events, the report last. */
  end(): Event[] {
    return this.guard(() => {
      if (this.ended) throw new Error(`${this.constructor.name}: end called twice`);
      this.ended = true;
      this.source.end();
      if (this.rows === 0) throw this.refusals.noRows();
      this.finish();
    });
  }

  private guard(work: () => void): Event[] {
    if (this.failure) throw this.failure;
    try {
      work();
    } catch (error) {
      this.failure = error;
      this.events = [];
      this.discard();
      throw error;
    }
    const events = this.events;
    this.events = [];
    return events;
  }
}

/** A batch of rows: `{ type: 'addresses', addresses: [...] }`. */
export type RowsEvent<Kind extends string, Row> = { type: Kind } & { [key in Kind]: Row[] };
export type ReportEvent<Report> = { type: 'report'; report: Report };
export type RowEvent<Kind extends string, Row, Report> = RowsEvent<Kind, Row> | ReportEvent<Report>;

/** Rows per batch event, by default: an async generator's yield costs more than reading a row. */
export const BATCH_SIZE = 1000;

/** The problems every RowReader may count, besides its own: errors, and `not_utf8` (a warning). */
export type SourceProblemCode = UnreadableLine | 'row_cut_short' | 'not_utf8';

/** The refusals every reader of rows may give, besides its own. */
export type SourceRefusalCode =
  'empty_file' | 'not_text' | 'unreadable_header' | 'missing_columns' | 'no_rows';

/** The words of the problems every reader of rows counts alike. */
export const sourceProblems = {
  row_cut_short: {
    severity: 'error',
    message: 'Ligne tronquée (moins de colonnes que l’en-tête n’en demande) : ignorée.',
  },
  broken_quote: { severity: 'error', message: 'Guillemet non fermé ou mal placé : ligne ignorée.' },
  line_too_long: {
    severity: 'error',
    message: 'Ligne démesurée (plus d’un million de caractères) : ignorée.',
  },
} as const satisfies Record<string, ProblemDescription>;

/** What a reader of rows's report always says. */
export interface RowReport<Code extends string> {
  /** What the file's bytes were: see the `not_utf8` warning for lines read as Windows-1252. */
  encoding: CsvEncoding;
  delimiter: Delimiter;
  /** The header as read, and what of it the reader uses. */
  columns: HeaderColumns;
  /** Data rows read (blank lines aside), skipped ones included. */
  rows: number;
  /** Rows skipped for an error. */
  skipped: number;
  /** Problems by code (errors, then warnings, each in order of first appearance). */
  problems: LineProblem<Code>[];
  /** Sentences in French about the file as a whole (encoding, missing optional columns…). */
  warnings: string[];
}

/** One data row read: the row kept (null: skipped) and its problems; neither for a blank row. */
export interface RowOutcome<Row, Code extends string> {
  row: Row | null;
  /** Why the row was skipped, or the warnings on the row kept: one code, a list, or none. */
  problems: Code | readonly Code[] | null;
}

/** A header read: which cells rows are read for, and the columns as the report gives them. */
interface HeaderMap {
  wanted: boolean[];
  columns: HeaderColumns;
}

/** What a reader of rows reads: its header, its rows, their problems, its refusals. */
export interface RowFile<Kind extends string, Row, Code extends string, Header extends HeaderMap> {
  /** Names the batches: `{ type: kind, [kind]: rows }`. */
  kind: Kind;
  refusals: TableRefusals;
  problems: Record<Code | SourceProblemCode, ProblemDescription>;
  /** Reads the header line; throws the refusal of a file of another kind. */
  readHeader(fields: string[]): Header;
  readRow(map: Header, line: number, cells: string[]): RowOutcome<Row, Code>;
}

/**
 * A reader of one row a line: each row is kept (in batches of `batchSize`) or skipped, with
 * its problems counted by code; the report comes last.
 */
export abstract class RowReader<
  Kind extends string,
  Row,
  Code extends string,
  Header extends HeaderMap,
  Report,
> extends TableReader<RowEvent<Kind, Row, Report>> {
  protected map: Header | null = null;
  private batch: Row[] = [];
  private readonly problems: ProblemTally<Code | SourceProblemCode>;
  /** Rows kept. */
  protected kept = 0;
  /** Set by whoever inflated the bytes (`readTable`), for the report. */
  gzip = false;

  constructor(
    private readonly file: RowFile<Kind, Row, Code, Header>,
    private readonly batchSize: number,
  ) {
    super(file.refusals);
    this.problems = new ProblemTally(file.problems);
  }

  /** A row kept, for the report's counts. */
  protected abstract counted(row: Row): void;
  protected abstract report(): Report;

  protected header(fields: string[]): boolean[] {
    this.map = this.file.readHeader(fields);
    return this.map.wanted;
  }

  protected row(line: number, fields: string[]): void {
    const { row, problems } = this.file.readRow(this.map!, line, fields);
    // A code is a non-empty string: only a blank row has neither a row nor a problem.
    if (row === null && (problems === null || problems.length === 0)) return;
    this.rows++;
    if (typeof problems === 'string') this.problems.add(problems, line);
    else if (problems) for (const problem of problems) this.problems.add(problem, line);
    if (row === null) {
      this.skipped++;
      return;
    }
    this.kept++;
    this.counted(row);
    this.batch.push(row);
    if (this.batch.length >= this.batchSize) this.flush();
  }

  protected unreadable(line: number, code: UnreadableLine): void {
    this.rows++;
    this.skipped++;
    this.problems.add(code, line);
  }

  protected finish(): void {
    this.flush();
    this.emit({ type: 'report', report: this.report() });
  }

  protected override discard(): void {
    this.batch = [];
  }

  private flush(): void {
    if (this.batch.length === 0) return;
    const { kind } = this.file;
    // The one event of this shape: `kind` names both its type and its list.
    this.emit({ type: kind, [kind]: this.batch } as RowsEvent<Kind, Row>);
    this.batch = [];
  }

  /** The report's common part, the file's warnings aside. */
  protected reported(): Omit<RowReport<Code | SourceProblemCode>, 'warnings'> {
    return {
      encoding: this.source.encoding(),
      delimiter: this.source.delimiter,
      columns: this.map!.columns,
      rows: this.rows,
      skipped: this.skipped,
      problems: this.lineProblems(),
    };
  }

  /**
   * Errors, then warnings, each in order of first appearance. A UTF-8 file with lines that are
   * not (pasted from elsewhere) gets them as `not_utf8`; a file that is all Windows-1252 gets a
   * sentence in the report's warnings instead.
   */
  private lineProblems(): LineProblem<Code | SourceProblemCode>[] {
    const { latinLines } = this.source;
    if (this.source.encoding() === 'utf-8') {
      this.problems.merge('not_utf8', latinLines.count, latinLines.lines);
    }
    const problems = this.problems.list().map(({ code, count, lines, message }) => ({
      code,
      severity: this.file.problems[code].severity,
      count,
      lines,
      message,
    }));
    problems.sort((a, b) => (a.severity === b.severity ? 0 : a.severity === 'error' ? -1 : 1));
    return problems;
  }
}

/**
 * Reads a file as it streams in: the reader's events, the report last. With `badGzip`, gzip
 * bytes (told by their first two) are inflated on the way, and a broken archive refused with
 * it as soon as zlib finds out (at its end, for one cut short: after rows were given).
 */
export async function* readTable<Event>(
  reader: TableReader<Event> & { gzip?: boolean },
  source: AsyncIterable<Uint8Array>,
  badGzip?: (reason: string) => Error,
): AsyncGenerator<Event, void, undefined> {
  const bytes = badGzip
    ? gunzipped(source, badGzip, (gzip) => {
        reader.gzip = gzip;
      })
    : source;
  for await (const chunk of bytes) {
    const events = reader.push(chunk);
    if (events.length) yield* events;
  }
  yield* reader.end();
}

/** The whole file at once (small files, tests): its rows and the report. */
export async function collectRows<Kind extends string, Row, Report>(
  events: AsyncIterable<RowEvent<Kind, Row, Report>>,
): Promise<{ rows: Row[]; report: Report }> {
  const rows: Row[] = [];
  let report: Report | null = null;
  for await (const event of events) {
    if (event.type === 'report') report = (event as ReportEvent<Report>).report;
    else rows.push(...(event as RowsEvent<Kind, Row>)[event.type as Kind]);
  }
  if (report === null) throw new Error('The reader ended without its report');
  return { rows, report };
}

import type { Pacer } from '../../../core/event-loop.ts';
import type { GeoReference } from '../../../core/geo/communes.ts';
import { badRequest } from '../../../core/http/errors.ts';
import { MAX_RECORD_CHARS, type CsvProblemCode } from './csv.ts';
import type { CsvEncoding } from './encoding.ts';
import {
  checkMapping,
  fieldIndexes,
  suggestMapping,
  type MappableField,
  type Mapping,
} from './mapping.ts';
import { readCsv, type FileHead } from './reader.ts';
import { RowValidator, type RowError } from './rows.ts';
import type { ImportSession } from './session.ts';
import { createStage, RecruitCodes, stageColumns, stageLine, type StageTables } from './stage.ts';

/**
 * Rows per COPY into the staging table. On PGlite, which runs in the server's thread, a COPY
 * holds the whole server: small enough to stay within a few tens of milliseconds.
 */
const STAGE_BATCH = { postgres: 10_000, pglite: 2_000 } as const;
const ERROR_BATCH = 5_000;
/** Errors listed in a report; the errors CSV of an import has them all. */
export const REPORTED_ERRORS = 1_000;
export const SAMPLE_ROWS = 10;

const problemMessages: Record<CsvProblemCode, string> = {
  unterminated_quote: 'A quoted value opened on this line is never closed; the line was skipped.',
  malformed_quote:
    'A quoted value on this line is followed by other characters; the line was skipped.',
  cell_too_long: `A value on this line is longer than ${MAX_RECORD_CHARS.toLocaleString('en')} characters; the line was skipped.`,
};

const fallbackWarning = (line: number): RowError => ({
  line,
  field: null,
  code: 'mixed_encoding',
  message:
    'This line is not valid UTF-8 like the rest of the file: it was read as Windows-1252 (Excel). Check its accents.',
  severity: 'warning',
});

/** The mapping to use: the one chosen, or one suggested from the headers when none was. */
export function resolveMapping(
  headers: string[],
  requested: Mapping,
  customFields: MappableField[],
): Mapping {
  const mapping = Object.keys(requested).length ? requested : suggestMapping(headers, customFields);
  checkMapping(headers, mapping, customFields);
  return mapping;
}

const sampleOf = (headers: string[], fields: string[]) =>
  Object.fromEntries(headers.map((header, i) => [header, fields[i] ?? '']));

/** Header, mapping and first rows only: what the upload request checks before queueing. */
export async function inspectFile(
  source: AsyncIterable<Uint8Array>,
  encoding: CsvEncoding,
  requested: Mapping,
  customFields: MappableField[],
) {
  let mapping: Mapping = {};
  let headers: string[] = [];
  let rows = 0;
  const sample: Record<string, string>[] = [];
  const head = await readCsv(source, encoding, {
    head: (h) => {
      headers = h.headers;
      mapping = resolveMapping(h.headers, requested, customFields);
    },
    record: (_line, fields) => {
      if (fields.every((f) => f.trim() === '')) return;
      rows++;
      if (sample.length < SAMPLE_ROWS) sample.push(sampleOf(headers, fields));
    },
    problem: () => {
      rows++;
    },
    enough: () => sample.length >= SAMPLE_ROWS,
  });
  if (rows === 0) throw badRequest('empty_file', 'The file has a header line but no rows.');
  return { head, mapping, sample };
}

export interface StageInput {
  session: ImportSession;
  tables: StageTables;
  source: AsyncIterable<Uint8Array>;
  encoding: CsvEncoding;
  /** Empty: suggest one from the headers. */
  mapping: Mapping;
  geo: GeoReference;
  /** The campaign's custom fields, which columns may map to. */
  customFields: MappableField[];
  /** Receives every row error, in batches (the job keeps them all). */
  saveErrors?: (errors: RowError[]) => Promise<void>;
  progress?: (bytesRead: number) => Promise<void>;
  /** Paces the reading (the import's share of the time: see importShare). */
  pacer?: Pacer;
}

export interface StageOutcome {
  head: FileHead;
  mapping: Mapping;
  totalRows: number;
  validRows: number;
  invalidRows: number;
  /** Row errors and warnings found while reading (duplicates come later, from the staged rows). */
  rowErrors: number;
  /** Of rowErrors, the warnings. */
  rowWarnings: number;
  firstErrors: RowError[];
  sample: Record<string, string>[];
}

/**
 * Reads the whole file, validates every row and COPYs the valid ones into the staging table,
 * parsing the next batch while the previous one is being copied.
 */
export async function stageFile(input: StageInput): Promise<StageOutcome> {
  const { session, tables } = input;
  await createStage(session, tables);
  const outcome = { totalRows: 0, validRows: 0, invalidRows: 0, rowErrors: 0, rowWarnings: 0 };
  const firstErrors: RowError[] = [];
  const sample: Record<string, string>[] = [];
  const codes = new RecruitCodes();
  let mapping = input.mapping;
  let headers: string[] = [];
  let validator: RowValidator | undefined;
  let lines: string[] = [];
  let errors: RowError[] = [];
  let copying: Promise<void> = Promise.resolve();

  const addErrors = (list: RowError[]) => {
    outcome.rowErrors += list.length;
    for (const e of list) if (e.severity === 'warning') outcome.rowWarnings++;
    for (const e of list) if (firstErrors.length < REPORTED_ERRORS) firstErrors.push(e);
    if (input.saveErrors) errors.push(...list);
  };
  const flush = async (final: boolean) => {
    if (lines.length >= STAGE_BATCH[session.engine] || (final && lines.length > 0)) {
      const text = lines.join('');
      lines = [];
      await copying;
      copying = session.copy(tables.rows, stageColumns, text);
      copying.catch(() => undefined); // awaited below; this only avoids an unhandled-rejection warning
    }
    if (input.saveErrors && (errors.length >= ERROR_BATCH || (final && errors.length > 0))) {
      const batch = errors;
      errors = [];
      await input.saveErrors(batch);
    }
    if (final) await copying;
  };

  const head = await readCsv(input.source, input.encoding, {
    head: (h) => {
      headers = h.headers;
      mapping = resolveMapping(h.headers, input.mapping, input.customFields);
      validator = new RowValidator(
        input.geo,
        fieldIndexes(h.headers, mapping),
        h.headers.length,
        input.customFields,
      );
    },
    multiline: (fields) => validator!.singleLine(fields),
    record: (line, fields) => {
      const result = validator!.validate(line, fields);
      if (result === null) return;
      outcome.totalRows++;
      if (sample.length < SAMPLE_ROWS) sample.push(sampleOf(headers, fields));
      if (result.row) {
        outcome.validRows++;
        lines.push(stageLine(result.row, codes.next()));
        if (result.warnings.length > 0) addErrors(result.warnings);
      } else {
        outcome.invalidRows++;
        addErrors(result.errors);
      }
    },
    problem: (line, code) => {
      outcome.totalRows++;
      outcome.invalidRows++;
      addErrors([{ line, field: null, code, message: problemMessages[code], severity: 'error' }]);
    },
    fallback: (line) => addErrors([fallbackWarning(line)]),
    chunk: async (bytes) => {
      await flush(false);
      await input.progress?.(bytes);
      await input.pacer?.rest();
    },
  });
  await flush(true);
  if (outcome.totalRows === 0)
    throw badRequest('empty_file', 'The file has a header line but no rows.');
  return { head, mapping, ...outcome, firstErrors, sample };
}

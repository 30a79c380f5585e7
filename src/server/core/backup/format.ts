import type { MigrationLevel } from './migration-level.ts';

/**
 * A campaign backup: gzip of lines, the same for PGlite and PostgreSQL.
 *
 *   {"format":"levier-campaign-backup","version":2,...}     header (Header below)
 *   {"table":"people","columns":["campaign_id","id",...]}   then each table of the header:
 *   1<TAB>7<TAB>ada@example.org<TAB>\N...                    one row a line, COPY text format
 *   {"tableEnd":"people","rows":3000,"sha256":"…"}          count and hash of its row lines
 *   {"end":true,"rows":12345}                                 the file is whole
 *
 * Version 2 rows are COPY's text format of the listed columns, campaign_id first (a row never
 * begins with '{'), printed in UTC with ISO dates (copy-text.ts): PostgreSQL converts both
 * ways, so no value goes through a JavaScript number or Date, and a restore is a COPY.
 * Version 1 rows were `row_to_json` of the row, read back with json_populate_recordset;
 * restore still reads them.
 */
export const FORMAT = 'levier-campaign-backup';
export const FORMAT_VERSION = 2;

/** The first version whose rows are COPY text (restore.ts reads both). */
export const COPY_TEXT_VERSION = 2;

export interface Header {
  format: typeof FORMAT;
  version: number;
  createdAt: string;
  engine: 'pglite' | 'postgres';
  migration: MigrationLevel;
  campaign: { id: number; name: string; created_at: string };
  tables: string[];
}

export interface TableStart {
  table: string;
  columns: string[];
}

export interface TableEnd {
  tableEnd: string;
  rows: number;
  sha256: string;
}

export interface End {
  end: true;
  rows: number;
}

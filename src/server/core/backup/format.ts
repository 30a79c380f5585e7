import type { MigrationLevel } from './migration-level.ts';

/**
 * A campaign backup: gzip of JSON lines, the same for PGlite and PostgreSQL.
 *
 *   {"format":"levier-campaign-backup","version":1,...}     header (Header below)
 *   {"table":"people","columns":["campaign_id","id",...]}   then each table of the header:
 *   {"campaign_id":1,"id":7,...}                              one row a line (row_to_json)
 *   {"tableEnd":"people","rows":3000,"sha256":"…"}          count and hash of its row lines
 *   {"end":true,"rows":12345}                                 the file is whole
 *
 * Rows are PostgreSQL's own JSON of each row (timestamps in UTC, bytea as \x hex), read back
 * with json_populate_recordset: PostgreSQL converts both ways, so no value goes through a
 * JavaScript number or Date on the way.
 */
export const FORMAT = 'levier-campaign-backup';
export const FORMAT_VERSION = 1;

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

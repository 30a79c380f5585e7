import type { Pacer } from '../../../core/event-loop.ts';
import type { ImportSession } from '../../people/import/session.ts';

/** Rows per COPY into a staging table. */
const COPY_ROWS = 5_000;

/**
 * Rows a reader yields, copied into an import's temporary table a few thousand at a time
 * (COPY), resting between copies so the server's thread stays free.
 */
export class StagingCopy<Row> {
  private pending: string[] = [];
  staged = 0;

  constructor(
    private readonly session: ImportSession,
    private readonly table: { name: string; columns: readonly string[] },
    private readonly line: (row: Row) => string,
    private readonly pacer: Pacer,
    /** Told the rows staged so far after each copy (an import's progress). */
    private readonly onCopied?: (staged: number) => Promise<void>,
  ) {}

  async add(rows: readonly Row[]): Promise<void> {
    for (const row of rows) this.pending.push(this.line(row));
    if (this.pending.length >= COPY_ROWS) await this.flush();
  }

  async flush(): Promise<void> {
    if (this.pending.length === 0) return;
    await this.session.copy(this.table.name, this.table.columns, this.pending.join('\n') + '\n');
    this.staged += this.pending.length;
    this.pending = [];
    await this.onCopied?.(this.staged);
    await this.pacer.rest();
  }
}

import type { AppContext } from '../../../core/context.ts';

/** What an import says when it ends: counts, problems by code (with a few lines), warnings. */
export interface FieldImportReport {
  counts: Record<string, number>;
  problems: Array<{ code: string; count: number; lines: number[]; message: string }>;
  warnings: string[];
}

/** Line numbers kept per problem code: enough to find the lines, not a copy of the file. */
const LINES_KEPT = 20;

/** Gathers problems as a reader reports them, by code. */
export class ProblemTally {
  private readonly byCode = new Map<string, { count: number; lines: number[]; message: string }>();

  add(code: string, line: number, message: string): void {
    const seen = this.byCode.get(code);
    if (!seen) this.byCode.set(code, { count: 1, lines: [line], message });
    else {
      seen.count++;
      if (seen.lines.length < LINES_KEPT) seen.lines.push(line);
    }
  }

  list(): FieldImportReport['problems'] {
    return [...this.byCode].map(([code, seen]) => ({ code, ...seen }));
  }
}

/** Reads one kind of field file into its tables (`progress` gets the rows stored so far). */
export type FieldImportStore = (
  ctx: AppContext,
  source: AsyncIterable<Uint8Array>,
  target: { importId: number; label: string },
  progress: (done: number) => Promise<void>,
) => Promise<FieldImportReport>;

import type { AppContext } from '../../../core/context.ts';
import type { ProblemCount } from '../addresses/tally.ts';

/** What an import says when it ends: counts, problems by code (with a few lines), warnings. */
export interface FieldImportReport {
  counts: Record<string, number>;
  problems: ProblemCount<string>[];
  warnings: string[];
}

/** Gathers problems as a reader reports them, by code (the readers' own tally). */
export { ProblemTally } from '../addresses/tally.ts';

/** Reads one kind of field file into its tables (`progress` gets the rows stored so far). */
export type FieldImportStore = (
  ctx: AppContext,
  source: AsyncIterable<Uint8Array>,
  target: { importId: number; label: string; electionId: number | null },
  progress: (done: number) => Promise<void>,
) => Promise<FieldImportReport>;

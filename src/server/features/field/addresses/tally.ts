/** Line numbers kept per problem: enough to find the lines, not a copy of the file. */
export const LINES_KEPT = 20;

/** A problem code counted over a file: how many lines had it, the first of them, in words. */
export interface ProblemCount<Code extends string> {
  code: Code;
  count: number;
  /** Physical line numbers (the header is line 1), in file order, LINES_KEPT at most. */
  lines: number[];
  /** What it is and what was done, in French, for the staff. */
  message: string;
}

/**
 * A line problem as the readers' reports give it. Files of millions of lines get counts, not
 * one event per line.
 */
export interface LineProblem<Code extends string> {
  code: Code;
  /** 'error': the lines were skipped; 'warning': they were kept (a field set to null…). */
  severity: 'error' | 'warning';
  count: number;
  lines: number[];
  message: string;
}

export interface ProblemDescription {
  severity: 'error' | 'warning';
  message: string;
}

/**
 * Counts problems by code, in the order they first appear, with their first lines. A code's
 * message comes from `describe` (the readers describe every code they count), else from the
 * first `add` that gives one (the import report, from the results reader's line events).
 */
export class ProblemTally<Code extends string = string> {
  private readonly byCode = new Map<Code, ProblemCount<Code>>();

  constructor(private readonly describe: Partial<Record<Code, { message: string }>> = {}) {}

  add(code: Code, line: number, message?: string): void {
    const seen = this.byCode.get(code);
    if (!seen) {
      const said = this.describe[code]?.message ?? message ?? '';
      this.byCode.set(code, { code, count: 1, lines: [line], message: said });
    } else {
      seen.count++;
      if (seen.lines.length < LINES_KEPT) seen.lines.push(line);
    }
  }

  /** Adds a problem already counted elsewhere (the decoder's Windows-1252 lines). */
  merge(code: Code, count: number, lines: number[]): void {
    if (count === 0) return;
    const message = this.describe[code]?.message ?? '';
    this.byCode.set(code, { code, count, lines: lines.slice(0, LINES_KEPT), message });
  }

  count(code: Code): number {
    return this.byCode.get(code)?.count ?? 0;
  }

  list(): ProblemCount<Code>[] {
    return [...this.byCode.values()].map((seen) => ({ ...seen, lines: [...seen.lines] }));
  }
}

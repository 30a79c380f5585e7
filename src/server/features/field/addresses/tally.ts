import { LINES_KEPT } from './source.ts';

/**
 * A line problem as the reports give it: how many lines had it and the first of them
 * (LINES_KEPT at most). Files of millions of lines get counts, not one event per line.
 */
export interface LineProblem<Code extends string> {
  code: Code;
  /** 'error': the lines were skipped; 'warning': they were kept (a field set to null…). */
  severity: 'error' | 'warning';
  count: number;
  /** Physical line numbers (the header is line 1), in file order. */
  lines: number[];
  /** What it is and what was done, in French, for the staff. */
  message: string;
}

/** Counts problems by code, in the order they first appear. */
export class ProblemTally<Code extends string> {
  private readonly byCode = new Map<Code, { count: number; lines: number[] }>();

  constructor(
    private readonly describe: Record<Code, { severity: 'error' | 'warning'; message: string }>,
  ) {}

  add(code: Code, line: number): void {
    const seen = this.byCode.get(code);
    if (!seen) this.byCode.set(code, { count: 1, lines: [line] });
    else {
      seen.count++;
      if (seen.lines.length < LINES_KEPT) seen.lines.push(line);
    }
  }

  /** Adds a problem already counted elsewhere (the decoder's Windows-1252 lines). */
  merge(code: Code, count: number, lines: number[]): void {
    if (count > 0) this.byCode.set(code, { count, lines: lines.slice(0, LINES_KEPT) });
  }

  count(code: Code): number {
    return this.byCode.get(code)?.count ?? 0;
  }

  list(): LineProblem<Code>[] {
    return [...this.byCode].map(([code, { count, lines }]) => ({
      code,
      severity: this.describe[code].severity,
      count,
      lines: [...lines],
      message: this.describe[code].message,
    }));
  }
}

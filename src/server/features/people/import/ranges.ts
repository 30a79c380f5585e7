import type { Engine } from '../../../core/db/index.ts';
import { nextTurn } from '../../../core/event-loop.ts';

/**
 * Sizes repeated work (slices of an import, ranges of its lines) for a time target: each next
 * size from the median of the last five durations (a machine busy with other work makes single
 * steps slow, whatever their size), at most doubling, within bounds.
 */
export class TimedSizer {
  private readonly recent: number[] = [];
  size: number;

  constructor(
    private readonly targetMs: number,
    private readonly bounds: { first: number; min: number; max: number },
  ) {
    this.size = bounds.first;
  }

  /** Records how long the last step of `size` took, and sizes the next. */
  took(ms: number): void {
    this.recent.push(ms);
    if (this.recent.length > 5) this.recent.shift();
    const median = [...this.recent].sort((a, b) => a - b)[Math.floor(this.recent.length / 2)];
    const fit = Math.min(2 * this.size, (this.size * this.targetMs) / Math.max(median, 1));
    this.size = Math.round(Math.min(this.bounds.max, Math.max(this.bounds.min, fit)));
  }
}

/**
 * How long the work over one range of lines may take on PGlite, which runs in the server's own
 * thread: while it runs, nothing else does (no request, no timer). PostgreSQL runs beside the
 * server: there one range is the whole file, planned as one set-based statement.
 */
const TARGET_MS = 20;
const SPANS = { first: 2_000, min: 200, max: 50_000 };

/**
 * Runs `work` over the lines (after, last] of a staged file: on PostgreSQL once for all of
 * them; on PGlite range after range, sized by time (TimedSizer), with a turn of the event loop
 * between so that the server answers meanwhile.
 */
export async function forEachRange(
  engine: Engine,
  last: number,
  work: (after: number, upTo: number) => Promise<void>,
): Promise<void> {
  if (engine === 'postgres') {
    if (last > 0) await work(0, last);
    return;
  }
  const sizer = new TimedSizer(TARGET_MS, SPANS);
  for (let after = 0; after < last;) {
    const upTo = Math.min(last, after + sizer.size);
    const started = performance.now();
    await work(after, upTo);
    sizer.took(performance.now() - started);
    after = upTo;
    await nextTurn();
  }
}

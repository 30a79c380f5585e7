import type { Engine } from '../../../core/db/index.ts';

/**
 * How long one statement over a range of lines may take, by engine. PGlite runs in the server's
 * own thread: while it runs, nothing else does (no request, no timer). PostgreSQL runs beside
 * the server: there one range is the whole file, planned as one set-based statement.
 */
const TARGET_MS = 20;
const FIRST_SPAN = 2_000;
const MIN_SPAN = 200;
const MAX_SPAN = 50_000;

const nextTurn = () => new Promise<void>((resolve) => setImmediate(resolve));

/**
 * Runs `work` over the lines (after, last] of a staged file: on PostgreSQL once for all of
 * them; on PGlite range after range, each sized from the time the last ones took (at most
 * doubling), with a turn of the event loop between so that the server answers meanwhile.
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
  let span = FIRST_SPAN;
  const recent: number[] = [];
  for (let after = 0; after < last;) {
    const upTo = Math.min(last, after + span);
    const started = performance.now();
    await work(after, upTo);
    after = upTo;
    recent.push(performance.now() - started);
    if (recent.length > 5) recent.shift();
    const median = [...recent].sort((a, b) => a - b)[Math.floor(recent.length / 2)];
    const fit = Math.min(2 * span, (span * TARGET_MS) / Math.max(median, 1));
    span = Math.round(Math.min(MAX_SPAN, Math.max(MIN_SPAN, fit)));
    await nextTurn();
  }
}

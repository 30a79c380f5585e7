/**
 * Lets the event loop answer what came in (requests, timers) before going on: long work in the
 * server's thread (an import, a statistics refresh on PGlite) awaits it between its steps.
 */
export const nextTurn = () => new Promise<void>((resolve) => setImmediate(resolve));

/**
 * Keeps background work to a share of the time, so that what people wait for (a sign-up, a
 * page) finds the database and the processor free part of the time: after each step, `rest()`
 * pauses in proportion to how long the step took. At a share of 1 it only yields a turn. The
 * share is asked at each rest (it may follow the load).
 */
export class Pacer {
  private since = performance.now();

  constructor(private readonly share: number | (() => number)) {}

  async rest(): Promise<void> {
    const share = typeof this.share === 'number' ? this.share : this.share();
    const pause = (performance.now() - this.since) * (1 / share - 1);
    if (pause >= 1) await new Promise((resolve) => setTimeout(resolve, pause));
    else await nextTurn();
    this.since = performance.now();
  }
}

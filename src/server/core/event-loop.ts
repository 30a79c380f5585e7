/**
 * Lets the event loop answer what came in (requests, timers) before going on: long work in the
 * server's thread (an import, a statistics refresh on PGlite) awaits it between its steps.
 */
export const nextTurn = () => new Promise<void>((resolve) => setImmediate(resolve));

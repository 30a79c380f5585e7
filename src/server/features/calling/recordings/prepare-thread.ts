/**
 * Checks and converts an upload on a worker thread. Converting a WAV file to 8 kHz takes
 * 0.2–0.9 s of CPU for the largest accepted files (measured on this machine: 118 s at 44.1 kHz,
 * 0.43 s; 108 s at 96 kHz, 0.9 s; checking them for silence 20–150 ms more): on the server's
 * thread that would stall every request, and PGlite's queries, for as long.
 *
 * The worker runs from the TypeScript sources through tsx (development, tests) or, in the
 * built server, from `recording-worker.js` beside the bundle. Without either, the work is
 * done on this thread (uploads still work, other requests wait), and the log says so once.
 * A worker is started per upload (uploads are rare): about 0.15 s more in the built server,
 * 0.4 s from sources, none of it on this thread.
 */
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { Worker } from 'node:worker_threads';
import type { FastifyBaseLogger } from 'fastify';
import {
  prepareUpload,
  unwrapOutcome,
  type PrepareOutcome,
  type PreparedUpload,
} from './prepare-upload.ts';
import type { PrepareJob } from './prepare-worker.ts';

/** The built worker's file name, beside the server's bundle (scripts/build-server.mjs). */
export const BUILT_WORKER = 'recording-worker.js';

/**
 * `import.meta.filename` is this source file when run from sources, and the bundle in the
 * built server (the build rewrites only `import.meta.url` to source locations).
 */
function workerScript(): string | null {
  const here = import.meta.dirname;
  const file = import.meta.filename.endsWith('.ts')
    ? join(here, 'prepare-worker-from-sources.mjs')
    : join(here, BUILT_WORKER);
  return existsSync(file) ? file : null;
}

let script: string | null | undefined;
let toldNoWorker = false;

/** The upload checked and converted for the carrier, or a RecordingError saying why not. */
export async function prepareOffThread(
  data: Buffer,
  fileName: string,
  log: Pick<FastifyBaseLogger, 'warn'>,
): Promise<PreparedUpload> {
  script ??= workerScript();
  if (!script) {
    if (!toldNoWorker) {
      toldNoWorker = true;
      log.warn(
        `${BUILT_WORKER} is missing beside the server's bundle: recordings are converted on the server's thread.`,
      );
    }
    return unwrapOutcome(await prepareUpload(data, fileName));
  }
  return unwrapOutcome(await runWorker(script, { data, fileName }));
}

function runWorker(script: string, job: PrepareJob): Promise<PrepareOutcome> {
  return new Promise((resolve, reject) => {
    const worker = new Worker(script, { workerData: job });
    let settled = false;
    worker.once('message', (outcome: PrepareOutcome) => {
      settled = true;
      if (outcome.ok) {
        // Transferred or cloned, the bytes arrive as a Uint8Array.
        const bytes = outcome.prepared.data as Uint8Array;
        outcome.prepared.data = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
      }
      resolve(outcome);
    });
    worker.once('error', (error) => {
      settled = true;
      reject(error);
    });
    worker.once('exit', (code) => {
      if (!settled) reject(new Error(`The recording worker stopped (exit code ${code}).`));
    });
  });
}

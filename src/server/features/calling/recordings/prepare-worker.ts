/**
 * The thread that checks and converts an uploaded recording (see prepare-thread.ts): it gets
 * the file in its workerData, posts back one PrepareOutcome, and ends.
 */
import { parentPort, workerData } from 'node:worker_threads';
import { prepareUpload } from './prepare-upload.ts';

export interface PrepareJob {
  data: Uint8Array;
  fileName: string;
}

const job = workerData as PrepareJob;
const data = Buffer.from(job.data.buffer, job.data.byteOffset, job.data.byteLength);
const outcome = await prepareUpload(data, job.fileName);
// The converted audio's memory moves to the parent rather than being copied.
const transfer =
  outcome.ok && outcome.prepared.data.byteLength === outcome.prepared.data.buffer.byteLength
    ? [outcome.prepared.data.buffer as ArrayBuffer]
    : [];
parentPort!.postMessage(outcome, transfer);

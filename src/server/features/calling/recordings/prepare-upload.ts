/**
 * An uploaded recording checked and converted in one step, with its outcome as plain data, so
 * that it can be computed on another thread and sent back (an error's class does not survive
 * the trip between threads; its code and message do).
 */
import { inspectRecording, RecordingError, type RecordingRefusalCode } from './check.ts';
import { prepareForCarrier, type CarrierRecording } from './convert.ts';

export interface PreparedUpload extends CarrierRecording {
  /** The uploaded file's format. */
  format: 'wav' | 'mp3';
}

export type PrepareOutcome =
  | { ok: true; prepared: PreparedUpload }
  | { ok: false; code: RecordingRefusalCode; message: string };

export async function prepareUpload(data: Buffer, fileName: string): Promise<PrepareOutcome> {
  try {
    const info = await inspectRecording(data, fileName);
    return { ok: true, prepared: { format: info.format, ...prepareForCarrier(data, info) } };
  } catch (error) {
    if (error instanceof RecordingError) {
      return { ok: false, code: error.code, message: error.message };
    }
    throw error;
  }
}

/** The prepared recording, or the refusal as the RecordingError it was. */
export function unwrapOutcome(outcome: PrepareOutcome): PreparedUpload {
  if (outcome.ok) return outcome.prepared;
  throw new RecordingError(outcome.code, outcome.message);
}

import { ApiError } from '../../core/api.ts';
import { errorText } from '../../core/errors.ts';
import type { MessageKey, Translate } from '../../core/i18n/index.tsx';

/** The calling API's own problem codes, in this feature's words. */
const problemKeys: Record<string, MessageKey> = {
  // The launch's checks (request-launch and approve).
  recording_required: 'calling.error.recording_required',
  opt_out_not_confirmed: 'calling.error.opt_out_not_confirmed',
  list_not_ready: 'calling.error.list_not_ready',
  list_not_accepted: 'calling.error.list_not_accepted',
  caller_id_required: 'calling.error.caller_id_required',
  caller_id_missing_for_territory: 'calling.error.caller_id_missing_for_territory',
  audience_empty: 'calling.error.audience_empty',
  broadcast_ended: 'calling.error.broadcast_ended',
  second_approval_required: 'calling.error.second_approval_required',
  // A broadcast changed meanwhile, or not in a state for this.
  broadcast_not_draft: 'calling.error.broadcast_not_draft',
  broadcast_not_awaiting: 'calling.error.broadcast_not_awaiting',
  broadcast_not_editable: 'calling.error.broadcast_not_editable',
  broadcast_state: 'calling.error.broadcast_state',
  // Recordings, caller IDs and lists.
  recording_in_use: 'calling.error.recording_in_use',
  caller_id_exists: 'calling.error.caller_id_exists',
  not_verified_range: 'calling.error.not_verified_range',
  list_in_use: 'calling.error.list_in_use',
  list_importing: 'calling.error.list_importing',
  file_required: 'calling.error.file_required',
};

/** Refusals of an uploaded recording, in words; French staff also get the server's sentence. */
const recordingKeys: Record<string, MessageKey> = {
  not_audio: 'calling.error.recording.not_audio',
  unsupported_audio: 'calling.error.recording.unsupported_audio',
  corrupt_audio: 'calling.error.recording.corrupt_audio',
  too_short: 'calling.error.recording.too_short',
  too_long: 'calling.error.recording.too_long',
  too_large: 'calling.error.recording.too_large',
  silent: 'calling.error.recording.silent',
};

/**
 * A failure in the visitor's language: the words given for a problem code of the API called
 * (broadcasts, banks, the caller's screen), the app's words for the others.
 */
export function keyedErrorText(
  keys: Readonly<Record<string, MessageKey>>,
  error: unknown,
  t: Translate,
): string {
  if (error instanceof ApiError) {
    const key = keys[error.code];
    if (key) return t(key);
  }
  return errorText(error, t);
}

/** A failure of the calling API in the visitor's language (the app's words when general). */
export const callingErrorText = (error: unknown, t: Translate): string =>
  keyedErrorText(problemKeys, error, t);

/**
 * Why a recording was refused (null when the failure is not about the file): in French the
 * server's sentence (it names the file and says what to send instead), in English this
 * feature's words for its code.
 */
export function recordingRefusalText(
  error: unknown,
  t: Translate,
  locale: 'fr' | 'en',
): string | null {
  if (!(error instanceof ApiError)) return null;
  const key =
    recordingKeys[error.code] ??
    (error.code === 'payload_too_large' ? recordingKeys.too_large : undefined);
  if (!key) return null;
  return locale === 'fr' && error.detail ? error.detail : t(key);
}

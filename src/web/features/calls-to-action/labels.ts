import type { CallActionKind } from '../../../contracts/calls-to-action.ts';
import type { MessageKey, Translate } from '../../core/i18n/index.tsx';
import { errorText } from '../../core/errors.ts';
import { ApiError } from '../../core/api.ts';

export const kindKeys: Record<CallActionKind, MessageKey> = {
  turf: 'callsToAction.kind.turf',
  door_session: 'callsToAction.kind.door_session',
  shift: 'callsToAction.kind.shift',
  event: 'callsToAction.kind.event',
};

const codeKeys: Record<string, MessageKey> = {
  no_recipients: 'callsToAction.error.no_recipients',
  pre_election_silence: 'callsToAction.error.pre_election_silence',
  action_not_found: 'callsToAction.error.action_not_found',
};

/** A refusal of a send or a preview, in words (the feature's own codes first). */
export function callErrorText(error: unknown, t: Translate): string {
  if (error instanceof ApiError && codeKeys[error.code]) return t(codeKeys[error.code]!);
  return errorText(error, t);
}

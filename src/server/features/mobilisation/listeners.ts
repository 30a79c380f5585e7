import type { AppContext } from '../../core/context.ts';
import { turfsChangedListeners } from '../field/planning/turfs-changed.ts';
import { refreshActions } from './sources.ts';

/**
 * A turf cut, deleted, given to volunteers or taken from them reaches the feeds at once: its
 * row in the copy is written again, or dropped when the turf is gone or has volunteers. The
 * turf write is done; a refresh that fails waits for the periodic copy, and fails nothing.
 */
export async function onTurfsChanged(ctx: AppContext, turfIds: readonly number[]) {
  try {
    await refreshActions(
      ctx,
      turfIds.map((id) => ({ kind: 'turf' as const, id })),
    );
  } catch (error) {
    ctx.log.error({ err: error, turfIds }, 'could not refresh the actions of changed turfs');
  }
}

/** Mobilisation listens to the features whose writes open or close actions. Idempotent. */
export function registerMobilisationListeners() {
  turfsChangedListeners.add(onTurfsChanged);
}

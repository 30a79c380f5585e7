import type { AppContext } from '../../../core/context.ts';

/** Told the ids of turfs that appeared, disappeared or changed, once the write committed. */
export type TurfsChangedListener = (ctx: AppContext, turfIds: readonly number[]) => Promise<void>;

/**
 * Called after every committed write that makes a turf appear (cut, split), disappear (cut
 * again, merged, its area deleted) or change its volunteers, committee, dates or doors: other
 * features listen (mobilisation's copy of open actions) without field naming them.
 */
export const turfsChangedListeners = new Set<TurfsChangedListener>();

/**
 * Tells the listeners, one after the other. The write is done: a listener that fails is
 * logged, and neither stops the others nor fails the write.
 */
export async function tellTurfsChanged(ctx: AppContext, turfIds: readonly number[]) {
  const ids = [...new Set(turfIds)];
  if (ids.length === 0) return;
  for (const listener of turfsChangedListeners) {
    try {
      await listener(ctx, ids);
    } catch (error) {
      ctx.log.error({ err: error, turfIds: ids }, 'a listener of turf changes failed');
    }
  }
}

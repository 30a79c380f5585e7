import type { AppContext } from '../../core/context.ts';

/**
 * A confirmation token cannot be guessed; the limit only stops one address from making the
 * server hash and look up tokens without end. The page and the API share one budget.
 */
export function confirmRateLimit(ctx: AppContext) {
  return {
    max: ctx.config.CONFIRM_RATE_LIMIT,
    timeWindow: ctx.config.RATE_LIMIT_WINDOW_SECONDS * 1000,
    groupId: 'confirm',
  };
}

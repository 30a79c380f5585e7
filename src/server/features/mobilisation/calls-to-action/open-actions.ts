import type { CallActionKind, CallActionRef } from '../../../../contracts/calls-to-action.ts';
import type { AppContext } from '../../../core/context.ts';
import { AppError } from '../../../core/http/errors.ts';
import { listOpenActions, openAction, refreshActionsIfStale, type OpenAction } from '../actions.ts';
import { nearestCommune } from './reach.ts';

/** The kinds a call offers: the open actions that have a place. */
const CALL_KINDS: readonly CallActionKind[] = ['turf', 'door_session', 'shift', 'event'];

/** An action as a call names it. */
export interface CallAction {
  kind: CallActionKind;
  id: number;
  title: string;
}

/** An open action a call may offer, with what it lacks. */
export interface CallNeed extends CallAction {
  communeCode: string | null;
  startsAt: string | null;
  /** People still needed: a turf nobody holds, 1; else its places left (at least 1). */
  missing: number;
  /** A phone-bank shift's hours unfilled: places left × its length. */
  missingHours: number;
}

/** How many of the open actions the needs list reads at most. */
const NEEDS_LIMIT = 2_000;

export const actionKey = (action: { kind: string; id: number }) => `${action.kind}:${action.id}`;

const isCallKind = (kind: string): kind is CallActionKind =>
  (CALL_KINDS as readonly string[]).includes(kind);

function needOf(action: OpenAction & { kind: CallActionKind }): CallNeed {
  const missing = action.kind === 'turf' ? 1 : Math.max(1, action.placesLeft ?? 1);
  const hours =
    action.startsAt && action.endsAt
      ? Math.max(0, (Date.parse(action.endsAt) - Date.parse(action.startsAt)) / 3_600_000)
      : 0;
  return {
    kind: action.kind,
    id: action.id,
    title: action.title,
    // A turf has a place but no commune: the nearest commune's centre names its area.
    communeCode:
      action.communeCode ??
      (action.lat !== null && action.lng !== null ? nearestCommune(action.lat, action.lng) : null),
    startsAt: action.startsAt,
    missing,
    missingHours: action.kind === 'shift' ? missing * hours : 0,
  };
}

/**
 * Mobilisation's open actions that any supporter may take (not a committee's members' own):
 * those a call to action can offer, neediest first. Copied again from their owners first when
 * the last whole copy is more than 30 seconds old (the periodic copy runs every five minutes):
 * HQ sees the turf it cut half a minute ago.
 */
export async function openActionsForCalls(ctx: AppContext): Promise<CallNeed[]> {
  await refreshActionsIfStale(ctx);
  const actions = await listOpenActions(ctx, { kinds: CALL_KINDS, limit: NEEDS_LIMIT });
  return actions.flatMap((action) =>
    action.committeeId === null && isCallKind(action.kind)
      ? [needOf({ ...action, kind: action.kind })]
      : [],
  );
}

/** The actions a call is about to offer, in order; 404 `action_not_found` for one not open. */
export async function describeActions(
  ctx: AppContext,
  refs: readonly CallActionRef[],
): Promise<CallAction[]> {
  const found = await Promise.all(refs.map((ref) => openAction(ctx, ref)));
  return refs.map((ref, index) => {
    const action = found[index];
    if (!action || action.committeeId !== null) {
      throw new AppError(
        404,
        'action_not_found',
        `The action ${actionKey(ref)} is not open to every supporter.`,
      );
    }
    return { kind: ref.kind, id: ref.id, title: action.title };
  });
}

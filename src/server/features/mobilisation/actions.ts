/**
 * The open actions a supporter can take, and taking one. A stable seam: HQ's calls to action
 * (`calls-to-action/`) and the "Act near me" feed (`feed.ts`) build on these exports.
 *
 * - `ActionKind`, `ActionRef` ({ kind, id }): an action is one of the owning features' things,
 *   named by kind and the owner's id: `turf` (field_turfs id), `door_session`, `shift` and
 *   `event` (events id), `share_kit` (content item id). `formatActionRef` / `parseActionRef`
 *   write and read it as one string (`turf:12`), for links and forms.
 * - `OpenAction`: an action as `mobilisation_actions` holds it: title, place (lat/lng,
 *   commune, label), the committee whose members alone may take it, need (0–1), doors or
 *   places left, dates, the day kind and part it starts in, its page.
 * - `openAction(ctx, ref)`: one open action, or null (taken, full, over, gone).
 * - `listOpenActions(ctx, { kinds?, near?: { lat, lng, km }, communeCodes?, limit? })`: open
 *   actions, neediest first (`near`: within that many kilometres, by the GiST index, nearest
 *   first then), e.g. "turfs without volunteers around this commune".
 * - `refreshActions(ctx, refs?)`: copies the open actions from their owning features into
 *   `mobilisation_actions` (all of them: the periodic job; or only `refs`: after a change);
 *   `refreshActionsIfStale(ctx)`: all of them unless a whole copy is less than 30 s old.
 * - `takeAction(ctx, personId, ref)`: signs the person up, through the owning feature
 *   (volunteer on a turf, RSVP "going" to a session, shift or event; a share kit asks nothing):
 *   `signed_up`, `already` (idempotent: nothing changed) or `waitlist`. Refused: an action
 *   that does not exist or is closed (404 `not_found`), one of a committee the person is not a
 *   member of (403 `members_only`).
 */
import type { ActionKind, ActionRef, TakeActionResult } from '../../../contracts/mobilisation.ts';
import { actionKinds } from '../../../contracts/mobilisation.ts';
import type { AppContext } from '../../core/context.ts';
import { AppError, notFound } from '../../core/http/errors.ts';
import { committeesMemberOf } from '../committees/member-of.ts';
import { answersAmong } from '../events/open-events.ts';
import { answerEvent } from '../events/rsvp.ts';
import {
  turfForVolunteering,
  turfsOfVolunteer,
  volunteerForTurf,
} from '../field/volunteer-turfs.ts';
import { listActions, readAction, type OpenAction } from './store.ts';
import { refreshActions } from './sources.ts';

export type { ActionKind, ActionRef, TakeActionResult } from '../../../contracts/mobilisation.ts';
export type { OpenAction } from './store.ts';
export { refreshActions, refreshActionsIfStale } from './sources.ts';

/** `turf:12`. */
export const formatActionRef = (ref: ActionRef) => `${ref.kind}:${ref.id}`;

/** `turf:12` → { kind: 'turf', id: 12 }; null when it names no action. */
export function parseActionRef(text: string): ActionRef | null {
  const match = /^([a-z_]+):([1-9][0-9]{0,15})$/.exec(text);
  if (!match || !(actionKinds as readonly string[]).includes(match[1]!)) return null;
  const id = Number(match[2]);
  return Number.isSafeInteger(id) ? { kind: match[1] as ActionKind, id } : null;
}

/** One open action, or null. */
export const openAction = (ctx: AppContext, ref: ActionRef): Promise<OpenAction | null> =>
  readAction(ctx, ref);

/** Open actions, neediest first, or nearest first within `near`. */
export const listOpenActions = (
  ctx: AppContext,
  filter: {
    kinds?: readonly ActionKind[];
    near?: { lat: number; lng: number; km: number };
    communeCodes?: readonly string[];
    limit?: number;
  } = {},
): Promise<OpenAction[]> => listActions(ctx, filter);

const eventKinds: ReadonlySet<ActionKind> = new Set(['door_session', 'shift', 'event']);

/** Whether the person has already taken these actions (volunteer of the turf, answered). */
export async function takenAmong(
  ctx: AppContext,
  personId: number,
  refs: readonly ActionRef[],
): Promise<Set<string>> {
  const turfIds = refs.filter((ref) => ref.kind === 'turf').map((ref) => ref.id);
  const eventIds = refs.filter((ref) => eventKinds.has(ref.kind)).map((ref) => ref.id);
  const [turfs, answers] = await Promise.all([
    turfsOfVolunteer(ctx, personId, turfIds),
    answersAmong(ctx, personId, eventIds),
  ]);
  const taken = new Set<string>();
  for (const id of turfs) taken.add(formatActionRef({ kind: 'turf', id }));
  for (const ref of refs) {
    const status = eventKinds.has(ref.kind) ? answers.get(ref.id) : undefined;
    if (status === 'going' || status === 'waitlist') taken.add(formatActionRef(ref));
  }
  return taken;
}

const membersOnly = () =>
  new AppError(403, 'members_only', "This action is for the committee's members.");

/**
 * Signs the person up for the action through its owning feature; idempotent. The action must
 * be open (in the feed's table) unless the person already took it.
 */
export async function takeAction(
  ctx: AppContext,
  personId: number,
  ref: ActionRef,
): Promise<TakeActionResult> {
  const action = await readAction(ctx, ref);
  const taken = await takenAmong(ctx, personId, [ref]);
  if (taken.has(formatActionRef(ref))) {
    return { kind: ref.kind, id: ref.id, status: 'already', url: action?.url ?? null };
  }
  if (!action) throw notFound('action');
  if (action.committeeId !== null) {
    const mine = await committeesMemberOf(ctx, personId);
    if (!mine.includes(action.committeeId)) throw membersOnly();
  }
  let status: TakeActionResult['status'] = 'signed_up';
  if (ref.kind === 'turf') {
    const turf = await turfForVolunteering(ctx, ref.id);
    if (turf.committeeId !== action.committeeId) throw notFound('action');
    status = (await volunteerForTurf(ctx, ref.id, personId)) ? 'signed_up' : 'already';
  } else if (eventKinds.has(ref.kind)) {
    const answer = await answerEvent(ctx, ref.id, personId, 0, 'member');
    status = answer.status === 'waitlist' ? 'waitlist' : 'signed_up';
  }
  // Its need changed (a turf now has a volunteer, a shift a place fewer): read it again.
  if (ref.kind !== 'share_kit') await refreshActions(ctx, [ref]);
  return { kind: ref.kind, id: ref.id, status, url: action.url };
}

import type { ModerationTargetKind } from '../../contracts/moderation.ts';
import { committeeModeration } from './committees/moderation.ts';
import {
  committeeCommentModeration,
  committeePostModeration,
} from './committees/board-moderation.ts';
import { eventModeration } from './events/moderation.ts';
import { contentCommentModeration } from './comments/moderation.ts';
import type { ModerationTargetKindDefinition } from './moderation/target.ts';

/**
 * The kinds of content people can report, each from the feature that owns it. A function,
 * read when used: those features import moderation (to refuse a suspended author) while
 * moderation reads this list.
 */
export const moderationTargets = (): ReadonlyMap<
  ModerationTargetKind,
  ModerationTargetKindDefinition
> =>
  new Map([
    [committeeModeration.kind, committeeModeration],
    [eventModeration.kind, eventModeration],
    [committeePostModeration.kind, committeePostModeration],
    [committeeCommentModeration.kind, committeeCommentModeration],
    [contentCommentModeration.kind, contentCommentModeration],
  ]);

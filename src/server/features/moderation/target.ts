import type { ModerationTarget, ModerationTargetKind } from '../../../contracts/moderation.ts';
import type { AppContext } from '../../core/context.ts';
import type { Query } from '../../core/db/index.ts';

/** The state a decision puts a target in. */
export type TargetChange = 'unpublish' | 'close' | 'restore';

/**
 * A kind of content people can report, registered by the feature that owns it
 * (features/moderation-targets.ts): how to describe it, whom to tell, how to hide it.
 */
export interface ModerationTargetKindDefinition {
  kind: ModerationTargetKind;
  /** The targets of these ids (absent ones left out), whatever their state. */
  describe(ctx: AppContext, ids: number[]): Promise<Map<number, ModerationTarget>>;
  /** Whether the public can see it now (only what is visible can be reported). */
  isVisible(ctx: AppContext, id: number): Promise<boolean>;
  /** The people told of a decision: its organisers, its author. */
  concerned(ctx: AppContext, id: number): Promise<number[]>;
  change(query: Query, campaignId: number, id: number, change: TargetChange): Promise<void>;
  /** Hides everything this person wrote (a ban): the count hidden. */
  hideAllBy(query: Query, campaignId: number, personId: number): Promise<number>;
}

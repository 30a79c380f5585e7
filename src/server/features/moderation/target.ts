import type { ModerationTarget, ModerationTargetKind } from '../../../contracts/moderation.ts';
import { displayName, profilesOf } from '../people/directory.ts';
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
  /**
   * Whether this person (null: a visitor) can see it now: only what one sees can be reported
   * (what is public, or a committee's board for its members).
   */
  isVisible(ctx: AppContext, id: number, viewerId: number | null): Promise<boolean>;
  /** The people told of a decision: its organisers, its author. */
  concerned(ctx: AppContext, id: number): Promise<number[]>;
  change(query: Query, campaignId: number, id: number, change: TargetChange): Promise<void>;
  /** Hides everything this person wrote (a ban): the count hidden. */
  hideAllBy(query: Query, campaignId: number, personId: number): Promise<number>;
}

/** A target's row as its feature reads it: title, state and the person who created it. */
export interface TargetRow {
  id: number | string;
  title: string;
  status: string;
  created_by: number | string | null;
}

/** Targets from their rows, with their authors' names (one query for all of them). */
export async function describeRows(
  ctx: AppContext,
  kind: ModerationTargetKind,
  rows: readonly TargetRow[],
  urlOf: (id: number) => string,
): Promise<Map<number, ModerationTarget>> {
  const authorOf = (row: TargetRow) => (row.created_by === null ? null : Number(row.created_by));
  const authors = await profilesOf(
    ctx,
    rows.flatMap((row) => authorOf(row) ?? []),
  );
  return new Map(
    rows.map((row): [number, ModerationTarget] => {
      const authorId = authorOf(row);
      return [
        Number(row.id),
        {
          kind,
          id: Number(row.id),
          title: row.title,
          url: urlOf(Number(row.id)),
          status: row.status,
          authorId,
          authorName: authorId === null ? null : displayName(authors.get(authorId)),
        },
      ];
    }),
  );
}

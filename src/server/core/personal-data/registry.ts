import type { ZodType } from 'zod';
import type { AppContext } from '../context.ts';
import type { Query } from '../db/index.ts';

/** What a merge of two people does with the merged person's rows in a column holding their id. */
export type MergeRule =
  /** Point them at the kept person (rows that would then collide with the kept person's are dropped). */
  | 'move'
  /** Delete them (the merged person's sessions: they log in again as the kept person). */
  | 'delete'
  /** Leave them: a record of the past that nobody edits (the audit log's actors). */
  | 'keep';

/** The person being erased or purged, as erasure needs them before their row is blanked. */
export interface PersonToForget {
  id: number;
  emailNormalized: string | null;
  phone: string | null;
}

/** What erasure (and the purge of people who never confirmed) does with a table's rows. */
export type Erasure =
  /** Delete the rows whose column holds the person's id. */
  | { deleteWhere: string }
  /** Anything else (blank some columns, match by address…), in the erasure's transaction. */
  | {
      run: (
        query: Query,
        campaignId: number,
        people: PersonToForget[],
        /** A purge removes the person entirely: nothing need stay to say they existed. */
        reason: 'erasure' | 'purge',
      ) => Promise<void>;
    }
  /** Keep the rows, and say why (a legal obligation, or rows that hold no personal data). */
  | { keep: string }
  /** The person's own row: the people feature blanks it (erasure) or deletes it (purge). */
  | { subject: true };

/** A table holding data about people, as the feature that owns it declares it. */
export interface PersonalTable {
  table: string;
  /** What the rows are about a person, in a sentence. */
  holds: string;
  /** Every column holding a person's id, with what a merge does with it. */
  personColumns: Record<string, MergeRule>;
  /**
   * Id columns that hold no person's id though their name could (`target_id`: a committee or
   * an event), with what they hold: merges leave them alone instead of refusing.
   */
  otherIds?: Record<string, string>;
  erase: Erasure;
}

/** A part of the file a person downloads ("download my data"), under its key. */
export interface DataFileSection<T = unknown> {
  key: string;
  schema: ZodType<T>;
  read(ctx: AppContext, personId: number): Promise<T>;
}

/** A retention rule: personal data past its keeping delay, deleted daily per campaign. */
export interface RetentionPurge {
  name: string;
  /** Deletes what is past its delay; answers how many rows (or people) went. */
  run(ctx: AppContext): Promise<number | Record<string, number>>;
}

/** What one feature holds about people, and how each of the person's rights reaches it. */
export interface PersonalData {
  feature: string;
  tables: PersonalTable[];
  dataFile?: DataFileSection[];
  purges?: RetentionPurge[];
}

/** Column names that hold a person's id by the project's conventions. */
export const personColumn = (column: string) =>
  column === 'person_id' ||
  column.endsWith('_person_id') ||
  column === 'actor_id' ||
  column === 'author_id' ||
  column.endsWith('_by');

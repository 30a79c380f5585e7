import type { SQL } from 'drizzle-orm';
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
        /** How many rows it deleted or blanked, when it counts them (the purge report). */
      ) => Promise<void | number>;
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

/** The legal bases of GDPR art. 6(1), (a) to (f). */
export type LegalBasis =
  | 'consent'
  | 'contract'
  | 'legal_obligation'
  | 'vital_interests'
  | 'public_task'
  | 'legitimate_interests';

/** An activity's texts in one language, a short sentence each, as a controller writes them. */
export interface ProcessingTexts {
  /** The activity's name, the record's heading for it ("Donations and campaign account"). */
  name: string;
  purpose: string;
  /** Categories of people concerned (supporters, donors, staff…). */
  people: string;
  /** Categories of personal data. */
  data: string;
  /** Who receives the data, inside the campaign and outside (processors, authorities). */
  recipients: string;
  /** How long it is kept, or what decides it. */
  retention: string;
}

/**
 * What the feature's processing is, for the record of processing activities (GDPR art. 30):
 * in English, and in French under `fr`, the record's default language (a French campaign's
 * data-protection officer hands it to the CNIL).
 */
export interface ProcessingDetails extends ProcessingTexts {
  legalBasis: LegalBasis[];
  fr: ProcessingTexts;
}

/** What one feature holds about people, and how each of the person's rights reaches it. */
export interface PersonalData {
  feature: string;
  tables: PersonalTable[];
  dataFile?: DataFileSection[];
  purges?: RetentionPurge[];
  /** The feature's processing, for the record of processing activities (art. 30). */
  processing?: ProcessingDetails;
  /**
   * What keeps a person the retention purge of election prospects would otherwise remove (a
   * consent, an account, a donation…): see features/privacy/retention.ts.
   */
  keepsProspect?: ProspectKeeper[];
}

/** A reason to keep a person met only as an election prospect. */
export interface ProspectKeeper {
  /** A stable name (`consent`, `account`…): the retention page's label for it. */
  key: string;
  /** Why, in a few words (the purge's documentation lists them). */
  reason: string;
  /** True for the person whose id is `person` (SQL), in the campaign. */
  holds: (campaignId: number, person: SQL) => SQL;
}

/** Column names that hold a person's id by the project's conventions. */
export const personColumn = (column: string) =>
  column === 'person_id' ||
  column.endsWith('_person_id') ||
  column === 'actor_id' ||
  column === 'author_id' ||
  column.endsWith('_by');

import type { AppContext } from '../context.ts';

/** Who asked for a change to an operation (kept in the audit log by the kind). */
export interface OperationActor {
  personId: number;
  ip: string;
}

/** What the operations list can do with one kind of operation beyond showing it. */
export interface OperationKind {
  kind: string;
  /**
   * Asks the work to stop, where that makes sense (an import undoes what it applied). The
   * kind's own rows move; its operation follows them.
   */
  cancel?(ctx: AppContext, subjectId: number, actor: OperationActor): Promise<void>;
}

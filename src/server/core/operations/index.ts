export {
  listOperations,
  startOperation,
  updateOperation,
  type NewOperation,
  type OperationChange,
  type OperationRow,
  type OperationStatus,
} from './service.ts';
export type { OperationActor, OperationKind } from './kind.ts';

import type { OperationKind } from '../../core/operations/index.ts';
import { importOperation } from '../people/import/operation-kind.ts';

/** Every kind of operation a feature can cancel (or act on otherwise) from the operations list. */
export const operationKinds: readonly OperationKind[] = [importOperation];

export const operationKind = (kind: string) => operationKinds.find((k) => k.kind === kind);

import type { FastifyPluginAsync } from 'fastify';
import { operationsApi } from '../../../contracts/operations-api.ts';
import type { OperationList } from '../../../contracts/operations.ts';
import type { AppContext } from '../../core/context.ts';
import { currentAuth } from '../../core/http/access.ts';
import { serve } from '../../core/http/contract.ts';
import { conflict, notFound } from '../../core/http/errors.ts';
import { listOperations } from '../../core/operations/index.ts';
import { personNames } from '../people/directory.ts';
import { operationKind } from './kinds.ts';

/** The list shows this many, newest first. */
const LISTED = 50;

const iso = (at: Date | null) => (at ? new Date(at).toISOString() : null);

const underWay = (status: string) => status === 'queued' || status === 'running';

export async function latestOperations(ctx: AppContext, id?: number): Promise<OperationList> {
  const rows = await listOperations(ctx.database, ctx.campaignId, LISTED, id);
  const names = await personNames(
    ctx,
    rows.flatMap((r) => (r.startedBy === null ? [] : [r.startedBy])),
  );
  return {
    items: rows.map((r) => ({
      id: r.id,
      kind: r.kind,
      subjectId: r.subjectId,
      label: r.label,
      status: r.status,
      done: r.done,
      total: r.total,
      startedByName: r.startedBy === null ? null : (names.get(r.startedBy) ?? null),
      createdAt: iso(r.createdAt)!,
      startedAt: iso(r.startedAt),
      endedAt: iso(r.endedAt),
      cancelRequested: r.cancelRequestedAt !== null,
      cancellable:
        underWay(r.status) && r.cancelRequestedAt === null && !!operationKind(r.kind)?.cancel,
    })),
  };
}

export const operationsRoutes =
  (ctx: AppContext): FastifyPluginAsync =>
  async (app) => {
    serve(app, operationsApi.list, () => latestOperations(ctx));

    serve(app, operationsApi.cancel, async (request) => {
      const [operation] = (await latestOperations(ctx, request.params.id)).items;
      if (!operation) throw notFound('operation');
      const kind = operationKind(operation.kind);
      if (!kind?.cancel || operation.subjectId === null || !underWay(operation.status)) {
        throw conflict(
          'operation_not_cancellable',
          'This operation cannot be cancelled: it has ended, or work of its kind cannot be stopped.',
        );
      }
      await kind.cancel(ctx, operation.subjectId, {
        personId: currentAuth(request).personId,
        ip: request.ip,
      });
      return (await latestOperations(ctx, operation.id)).items[0];
    });
  };

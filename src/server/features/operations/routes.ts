import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { operationListSchema, type OperationList } from '../../../contracts/operations.ts';
import type { AppContext } from '../../core/context.ts';
import { listOperations } from '../../core/operations/index.ts';
import { personNames } from '../people/names.ts';

/** The list shows this many, newest first. */
const LISTED = 50;

const iso = (at: Date | null) => (at ? new Date(at).toISOString() : null);

export async function latestOperations(ctx: AppContext): Promise<OperationList> {
  const rows = await listOperations(ctx.database, ctx.campaignId, LISTED);
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
    })),
  };
}

export const operationsRoutes =
  (ctx: AppContext): FastifyPluginAsyncZod =>
  async (app) => {
    app.get(
      '/api/operations',
      {
        // Imports are the only operations so far: whoever may import sees them.
        config: { access: { permission: 'people.import' } },
        schema: {
          summary: 'Long work under way or done lately (imports), newest first, with progress',
          tags: ['operations'],
          response: { 200: operationListSchema },
        },
      },
      async () => latestOperations(ctx),
    );
  };

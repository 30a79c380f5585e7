import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { idParamSchema } from '../../../contracts/common.ts';
import { audienceInputSchema, audienceSnapshotSchema } from '../../../contracts/audiences.ts';
import type { AppContext } from '../../core/context.ts';
import { currentAuth } from '../../core/http/access.ts';
import { audienceSnapshot, createAudienceSnapshot } from './service.ts';

export const audienceRoutes =
  (ctx: AppContext): FastifyPluginAsyncZod =>
  async (app) => {
    app.post(
      '/api/audiences',
      {
        config: { access: { permission: 'segments.write' } },
        schema: {
          summary: 'Freeze who matches a filter or a segment now (an audience snapshot)',
          tags: ['segments'],
          body: audienceInputSchema,
          response: { 201: audienceSnapshotSchema },
        },
      },
      async (request, reply) => {
        const snapshot = await createAudienceSnapshot(
          ctx,
          request.body,
          currentAuth(request).personId,
        );
        return reply.status(201).send(snapshot);
      },
    );

    app.get(
      '/api/audiences/:id',
      {
        config: { access: { permission: 'people.read' } },
        schema: {
          summary: 'An audience snapshot: how many people, its filter, when and by whom',
          tags: ['segments'],
          params: idParamSchema,
          response: { 200: audienceSnapshotSchema },
        },
      },
      async (request) => audienceSnapshot(ctx, request.params.id),
    );
  };

import type { FastifyPluginAsync } from 'fastify';
import { peopleApi } from '../../../contracts/people-api.ts';
import type { AppContext } from '../../core/context.ts';
import { currentAuth } from '../../core/http/access.ts';
import { serve } from '../../core/http/contract.ts';
import { listPeople, personDetail, segmentsWithCounts } from './queries.ts';
import { createSegment, deleteSegment, listSegments, updateSegment } from './segments.ts';
import { bulkTag, listTags } from './tags.ts';

export const peopleRoutes =
  (ctx: AppContext): FastifyPluginAsync =>
  async (app) => {
    serve(app, peopleApi.list, (request) => listPeople(ctx, request.query));

    serve(app, peopleApi.get, (request) => personDetail(ctx, request.params.id));

    serve(app, peopleApi.bulkTag, async (request) => {
      const { personIds, filter, add, remove } = request.body;
      return {
        matched: await bulkTag(
          ctx,
          { personIds, filter },
          add,
          remove,
          currentAuth(request).personId,
          request.ip,
        ),
      };
    });

    serve(app, peopleApi.tags, () => listTags(ctx));

    serve(app, peopleApi.segments, async () => segmentsWithCounts(ctx, await listSegments(ctx)));

    serve(app, peopleApi.createSegment, (request) =>
      createSegment(ctx, request.body.name, request.body.filter, currentAuth(request).personId),
    );

    serve(app, peopleApi.updateSegment, (request) =>
      updateSegment(
        ctx,
        request.params.id,
        request.body.name,
        request.body.filter,
        currentAuth(request).personId,
      ),
    );

    serve(app, peopleApi.deleteSegment, async (request) => {
      await deleteSegment(ctx, request.params.id, currentAuth(request).personId);
      return undefined;
    });
  };

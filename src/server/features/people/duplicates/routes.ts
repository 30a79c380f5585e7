import type { FastifyPluginAsync } from 'fastify';
import { duplicatesApi } from '../../../../contracts/duplicates-api.ts';
import type { AppContext } from '../../../core/context.ts';
import { currentAuth } from '../../../core/http/access.ts';
import { serve } from '../../../core/http/contract.ts';
import { notFound } from '../../../core/http/errors.ts';
import { requestDuplicateSearch } from './find.ts';
import { mergedInto, mergePeople } from './merge.ts';
import { dismissPair, listDuplicates, mergePreview } from './review.ts';

export const duplicatesRoutes =
  (ctx: AppContext): FastifyPluginAsync =>
  async (app) => {
    serve(app, duplicatesApi.list, (request) =>
      listDuplicates(ctx, request.query.page, request.query.pageSize),
    );

    serve(app, duplicatesApi.search, async () => {
      await requestDuplicateSearch(ctx);
      return { ok: true as const };
    });

    serve(app, duplicatesApi.preview, (request) =>
      mergePreview(ctx, request.params.first, request.params.second),
    );

    serve(app, duplicatesApi.dismiss, async (request) => {
      await dismissPair(
        ctx,
        request.body.firstId,
        request.body.secondId,
        currentAuth(request).personId,
      );
      return { ok: true as const };
    });

    serve(app, duplicatesApi.merge, (request) =>
      mergePeople(ctx, request.body, currentAuth(request).personId),
    );

    serve(app, duplicatesApi.mergedInto, async (request) => {
      const keptId = await mergedInto(ctx, request.params.id);
      if (keptId === null) throw notFound('merged person');
      return { keptId };
    });
  };

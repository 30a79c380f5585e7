import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { idParamSchema, okSchema } from '../../../../contracts/common.ts';
import {
  dismissInputSchema,
  duplicateListQuerySchema,
  duplicateListSchema,
  mergedIntoSchema,
  mergeInputSchema,
  mergePreviewSchema,
  mergeResultSchema,
  pairParamsSchema,
} from '../../../../contracts/duplicates.ts';
import type { AppContext } from '../../../core/context.ts';
import { currentAuth } from '../../../core/http/access.ts';
import { notFound } from '../../../core/http/errors.ts';
import { requestDuplicateSearch } from './find.ts';
import { mergedInto, mergePeople } from './merge.ts';
import { dismissPair, listDuplicates, mergePreview } from './review.ts';
import { routeProblems } from '../../../core/http/openapi.ts';

export const duplicatesRoutes =
  (ctx: AppContext): FastifyPluginAsyncZod =>
  async (app) => {
    const merge = { access: { permission: 'people.merge' } } as const;
    const tags = ['duplicates'];

    app.get(
      '/api/people/duplicates',
      {
        config: merge,
        schema: {
          tags,
          summary: 'Likely duplicates found by the last search, with why each pair matches',
          querystring: duplicateListQuerySchema,
          response: { 200: duplicateListSchema },
        },
      },
      async (request) => listDuplicates(ctx, request.query.page, request.query.pageSize),
    );

    app.post(
      '/api/people/duplicates/search',
      {
        config: merge,
        schema: {
          tags,
          summary: 'Search the people again for likely duplicates (a job)',
          response: { 200: okSchema },
        },
      },
      async () => {
        await requestDuplicateSearch(ctx);
        return { ok: true as const };
      },
    );

    app.get(
      '/api/people/duplicates/:first/:second',
      {
        config: merge,
        schema: {
          tags,
          summary: 'Two people side by side, before a merge',
          params: pairParamsSchema,
          response: { 200: mergePreviewSchema },
        },
      },
      async (request) => mergePreview(ctx, request.params.first, request.params.second),
    );

    app.post(
      '/api/people/duplicates/dismiss',
      {
        config: merge,
        schema: {
          tags,
          summary: 'Mark two people as different: the search never proposes them again',
          body: dismissInputSchema,
          response: { 200: okSchema },
        },
      },
      async (request) => {
        await dismissPair(
          ctx,
          request.body.firstId,
          request.body.secondId,
          currentAuth(request).personId,
        );
        return { ok: true as const };
      },
    );

    app.post(
      '/api/people/merge',
      {
        config: merge,
        schema: {
          ...routeProblems({
            409: '`merge_conflict` (one of the two changed since the comparison was read), `merge_account_roles` (the person merged away holds access the kept one lacks) or `merge_unclassified_reference`.',
          }),
          tags,
          summary:
            'Merge one person into another, keeping every consent, tag, timeline entry and referral',
          body: mergeInputSchema,
          response: { 200: mergeResultSchema },
        },
      },
      async (request) => mergePeople(ctx, request.body, currentAuth(request).personId),
    );

    app.get(
      '/api/people/merged/:id',
      {
        config: { access: { permission: 'people.read' } },
        schema: {
          tags,
          summary: 'Where a person merged into another now is (old links)',
          params: idParamSchema,
          response: { 200: mergedIntoSchema },
        },
      },
      async (request) => {
        const keptId = await mergedInto(ctx, request.params.id);
        if (keptId === null) throw notFound('merged person');
        return { keptId };
      },
    );
  };

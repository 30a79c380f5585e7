import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { idParamSchema } from '../../../contracts/common.ts';
import {
  bulkTagResultSchema,
  bulkTagSchema,
  peoplePageSchema,
  peopleQuerySchema,
  personDetailSchema,
  segmentInputSchema,
  segmentSchema,
  tagSchema,
} from '../../../contracts/people.ts';
import type { AppContext } from '../../core/context.ts';
import { currentAuth } from '../../core/http/access.ts';
import { listPeople, personDetail, segmentsWithCounts } from './queries.ts';
import { createSegment, deleteSegment, listSegments, updateSegment } from './segments.ts';
import { bulkTag, listTags } from './tags.ts';

export const peopleRoutes =
  (ctx: AppContext): FastifyPluginAsyncZod =>
  async (app) => {
    const read = { access: { permission: 'people.read' } } as const;
    const write = { access: { permission: 'people.write' } } as const;
    const segmentsWrite = { access: { permission: 'segments.write' } } as const;

    app.get(
      '/api/people',
      {
        config: read,
        schema: {
          summary: 'List and search people, filtered and paged',
          tags: ['people'],
          querystring: peopleQuerySchema,
          response: { 200: peoplePageSchema },
        },
      },
      async (request) => listPeople(ctx, request.query),
    );

    app.get(
      '/api/people/:id',
      {
        config: read,
        schema: {
          summary: "A person's record: profile, consents, recruitment, timeline",
          tags: ['people'],
          params: idParamSchema,
          response: { 200: personDetailSchema },
        },
      },
      async (request) => personDetail(ctx, request.params.id),
    );

    app.post(
      '/api/people/tags/bulk',
      {
        config: write,
        schema: {
          summary: "Add or remove tags on chosen people or on a filter's matches",
          tags: ['people'],
          body: bulkTagSchema,
          response: { 200: bulkTagResultSchema },
        },
      },
      async (request) => {
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
      },
    );

    app.get(
      '/api/tags',
      {
        config: read,
        schema: {
          summary: 'Every tag, with how many people carry it',
          tags: ['people'],
          response: { 200: z.array(tagSchema) },
        },
      },
      async () => listTags(ctx),
    );

    app.get(
      '/api/segments',
      {
        config: read,
        schema: {
          summary: 'Saved segments, each with its count of people',
          tags: ['segments'],
          response: { 200: z.array(segmentSchema) },
        },
      },
      async () => segmentsWithCounts(ctx, await listSegments(ctx)),
    );

    app.post(
      '/api/segments',
      {
        config: segmentsWrite,
        schema: {
          summary: 'Save a filter as a segment',
          tags: ['segments'],
          body: segmentInputSchema,
          response: { 200: segmentSchema },
        },
      },
      async (request) =>
        createSegment(ctx, request.body.name, request.body.filter, currentAuth(request).personId),
    );

    app.put(
      '/api/segments/:id',
      {
        config: segmentsWrite,
        schema: {
          summary: 'Rename a segment or change its filter',
          tags: ['segments'],
          params: idParamSchema,
          body: segmentInputSchema,
          response: { 200: segmentSchema },
        },
      },
      async (request) =>
        updateSegment(
          ctx,
          request.params.id,
          request.body.name,
          request.body.filter,
          currentAuth(request).personId,
        ),
    );

    app.delete(
      '/api/segments/:id',
      {
        config: segmentsWrite,
        schema: {
          summary: 'Delete a segment (the people stay)',
          tags: ['segments'],
          params: idParamSchema,
          response: { 204: z.undefined().describe('The segment is deleted.') },
        },
      },
      async (request, reply) => {
        await deleteSegment(ctx, request.params.id, currentAuth(request).personId);
        return reply.status(204).send();
      },
    );
  };

import { z } from 'zod';
import { idParamSchema } from './common.ts';
import {
  bulkTagResultSchema,
  bulkTagSchema,
  peoplePageSchema,
  peopleQuerySchema,
  personDetailSchema,
  segmentInputSchema,
  segmentSchema,
  tagSchema,
} from './people.ts';
import { defineRoute } from './route.ts';

const read = { permission: 'people.read' } as const;
const segmentsWrite = { permission: 'segments.write' } as const;

/** The people list, a person's record, tags and saved segments. */
export const peopleApi = {
  list: defineRoute({
    method: 'GET',
    path: '/api/people',
    summary: 'List and search people, filtered and paged',
    tags: ['people'],
    access: read,
    query: peopleQuerySchema,
    response: { 200: peoplePageSchema },
  }),
  get: defineRoute({
    method: 'GET',
    path: '/api/people/:id',
    summary: "A person's record: profile, consents, recruitment, timeline",
    tags: ['people'],
    access: read,
    params: idParamSchema,
    response: { 200: personDetailSchema },
  }),
  bulkTag: defineRoute({
    method: 'POST',
    path: '/api/people/tags/bulk',
    summary: "Add or remove tags on chosen people or on a filter's matches",
    tags: ['people'],
    access: { permission: 'people.write' },
    body: bulkTagSchema,
    response: { 200: bulkTagResultSchema },
  }),
  tags: defineRoute({
    method: 'GET',
    path: '/api/tags',
    summary: 'Every tag, with how many people carry it',
    tags: ['people'],
    access: read,
    response: { 200: z.array(tagSchema) },
  }),
  segments: defineRoute({
    method: 'GET',
    path: '/api/segments',
    summary: 'Saved segments, each with its count of people',
    tags: ['segments'],
    access: read,
    response: { 200: z.array(segmentSchema) },
  }),
  createSegment: defineRoute({
    method: 'POST',
    path: '/api/segments',
    summary: 'Save a filter as a segment',
    tags: ['segments'],
    access: segmentsWrite,
    body: segmentInputSchema,
    response: { 200: segmentSchema },
  }),
  updateSegment: defineRoute({
    method: 'PUT',
    path: '/api/segments/:id',
    summary: 'Rename a segment or change its filter',
    tags: ['segments'],
    access: segmentsWrite,
    params: idParamSchema,
    body: segmentInputSchema,
    response: { 200: segmentSchema },
  }),
  deleteSegment: defineRoute({
    method: 'DELETE',
    path: '/api/segments/:id',
    summary: 'Delete a segment (the people stay)',
    tags: ['segments'],
    access: segmentsWrite,
    params: idParamSchema,
    response: { 204: z.undefined().describe('The segment is deleted.') },
  }),
};

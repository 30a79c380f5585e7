import { audienceInputSchema, audienceSnapshotSchema } from './audiences.ts';
import { idParamSchema } from './common.ts';
import { defineRoute } from './route.ts';

export const audiencesApi = {
  create: defineRoute({
    method: 'POST',
    path: '/api/audiences',
    summary: 'Freeze who matches a filter or a segment now (an audience snapshot)',
    tags: ['segments'],
    access: { permission: 'segments.write' },
    body: audienceInputSchema,
    response: { 201: audienceSnapshotSchema },
  }),
  get: defineRoute({
    method: 'GET',
    path: '/api/audiences/:id',
    summary: 'An audience snapshot: how many people, its filter, when and by whom',
    tags: ['segments'],
    access: { permission: 'people.read' },
    params: idParamSchema,
    response: { 200: audienceSnapshotSchema },
  }),
};

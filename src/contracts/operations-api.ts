import { idParamSchema } from './common.ts';
import { operationListSchema, operationSchema } from './operations.ts';
import { defineRoute } from './route.ts';

const tags = ['operations'] as const;
// Imports are the only operations so far: whoever may import sees them.
const access = { permission: 'people.import' } as const;

/** Long work under way or done lately, and stopping it. */
export const operationsApi = {
  list: defineRoute({
    method: 'GET',
    path: '/api/operations',
    summary: 'Long work under way or done lately (imports), newest first, with progress',
    tags,
    access,
    response: { 200: operationListSchema },
  }),
  cancel: defineRoute({
    method: 'POST',
    path: '/api/operations/:id/cancel',
    summary:
      'Ask an operation under way to stop (an import undoes what it applied); answers the operation',
    tags,
    access,
    params: idParamSchema,
    problems: {
      409: '`operation_not_cancellable`: this kind of operation cannot be cancelled, or it has ended.',
    },
    response: { 200: operationSchema },
  }),
};

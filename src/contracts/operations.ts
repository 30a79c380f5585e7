import { z } from 'zod';

export const operationStatusSchema = z.enum([
  'queued',
  'running',
  'succeeded',
  'failed',
  'cancelled',
]);

/** Long work someone started (an import now; sends, broadcasts, purges later). */
export const operationSchema = z.object({
  id: z.number(),
  /** What kind of work ('people.import'). */
  kind: z.string(),
  /** The kind's own record (the import's id). */
  subjectId: z.number().nullable(),
  /** What a person reads (an import's file name). */
  label: z.string(),
  status: operationStatusSchema,
  /** Progress: `done` of `total` (null while unknown); an import counts in thousandths. */
  done: z.number(),
  total: z.number().nullable(),
  startedByName: z.string().nullable(),
  createdAt: z.string(),
  startedAt: z.string().nullable(),
  endedAt: z.string().nullable(),
  cancelRequested: z.boolean(),
  /** Under way, no cancel asked yet, and of a kind that can stop. */
  cancellable: z.boolean(),
});
export type Operation = z.infer<typeof operationSchema>;

/** The latest operations, newest first. */
export const operationListSchema = z.object({ items: z.array(operationSchema) });
export type OperationList = z.infer<typeof operationListSchema>;

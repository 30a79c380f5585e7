import { z } from 'zod';
import { peopleFilterSchema } from './audience-filters.ts';

/** What to freeze: the people matching a filter, or those of a saved segment (not both). */
export const audienceInputSchema = z
  .object({
    filter: peopleFilterSchema.optional(),
    segmentId: z.number().int().positive().optional(),
  })
  .strict()
  .refine((input) => (input.filter === undefined) !== (input.segmentId === undefined), {
    message: 'Give either a filter or a segment id, not both.',
    path: ['filter'],
  });
export type AudienceInput = z.infer<typeof audienceInputSchema>;

/** An audience snapshot: who matched, frozen when it was taken. */
export const audienceSnapshotSchema = z.object({
  id: z.number(),
  /** How many people it holds. */
  count: z.number(),
  /** The filter as given (a segment id when a segment was given). */
  filter: peopleFilterSchema,
  /** The segment's own filter as it was then, when the filter names a segment. */
  segmentFilter: peopleFilterSchema.nullable(),
  createdAt: z.string(),
  /** The staff member who took it. */
  createdBy: z.number().nullable(),
});
export type AudienceSnapshot = z.infer<typeof audienceSnapshotSchema>;

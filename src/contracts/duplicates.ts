import { z } from 'zod';
import { consentsSchema, pageOf } from './common.ts';
import { personSummarySchema } from './people.ts';

/** Why two people look like one: same E.164 phone, same folded name in one commune, close emails. */
export const duplicateReasonSchema = z.enum(['phone', 'name_commune', 'email']);
export type DuplicateReason = z.infer<typeof duplicateReasonSchema>;

/** One side of a pair, as the review list and the comparison show it. */
export const duplicatePersonSchema = personSummarySchema.pick({
  id: true,
  firstName: true,
  lastName: true,
  email: true,
  phone: true,
  postalCode: true,
  communeName: true,
  source: true,
  createdAt: true,
});

export const duplicatePairSchema = z.object({
  first: duplicatePersonSchema,
  second: duplicatePersonSchema,
  reasons: z.array(duplicateReasonSchema),
});
export type DuplicatePair = z.infer<typeof duplicatePairSchema>;

export const duplicateListSchema = pageOf(duplicatePairSchema).extend({
  /** When the last search ended (null: never run); `searching` while one is queued or running. */
  foundAt: z.string().nullable(),
  searching: z.boolean(),
});

export const duplicateListQuerySchema = z.object({
  page: z.coerce.number().int().min(1).max(10_000).default(1),
  pageSize: z.coerce.number().int().min(1).max(100).default(20),
});

export const pairParamsSchema = z.object({
  first: z.coerce.number().int().positive(),
  second: z.coerce.number().int().positive(),
});

/** The person record fields whose winner staff choose (an address moves as a whole). */
export const mergeFieldSchema = z.enum([
  'email',
  'firstName',
  'lastName',
  'phone',
  'address',
  'locale',
]);
export type MergeField = z.infer<typeof mergeFieldSchema>;
const sideSchema = z.enum(['kept', 'merged']);

/** Everything the comparison needs: both records in full, their versions, their tags and accounts. */
export const mergeSideSchema = duplicatePersonSchema.extend({
  communeCode: z.string().nullable(),
  locale: z.string(),
  address: z.string().nullable(),
  consents: consentsSchema,
  confirmed: z.boolean(),
  tags: z.array(z.string()),
  hasAccount: z.boolean(),
  customFields: z.record(z.string(), z.union([z.string(), z.number(), z.null()])),
  /** Sent back with the merge: it is refused if the person changed meanwhile. */
  version: z.string(),
});
export const mergePreviewSchema = z.object({
  first: mergeSideSchema,
  second: mergeSideSchema,
  reasons: z.array(duplicateReasonSchema),
  dismissed: z.boolean(),
});
export type MergePreview = z.infer<typeof mergePreviewSchema>;

export const mergeInputSchema = z
  .object({
    keptId: z.number().int().positive(),
    mergedId: z.number().int().positive(),
    /** Absent fields keep the kept person's value (or the other's where the kept one has none). */
    choose: z.partialRecord(mergeFieldSchema, sideSchema).default({}),
    /** Custom field key → whose value wins. */
    customFields: z.record(z.string().max(40), sideSchema).default({}),
    versions: z.object({ kept: z.string().max(40), merged: z.string().max(40) }),
  })
  .refine((b) => b.keptId !== b.mergedId, { message: 'same_person', path: ['mergedId'] });
export type MergeInput = z.infer<typeof mergeInputSchema>;

export const mergeResultSchema = z.object({
  keptId: z.number(),
  /** Rows pointed at the kept person, by table. */
  moved: z.record(z.string(), z.number()),
});

export const dismissInputSchema = z.object({
  firstId: z.number().int().positive(),
  secondId: z.number().int().positive(),
});

/** Where an id merged away now lives. */
export const mergedIntoSchema = z.object({ keptId: z.number() });

import { z } from 'zod';
import { idParamSchema, okSchema } from './common.ts';
import { territorySchema } from './compliance.ts';
import { defineRoute } from './route.ts';

export const callListStatusSchema = z.enum(['queued', 'running', 'succeeded', 'failed']);
export type CallListStatus = z.infer<typeof callListStatusSchema>;

/** mobile | geographic | voip | special (special numbers are skipped: always 0). */
export const numberClassSchema = z.enum(['mobile', 'geographic', 'voip', 'special']);

const countsBy = <K extends string>(keys: readonly K[]) =>
  z.object(
    Object.fromEntries(keys.map((key) => [key, z.number().int()])) as Record<K, z.ZodNumber>,
  );

/** A line problem counted over the file, with its first line numbers (the header is line 1). */
export const callListProblemSchema = z.object({
  code: z.string(),
  /** 'error': the lines were skipped; 'warning': their numbers were kept. */
  severity: z.enum(['error', 'warning']),
  count: z.number().int(),
  lines: z.array(z.number().int()),
  /** What it is and what was done, in French, for the staff. */
  message: z.string(),
});

/** What the reader of a list said of it. */
export const callListReportSchema = z.object({
  encoding: z.string(),
  delimiter: z.string(),
  columns: z.object({
    names: z.array(z.string()),
    ignored: z.array(z.string()),
    missingOptional: z.array(z.string()),
  }),
  /** Data rows read, skipped ones included. */
  rows: z.number().int(),
  /** Numbers kept. */
  kept: z.number().int(),
  skipped: z.number().int(),
  /** Rows skipped because their number came earlier in the file (within `skipped`). */
  duplicates: z.number().int(),
  byClass: countsBy(numberClassSchema.options),
  /** By compliance territory; `foreign` for other countries' numbers. */
  byTerritory: countsBy([...territorySchema.options, 'foreign'] as const),
  /** Numbers kept without an agreed slot: automated calls leave them out. */
  withoutSlot: z.number().int(),
  problems: z.array(callListProblemSchema),
  /** Sentences in French about the file as a whole. */
  warnings: z.array(z.string()),
});
export type CallListReport = z.infer<typeof callListReportSchema>;

/** An imported list of numbers to call, with the consent evidence of each. */
export const callListSchema = z.object({
  id: z.number().int(),
  name: z.string(),
  fileName: z.string(),
  size: z.number().int(),
  status: callListStatusSchema,
  /** Numbers stored, once the import succeeded. */
  numberCount: z.number().int().nullable(),
  /** Once read (a list refused before its first number has none). */
  report: callListReportSchema.nullable(),
  /** Why the import failed: a stable code and a French sentence. */
  error: z.object({ code: z.string(), message: z.string() }).nullable(),
  createdAt: z.iso.datetime({ offset: true }),
  finishedAt: z.iso.datetime({ offset: true }).nullable(),
  /** Rows left out as invalid (not a number, no consent…; repeated numbers are not counted). */
  invalidRows: z.number().int(),
  /**
   * When staff accepted the list despite its invalid rows: until then no broadcast calling it
   * can be launched. Null while not accepted (or when there is nothing to accept).
   */
  acceptedAt: z.iso.datetime({ offset: true }).nullable(),
});
export type CallList = z.infer<typeof callListSchema>;

export const callListListSchema = z.object({ items: z.array(callListSchema) });

/** The text fields of the upload, sent before the file. */
export const callListFieldsSchema = z.object({
  name: z.string().trim().min(1, 'required').max(120, 'too_long'),
});

const manage = { permission: 'calling.manage' } as const;
const tags = ['calling'] as const;

/** Lists of numbers to call, imported from a file with each person's consent. */
export const callListsApi = {
  start: defineRoute({
    method: 'POST',
    path: '/api/calling/lists',
    summary: 'Import a list of numbers to call, with the evidence of each person’s consent',
    tags,
    access: manage,
    upload: {
      file: 'A CSV file with a header line and at least the columns `téléphone`, `date_consentement` and `source` (`créneau` for the agreed days and hours; UTF-8 or Windows-1252). Read in the background; the answer is the queued list.',
      fields: {
        name: {
          description: 'The list’s name as staff will see it; sent before the file.',
          schema: z.string().max(120),
        },
      },
    },
    problems: {
      413: '`payload_too_large`: the file is over IMPORT_LIMIT_BYTES.',
    },
    response: { 202: callListSchema },
  }),
  list: defineRoute({
    method: 'GET',
    path: '/api/calling/lists',
    summary: 'The imported lists of numbers, newest first',
    tags,
    access: manage,
    response: { 200: callListListSchema },
  }),
  get: defineRoute({
    method: 'GET',
    path: '/api/calling/lists/:id',
    summary: 'One list of numbers: its import’s status and report',
    tags,
    access: manage,
    params: idParamSchema,
    response: { 200: callListSchema },
  }),
  accept: defineRoute({
    method: 'POST',
    path: '/api/calling/lists/:id/accept',
    summary:
      'Accept a list some rows of which were left out as invalid, after reading its report (audited)',
    tags,
    access: manage,
    params: idParamSchema,
    problems: {
      404: '`not_found`: no such list.',
      409: '`list_not_ready`: its import has not succeeded.',
    },
    response: { 200: callListSchema },
  }),
  delete: defineRoute({
    method: 'DELETE',
    path: '/api/calling/lists/:id',
    summary: 'Delete a list of numbers and its numbers',
    tags,
    access: manage,
    params: idParamSchema,
    problems: {
      409: '`list_in_use`: a broadcast not completed or canceled calls this list; `list_importing`: its import is under way.',
    },
    response: { 200: okSchema },
  }),
};

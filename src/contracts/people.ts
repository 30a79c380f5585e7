import { z } from 'zod';
import { consentsSchema, pageOf } from './common.ts';
import { peopleFilterSchema } from './audience-filters.ts';
import { TAG_NAME_MAX } from './people-filters.ts';

export { TAG_NAME_MAX } from './people-filters.ts';
export { peopleFilterSchema, type PeopleFilter } from './audience-filters.ts';
const tagName = z.string().trim().min(1).max(TAG_NAME_MAX);

/**
 * `excel` (the default, what the HQ button downloads): semicolons, French headers and values,
 * as French Excel opens them. `csv`: commas and snake_case headers, stable for scripts.
 */
const exportFormatSchema = z.enum(['excel', 'csv']);
export type ExportFormat = z.infer<typeof exportFormatSchema>;
export const peopleExportQuerySchema = peopleFilterSchema.extend({
  format: exportFormatSchema.default('excel'),
});

export const peopleQuerySchema = peopleFilterSchema.extend({
  page: z.coerce.number().int().min(1).max(100_000).default(1),
  pageSize: z.coerce.number().int().min(1).max(200).default(50),
  sort: z.enum(['created_desc', 'created_asc', 'name_asc']).default('created_desc'),
});
export type PeopleQuery = z.infer<typeof peopleQuerySchema>;

export const personSummarySchema = z.object({
  id: z.number(),
  firstName: z.string().nullable(),
  lastName: z.string().nullable(),
  email: z.string().nullable(),
  phone: z.string().nullable(),
  postalCode: z.string().nullable(),
  communeName: z.string().nullable(),
  departementCode: z.string().nullable(),
  source: z.string(),
  confirmed: z.boolean(),
  consents: consentsSchema,
  tags: z.array(z.string()),
  createdAt: z.string(),
});
export type PersonSummary = z.infer<typeof personSummarySchema>;

export const peoplePageSchema = z.object({
  items: z.array(personSummarySchema),
  total: z.number(),
  /** True when total is not an exact count (large lists): see totalIsLowerBound. */
  totalIsEstimate: z.boolean(),
  /** True when more than total match (counting stopped there); otherwise an estimate is approximate. */
  totalIsLowerBound: z.boolean(),
  page: z.number(),
  pageSize: z.number(),
});

export const timelineEntrySchema = z.object({
  id: z.number(),
  kind: z.string(),
  data: z.record(z.string(), z.unknown()),
  actorName: z.string().nullable(),
  at: z.string(),
});

export const personDetailSchema = personSummarySchema.extend({
  addressStreet: z.string().nullable(),
  addressComplement: z.string().nullable(),
  communeCode: z.string().nullable(),
  locale: z.string(),
  recruitCode: z.string(),
  recruitedBy: z.object({ id: z.number(), name: z.string() }).nullable(),
  recruitedCount: z.number(),
  utmSource: z.string().nullable(),
  utmMedium: z.string().nullable(),
  utmCampaign: z.string().nullable(),
  referrerUrl: z.string().nullable(),
  confirmedAt: z.string().nullable(),
  timeline: z.array(timelineEntrySchema),
});
export type PersonDetail = z.infer<typeof personDetailSchema>;

export const bulkTagSchema = z.object({
  /** Either explicit ids or every person matching a filter. */
  personIds: z.array(z.number().int().positive()).max(10_000).optional(),
  filter: peopleFilterSchema.optional(),
  add: z.array(tagName).max(20).default([]),
  remove: z.array(tagName).max(20).default([]),
});
export const bulkTagResultSchema = z.object({ matched: z.number() });

export const SEGMENT_NAME_MAX = 120;
export const segmentInputSchema = z.object({
  name: z.string().trim().min(1, 'required').max(SEGMENT_NAME_MAX, 'too_long'),
  filter: peopleFilterSchema,
});
export const segmentSchema = z.object({
  id: z.number(),
  name: z.string(),
  filter: peopleFilterSchema,
  count: z.number().nullable(),
  /** True when count is a lower bound or an estimate (broad segments of large lists). */
  countIsEstimate: z.boolean().optional(),
  createdAt: z.string(),
});
export type Segment = z.infer<typeof segmentSchema>;

export const tagSchema = z.object({ id: z.number(), name: z.string(), count: z.number() });

/** CSV import: the fields a column can map to. */
export const importFieldSchema = z.enum([
  'email',
  'firstName',
  'lastName',
  'phone',
  'postalCode',
  'communeCode',
  'addressStreet',
  'addressComplement',
  'tags',
  'consentEmail',
  'consentSms',
  'consentPhone',
]);
export type ImportField = z.infer<typeof importFieldSchema>;

/** A custom field a column maps to: `custom:<key>`. */
export const CUSTOM_PREFIX = 'custom:';
const customTarget = z.templateLiteral([CUSTOM_PREFIX, z.string().regex(/^[a-z][a-z0-9_]{0,39}$/)]);
/** What a column maps to: a field of the person, or a custom field. */
export const importTargetSchema = z.union([importFieldSchema, customTarget]);
export type ImportTarget = z.infer<typeof importTargetSchema>;
/** At most this many mapped columns (the person's fields and custom fields together). */
export const MAX_MAPPED_COLUMNS = 100;

export const importOptionsSchema = z.object({
  /** CSV column header → field. Unmapped columns are ignored; a field takes one column at most. */
  mapping: z
    .record(z.string(), importTargetSchema)
    .refine((m) => Object.keys(m).length <= MAX_MAPPED_COLUMNS, 'too_many'),
  /** Tags added to every imported person. */
  tags: z.array(tagName).max(20).default([]),
  /** Apply the valid rows even when some rows are invalid (errors downloadable). */
  applyValidRows: z.boolean().default(false),
  consentWordingVersion: z.string().trim().min(1).max(60).default('import'),
});
export type ImportOptions = z.infer<typeof importOptionsSchema>;

export const importRowErrorSchema = z.object({
  line: z.number(),
  field: z.string().nullable(),
  code: z.string(),
  message: z.string(),
  /** 'warning' (e.g. duplicate_in_file) does not make the row invalid; absent means 'error'. */
  severity: z.enum(['error', 'warning']).optional(),
});

export const importReportSchema = z.object({
  id: z.number().nullable(),
  /**
   * 'undoing': a failed or cancelled import whose applied slices are being undone; it ends
   * 'failed' or 'cancelled'.
   */
  status: z.enum([
    'preview',
    'queued',
    'running',
    'undoing',
    'applied',
    'rejected',
    'failed',
    'cancelled',
  ]),
  fileName: z.string(),
  headers: z.array(z.string()),
  /** Suggested or chosen mapping. */
  mapping: z.record(z.string(), importTargetSchema),
  totalRows: z.number(),
  validRows: z.number(),
  invalidRows: z.number(),
  /** Of the valid rows, how many match an existing person (by email, then phone). */
  wouldMerge: z.number().nullable(),
  createdCount: z.number(),
  mergedCount: z.number(),
  errors: z.array(importRowErrorSchema),
  sample: z.array(z.record(z.string(), z.string())),
  problem: z.string().nullable(),
  /** 0–1 while queued or running; 1 once done. */
  progress: z.number().optional(),
  /** How the file was read: windows-1252 when it was not valid UTF-8 (Excel's French CSV). */
  encoding: z.enum(['utf-8', 'windows-1252', 'utf-16le', 'utf-16be']).optional(),
  delimiter: z.enum([',', ';', '\t']).optional(),
  /** Errors and warnings in all; `errors` lists the first 1,000 (all are in errors.csv). */
  errorCount: z.number().optional(),
  /** Of errorCount, the warnings (rows imported all the same); the rest are errors. */
  warningCount: z.number().optional(),
  /** A cancel was asked for; a running import stops at its next slice and undoes itself. */
  cancelRequested: z.boolean().optional(),
  /**
   * After an undo (failed or cancelled): people the import created that were kept, someone
   * having made them theirs since (a sign-up, an edit, a tag…).
   */
  keptCount: z.number().optional(),
  /** Rows merged into an earlier line of the same file (same email, or same phone). */
  duplicateRows: z.number().optional(),
  /**
   * When the sample and row errors (raw values from the file) were deleted, once the import
   * was IMPORT_DETAILS_RETENTION_DAYS old; the counts stay.
   */
  detailsPurgedAt: z.string().nullable().optional(),
});
export type ImportReport = z.infer<typeof importReportSchema>;

/** One past import, for the history list. */
export const importSummarySchema = z.object({
  id: z.number(),
  status: z.string(),
  fileName: z.string(),
  totalRows: z.number(),
  createdCount: z.number(),
  mergedCount: z.number(),
  invalidRows: z.number(),
  createdAt: z.string(),
  finishedAt: z.string().nullable(),
  createdByName: z.string().nullable(),
  /** Its row errors were deleted with its other raw values (see detailsPurgedAt). */
  detailsPurged: z.boolean(),
});
export type ImportSummary = z.infer<typeof importSummarySchema>;
export const importListSchema = pageOf(importSummarySchema);

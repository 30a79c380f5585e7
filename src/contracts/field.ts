import { z } from 'zod';

/** The files the field feature reads. */
export const fieldImportKindSchema = z.enum(['results', 'reu', 'addresses', 'electoral_list']);
export type FieldImportKind = z.infer<typeof fieldImportKindSchema>;

export const fieldImportStatusSchema = z.enum(['queued', 'running', 'succeeded', 'failed']);

/** An import of a field file and what its reader said (counts, problems, warnings). */
export const fieldImportSchema = z.object({
  id: z.number().int(),
  kind: fieldImportKindSchema,
  fileName: z.string(),
  size: z.number().int(),
  status: fieldImportStatusSchema,
  label: z.string().nullable(),
  /** For an electoral list: the election after which its electors are deleted. */
  electionId: z.number().int().nullable(),
  /** Counts by name (rows read, stored, skipped by reason, linked by REU id…). */
  counts: z.record(z.string(), z.number()),
  /** Problems by code, with a few of their line numbers. */
  problems: z.array(
    z.object({
      code: z.string(),
      count: z.number().int(),
      lines: z.array(z.number().int()),
      message: z.string(),
    }),
  ),
  warnings: z.array(z.string()),
  error: z.object({ code: z.string(), message: z.string() }).nullable(),
  createdAt: z.iso.datetime({ offset: true }),
  finishedAt: z.iso.datetime({ offset: true }).nullable(),
});
export type FieldImport = z.infer<typeof fieldImportSchema>;

export const fieldImportListSchema = z.object({ items: z.array(fieldImportSchema) });

export const fieldImportFieldsSchema = z.object({
  kind: fieldImportKindSchema,
  /** The election's name, for a results file ("Présidentielle 2022, 1er tour"). */
  label: z.string().trim().min(3, 'too_short').max(120, 'too_long').optional(),
  /** For an electoral list: the campaign's election (compliance) it serves. */
  electionId: z.coerce.number().int().positive().optional(),
});

/** An election of the campaign (compliance) an electoral list serves, and when its data goes. */
export const electoralListElectionsSchema = z.object({
  items: z.array(
    z.object({
      id: z.number().int(),
      name: z.string(),
      /** Its last round (YYYY-MM-DD); the list's electors are deleted the day after. */
      lastRound: z.string().nullable(),
      /** Electors of lists imported for it, still kept. */
      electors: z.number().int(),
    }),
  ),
});

/** A candidate (or list) of an imported election, with its national total in the file. */
export const electionCandidateSchema = z.object({
  panel: z.number().int(),
  lastName: z.string(),
  firstName: z.string().nullable(),
  nuance: z.string().nullable(),
  list: z.string().nullable(),
  votes: z.number().int(),
});

export const electionSchema = z.object({
  id: z.number().int(),
  label: z.string(),
  layout: z.string(),
  stations: z.number().int(),
  candidates: z.array(electionCandidateSchema),
  /** The nuances found, with their votes, most voted first. */
  nuances: z.array(z.object({ nuance: z.string(), votes: z.number().int() })),
  createdAt: z.iso.datetime({ offset: true }),
});
export type Election = z.infer<typeof electionSchema>;
export const electionListSchema = z.object({ items: z.array(electionSchema) });

/** Whose score counts: one candidate (by panel number) or every candidate of a nuance. */
export const targetChoiceSchema = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('candidate'), panel: z.number().int().min(0).max(1000) }),
  z.object({ kind: z.literal('nuance'), nuance: z.string().trim().min(1).max(20) }),
]);
export type TargetChoice = z.infer<typeof targetChoiceSchema>;

export const targetingSchema = z.object({
  electionId: z.number().int().positive().nullable(),
  choice: z.union([targetChoiceSchema, z.null()]),
  formula: z.string().max(300, 'too_long'),
});
export type Targeting = z.infer<typeof targetingSchema>;

export const stationsQuerySchema = z.object({
  /** A département code ('33', '2A', '971'), or… */
  departement: z
    .string()
    .regex(/^(\d{2,3}|2[AB])$/, 'invalid')
    .optional(),
  /** …a commune's INSEE code. */
  commune: z
    .string()
    .regex(/^(\d{5}|2[AB]\d{3})$/, 'invalid')
    .optional(),
  limit: z.coerce.number().int().min(1).max(20_000).default(5_000),
});

export const stationPrioritySchema = z.object({
  id: z.string(),
  communeCode: z.string(),
  communeName: z.string(),
  registered: z.number().int(),
  voters: z.number().int(),
  abstentions: z.number().int(),
  expressed: z.number().int(),
  votes: z.number().int(),
  abstention: z.number(),
  score: z.number(),
  priority: z.number(),
  /** 1 for the highest priority of the list, down to 0. */
  relative: z.number(),
  rank: z.number().int(),
  lat: z.number().nullable(),
  lng: z.number().nullable(),
  /** Where the point comes from: the station's electors (REU), its addresses, its commune. */
  placedBy: z.enum(['reu', 'addresses', 'commune']).nullable(),
  doors: z.number().int(),
});
export type StationPriority = z.infer<typeof stationPrioritySchema>;

export const stationPriorityListSchema = z.object({
  targeting: targetingSchema,
  items: z.array(stationPrioritySchema),
  /** More stations matched than `limit`: the list holds the highest priorities. */
  truncated: z.boolean(),
});

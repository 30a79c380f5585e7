import { z } from 'zod';
import { visitAnswersSchema } from './field-answers.ts';
import { questionnaireVersionSchema } from './field-questionnaires.ts';
import { lonLatSchema, turfSchema, visitOutcomeSchema, walkListSchema } from './field-turfs.ts';

/** Visits a phone sends at once (the outbox sends in batches of this many at most). */
export const SYNC_BATCH_MAX = 100;

/**
 * One visit as the canvassing app records it. `id` is made on the phone (a UUID), so a visit
 * sent twice (a retry, a connection cut mid-request) is stored once.
 */
export const visitInputSchema = z.object({
  id: z.uuid({ message: 'invalid' }),
  turfId: z.number().int().positive(),
  addressId: z.number().int().positive(),
  outcome: visitOutcomeSchema,
  /** `leaflet`: a drop without a conversation (leaflet-drop mode). */
  mode: z.enum(['door', 'leaflet']),
  building: z.string().trim().max(60, 'too_long').optional(),
  floor: z.string().trim().max(20, 'too_long').optional(),
  door: z.string().trim().max(20, 'too_long').optional(),
  notes: z.string().trim().max(2_000, 'too_long').optional(),
  // A date the database can hold and a phone can mean (year 0000 parses, PostgreSQL refuses it).
  visitedAt: z.iso
    .datetime({ offset: true, message: 'invalid_date' })
    .refine((value) => Date.parse(value) >= Date.UTC(2000, 0, 1), { message: 'invalid_date' }),
  questionnaire: visitAnswersSchema.optional(),
});
export type VisitInput = z.input<typeof visitInputSchema>;

export const visitSyncSchema = z.object({
  visits: z.array(z.unknown()).min(1, 'required').max(SYNC_BATCH_MAX, 'too_many'),
});

/**
 * Per visit: `stored` now, `duplicate` (stored before: the phone may forget it), or `rejected`
 * with a code (the phone keeps it, shows why, and does not resend it as it is).
 */
export const visitSyncResultSchema = z.object({
  results: z.array(
    z.object({
      id: z.string(),
      status: z.enum(['stored', 'duplicate', 'rejected']),
      code: z.string().optional(),
      message: z.string().optional(),
    }),
  ),
});
export type VisitSyncResult = z.infer<typeof visitSyncResultSchema>;

/** Everything the app needs to canvass a turf without network. */
export const canvassPackSchema = walkListSchema.extend({
  questionnaire: questionnaireVersionSchema.nullable(),
  /** Pre-election silences of the turf's territory: no session may start inside one (L49). */
  silences: z.array(
    z.object({ from: z.iso.datetime({ offset: true }), until: z.iso.datetime({ offset: true }) }),
  ),
  /** Streets as lines through their addresses in walk order, [longitude, latitude]. */
  streets: z.array(z.object({ name: z.string(), line: z.array(lonLatSchema) })),
  packedAt: z.iso.datetime({ offset: true }),
});
export type CanvassPack = z.infer<typeof canvassPackSchema>;

export const myTurfsSchema = z.object({
  items: z.array(turfSchema.extend({ why: z.enum(['volunteer', 'committee', 'event', 'staff']) })),
});

/** A questionnaire as the list and the builder show it, with its current version. */
export const questionnaireSchema = z.object({
  id: z.number().int(),
  name: z.string(),
  archived: z.boolean(),
  current: questionnaireVersionSchema,
  versions: z.number().int(),
  /** Visits answered on any of its versions. */
  answered: z.number().int(),
});
export type Questionnaire = z.infer<typeof questionnaireSchema>;
export const questionnaireListSchema = z.object({ items: z.array(questionnaireSchema) });

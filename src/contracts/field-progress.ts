import { z } from 'zod';
import { visitOutcomeSchema } from './field-turfs.ts';

/** Which visits a progress view counts: the whole campaign, an area, a turf or a committee's turfs. */
export const progressQuerySchema = z.object({
  areaId: z.coerce.number().int().positive().optional(),
  turfId: z.coerce.number().int().positive().optional(),
  committeeId: z.coerce.number().int().positive().optional(),
});
export type ProgressQuery = z.infer<typeof progressQuerySchema>;

const count = z.number().int();

export const progressSchema = z.object({
  /** Addresses in the turfs counted. */
  doors: count,
  /** Addresses with at least one knock (door mode). */
  knocked: count,
  visits: count,
  conversations: count,
  /** Residents who gave their contact (a person with consent source door_to_door). */
  contacts: count,
  leafletsDropped: count,
  outcomes: z.object({
    not_home: count,
    conversation: count,
    refused: count,
    come_back: count,
    moved: count,
    do_not_visit: count,
    leaflet: count,
  }),
  /** Support levels 1 (strong supporter) … 5 (strongly opposed): counts only, never names. */
  support: z.array(z.object({ level: z.number().int(), count })),
  /** Answers to choice and scale questions, by question id, summed over versions. */
  answers: z.array(
    z.object({
      questionId: z.string(),
      label: z.string(),
      counts: z.array(z.object({ value: z.string(), label: z.string(), count })),
    }),
  ),
  byTurf: z.array(
    z.object({
      turfId: count,
      name: z.string(),
      doors: count,
      knocked: count,
      conversations: count,
    }),
  ),
  byDay: z.array(z.object({ day: z.string(), visits: count, conversations: count })),
  volunteers: z.array(
    z.object({ personId: count, name: z.string(), visits: count, conversations: count }),
  ),
  committees: z.array(
    z.object({ committeeId: count, name: z.string(), visits: count, conversations: count }),
  ),
});
export type Progress = z.infer<typeof progressSchema>;

/** Visited addresses for the live map: a point and its latest outcome. */
export const progressMapSchema = z.object({
  points: z.array(
    z.object({
      addressId: count,
      lat: z.number(),
      lng: z.number(),
      outcome: visitOutcomeSchema,
    }),
  ),
  truncated: z.boolean(),
});

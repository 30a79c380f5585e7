import { z } from 'zod';
import { areaPolygonSchema } from './committee-area.ts';
import { daySchema } from './common.ts';

/** [longitude, latitude]; an array of two numbers (a tuple's schema repeats itself in OpenAPI). */
export const lonLatSchema = z
  .array(z.number())
  .length(2)
  .transform((p) => p as [number, number]);

/** A target area: polling stations, communes, or a polygon drawn on the map. */
export const targetAreaInputSchema = z.discriminatedUnion('kind', [
  z.object({
    kind: z.literal('stations'),
    name: z.string().trim().min(2, 'too_short').max(120, 'too_long'),
    stations: z
      .array(z.string().regex(/^(\d{5}|2[AB]\d{3})_[0-9A-Za-z]{1,8}$/, 'invalid'))
      .min(1, 'required')
      .max(2_000, 'too_many'),
  }),
  z.object({
    kind: z.literal('communes'),
    name: z.string().trim().min(2, 'too_short').max(120, 'too_long'),
    communes: z
      .array(z.string().regex(/^(\d{5}|2[AB]\d{3})$/, 'invalid'))
      .min(1, 'required')
      .max(500, 'too_many'),
  }),
  z.object({
    kind: z.literal('polygon'),
    name: z.string().trim().min(2, 'too_short').max(120, 'too_long'),
    polygon: areaPolygonSchema,
  }),
]);
export type TargetAreaInput = z.infer<typeof targetAreaInputSchema>;

export const targetAreaSchema = z.object({
  id: z.number().int(),
  name: z.string(),
  kind: z.enum(['stations', 'communes', 'polygon']),
  stations: z.array(z.string()),
  communes: z.array(z.string()),
  polygon: areaPolygonSchema.nullable(),
  addressCount: z.number().int(),
  turfCount: z.number().int(),
  /** The questionnaire its turfs carry; null: the campaign's most recently changed one. */
  questionnaireId: z.number().int().nullable(),
  createdAt: z.iso.datetime({ offset: true }),
});
export type TargetArea = z.infer<typeof targetAreaSchema>;

export const areaQuestionnaireInputSchema = z.object({
  questionnaireId: z.number().int().positive().nullable(),
});
export const targetAreaListSchema = z.object({ items: z.array(targetAreaSchema) });

/** Turf sizes, in addresses: 60–80 by default (an afternoon for a pair of volunteers). */
export const cutTurfsInputSchema = z
  .object({
    minSize: z.number().int().min(5).max(2_000).default(60),
    maxSize: z.number().int().min(5).max(2_000).default(80),
  })
  .refine((s) => s.maxSize >= s.minSize, { message: 'max_below_min', path: ['maxSize'] });

export const turfSchema = z.object({
  id: z.number().int(),
  areaId: z.number().int(),
  name: z.string(),
  committeeId: z.number().int().nullable(),
  committeeName: z.string().nullable(),
  startsOn: daySchema.nullable(),
  endsOn: daySchema.nullable(),
  addressCount: z.number().int(),
  lat: z.number().nullable(),
  lng: z.number().nullable(),
  /** Convex outline, [longitude, latitude] corners. */
  outline: z.array(lonLatSchema),
  volunteers: z.array(z.object({ personId: z.number().int(), name: z.string() })),
  /** Addresses with at least one visit. */
  visited: z.number().int(),
});
export type Turf = z.infer<typeof turfSchema>;
export const turfListSchema = z.object({ items: z.array(turfSchema) });

export const turfUpdateSchema = z.object({
  name: z.string().trim().min(1, 'required').max(120, 'too_long').optional(),
  committeeId: z.number().int().positive().nullable().optional(),
  startsOn: daySchema.nullable().optional(),
  endsOn: daySchema.nullable().optional(),
  /** The volunteers it is given to (replaces the list). */
  volunteerIds: z.array(z.number().int().positive()).max(50, 'too_many').optional(),
});

export const mergeTurfsSchema = z.object({
  turfIds: z.array(z.number().int().positive()).min(2, 'too_few').max(20, 'too_many'),
});

/** The outcomes of a knock on a door (a leaflet drop is its own mode). */
export const visitOutcomeSchema = z.enum([
  'not_home',
  'conversation',
  'refused',
  'come_back',
  'moved',
  'do_not_visit',
  'leaflet',
]);
export type VisitOutcome = z.infer<typeof visitOutcomeSchema>;

/** One address of a walk list, in walk order. */
export const walkAddressSchema = z.object({
  id: z.number().int(),
  position: z.number().int(),
  number: z.number().int(),
  suffix: z.string().nullable(),
  street: z.string(),
  streetKey: z.string(),
  communeName: z.string(),
  postalCode: z.string().nullable(),
  lat: z.number(),
  lng: z.number(),
  side: z.enum(['odd', 'even']).nullable(),
  doNotVisit: z.boolean(),
  /** The latest outcome recorded there, if any. */
  lastOutcome: visitOutcomeSchema.nullable(),
  visits: z.number().int(),
  /** The electors the campaign's electoral list (L37) places there: given names and name. */
  electors: z.array(z.string()),
});
export type WalkAddress = z.infer<typeof walkAddressSchema>;

export const walkListSchema = z.object({
  turf: turfSchema,
  addresses: z.array(walkAddressSchema),
});
export type WalkList = z.infer<typeof walkListSchema>;

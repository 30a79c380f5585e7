import { z } from 'zod';

/** A map's view: south-west and north-east corners, and its zoom (0 the world, 18 a street). */
export const mapViewQuerySchema = z
  .object({
    west: z.coerce.number().min(-180).max(180),
    south: z.coerce.number().min(-85).max(85),
    east: z.coerce.number().min(-180).max(180),
    north: z.coerce.number().min(-85).max(85),
    zoom: z.coerce.number().min(0).max(22),
  })
  .refine((v) => v.east > v.west && v.north > v.south, { message: 'invalid_view', path: ['east'] });

/** Clusters (a count at its points' centre) when zoomed out, the points themselves zoomed in. */
export const mapAnswerSchema = z.object({
  clusters: z.array(z.object({ lat: z.number(), lng: z.number(), count: z.number().int() })),
  markers: z.array(
    z.object({ id: z.number().int(), title: z.string(), lat: z.number(), lng: z.number() }),
  ),
});
export type MapAnswer = z.infer<typeof mapAnswerSchema>;

import { z } from 'zod';

/** A map's view: south-west and north-east corners, and its zoom (0 the world, 18 a street). */
export const mapViewShape = {
  west: z.coerce.number().min(-180).max(180),
  south: z.coerce.number().min(-85).max(85),
  east: z.coerce.number().min(-180).max(180),
  north: z.coerce.number().min(-85).max(85),
  zoom: z.coerce.number().min(0).max(22),
};

/** The corners in order: east of west, north of south. */
export const isOrderedView = (v: { west: number; south: number; east: number; north: number }) =>
  v.east > v.west && v.north > v.south;
export const orderedViewError = { message: 'invalid_view', path: ['east'] };

export const mapViewQuerySchema = z.object(mapViewShape).refine(isOrderedView, orderedViewError);

export const mapClusterSchema = z.object({
  lat: z.number(),
  lng: z.number(),
  count: z.number().int(),
});

/** Clusters (a count at its points' centre) when zoomed out, the points themselves zoomed in. */
export const mapAnswerSchema = z.object({
  clusters: z.array(mapClusterSchema),
  markers: z.array(
    z.object({ id: z.number().int(), title: z.string(), lat: z.number(), lng: z.number() }),
  ),
});
export type MapAnswer = z.infer<typeof mapAnswerSchema>;

import { z } from 'zod';

/**
 * How precisely a place's coordinates locate it, most precise first: an address, a street,
 * a commune (a point in it), "approximate" (the centre of its intercommunality's placed
 * communes), a postal code, a département.
 */
export const PLACE_PRECISIONS = [
  'address',
  'street',
  'commune',
  'approximate',
  'postal_code',
  'departement',
] as const;
export const placePrecisionSchema = z.enum(PLACE_PRECISIONS);
export type PlacePrecision = z.infer<typeof placePrecisionSchema>;

/** A place as committees, events and turfs hold it. */
export const placeSchema = z.object({
  lat: z.number().min(-90).max(90),
  lng: z.number().min(-180).max(180),
  precision: placePrecisionSchema,
  /** How the place reads: "12 rue de la Paix, 69001 Lyon", or the commune's name. */
  label: z.string(),
  communeCode: z.string().nullable(),
});
export type Place = z.infer<typeof placeSchema>;

import { z } from 'zod';

export const communeSchema = z.object({
  code: z.string(),
  name: z.string(),
  departementCode: z.string(),
  population: z.number().int().nullable(),
});
export type Commune = z.infer<typeof communeSchema>;

export const postalCodeLookupSchema = z.object({
  postalCode: z.string(),
  communes: z.array(communeSchema),
});
export type PostalCodeLookup = z.infer<typeof postalCodeLookupSchema>;

/** A postal code as typed (spaces are ignored). */
export const postalCodeParamsSchema = z.object({ code: z.string().max(10) });

export const departementSchema = z.object({ code: z.string(), name: z.string() });
export type Departement = z.infer<typeof departementSchema>;

/** A commune found by name, postal code or INSEE code, with the postal codes serving it. */
export const communeMatchSchema = communeSchema.extend({ postalCodes: z.array(z.string()) });
export type CommuneMatch = z.infer<typeof communeMatchSchema>;

export const communeSearchQuerySchema = z.object({
  /** Part of a name (accents and case ignored), or the start of a postal or INSEE code. */
  q: z.string().trim().min(2, 'too_short').max(100, 'too_long'),
});

/** At most this many codes per lookup by code (a filter rarely holds more). */
export const COMMUNE_CODES_MAX = 200;

export const communesByCodeQuerySchema = z.object({
  /** INSEE codes separated by commas; unknown ones are left out of the answer. */
  codes: z
    .string()
    .max(COMMUNE_CODES_MAX * 6, 'too_long')
    .transform((v) => [...new Set(v.split(',').map((s) => s.trim()))].filter(Boolean))
    .pipe(z.array(z.string().max(5, 'too_long')).max(COMMUNE_CODES_MAX, 'too_many')),
});

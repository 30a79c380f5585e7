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

export const departementSchema = z.object({ code: z.string(), name: z.string() });
export type Departement = z.infer<typeof departementSchema>;

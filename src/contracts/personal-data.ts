import { z } from 'zod';

/**
 * The file of everything the campaign holds on a person ("download my data", an access
 * request carried out by staff): `about` (the campaign, when), then one section per feature
 * that registered personal data. The server documents each section's schema; a caller may
 * rely on `about` only.
 */
export const personalDataFileSchema = z
  .looseObject({ about: z.looseObject({ campaign: z.string().nullable() }) })
  .describe('Everything the campaign holds on the person, one section per feature, as JSON.');
export type PersonalDataFile = z.infer<typeof personalDataFileSchema>;

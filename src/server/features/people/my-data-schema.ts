import type { z } from 'zod';
import { dataFileSchema } from '../../core/personal-data/rights.ts';
import { personalData } from '../personal-data.ts';

/**
 * The file a person downloads (`GET /api/me/export`, and staff carrying out an access
 * request): every feature's sections of the personal-data registry. The route sends it as
 * pretty-printed JSON text, never re-serialized through the schema (which would drop a field
 * the schema lacked from a person's own data): typed as that text, documented as the object.
 */
export const myDataFileSchema = () =>
  dataFileSchema(personalData()) as unknown as z.ZodType<string>;

/** What the routes read of the file themselves (the rest they pass on as it is). */
export type DataFile = Record<string, unknown> & { about: { campaign: string | null } };

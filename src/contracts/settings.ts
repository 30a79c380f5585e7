import { z } from 'zod';
import { localeSchema } from './common.ts';
import { legalTextsSchema } from './recruitment.ts';

const text = (max: number) => z.string().trim().min(1, 'required').max(max, 'too_long');
const optionalText = (max: number) => z.string().trim().max(max, 'too_long').optional();

/**
 * The legal texts as staff save them: the French ones are required, the English ones may be
 * left empty (the French text is shown instead). Limits as in `legalTextsSchema`.
 */
export const legalUpdateSchema = z.object({
  fr: z.object({
    legalNotice: text(20_000),
    privacyPolicy: text(50_000),
    formNotice: text(2_000),
  }),
  en: z
    .object({
      legalNotice: optionalText(20_000),
      privacyPolicy: optionalText(50_000),
      formNotice: optionalText(2_000),
    })
    .optional(),
});
export type LegalUpdate = z.infer<typeof legalUpdateSchema>;

export const legalFields = Object.keys(legalTextsSchema.shape) as (keyof z.infer<
  typeof legalTextsSchema
>)[];

/** A bracketed part of a pre-filled text that staff have not replaced yet ("[durée]"). */
export const placeholderPattern = /\[[^\]\n]{1,200}\]/g;

/** The bracketed parts still in a text, each once, in order. */
export function placeholdersIn(value: string | undefined): string[] {
  return [...new Set(value?.match(placeholderPattern) ?? [])];
}

/** Staff write a new consent wording for one language; saving it makes a new version. */
export const consentWordingUpdateSchema = z.object({
  locale: localeSchema,
  email: text(1_000),
  sms: text(1_000),
  phone: text(1_000),
});
export type ConsentWordingUpdate = z.infer<typeof consentWordingUpdateSchema>;

/** One version of the consent wording, as every consent given under it refers to it. */
export const consentWordingVersionSchema = z.object({
  version: z.string(),
  locale: localeSchema,
  email: z.string(),
  sms: z.string(),
  phone: z.string(),
  /** Null for the built-in first version. */
  createdAt: z.string().nullable(),
  /** The version the form shows now in its language. */
  current: z.boolean(),
});
export type ConsentWordingVersion = z.infer<typeof consentWordingVersionSchema>;
export const consentWordingVersionsSchema = z.array(consentWordingVersionSchema);

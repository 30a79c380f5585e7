import { z } from 'zod';

/** A kiosk link: opened on a device, it lifts the per-address sign-up limit there for a day. */
export const kioskCreateSchema = z.object({
  /** Where it is used ("Stand marché Croix-Rousse"), to recognise it in the list. */
  label: z.string().trim().min(1, 'required').max(100, 'too_long'),
});
export type KioskCreate = z.infer<typeof kioskCreateSchema>;

export const kioskLinkSchema = z.object({
  id: z.number(),
  label: z.string(),
  /** The link to open on the device; null once revoked or expired. */
  url: z.string().nullable(),
  createdByName: z.string().nullable(),
  createdAt: z.string(),
  expiresAt: z.string(),
  revokedAt: z.string().nullable(),
});
export type KioskLink = z.infer<typeof kioskLinkSchema>;
export const kioskLinksSchema = z.array(kioskLinkSchema);

/** `GET /kiosk` (the page a device opens, not an API route): the link's token and language. */
export const kioskOpenQuerySchema = z.object({
  token: z.string().max(200).default(''),
  lang: z.enum(['fr', 'en']).default('fr'),
});
export type KioskOpenQuery = z.infer<typeof kioskOpenQuerySchema>;

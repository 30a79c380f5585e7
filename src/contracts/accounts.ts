import { z } from 'zod';
import { consentsSchema, localeSchema } from './common.ts';
import { agreedSlotSchema } from './compliance.ts';
import { permissionSchema, roleSchema } from './roles.ts';
import { personNameSchema } from './recruitment.ts';

export const loginStartSchema = z.object({
  email: z.string().trim().max(254),
  locale: localeSchema.default('fr'),
});
export const loginCodeSchema = z.object({
  email: z.string().trim().max(254),
  code: z
    .string()
    .trim()
    .regex(/^\d{6}$/, 'six_digits'),
});
export const loginLinkSchema = z.object({ token: z.string().min(10).max(200) });
export const loginPasswordSchema = z.object({
  email: z.string().trim().max(254),
  password: z.string().min(1, 'required').max(200),
});
export const setPasswordSchema = z.object({
  currentPassword: z.string().max(200).optional(),
  newPassword: z.string().min(12, 'min_12').max(200),
});

export const meSchema = z.object({
  personId: z.number(),
  email: z.string().nullable(),
  firstName: z.string().nullable(),
  lastName: z.string().nullable(),
  roles: z.array(roleSchema),
  permissions: z.array(permissionSchema),
  hasPassword: z.boolean(),
});
export type Me = z.infer<typeof meSchema>;

/** GET /api/session: who is logged in (or null) and the CSRF token for mutations. */
export const sessionInfoSchema = z.object({ me: meSchema.nullable(), csrfToken: z.string() });
export type SessionInfo = z.infer<typeof sessionInfoSchema>;

/**
 * A supporter's consent to automated calls (recorded messages from the campaign), only within
 * the days and hours they chose (CNIL): a consent given needs its slot; withdrawing has none.
 */
export const automatedCallConsentSchema = z
  .object({ granted: z.boolean(), slot: agreedSlotSchema.nullable().default(null) })
  .superRefine((value, issue) => {
    if (value.granted && !value.slot)
      issue.addIssue({ code: 'custom', path: ['slot'], message: 'required' });
    if (!value.granted && value.slot)
      issue.addIssue({ code: 'custom', path: ['slot'], message: 'not_allowed' });
  });
export type AutomatedCallConsent = z.infer<typeof automatedCallConsentSchema>;

/** The supporter's own space. */
export const profileSchema = z.object({
  personId: z.number(),
  email: z.string().nullable(),
  firstName: z.string().nullable(),
  lastName: z.string().nullable(),
  phone: z.string().nullable(),
  postalCode: z.string().nullable(),
  communeCode: z.string().nullable(),
  communeName: z.string().nullable(),
  locale: localeSchema,
  consents: consentsSchema,
  /** Off until the supporter agrees to automated calls within a slot. */
  automatedCall: z.object({ granted: z.boolean(), slot: agreedSlotSchema.nullable() }),
  /** Opens and clicks of newsletters measured for them (consent `email_tracking`); off until they agree. */
  emailTracking: z.boolean(),
  recruitCode: z.string(),
  recruitUrl: z.string(),
  recruitedCount: z.number(),
  recruitedConfirmedCount: z.number(),
  confirmed: z.boolean(),
  createdAt: z.string(),
});
export type Profile = z.infer<typeof profileSchema>;

export const profileUpdateSchema = z.object({
  firstName: personNameSchema,
  lastName: personNameSchema,
  phone: z.string().trim().max(30).optional().nullable(),
  postalCode: z.string().trim().max(10),
  communeCode: z.string().trim().max(5).optional(),
  locale: localeSchema,
});
export type ProfileUpdate = z.infer<typeof profileUpdateSchema>;

export const consentUpdateSchema = z.object({
  consents: consentsSchema,
  /** Left out: unchanged. */
  automatedCall: automatedCallConsentSchema.optional(),
  /** Opens and clicks of newsletters measured (true) or not; left out: unchanged. */
  emailTracking: z.boolean().optional(),
  locale: localeSchema.default('fr'),
});

export const deleteAccountSchema = z.object({ confirm: z.literal('DELETE') });

export const roleUpdateSchema = z.object({
  roles: z.array(roleSchema),
  grants: z.array(permissionSchema).default([]),
});
export const staffAccountSchema = z.object({
  personId: z.number(),
  email: z.string().nullable(),
  firstName: z.string().nullable(),
  lastName: z.string().nullable(),
  roles: z.array(roleSchema),
  grants: z.array(permissionSchema),
  lastLoginAt: z.string().nullable(),
});

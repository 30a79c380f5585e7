import { z } from 'zod';
import { consentsSchema, localeSchema } from './common.ts';
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

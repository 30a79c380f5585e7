import { z } from 'zod';
import { permissionSchema, type Permission } from './roles.ts';

/** The secret's recognisable start: `lvr_` then 43 base64url characters (32 random bytes). */
export const API_TOKEN_PREFIX = 'lvr_';

export const apiTokenInputSchema = z.object({
  name: z.string().trim().min(1).max(100),
  scopes: z.array(permissionSchema).min(1).max(permissionSchema.options.length),
  /** When it stops working; none: until revoked. */
  expiresAt: z.iso.datetime({ offset: true }).nullish(),
  /** Requests a minute before 429 answers. */
  ratePerMinute: z.number().int().min(1).max(10_000).default(600),
});
export type ApiTokenInput = z.input<typeof apiTokenInputSchema>;

export const apiTokenSchema = z.object({
  id: z.number().int(),
  name: z.string(),
  prefix: z.string(),
  scopes: z.array(permissionSchema),
  createdBy: z.number().int(),
  createdAt: z.string(),
  expiresAt: z.string().nullable(),
  revokedAt: z.string().nullable(),
  lastUsedAt: z.string().nullable(),
  ratePerMinute: z.number().int(),
});
export type ApiToken = z.infer<typeof apiTokenSchema>;

/** A token just made: its secret, shown this once. */
export const createdApiTokenSchema = z.object({ token: apiTokenSchema, secret: z.string() });

export const webhookEventSchema = z.enum(['signup', 'donation', 'rsvp', 'visit']);
export type WebhookEvent = z.infer<typeof webhookEventSchema>;
export const webhookEvents: readonly WebhookEvent[] = webhookEventSchema.options;

/** The permission needed to receive each event type (to choose it for an endpoint). */
export const webhookEventPermission: Record<WebhookEvent, Permission> = {
  signup: 'people.read',
  donation: 'donations.manage',
  rsvp: 'people.read',
  visit: 'field.manage',
};

export const webhookInputSchema = z.object({
  url: z.url({ protocol: /^https?$/ }).max(2000),
  events: z.array(webhookEventSchema).min(1).max(webhookEvents.length),
  enabled: z.boolean().default(true),
});
export type WebhookInput = z.input<typeof webhookInputSchema>;

export const webhookEndpointSchema = z.object({
  id: z.number().int(),
  url: z.string(),
  events: z.array(webhookEventSchema),
  enabled: z.boolean(),
  createdBy: z.number().int(),
  createdAt: z.string(),
  /** Deliveries waiting or failed for good, to show at a glance. */
  pending: z.number().int(),
  failed: z.number().int(),
});
export type WebhookEndpoint = z.infer<typeof webhookEndpointSchema>;

export const createdWebhookSchema = z.object({
  endpoint: webhookEndpointSchema,
  secret: z.string(),
});

export const webhookDeliverySchema = z.object({
  id: z.number().int(),
  event: webhookEventSchema,
  eventId: z.string(),
  /** pending | sending | sent | failed */
  status: z.string(),
  attempts: z.number().int(),
  lastStatus: z.number().int().nullable(),
  lastError: z.string().nullable(),
  createdAt: z.string(),
  sentAt: z.string().nullable(),
  nextAttemptAt: z.string(),
});
export type WebhookDelivery = z.infer<typeof webhookDeliverySchema>;

export const deliveriesQuerySchema = z.object({
  /** Deliveries older than this id (the last of the previous page). */
  before: z.coerce.number().int().positive().optional(),
  limit: z.coerce.number().int().min(1).max(200).default(50),
});

export const webhookDeliveriesSchema = z.object({
  items: z.array(webhookDeliverySchema),
  /** Pass as `before` for the next page; null at the end. */
  next: z.number().int().nullable(),
});

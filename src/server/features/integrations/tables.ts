import { sql } from 'drizzle-orm';
import {
  boolean,
  index,
  integer,
  jsonb,
  pgTable,
  primaryKey,
  text,
  uniqueIndex,
  uuid,
} from 'drizzle-orm/pg-core';
import { at, campaignId, id, ref } from '../../core/db/columns.ts';

/**
 * API tokens: a secret other software sends as `Authorization: Bearer <token>`, acting with
 * the permissions it was given (`scopes`), never more than its creator still holds. Only the
 * SHA-256 of the secret is kept; it is shown once, when made.
 */
export const apiTokens = pgTable(
  'api_tokens',
  {
    campaignId: campaignId(),
    id: id(),
    name: text('name').notNull(),
    /** The token's first characters (`lvr_Ab12…`), to recognise it in lists and logs. */
    prefix: text('prefix').notNull(),
    secretHash: text('secret_hash').notNull(),
    scopes: text('scopes').array().notNull(),
    /** Who made it: it never acts with more than they hold now. */
    personId: ref('person_id').notNull(),
    createdAt: at('created_at').notNull().defaultNow(),
    expiresAt: at('expires_at'),
    revokedAt: at('revoked_at'),
    lastUsedAt: at('last_used_at'),
    /** Requests a minute; the count of the current minute follows. */
    ratePerMinute: integer('rate_per_minute').notNull().default(600),
    windowStart: at('window_start').notNull().defaultNow(),
    windowCount: integer('window_count').notNull().default(0),
  },
  (t) => [
    primaryKey({ name: 'api_tokens_pkey', columns: [t.campaignId, t.id] }),
    uniqueIndex('api_tokens_secret_idx').on(t.campaignId, t.secretHash),
    index('api_tokens_person_idx').on(t.campaignId, t.personId),
  ],
);

/** Where events are sent (signed with the endpoint's secret), and which events. */
export const webhookEndpoints = pgTable(
  'webhook_endpoints',
  {
    campaignId: campaignId(),
    id: id(),
    url: text('url').notNull(),
    /** The signing secret, shown once; kept as is since every delivery is signed with it. */
    secret: text('secret').notNull(),
    events: text('events').array().notNull(),
    enabled: boolean('enabled').notNull().default(true),
    personId: ref('person_id').notNull(),
    createdAt: at('created_at').notNull().defaultNow(),
    deletedAt: at('deleted_at'),
  },
  (t) => [
    primaryKey({ name: 'webhook_endpoints_pkey', columns: [t.campaignId, t.id] }),
    index('webhook_endpoints_person_idx').on(t.campaignId, t.personId),
  ],
);

/**
 * The outbox of webhook deliveries: one row per event and endpoint, written in the
 * transaction of the fact (a sign-up confirmed, a gift paid…), sent by the dispatcher
 * (core/dispatch), with its tries and last error: the delivery log HQ reads.
 */
export const webhookDeliveries = pgTable(
  'webhook_deliveries',
  {
    campaignId: campaignId(),
    id: id(),
    endpointId: ref('endpoint_id').notNull(),
    /** The event type: signup | donation | rsvp | visit. */
    kind: text('kind').notNull(),
    /** The event's id, the same for every endpoint (`Levier-Event`). */
    eventId: uuid('event_id').notNull(),
    /** The person the event is about (for erasure); never sent beyond their id. */
    personId: ref('person_id'),
    payload: jsonb('payload').notNull(),
    status: text('status').notNull().default('pending'),
    attempts: integer('attempts').notNull().default(0),
    nextAttemptAt: at('next_attempt_at').notNull().defaultNow(),
    lastError: text('last_error'),
    /** The HTTP status the endpoint answered last. */
    lastStatus: integer('last_status'),
    createdAt: at('created_at').notNull().defaultNow(),
    sentAt: at('sent_at'),
  },
  (t) => [
    primaryKey({ name: 'webhook_deliveries_pkey', columns: [t.campaignId, t.id] }),
    index('webhook_deliveries_pending_idx').on(t.campaignId, t.status, t.nextAttemptAt),
    index('webhook_deliveries_endpoint_idx').on(t.campaignId, t.endpointId, t.id),
    index('webhook_deliveries_person_idx')
      .on(t.campaignId, t.personId)
      .where(sql`person_id IS NOT NULL`),
  ],
);

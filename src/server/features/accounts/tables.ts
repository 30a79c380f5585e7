import {
  bigint,
  boolean,
  index,
  integer,
  pgTable,
  primaryKey,
  text,
  uniqueIndex,
} from 'drizzle-orm/pg-core';
import { at, campaignId } from '../../core/db/columns.ts';

export const accounts = pgTable(
  'accounts',
  {
    campaignId: campaignId(),
    personId: bigint('person_id', { mode: 'number' }).notNull(),
    passwordHash: text('password_hash'),
    roles: text('roles').array().notNull().default([]),
    grants: text('grants').array().notNull().default([]),
    createdAt: at('created_at').notNull().defaultNow(),
    lastLoginAt: at('last_login_at'),
  },
  (t) => [primaryKey({ name: 'accounts_pkey', columns: [t.campaignId, t.personId] })],
);

export const loginCodes = pgTable(
  'login_codes',
  {
    campaignId: campaignId(),
    id: bigint('id', { mode: 'number' }).generatedAlwaysAsIdentity(),
    // NULL for an address nobody has: the same row is kept for it, so that checking a code
    // answers alike (attempts left, expiry) whether or not the address is a supporter's.
    personId: bigint('person_id', { mode: 'number' }),
    /** HMAC of the normalised address the code was asked for (not reversible without the secret). */
    emailHash: text('email_hash').notNull(),
    codeHash: text('code_hash').notNull(),
    linkTokenHash: text('link_token_hash').notNull(),
    attempts: integer('attempts').notNull().default(0),
    /** Asked for from a browser or IP the address logged in from before: its own budget. */
    trusted: boolean('trusted').notNull().default(false),
    expiresAt: at('expires_at').notNull(),
    usedAt: at('used_at'),
    createdAt: at('created_at').notNull().defaultNow(),
  },
  (t) => [
    primaryKey({ name: 'login_codes_pkey', columns: [t.campaignId, t.id] }),
    uniqueIndex('login_codes_link_token_hash_unique').on(t.campaignId, t.linkTokenHash),
    index('login_codes_person_idx').on(t.campaignId, t.personId, t.createdAt),
    index('login_codes_email_idx').on(t.campaignId, t.emailHash, t.createdAt),
  ],
);

export const sessions = pgTable(
  'sessions',
  {
    campaignId: campaignId(),
    idHash: text('id_hash').notNull(),
    personId: bigint('person_id', { mode: 'number' }).notNull(),
    createdAt: at('created_at').notNull().defaultNow(),
    lastSeenAt: at('last_seen_at').notNull().defaultNow(),
    expiresAt: at('expires_at').notNull(),
    userAgent: text('user_agent'),
    ip: text('ip'),
  },
  (t) => [
    primaryKey({ name: 'sessions_pkey', columns: [t.campaignId, t.idHash] }),
    index('sessions_person_idx').on(t.campaignId, t.personId),
  ],
);

/**
 * Wrong passwords by the address they were tried for (a keyed hash, as for login codes):
 * an address gets a limited number of tries whoever tries, and whether or not it has an
 * account.
 */
export const passwordFailures = pgTable(
  'password_failures',
  {
    campaignId: campaignId(),
    id: bigint('id', { mode: 'number' }).generatedAlwaysAsIdentity(),
    emailHash: text('email_hash').notNull(),
    /** Keyed hash of the client's address (its /64 for IPv6), for the per-IP budget. */
    ipHash: text('ip_hash'),
    /** Tried from a browser or IP the address logged in from before: counted apart. */
    trusted: boolean('trusted').notNull().default(false),
    at: at('at').notNull().defaultNow(),
  },
  (t) => [
    primaryKey({ name: 'password_failures_pkey', columns: [t.campaignId, t.id] }),
    index('password_failures_email_idx').on(t.campaignId, t.emailHash, t.at),
  ],
);

/**
 * Where an address logged in from (keyed hashes of the address and of the client's IP): a
 * request from there is the owner's more likely than a stranger's, so login limits give it
 * a budget of its own that strangers cannot spend (see accounts/login-limits.ts).
 */
export const loginTrust = pgTable(
  'login_trust',
  {
    campaignId: campaignId(),
    emailHash: text('email_hash').notNull(),
    ipHash: text('ip_hash').notNull(),
    lastLoginAt: at('last_login_at').notNull().defaultNow(),
  },
  (t) => [primaryKey({ name: 'login_trust_pkey', columns: [t.campaignId, t.emailHash, t.ipHash] })],
);

/**
 * Kiosk links: a device opened through one (a market-stall tablet, a rally's network) signs
 * people up past the per-address limit for a day. Only the link's HMAC is checked, nothing
 * secret is stored; revoking ends every device that opened it.
 */
export const kioskLinks = pgTable(
  'kiosk_links',
  {
    campaignId: campaignId(),
    id: bigint('id', { mode: 'number' }).generatedAlwaysAsIdentity(),
    label: text('label').notNull(),
    createdBy: bigint('created_by', { mode: 'number' }),
    createdAt: at('created_at').notNull().defaultNow(),
    expiresAt: at('expires_at').notNull(),
    revokedAt: at('revoked_at'),
  },
  (t) => [
    primaryKey({ name: 'kiosk_links_pkey', columns: [t.campaignId, t.id] }),
    index('kiosk_links_created_idx').on(t.campaignId, t.createdAt),
  ],
);

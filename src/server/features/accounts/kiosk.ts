import { sql } from 'drizzle-orm';
import type { FastifyReply, FastifyRequest } from 'fastify';
import type { KioskLink } from '../../../contracts/kiosk.ts';
import { audit } from '../../core/audit.ts';
import type { AppContext } from '../../core/context.ts';
import { hmac, safeEqual } from '../../core/crypto.ts';
import { rateLimitKey } from '../../core/http/client-address.ts';
import { notFound } from '../../core/http/errors.ts';
import { perCampaign } from '../../core/db/per-campaign.ts';
import { contactsOf, displayName } from '../people/directory.ts';

export const KIOSK_COOKIE = 'levier_kiosk';
const KIOSK_HOURS = 24;
/** A revoked link stops working on other processes' devices within this long. */
const VALIDITY_CACHE_MS = 30_000;

/** The link's secret part: an HMAC of its id, so nothing secret is stored. */
const kioskToken = (ctx: AppContext, id: number) =>
  `${id}.${hmac(ctx.config.sessionSecret, `kiosk:${ctx.campaignId}:${id}`, 'base64url')}`;

const kioskUrl = (ctx: AppContext, id: number) =>
  `${ctx.config.publicUrl}/kiosk?token=${kioskToken(ctx, id)}`;

function idFromToken(ctx: AppContext, token: string): number | null {
  const id = /^(\d{1,15})\./.exec(token)?.[1];
  return id && safeEqual(kioskToken(ctx, Number(id)), token) ? Number(id) : null;
}

const validity = perCampaign<Map<number, { active: boolean; until: number }>>();

async function isActive(ctx: AppContext, id: number): Promise<boolean> {
  const cache =
    validity.get(ctx.database, ctx.campaignId) ??
    validity.set(ctx.database, ctx.campaignId, new Map());
  const cached = cache.get(id);
  if (cached && cached.until > Date.now()) return cached.active;
  const rows = await ctx.database.query(
    sql`SELECT 1 FROM kiosk_links
      WHERE campaign_id = ${ctx.campaignId} AND id = ${id} AND revoked_at IS NULL AND expires_at > now()`,
  );
  cache.set(id, { active: rows.length > 0, until: Date.now() + VALIDITY_CACHE_MS });
  return rows.length > 0;
}

interface KioskRow {
  id: number;
  label: string;
  created_by: number | null;
  created_at: Date | string;
  expires_at: Date | string;
  revoked_at: Date | string | null;
  active: boolean;
}

const iso = (value: Date | string) => new Date(value).toISOString();

function toLink(ctx: AppContext, row: KioskRow, createdByName: string | null): KioskLink {
  return {
    id: Number(row.id),
    label: row.label,
    url: row.active ? kioskUrl(ctx, Number(row.id)) : null,
    createdByName,
    createdAt: iso(row.created_at),
    expiresAt: iso(row.expires_at),
    revokedAt: row.revoked_at ? iso(row.revoked_at) : null,
  };
}

const selectLinks = (campaignId: number) => sql`
  SELECT k.id, k.label, k.created_at, k.expires_at, k.revoked_at,
         k.revoked_at IS NULL AND k.expires_at > now() AS active,
         k.created_by
    FROM kiosk_links k
   WHERE k.campaign_id = ${campaignId}`;

/** The links with the name of who opened each. */
async function withCreators(ctx: AppContext, rows: KioskRow[]): Promise<KioskLink[]> {
  const people = await contactsOf(
    ctx,
    rows.flatMap((row) => (row.created_by === null ? [] : [Number(row.created_by)])),
  );
  return rows.map((row) =>
    toLink(
      ctx,
      row,
      row.created_by === null ? null : displayName(people.get(Number(row.created_by))),
    ),
  );
}

/** The links of the last week, newest first (older ones are of no use and not listed). */
export async function listKioskLinks(ctx: AppContext): Promise<KioskLink[]> {
  const rows = await ctx.database.query<KioskRow>(
    sql`${selectLinks(ctx.campaignId)} AND k.created_at > now() - interval '7 days' ORDER BY k.id DESC LIMIT 100`,
  );
  return withCreators(ctx, rows);
}

export async function createKioskLink(
  ctx: AppContext,
  label: string,
  actorId: number,
  ip: string,
): Promise<KioskLink> {
  const [created] = await ctx.database.query<{ id: number }>(
    sql`INSERT INTO kiosk_links (campaign_id, label, created_by, expires_at)
     VALUES (${ctx.campaignId}, ${label}, ${actorId}, now() + make_interval(hours => ${KIOSK_HOURS})) RETURNING id`,
  );
  await audit(ctx.database, {
    campaignId: ctx.campaignId,
    actorId,
    action: 'kiosk.create',
    target: `kiosk:${created.id}`,
    details: { label },
    ip,
  });
  const rows = await ctx.database.query<KioskRow>(
    sql`${selectLinks(ctx.campaignId)} AND k.id = ${created.id}`,
  );
  return (await withCreators(ctx, rows))[0];
}

export async function revokeKioskLink(ctx: AppContext, id: number, actorId: number, ip: string) {
  const rows = await ctx.database.query(
    sql`UPDATE kiosk_links SET revoked_at = coalesce(revoked_at, now())
      WHERE campaign_id = ${ctx.campaignId} AND id = ${id} RETURNING id`,
  );
  if (rows.length === 0) throw notFound('kiosk link');
  validity.get(ctx.database, ctx.campaignId)?.delete(id);
  await audit(ctx.database, {
    campaignId: ctx.campaignId,
    actorId,
    action: 'kiosk.revoke',
    target: `kiosk:${id}`,
    ip,
  });
}

/**
 * Opening a link on a device: a signed, httpOnly cookie naming the link, kept until the link
 * expires. Returns the expiry, or null for a link that is forged, revoked or expired.
 */
export async function openKiosk(
  ctx: AppContext,
  token: string,
  reply: FastifyReply,
): Promise<Date | null> {
  const id = idFromToken(ctx, token);
  if (id === null) return null;
  const rows = await ctx.database.query<{ expires_at: Date | string }>(
    sql`SELECT expires_at FROM kiosk_links
      WHERE campaign_id = ${ctx.campaignId} AND id = ${id} AND revoked_at IS NULL AND expires_at > now()`,
  );
  if (!rows[0]) return null;
  const expires = new Date(rows[0].expires_at);
  reply.setCookie(KIOSK_COOKIE, String(id), {
    path: '/',
    httpOnly: true,
    sameSite: 'lax',
    secure: ctx.config.production,
    signed: true,
    expires,
  });
  return expires;
}

/** The kiosk link this request's device was opened with, if it still works. */
async function kioskOf(ctx: AppContext, request: FastifyRequest): Promise<number | null> {
  const raw = request.cookies[KIOSK_COOKIE];
  if (!raw) return null;
  const unsigned = request.unsignCookie(raw);
  if (!unsigned.valid || !/^\d{1,15}$/.test(unsigned.value ?? '')) return null;
  const id = Number(unsigned.value);
  return (await isActive(ctx, id)) ? id : null;
}

/**
 * The sign-up form's rate limit: SIGNUP_RATE_LIMIT per client address, or, on a device opened
 * with a kiosk link, KIOSK_SIGNUP_RATE_LIMIT for all the devices of that link together (a
 * ceiling for a link that leaked).
 */
export function signupRateLimit(ctx: AppContext) {
  const prefix = 'kiosk:';
  return {
    timeWindow: ctx.config.RATE_LIMIT_WINDOW_SECONDS * 1000,
    // The JSON form and the server-rendered one share one budget.
    groupId: 'signup',
    keyGenerator: async (request: FastifyRequest) => {
      const kiosk = await kioskOf(ctx, request);
      return kiosk === null ? rateLimitKey(request.ip) : `${prefix}${kiosk}`;
    },
    max: (_request: FastifyRequest, key: string) =>
      key.startsWith(prefix) ? ctx.config.KIOSK_SIGNUP_RATE_LIMIT : ctx.config.SIGNUP_RATE_LIMIT,
  };
}

import { sql } from 'drizzle-orm';
import type { FastifyReply, FastifyRequest } from 'fastify';
import type { ShareCounts } from '../../../contracts/content.ts';
import type { AppContext } from '../../core/context.ts';
import { hmac, randomToken, safeEqual } from '../../core/crypto.ts';
import type { Query } from '../../core/db/index.ts';
import { runSql } from '../../core/db/statement.ts';
import { signIds, verifySignedIds } from '../../core/signed-ids.ts';
import { personByEmail, personNames } from '../people/directory.ts';
import { normalizeEmail } from '../people/normalize.ts';

/**
 * Relay attribution. A logged-in supporter's share links carry `?s=<their id, signed>`; a
 * visit through one is recorded once per sharer, visitor and day, and the first such visit
 * leaves a signed cookie (first touch: a later link of another supporter does not replace
 * it). A sign-up or a gift made later from that browser is credited to that first sharer,
 * through the small callbacks recruitment and donations call (features/conversions.ts).
 * A reference whose signature is wrong, or signed for another campaign, is ignored.
 */
export const SHARE_PARAM = 's';
export const SHARE_COOKIE = 'levier_share';
const SHARE_PURPOSE = 'content.share';
/** How long the first touch is remembered. */
const COOKIE_DAYS = 30;

/** The reference a supporter's links carry. */
export const shareRef = (ctx: AppContext, personId: number) =>
  signIds(ctx.config.sessionSecret, SHARE_PURPOSE, ctx.campaignId, [personId]);

/** The sharer a reference names, or null when it is not one of this campaign's. */
export function sharerOf(ctx: AppContext, token: unknown): number | null {
  if (typeof token !== 'string' || token.length > 200) return null;
  return (
    verifySignedIds(ctx.config.sessionSecret, SHARE_PURPOSE, ctx.campaignId, token, 1)?.[0] ?? null
  );
}

const cookieMac = (ctx: AppContext, payload: string) =>
  hmac(ctx.config.sessionSecret, `content.visit:${ctx.campaignId}:${payload}`, 'base64url');

function cookieValue(ctx: AppContext, sharerId: number, visitorKey: string) {
  const payload = `${sharerId}.${visitorKey}`;
  return `${payload}.${cookieMac(ctx, payload)}`;
}

/** The first touch a browser's cookie remembers, when its signature holds. */
export function firstTouch(
  ctx: AppContext,
  value: string | undefined,
): { sharerId: number; visitorKey: string } | null {
  if (!value || value.length > 200) return null;
  const match = /^(\d{1,15})\.([\w-]{8,32})\.([\w-]+)$/.exec(value);
  if (!match) return null;
  const [, sharer, visitorKey] = match;
  if (!safeEqual(value, cookieValue(ctx, Number(sharer), visitorKey!))) return null;
  return { sharerId: Number(sharer), visitorKey: visitorKey! };
}

/** Records a visit through a share link, when the page was opened with a valid reference. */
export async function recordShareVisit(
  ctx: AppContext,
  request: FastifyRequest,
  reply: FastifyReply,
  itemId: number | null,
): Promise<void> {
  const sharerId = sharerOf(ctx, (request.query as Record<string, unknown>)[SHARE_PARAM]);
  if (sharerId === null) return;
  // One's own link brings nobody.
  if (request.auth?.personId === sharerId) return;
  const touched = firstTouch(ctx, request.cookies[SHARE_COOKIE]);
  const visitorKey = touched?.visitorKey ?? randomToken(12);
  if (!touched) {
    reply.setCookie(SHARE_COOKIE, cookieValue(ctx, sharerId, visitorKey), {
      path: '/',
      httpOnly: true,
      sameSite: 'lax',
      secure: ctx.config.production,
      maxAge: COOKIE_DAYS * 24 * 3600,
    });
  }
  await runSql(
    ctx.database,
    sql`INSERT INTO content_share_visits (campaign_id, sharer_id, item_id, visitor_key, day)
        VALUES (${ctx.campaignId}, ${sharerId}, ${itemId}, ${visitorKey},
                (now() AT TIME ZONE ${ctx.config.CAMPAIGN_TIMEZONE})::date)
        ON CONFLICT (campaign_id, sharer_id, visitor_key, day) DO NOTHING`,
  );
}

/** A sign-up from this browser: its person credited to the first sharer, once per person. */
export async function creditSignup(
  ctx: AppContext,
  request: FastifyRequest,
  email: string,
): Promise<void> {
  const touched = firstTouch(ctx, request.cookies[SHARE_COOKIE]);
  if (!touched) return;
  const normalized = normalizeEmail(email);
  const person = normalized ? await personByEmail(ctx, normalized) : undefined;
  if (!person || person.id === touched.sharerId) return;
  await runSql(
    ctx.database,
    sql`INSERT INTO content_share_credits (campaign_id, sharer_id, kind, person_id)
        VALUES (${ctx.campaignId}, ${touched.sharerId}, 'signup', ${person.id})
        ON CONFLICT (campaign_id, person_id) WHERE kind = 'signup' DO NOTHING`,
  );
}

/** A gift started from this browser: credited to the first sharer once it is paid. */
export async function creditGift(
  ctx: AppContext,
  request: FastifyRequest,
  donationId: number,
): Promise<void> {
  const touched = firstTouch(ctx, request.cookies[SHARE_COOKIE]);
  if (!touched) return;
  await runSql(
    ctx.database,
    sql`INSERT INTO content_share_credits (campaign_id, sharer_id, kind, donation_id)
        VALUES (${ctx.campaignId}, ${touched.sharerId}, 'donation', ${donationId})
        ON CONFLICT (campaign_id, donation_id) WHERE kind = 'donation' DO NOTHING`,
  );
}

/** A gift was paid (in the payment's transaction): a credited one counts from now. */
export async function giftPaid(query: Query, campaignId: number, donationId: number) {
  await runSql(
    query,
    sql`UPDATE content_share_credits SET paid_at = now()
         WHERE campaign_id = ${campaignId} AND kind = 'donation' AND donation_id = ${donationId}
           AND paid_at IS NULL`,
  );
}

/** Per sharer: visits through their links, sign-ups and paid gifts credited to them. */
const countsBySharer = (campaignId: number) =>
  sql`SELECT sharer_id, sum(v)::int AS visits, sum(s)::int AS signups, sum(d)::int AS donations
        FROM (SELECT sharer_id, 1 AS v, 0 AS s, 0 AS d FROM content_share_visits
               WHERE campaign_id = ${campaignId}
              UNION ALL
              SELECT sharer_id, 0, (kind = 'signup')::int,
                     (kind = 'donation' AND paid_at IS NOT NULL)::int
                FROM content_share_credits WHERE campaign_id = ${campaignId}) counted
       GROUP BY sharer_id`;

export async function leaderboard(ctx: AppContext, limit: number) {
  const rows = await runSql<{
    sharer_id: number;
    visits: number;
    signups: number;
    donations: number;
  }>(
    ctx.database,
    sql`SELECT * FROM (${countsBySharer(ctx.campaignId)}) c
         ORDER BY signups DESC, donations DESC, visits DESC, sharer_id LIMIT ${limit}`,
  );
  const names = await personNames(
    ctx,
    rows.map((row) => Number(row.sharer_id)),
  );
  return rows.map((row) => ({
    personId: Number(row.sharer_id),
    name: names.get(Number(row.sharer_id)) ?? '',
    visits: row.visits,
    signups: row.signups,
    donations: row.donations,
  }));
}

export async function shareCountsOf(ctx: AppContext, personId: number): Promise<ShareCounts> {
  const [row] = await runSql<{ visits: number; signups: number; donations: number }>(
    ctx.database,
    sql`SELECT (SELECT count(*)::int FROM content_share_visits
                 WHERE campaign_id = ${ctx.campaignId} AND sharer_id = ${personId}) AS visits,
               (SELECT count(*)::int FROM content_share_credits
                 WHERE campaign_id = ${ctx.campaignId} AND sharer_id = ${personId}
                   AND kind = 'signup') AS signups,
               (SELECT count(*)::int FROM content_share_credits
                 WHERE campaign_id = ${ctx.campaignId} AND sharer_id = ${personId}
                   AND kind = 'donation' AND paid_at IS NOT NULL) AS donations`,
  );
  return { visits: row?.visits ?? 0, signups: row?.signups ?? 0, donations: row?.donations ?? 0 };
}

import type { FastifyReply, FastifyRequest } from 'fastify';

/** Where a visit came from: the recruiter's code, UTM tags and the referring page. */
export interface Attribution {
  ref?: string;
  utmSource?: string;
  utmMedium?: string;
  utmCampaign?: string;
  referrerUrl?: string;
}

export const ATTRIBUTION_COOKIE = 'levier_attr';

const params = [
  ['ref', 'r', 32],
  ['utmSource', 'utm_source', 200],
  ['utmMedium', 'utm_medium', 200],
  ['utmCampaign', 'utm_campaign', 200],
] as const;

function fromQuery(query: Record<string, unknown>): Attribution {
  const found: Attribution = {};
  for (const [field, name, max] of params) {
    const value = query[name];
    if (typeof value === 'string' && value.trim()) found[field] = value.trim().slice(0, max);
  }
  return found;
}

/** A page of another site that sent the visitor here (our own pages are no source). */
function externalReferrer(request: FastifyRequest, publicUrl: string): string | undefined {
  const referrer = request.headers.referer;
  if (!referrer) return undefined;
  try {
    if (new URL(referrer).origin === new URL(publicUrl).origin) return undefined;
  } catch {
    return undefined;
  }
  // The cookie must stay under browsers' 4 kB limit.
  return referrer.slice(0, 1000);
}

function readCookie(value: string | undefined): Attribution | null {
  if (!value) return null;
  try {
    const parsed = JSON.parse(Buffer.from(value, 'base64url').toString('utf8')) as unknown;
    if (typeof parsed !== 'object' || parsed === null) return null;
    const found: Attribution = {};
    for (const field of ['ref', 'utmSource', 'utmMedium', 'utmCampaign', 'referrerUrl'] as const) {
      const v = (parsed as Record<string, unknown>)[field];
      if (typeof v === 'string' && v)
        found[field] = v.slice(0, field === 'referrerUrl' ? 2000 : 200);
    }
    return found;
  } catch {
    return null;
  }
}

const isEmpty = (a: Attribution) => Object.values(a).every((v) => !v);

/**
 * The visit's attribution, first touch wins: the first page opened with a recruitment code,
 * UTM tags or from another site is remembered in a session cookie (gone when the browser
 * closes), so a visitor who reads other pages before signing up is still credited to it. The
 * form carries it in hidden fields, so it works without JavaScript. In a frame on another
 * site the cookie is a third-party one: the frame's own address is used then.
 */
export function visitAttribution(
  request: FastifyRequest,
  reply: FastifyReply,
  publicUrl: string,
  secure: boolean,
): Attribution {
  const remembered = readCookie(request.cookies[ATTRIBUTION_COOKIE]);
  if (remembered && !isEmpty(remembered)) return remembered;
  const current = fromQuery(request.query as Record<string, unknown>);
  const referrerUrl = externalReferrer(request, publicUrl);
  if (referrerUrl) current.referrerUrl = referrerUrl;
  if (!isEmpty(current)) {
    reply.setCookie(
      ATTRIBUTION_COOKIE,
      Buffer.from(JSON.stringify(current)).toString('base64url'),
      {
        path: '/',
        httpOnly: true,
        sameSite: 'lax',
        secure,
      },
    );
  }
  return current;
}

/** In a frame: what its address says (/embed.js passes the host page's tags) and the host page. */
export function frameAttribution(request: FastifyRequest, publicUrl: string): Attribution {
  const found = fromQuery(request.query as Record<string, unknown>);
  const referrerUrl = externalReferrer(request, publicUrl);
  return referrerUrl ? { ...found, referrerUrl } : found;
}

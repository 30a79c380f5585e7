import { sql } from 'drizzle-orm';
import type { FastifyRequest } from 'fastify';
import {
  API_TOKEN_PREFIX,
  apiTokenInputSchema,
  type ApiToken,
} from '../../../contracts/integrations.ts';
import { permissionsOf, type Permission } from '../../../contracts/roles.ts';
import type { z } from 'zod';
import { audit } from '../../core/audit.ts';
import type { AppContext } from '../../core/context.ts';
import { randomToken, sha256 } from '../../core/crypto.ts';
import { runSql } from '../../core/db/statement.ts';
import { AppError, notFound } from '../../core/http/errors.ts';
import type { AuthState, TokenStore } from '../../core/http/session.ts';
import { accountAccessOf } from '../accounts/access.ts';

interface TokenRow {
  id: number;
  name: string;
  prefix: string;
  scopes: string[];
  person_id: number;
  created_at: Date;
  expires_at: Date | null;
  revoked_at: Date | null;
  last_used_at: Date | null;
  rate_per_minute: number;
}

const iso = (at: Date | null) => (at ? new Date(at).toISOString() : null);

const toToken = (row: TokenRow): ApiToken => ({
  id: Number(row.id),
  name: row.name,
  prefix: row.prefix,
  scopes: row.scopes as Permission[],
  createdBy: Number(row.person_id),
  createdAt: new Date(row.created_at).toISOString(),
  expiresAt: iso(row.expires_at),
  revokedAt: iso(row.revoked_at),
  lastUsedAt: iso(row.last_used_at),
  ratePerMinute: row.rate_per_minute,
});

const columns = sql`id, name, prefix, scopes, person_id, created_at, expires_at, revoked_at,
                    last_used_at, rate_per_minute`;

export async function listTokens(ctx: AppContext): Promise<ApiToken[]> {
  const rows = await runSql<TokenRow>(
    ctx.database,
    sql`SELECT ${columns} FROM api_tokens WHERE campaign_id = ${ctx.campaignId}
         ORDER BY revoked_at IS NOT NULL, id DESC`,
  );
  return rows.map(toToken);
}

/** The maker of a token or webhook: a person (or a token) and what they hold now. */
export interface Maker {
  personId: number;
  permissions: readonly Permission[];
  ip: string;
}

/** Makes a token with scopes its maker holds; its secret is answered once, never kept. */
export async function createToken(
  ctx: AppContext,
  input: z.output<typeof apiTokenInputSchema>,
  maker: Maker,
): Promise<{ token: ApiToken; secret: string }> {
  const scopes = [...new Set(input.scopes)].sort();
  const missing = scopes.filter((scope) => !maker.permissions.includes(scope));
  if (missing.length > 0) {
    throw new AppError(
      403,
      'scope_not_held',
      `A token cannot hold a permission you do not hold: ${missing.join(', ')}.`,
    );
  }
  const secret = API_TOKEN_PREFIX + randomToken(32);
  const prefix = secret.slice(0, API_TOKEN_PREFIX.length + 6);
  return ctx.database.transaction(async (query) => {
    const [row] = await runSql<TokenRow>(
      query,
      sql`INSERT INTO api_tokens (campaign_id, name, prefix, secret_hash, scopes, person_id,
                                  expires_at, rate_per_minute)
          VALUES (${ctx.campaignId}, ${input.name}, ${prefix}, ${sha256(secret)}, ${scopes}::text[],
                  ${maker.personId}, ${input.expiresAt ?? null}, ${input.ratePerMinute})
          RETURNING ${columns}`,
    );
    await audit(
      { query },
      {
        campaignId: ctx.campaignId,
        actorId: maker.personId,
        action: 'api_token.created',
        target: `api_token:${row!.id}`,
        details: { name: input.name, scopes, expiresAt: input.expiresAt ?? null },
        ip: maker.ip,
      },
    );
    return { token: toToken(row!), secret };
  });
}

export async function revokeToken(ctx: AppContext, id: number, actorId: number, ip: string) {
  await ctx.database.transaction(async (query) => {
    const rows = await runSql(
      query,
      sql`UPDATE api_tokens SET revoked_at = now()
           WHERE campaign_id = ${ctx.campaignId} AND id = ${id} AND revoked_at IS NULL
          RETURNING id`,
    );
    if (rows.length === 0) throw notFound('token');
    await audit(
      { query },
      {
        campaignId: ctx.campaignId,
        actorId,
        action: 'api_token.revoked',
        target: `api_token:${id}`,
        ip,
      },
    );
  });
}

const refusedAudit = (
  ctx: AppContext,
  request: FastifyRequest,
  tokenId: number | null,
  actorId: number | null,
  reason: string,
) =>
  audit(ctx.database, {
    campaignId: ctx.campaignId,
    actorId,
    action: 'api_token.refused',
    target: tokenId === null ? 'api_token' : `api_token:${tokenId}`,
    details: { reason, method: request.method, route: request.routeOptions.url ?? request.url },
    ip: request.ip,
  });

/**
 * Reads a bearer token for core's access control. One statement finds a live token, notes
 * its use and counts it in the current minute (the rate limit, shared by every process); the
 * permissions are the token's scopes its maker still holds (a maker who lost a role takes it
 * from their tokens too). A token refused (unknown, revoked, expired) or a route it lacks the
 * scope for is audited.
 */
export function tokenStoreFor(ctx: AppContext): TokenStore {
  return {
    async load(request, secret) {
      const hash = sha256(secret);
      const [used] = await runSql<{
        id: number;
        person_id: number;
        scopes: string[];
        window_count: number;
        rate_per_minute: number;
      }>(
        ctx.database,
        sql`UPDATE api_tokens
               SET last_used_at = now(),
                   window_count = CASE WHEN window_start <= now() - interval '1 minute'
                                       THEN 1 ELSE window_count + 1 END,
                   window_start = CASE WHEN window_start <= now() - interval '1 minute'
                                       THEN now() ELSE window_start END
             WHERE campaign_id = ${ctx.campaignId} AND secret_hash = ${hash}
               AND revoked_at IS NULL AND (expires_at IS NULL OR expires_at > now())
            RETURNING id, person_id, scopes, window_count, rate_per_minute`,
      );
      if (!used) {
        const [known] = await runSql<{ id: number; person_id: number; revoked_at: Date | null }>(
          ctx.database,
          sql`SELECT id, person_id, revoked_at FROM api_tokens
               WHERE campaign_id = ${ctx.campaignId} AND secret_hash = ${hash}`,
        );
        await refusedAudit(
          ctx,
          request,
          known ? Number(known.id) : null,
          known ? Number(known.person_id) : null,
          known ? (known.revoked_at ? 'revoked' : 'expired') : 'unknown',
        );
        return null;
      }
      if (used.window_count > used.rate_per_minute) {
        throw new AppError(
          429,
          'rate_limited',
          'Too many requests with this token; wait a minute and try again.',
        );
      }
      const personId = Number(used.person_id);
      const account = (await accountAccessOf(ctx.database, ctx.campaignId, [personId])).get(
        personId,
      );
      const held = permissionsOf(account?.roles ?? [], account?.grants ?? []);
      const auth: AuthState = {
        personId,
        sessionHash: '',
        roles: [],
        permissions: held.filter((permission) => used.scopes.includes(permission)),
        token: { id: Number(used.id) },
      };
      return auth;
    },
    async refused(request, auth) {
      await refusedAudit(ctx, request, auth.token?.id ?? null, auth.personId, 'scope');
    },
  };
}

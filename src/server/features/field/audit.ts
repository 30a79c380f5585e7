import type { FastifyRequest } from 'fastify';
import { audit } from '../../core/audit.ts';
import type { AppContext } from '../../core/context.ts';
import { currentAuth } from '../../core/http/access.ts';

/** Audits what the request's person did in the field feature, with their address. */
export const fieldAudit =
  (ctx: AppContext) =>
  (
    request: FastifyRequest,
    action: string,
    target: string,
    details: Record<string, unknown> = {},
  ) =>
    audit(ctx.database, {
      campaignId: ctx.campaignId,
      actorId: currentAuth(request).personId,
      action,
      target,
      details,
      ip: request.ip,
    });

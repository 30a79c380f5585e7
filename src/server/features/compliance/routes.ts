import type { FastifyPluginAsync } from 'fastify';
import { complianceApi } from '../../../contracts/compliance-api.ts';
import type { AppContext } from '../../core/context.ts';
import { currentAuth } from '../../core/http/access.ts';
import { serve } from '../../core/http/contract.ts';
import { createElection, deleteElection, listElections, updateElection } from './elections.ts';
import { checkContact } from './gate.ts';

export const complianceRoutes =
  (ctx: AppContext): FastifyPluginAsync =>
  async (app) => {
    serve(app, complianceApi.elections, () => listElections(ctx));

    serve(app, complianceApi.createElection, (request) =>
      createElection(ctx, request.body, currentAuth(request).personId, request.ip),
    );

    serve(app, complianceApi.updateElection, (request) =>
      updateElection(
        ctx,
        request.params.id,
        request.body,
        currentAuth(request).personId,
        request.ip,
      ),
    );

    serve(app, complianceApi.deleteElection, async (request) => {
      await deleteElection(ctx, request.params.id, currentAuth(request).personId, request.ip);
      return { ok: true as const };
    });

    serve(app, complianceApi.check, async (request) => {
      const { at, ...question } = request.query;
      const decision = await checkContact(ctx, {
        ...question,
        at: at ? new Date(at) : new Date(),
      });
      return {
        allowed: decision.allowed,
        territory: decision.territory,
        ...(decision.allowed
          ? {}
          : { reason: decision.reason, until: decision.until?.toISOString() }),
      };
    });
  };

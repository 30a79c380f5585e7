import type { FastifyPluginAsync, FastifyRequest } from 'fastify';
import { callerIdsApi } from '../../../../contracts/calling-media.ts';
import { audit } from '../../../core/audit.ts';
import type { AppContext } from '../../../core/context.ts';
import { currentAuth } from '../../../core/http/access.ts';
import { serve } from '../../../core/http/contract.ts';
import {
  addCallerId,
  deleteCallerId,
  listCallerIds,
  pauseCallerId,
  resumeCallerId,
} from './service.ts';

export const callerIdRoutes =
  (ctx: AppContext): FastifyPluginAsync =>
  async (app) => {
    const logged = (
      request: FastifyRequest,
      action: string,
      id: number,
      details: Record<string, unknown>,
    ) =>
      audit(ctx.database, {
        campaignId: ctx.campaignId,
        actorId: currentAuth(request).personId,
        action,
        target: `call_caller_id:${id}`,
        details,
        ip: request.ip,
      });

    serve(app, callerIdsApi.list, async () => ({ items: await listCallerIds(ctx) }));

    serve(app, callerIdsApi.add, async (request) => {
      const callerId = await addCallerId(ctx, request.body);
      await logged(request, 'calling.caller_id.add', callerId.id, {
        e164: callerId.e164,
        label: callerId.label,
      });
      return callerId;
    });

    serve(app, callerIdsApi.pause, async (request) => {
      const { callerId, changed } = await pauseCallerId(ctx, request.params.id);
      if (changed) {
        await logged(request, 'calling.caller_id.pause', callerId.id, { e164: callerId.e164 });
      }
      return callerId;
    });

    serve(app, callerIdsApi.resume, async (request) => {
      const { callerId, changed, pauseReason } = await resumeCallerId(ctx, request.params.id);
      if (changed) {
        await logged(request, 'calling.caller_id.resume', callerId.id, {
          e164: callerId.e164,
          pauseReason,
        });
      }
      return callerId;
    });

    serve(app, callerIdsApi.delete, async (request) => {
      const { e164 } = await deleteCallerId(ctx, request.params.id);
      await logged(request, 'calling.caller_id.delete', request.params.id, { e164 });
      return { ok: true as const };
    });
  };

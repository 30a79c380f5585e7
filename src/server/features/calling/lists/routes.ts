import type { FastifyPluginAsync, FastifyRequest } from 'fastify';
import { callListsApi } from '../../../../contracts/calling-lists.ts';
import { audit } from '../../../core/audit.ts';
import type { AppContext } from '../../../core/context.ts';
import { currentAuth } from '../../../core/http/access.ts';
import { serve } from '../../../core/http/contract.ts';
import {
  acceptCallList,
  callList,
  deleteCallList,
  listCallLists,
  startCallListImport,
} from './service.ts';

/** Lists of numbers to call: their import, report and deletion. */
export const callListRoutes =
  (ctx: AppContext): FastifyPluginAsync =>
  async (app) => {
    const logged = (request: FastifyRequest, action: string, listId: number, details: object) =>
      audit(ctx.database, {
        campaignId: ctx.campaignId,
        actorId: currentAuth(request).personId,
        action,
        target: `call_list:${listId}`,
        details: { ...details },
        ip: request.ip,
      });

    serve(app, callListsApi.start, async (request) => {
      const started = await startCallListImport(ctx, request, currentAuth(request).personId);
      await logged(request, 'calling.list.import', started.id, {
        name: started.name,
        fileName: started.fileName,
        size: started.size,
      });
      return started;
    });
    serve(app, callListsApi.list, () => listCallLists(ctx));
    serve(app, callListsApi.get, (request) => callList(ctx, request.params.id));
    serve(app, callListsApi.accept, async (request) => {
      const accepted = await acceptCallList(ctx, request.params.id, currentAuth(request).personId);
      await logged(request, 'calling.list.accept', accepted.id, {
        name: accepted.name,
        invalidRows: accepted.invalidRows,
      });
      return accepted;
    });
    serve(app, callListsApi.delete, async (request) => {
      const deleted = await deleteCallList(ctx, request.params.id);
      await logged(request, 'calling.list.delete', deleted.id, {
        name: deleted.name,
        numberCount: deleted.numberCount,
      });
      return { ok: true as const };
    });
  };

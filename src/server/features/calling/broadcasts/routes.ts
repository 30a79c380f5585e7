import type { FastifyPluginAsync } from 'fastify';
import { broadcastsApi } from '../../../../contracts/calling-api.ts';
import type { AppContext } from '../../../core/context.ts';
import { currentAuth } from '../../../core/http/access.ts';
import { serve } from '../../../core/http/contract.ts';
import { broadcastDashboard } from './dashboard.ts';
import { broadcastCallsCsv, sendCsv } from '../exports.ts';
import {
  approveLaunch,
  changeBroadcast,
  confirmOptOutNotice,
  createBroadcast,
  getBroadcast,
  listBroadcasts,
  requestLaunch,
  updateBroadcast,
} from './service.ts';

/** Staff build, launch and follow voice broadcasts (`calling.manage`). */
export const broadcastRoutes =
  (ctx: AppContext): FastifyPluginAsync =>
  async (app) => {
    const actor = (request: Parameters<typeof currentAuth>[0]) => currentAuth(request).personId;
    serve(app, broadcastsApi.list, () => listBroadcasts(ctx));
    serve(app, broadcastsApi.create, (request) =>
      createBroadcast(ctx, request.body, actor(request)),
    );
    serve(app, broadcastsApi.get, (request) => getBroadcast(ctx, request.params.id));
    serve(app, broadcastsApi.update, (request) =>
      updateBroadcast(ctx, request.params.id, request.body, actor(request)),
    );
    serve(app, broadcastsApi.confirmOptOut, (request) =>
      confirmOptOutNotice(ctx, request.params.id, actor(request)),
    );
    serve(app, broadcastsApi.requestLaunch, (request) =>
      requestLaunch(ctx, request.params.id, actor(request)),
    );
    serve(app, broadcastsApi.approve, (request) =>
      approveLaunch(ctx, request.params.id, actor(request)),
    );
    for (const change of ['pause', 'resume', 'cancel'] as const) {
      serve(app, broadcastsApi[change], (request) =>
        changeBroadcast(ctx, request.params.id, change, actor(request)),
      );
    }
    serve(app, broadcastsApi.dashboard, (request) => broadcastDashboard(ctx, request.params.id));
    serve(app, broadcastsApi.callsCsv, async (request, reply) => {
      const { id } = request.params;
      await getBroadcast(ctx, id);
      return sendCsv(ctx, request, reply, {
        action: 'calling.broadcast.export',
        target: `call_broadcast:${id}`,
        name: `appels-diffusion-${id}.csv`,
        lines: broadcastCallsCsv(ctx, id),
      });
    });
  };

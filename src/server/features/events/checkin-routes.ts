import type { FastifyPluginAsync } from 'fastify';
import { eventCheckinApi } from '../../../contracts/event-checkin-api.ts';
import type { AppContext } from '../../core/context.ts';
import { currentAuth, currentScope } from '../../core/http/access.ts';
import { serve } from '../../core/http/contract.ts';
import { addWalkIn, checkIn, checkinList } from './checkin.ts';
import { committeeStats, reportState, saveReport } from './report.ts';

/** The day of an event and after: the door's list, check-ins, walk-ins, reports, figures. */
export const eventCheckinRoutes =
  (ctx: AppContext): FastifyPluginAsync =>
  async (app) => {
    serve(app, eventCheckinApi.checkinList, (request) =>
      checkinList(ctx, currentScope(request).id, request.query),
    );
    serve(app, eventCheckinApi.checkin, (request) =>
      checkIn(ctx, currentScope(request).id, request.params.personId, request.body.present),
    );
    serve(app, eventCheckinApi.walkIn, (request) =>
      addWalkIn(ctx, currentScope(request).id, request.body, {
        actorId: currentAuth(request).personId,
        ip: request.ip,
      }),
    );
    serve(app, eventCheckinApi.report, (request) => reportState(ctx, currentScope(request).id));
    serve(app, eventCheckinApi.saveReport, (request) =>
      saveReport(ctx, currentScope(request).id, request.body, currentAuth(request).personId),
    );
    serve(app, eventCheckinApi.committeeStats, (request) =>
      committeeStats(ctx, currentScope(request).id),
    );
  };

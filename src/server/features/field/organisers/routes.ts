import type { FastifyPluginAsync } from 'fastify';
import { fieldOrganisersApi } from '../../../../contracts/field-api.ts';
import type { AppContext } from '../../../core/context.ts';
import { currentAuth, currentScope } from '../../../core/http/access.ts';
import { serve } from '../../../core/http/contract.ts';
import { fieldAudit } from '../audit.ts';
import { assignCommitteeTurf, committeeTurfs } from './committee-turfs.ts';
import {
  attachEventTurf,
  detachEventTurf,
  eventTurfChoices,
  eventTurfs,
  turfEvents,
} from './event-turfs.ts';

/**
 * Door-to-door in the organisers' hands: a session's turfs (its managers attach their
 * committee's, field staff any) and a committee's turfs given to its members for dates.
 */
export const fieldOrganiserRoutes =
  (ctx: AppContext): FastifyPluginAsync =>
  async (app) => {
    const logged = fieldAudit(ctx);

    serve(app, fieldOrganisersApi.eventTurfs, (request) =>
      eventTurfs(ctx, currentScope(request).id, currentAuth(request)),
    );
    serve(app, fieldOrganisersApi.eventTurfChoices, (request) =>
      eventTurfChoices(ctx, currentScope(request).id, request.query.q, currentAuth(request)),
    );
    serve(app, fieldOrganisersApi.attachEventTurf, async (request) => {
      const { id } = currentScope(request);
      const { turfId } = request.params;
      const turfs = await attachEventTurf(ctx, id, turfId, currentAuth(request));
      await logged(request, 'field.event_turf.attach', `event:${id}`, { turfId });
      return turfs;
    });
    serve(app, fieldOrganisersApi.detachEventTurf, async (request) => {
      const { id } = currentScope(request);
      const { turfId } = request.params;
      const turfs = await detachEventTurf(ctx, id, turfId, currentAuth(request));
      await logged(request, 'field.event_turf.detach', `event:${id}`, { turfId });
      return turfs;
    });
    serve(app, fieldOrganisersApi.turfEvents, (request) => turfEvents(ctx, request.params.id));

    serve(app, fieldOrganisersApi.committeeTurfs, (request) =>
      committeeTurfs(ctx, currentScope(request).id),
    );
    serve(app, fieldOrganisersApi.assignCommitteeTurf, async (request) => {
      const committeeId = currentScope(request).id;
      const turf = await assignCommitteeTurf(
        ctx,
        committeeId,
        request.params.turfId,
        request.body,
        currentAuth(request).personId,
      );
      await logged(request, 'field.turf.assign', `field_turf:${turf.id}`, {
        committeeId,
        fields: Object.keys(request.body).sort(),
      });
      return turf;
    });
  };

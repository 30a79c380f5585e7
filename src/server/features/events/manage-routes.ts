import type { FastifyPluginAsync } from 'fastify';
import { eventsApi } from '../../../contracts/events-api.ts';
import type { AppContext } from '../../core/context.ts';
import { currentScope } from '../../core/http/access.ts';
import { serve } from '../../core/http/contract.ts';
import { viewerOf } from '../../core/http/viewer.ts';
import { committeeEvents, eventForEdit } from './editing.ts';

/** What the organisers' screens read beyond the public answers: the form's source, all events. */
export const eventManagementRoutes =
  (ctx: AppContext): FastifyPluginAsync =>
  async (app) => {
    serve(app, eventsApi.forEdit, (request) =>
      eventForEdit(ctx, currentScope(request).id, viewerOf(request)),
    );
    serve(app, eventsApi.ofCommittee, (request) => committeeEvents(ctx, currentScope(request).id));
  };

import type { FastifyPluginAsync } from 'fastify';
import { mobilisationApi } from '../../../contracts/mobilisation-api.ts';
import type { AppContext } from '../../core/context.ts';
import { currentAuth } from '../../core/http/access.ts';
import { serve } from '../../core/http/contract.ts';
import { takeAction } from './actions.ts';
import { actionFeed } from './feed.ts';
import { registerMobilisationListeners } from './listeners.ts';
import { saveVolunteerProfile, volunteerProfile } from './profile.ts';
import { refreshActions } from './sources.ts';
import { lastCopiedAt } from './store.ts';

/**
 * The supporter's own mobilisation: only ever the logged-in person's profile and feed; staff
 * with `people.read` read a person's profile.
 */
export const mobilisationRoutes =
  (ctx: AppContext): FastifyPluginAsync =>
  async (app) => {
    registerMobilisationListeners();

    serve(app, mobilisationApi.profile, (request) =>
      volunteerProfile(ctx, currentAuth(request).personId),
    );

    serve(app, mobilisationApi.updateProfile, (request) =>
      saveVolunteerProfile(ctx, currentAuth(request).personId, request.body),
    );

    serve(app, mobilisationApi.feed, (request) =>
      actionFeed(ctx, currentAuth(request).personId, request.query.limit),
    );

    serve(app, mobilisationApi.take, (request) =>
      takeAction(ctx, currentAuth(request).personId, request.body),
    );

    // Staff read it on the person page: what the volunteer said they can do (languages,
    // skills), for the calls and assignments the feed cannot match.
    serve(app, mobilisationApi.ofPerson, (request) => volunteerProfile(ctx, request.params.id));

    // HQ, after cutting turfs or adding shifts: no need to wait for the periodic copy. The
    // copy's time lets the needs list of calls to action say how fresh it is.
    serve(app, mobilisationApi.refresh, async () => {
      const count = await refreshActions(ctx);
      return { count, refreshedAt: (await lastCopiedAt(ctx)) ?? new Date().toISOString() };
    });
  };

import type { FastifyPluginAsync } from 'fastify';
import { mobilisationApi } from '../../../contracts/mobilisation-api.ts';
import type { AppContext } from '../../core/context.ts';
import { currentAuth } from '../../core/http/access.ts';
import { serve } from '../../core/http/contract.ts';
import { takeAction } from './actions.ts';
import { actionFeed } from './feed.ts';
import { saveVolunteerProfile, volunteerProfile } from './profile.ts';
import { refreshActions } from './sources.ts';

/**
 * The supporter's own mobilisation: only ever the logged-in person's profile and feed; staff
 * with `people.read` read a person's profile.
 */
export const mobilisationRoutes =
  (ctx: AppContext): FastifyPluginAsync =>
  async (app) => {
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

    // HQ, after cutting turfs or adding shifts: no need to wait for the periodic copy.
    serve(app, mobilisationApi.refresh, async () => ({ count: await refreshActions(ctx) }));
  };

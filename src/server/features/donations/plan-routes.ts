import type { FastifyPluginAsync } from 'fastify';
import { donationPlansApi } from '../../../contracts/donation-plans-api.ts';
import type { AppContext } from '../../core/context.ts';
import { currentAuth } from '../../core/http/access.ts';
import { serve } from '../../core/http/contract.ts';
import { changePlanAmount, changePlanCard, myPlans, stopMyPlan } from './my-plans.ts';

/** The logged-in donor's monthly gifts: another person's plan is a 404, as if it did not exist. */
export const donationPlanRoutes =
  (ctx: AppContext): FastifyPluginAsync =>
  async (app) => {
    serve(app, donationPlansApi.list, (request) => myPlans(ctx, currentAuth(request).personId));

    serve(app, donationPlansApi.changeAmount, (request) =>
      changePlanAmount(ctx, currentAuth(request).personId, request.params.id, request.body),
    );

    serve(app, donationPlansApi.changeCard, (request) =>
      changePlanCard(ctx, currentAuth(request).personId, request.params.id, request.body),
    );

    serve(app, donationPlansApi.stop, (request) =>
      stopMyPlan(ctx, currentAuth(request).personId, request.params.id),
    );
  };

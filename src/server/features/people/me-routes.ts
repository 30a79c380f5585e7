import type { FastifyPluginAsync } from 'fastify';
import { meApi } from '../../../contracts/me-api.ts';
import type { AppContext } from '../../core/context.ts';
import { currentAuth } from '../../core/http/access.ts';
import { serve } from '../../core/http/contract.ts';
import { clearSessionCookie } from '../../core/http/session.ts';
import { attachment, dataFileName } from './data-file.ts';
import { exportMyData, profile, updateMyConsents, updateProfile } from './me.ts';
import { myDataFileSchema } from './my-data-schema.ts';
import { erasePerson } from './service.ts';

/** The supporter's own space: only ever the logged-in person's data. */
export const meRoutes =
  (ctx: AppContext): FastifyPluginAsync =>
  async (app) => {
    serve(app, meApi.profile, (request) => profile(ctx, currentAuth(request).personId));

    serve(app, meApi.updateProfile, (request) =>
      updateProfile(ctx, currentAuth(request).personId, request.body),
    );

    serve(app, meApi.updateConsents, (request) =>
      updateMyConsents(
        ctx,
        currentAuth(request).personId,
        request.body.consents,
        request.body.locale,
        request.body.automatedCall,
        request.body.emailTracking,
      ),
    );

    serve(
      app,
      meApi.export,
      async (request, reply) => {
        const data = await exportMyData(ctx, currentAuth(request).personId);
        return reply
          .header('content-disposition', attachment(dataFileName(data.about.campaign)))
          .header('cache-control', 'no-store')
          .type('application/json')
          .send(JSON.stringify(data, null, 2));
      },
      { response: myDataFileSchema() },
    );

    serve(app, meApi.deleteAccount, async (request, reply) => {
      const { personId } = currentAuth(request);
      await erasePerson(ctx, personId, personId);
      clearSessionCookie(reply);
      return { ok: true as const };
    });
  };

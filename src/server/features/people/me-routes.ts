import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import {
  consentUpdateSchema,
  deleteAccountSchema,
  profileSchema,
  profileUpdateSchema,
} from '../../../contracts/accounts.ts';
import { okSchema } from '../../../contracts/common.ts';
import type { AppContext } from '../../core/context.ts';
import { currentAuth } from '../../core/http/access.ts';
import { clearSessionCookie } from '../../core/http/session.ts';
import { attachment, dataFileName } from './data-file.ts';
import { exportMyData, profile, updateMyConsents, updateProfile } from './me.ts';
import { myDataFileSchema } from './my-data-schema.ts';
import { erasePerson } from './service.ts';

/** The supporter's own space: only ever the logged-in person's data. */
export const meRoutes =
  (ctx: AppContext): FastifyPluginAsyncZod =>
  async (app) => {
    const me = { access: { authenticated: true } } as const;

    app.get(
      '/api/me/profile',
      {
        config: me,
        schema: {
          summary: "The logged-in supporter's profile and consents",
          tags: ['me'],
          response: { 200: profileSchema },
        },
      },
      async (request) => profile(ctx, currentAuth(request).personId),
    );

    app.put(
      '/api/me/profile',
      {
        config: me,
        schema: {
          summary: "Change the logged-in supporter's profile",
          tags: ['me'],
          body: profileUpdateSchema,
          response: { 200: profileSchema },
        },
      },
      async (request) => updateProfile(ctx, currentAuth(request).personId, request.body),
    );

    app.put(
      '/api/me/consents',
      {
        config: me,
        schema: {
          summary: "Change the logged-in supporter's consents",
          tags: ['me'],
          body: consentUpdateSchema,
          response: { 200: profileSchema },
        },
      },
      async (request) =>
        updateMyConsents(
          ctx,
          currentAuth(request).personId,
          request.body.consents,
          request.body.locale,
        ),
    );

    app.get(
      '/api/me/export',
      {
        config: me,
        schema: {
          summary: 'Download everything the campaign holds on the logged-in supporter (JSON)',
          tags: ['me'],
          response: { 200: myDataFileSchema() },
        },
      },
      async (request, reply) => {
        const data = await exportMyData(ctx, currentAuth(request).personId);
        return reply
          .header('content-disposition', attachment(dataFileName(data.about.campaign)))
          .header('cache-control', 'no-store')
          .type('application/json')
          .send(JSON.stringify(data, null, 2));
      },
    );

    app.post(
      '/api/me/delete',
      {
        config: me,
        schema: {
          summary: "Erase the logged-in supporter's account and data",
          tags: ['me'],
          body: deleteAccountSchema,
          response: { 200: okSchema },
        },
      },
      async (request, reply) => {
        const { personId } = currentAuth(request);
        await erasePerson(ctx, personId, personId);
        clearSessionCookie(reply);
        return { ok: true as const };
      },
    );
  };

import { sql } from 'drizzle-orm';
import type { FastifyPluginAsync } from 'fastify';
import { customFieldsApi } from '../../../../contracts/custom-fields-api.ts';
import type { AppContext } from '../../../core/context.ts';
import { currentAuth } from '../../../core/http/access.ts';
import { serve } from '../../../core/http/contract.ts';
import { notFound } from '../../../core/http/errors.ts';
import {
  createCustomField,
  deleteCustomField,
  listCustomFields,
  updateCustomField,
} from './definitions.ts';
import { personValuesOf, setPersonValues } from './values.ts';

export const customFieldsRoutes =
  (ctx: AppContext): FastifyPluginAsync =>
  async (app) => {
    serve(app, customFieldsApi.list, () => listCustomFields(ctx, { withCounts: true }));

    serve(app, customFieldsApi.create, (request) =>
      createCustomField(ctx, request.body, currentAuth(request).personId),
    );

    serve(app, customFieldsApi.update, (request) =>
      updateCustomField(ctx, request.params.id, request.body, currentAuth(request).personId),
    );

    serve(app, customFieldsApi.remove, async (request) => {
      await deleteCustomField(ctx, request.params.id, currentAuth(request).personId);
      return { ok: true as const };
    });

    serve(app, customFieldsApi.personValues, async (request) => {
      const found = await ctx.database.query(
        sql`SELECT 1 FROM people
             WHERE campaign_id = ${ctx.campaignId} AND id = ${request.params.id} AND erased_at IS NULL`,
      );
      if (!found.length) throw notFound('person');
      return (await personValuesOf(ctx, [request.params.id])).get(request.params.id) ?? {};
    });

    serve(app, customFieldsApi.setPersonValues, (request) =>
      setPersonValues(ctx, request.params.id, request.body.values, currentAuth(request).personId),
    );
  };

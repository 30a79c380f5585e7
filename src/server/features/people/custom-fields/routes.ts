import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { idParamSchema, okSchema } from '../../../../contracts/common.ts';
import {
  customFieldInputSchema,
  customFieldSchema,
  personCustomValuesInputSchema,
  personCustomValuesSchema,
} from '../../../../contracts/custom-fields.ts';
import type { AppContext } from '../../../core/context.ts';
import { currentAuth } from '../../../core/http/access.ts';
import { notFound } from '../../../core/http/errors.ts';
import {
  createCustomField,
  deleteCustomField,
  listCustomFields,
  updateCustomField,
} from './definitions.ts';
import { personValuesOf, setPersonValues } from './values.ts';
import { routeProblems } from '../../../core/http/openapi.ts';

export const customFieldsRoutes =
  (ctx: AppContext): FastifyPluginAsyncZod =>
  async (app) => {
    const read = { access: { permission: 'people.read' } } as const;
    const define = { access: { permission: 'people.fields' } } as const;
    const tags = ['custom fields'];

    app.get(
      '/api/custom-fields',
      {
        config: read,
        schema: {
          tags,
          summary: "The campaign's custom fields on people, with how many people have a value",
          response: { 200: z.array(customFieldSchema) },
        },
      },
      async () => listCustomFields(ctx, { withCounts: true }),
    );

    app.post(
      '/api/custom-fields',
      {
        config: define,
        schema: {
          ...routeProblems({ 409: '`field_key_taken`: another field has this key.' }),
          tags,
          summary: 'Define a custom field',
          body: customFieldInputSchema,
          response: { 200: customFieldSchema },
        },
      },
      async (request) => createCustomField(ctx, request.body, currentAuth(request).personId),
    );

    app.put(
      '/api/custom-fields/:id',
      {
        config: define,
        schema: {
          ...routeProblems({
            409: "`field_key_taken`, `field_in_use` (people have values: key and type cannot change) or `option_in_use` (a removed option is some people's value).",
          }),
          tags,
          summary:
            "Change a field's labels or options (key and type only while no one has a value)",
          params: idParamSchema,
          body: customFieldInputSchema,
          response: { 200: customFieldSchema },
        },
      },
      async (request) =>
        updateCustomField(ctx, request.params.id, request.body, currentAuth(request).personId),
    );

    app.delete(
      '/api/custom-fields/:id',
      {
        config: define,
        schema: {
          tags,
          summary: "Delete a field and every person's value for it (audited)",
          params: idParamSchema,
          response: { 200: okSchema },
        },
      },
      async (request) => {
        await deleteCustomField(ctx, request.params.id, currentAuth(request).personId);
        return { ok: true as const };
      },
    );

    app.get(
      '/api/people/:id/custom-fields',
      {
        config: read,
        schema: {
          tags,
          summary: "A person's custom field values, by key",
          params: idParamSchema,
          response: { 200: personCustomValuesSchema },
        },
      },
      async (request) => {
        const found = await ctx.database.query(
          'SELECT 1 FROM people WHERE campaign_id = $1 AND id = $2 AND erased_at IS NULL',
          [ctx.campaignId, request.params.id],
        );
        if (!found.length) throw notFound('person');
        return (await personValuesOf(ctx, [request.params.id])).get(request.params.id) ?? {};
      },
    );

    app.put(
      '/api/people/:id/custom-fields',
      {
        config: { access: { permission: 'people.write' } },
        schema: {
          tags,
          summary: "Set some of a person's custom field values (null removes one)",
          params: idParamSchema,
          body: personCustomValuesInputSchema,
          response: { 200: personCustomValuesSchema },
        },
      },
      async (request) =>
        setPersonValues(ctx, request.params.id, request.body.values, currentAuth(request).personId),
    );
  };

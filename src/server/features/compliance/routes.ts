import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { idParamSchema, okSchema } from '../../../contracts/common.ts';
import {
  contactCheckQuerySchema,
  contactDecisionSchema,
  electionInputSchema,
  electionSchema,
} from '../../../contracts/compliance.ts';
import type { AppContext } from '../../core/context.ts';
import { currentAuth } from '../../core/http/access.ts';
import { createElection, deleteElection, listElections, updateElection } from './elections.ts';
import { checkContact } from './gate.ts';

export const complianceRoutes =
  (ctx: AppContext): FastifyPluginAsyncZod =>
  async (app) => {
    const manage = { access: { permission: 'compliance.manage' } } as const;
    const tags = ['compliance'];

    app.get(
      '/api/compliance/elections',
      {
        config: manage,
        schema: {
          tags,
          summary: "The campaign's elections and their rounds, with the day of each per territory",
          response: { 200: z.array(electionSchema) },
        },
      },
      async () => listElections(ctx),
    );

    app.post(
      '/api/compliance/elections',
      {
        config: manage,
        schema: {
          tags,
          summary: 'Add an election and its rounds (audited)',
          body: electionInputSchema,
          response: { 200: electionSchema },
        },
      },
      async (request) =>
        createElection(ctx, request.body, currentAuth(request).personId, request.ip),
    );

    app.put(
      '/api/compliance/elections/:id',
      {
        config: manage,
        schema: {
          tags,
          summary: "Change an election's name, kind or rounds (audited)",
          params: idParamSchema,
          body: electionInputSchema,
          response: { 200: electionSchema },
        },
      },
      async (request) =>
        updateElection(
          ctx,
          request.params.id,
          request.body,
          currentAuth(request).personId,
          request.ip,
        ),
    );

    app.delete(
      '/api/compliance/elections/:id',
      {
        config: manage,
        schema: {
          tags,
          summary: 'Delete an election and its rounds (audited)',
          params: idParamSchema,
          response: { 200: okSchema },
        },
      },
      async (request) => {
        await deleteElection(ctx, request.params.id, currentAuth(request).personId, request.ip);
        return { ok: true as const };
      },
    );

    app.get(
      '/api/compliance/check',
      {
        config: { access: { permission: 'people.read' } },
        schema: {
          tags,
          summary:
            'May the campaign reach this person on this channel for this purpose (now, or at a moment), and if not, why',
          querystring: contactCheckQuerySchema,
          response: { 200: contactDecisionSchema },
        },
      },
      async (request) => {
        const { at, ...question } = request.query;
        const decision = await checkContact(ctx, {
          ...question,
          at: at ? new Date(at) : new Date(),
        });
        return {
          allowed: decision.allowed,
          territory: decision.territory,
          ...(decision.allowed
            ? {}
            : { reason: decision.reason, until: decision.until?.toISOString() }),
        };
      },
    );
  };

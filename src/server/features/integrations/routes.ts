import type { FastifyPluginAsync, FastifyRequest } from 'fastify';
import { integrationsApi } from '../../../contracts/integrations-api.ts';
import type { AppContext } from '../../core/context.ts';
import { currentAuth, currentPerson } from '../../core/http/access.ts';
import { serve } from '../../core/http/contract.ts';
import { useTokenStore } from '../../core/http/session.ts';
import {
  createEndpoint,
  deleteEndpoint,
  listDeliveries,
  listEndpoints,
  updateEndpoint,
} from './endpoints.ts';
import { registerWebhookListeners } from './listeners.ts';
import { createToken, listTokens, revokeToken, tokenStoreFor, type Maker } from './tokens.ts';

/** Who acts: a person or a token, with what they hold now. */
const makerOf = (request: FastifyRequest): Maker => {
  const auth = currentAuth(request);
  return { personId: auth.personId, permissions: auth.permissions, ip: request.ip };
};

export const integrationsRoutes =
  (ctx: AppContext): FastifyPluginAsync =>
  async (app) => {
    useTokenStore(tokenStoreFor(ctx));
    registerWebhookListeners();

    serve(app, integrationsApi.tokens, () => listTokens(ctx));
    // Only a person makes a token (its secret is shown to them), never another token.
    serve(app, integrationsApi.createToken, (request) => {
      const person = currentPerson(request);
      return createToken(ctx, request.body, {
        personId: person.personId,
        permissions: person.permissions,
        ip: request.ip,
      });
    });
    serve(app, integrationsApi.revokeToken, async (request) => {
      await revokeToken(ctx, request.params.id, currentAuth(request).personId, request.ip);
      return { ok: true as const };
    });

    serve(app, integrationsApi.webhooks, () => listEndpoints(ctx));
    serve(app, integrationsApi.createWebhook, (request) =>
      createEndpoint(ctx, request.body, makerOf(request)),
    );
    serve(app, integrationsApi.updateWebhook, (request) =>
      updateEndpoint(ctx, request.params.id, request.body, makerOf(request)),
    );
    serve(app, integrationsApi.deleteWebhook, async (request) => {
      await deleteEndpoint(ctx, request.params.id, currentAuth(request).personId, request.ip);
      return { ok: true as const };
    });
    serve(app, integrationsApi.deliveries, (request) =>
      listDeliveries(ctx, request.params.id, request.query),
    );
  };

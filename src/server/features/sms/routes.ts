import type { FastifyPluginAsync, FastifyRequest } from 'fastify';
import { smsApi, smsWebhooksApi } from '../../../contracts/sms-api.ts';
import type { AppContext } from '../../core/context.ts';
import { currentAuth } from '../../core/http/access.ts';
import { serve } from '../../core/http/contract.ts';
import { AppError, notFound } from '../../core/http/errors.ts';
import { acceptFormPosts } from '../../core/http/form-body.ts';
import { caughtSmsList } from './dev.ts';
import { receiveSms, receiveSmsStatus, smsReplies, smsWebhookVerifier } from './inbound.ts';
import { releaseDueSms } from './send.ts';
import {
  cancelSmsCampaign,
  createSmsCampaign,
  deleteSmsCampaign,
  getSmsCampaign,
  listSmsCampaigns,
  scheduleSmsCampaign,
  sendTestSms,
  smsReach,
  updateSmsCampaign,
} from './service.ts';

const CAUGHT_PAGE = 50;

/** Staff write, test, schedule, send and follow text campaigns (`messaging.send`). */
const staffRoutes =
  (ctx: AppContext): FastifyPluginAsync =>
  async (app) => {
    const actor = (request: Parameters<typeof currentAuth>[0]) => currentAuth(request).personId;
    serve(app, smsApi.list, () => listSmsCampaigns(ctx));
    serve(app, smsApi.create, (request) => createSmsCampaign(ctx, request.body, actor(request)));
    serve(app, smsApi.caught, (request) =>
      caughtSmsList(ctx.database, ctx.campaignId, {
        limit: CAUGHT_PAGE,
        offset: (request.query.page - 1) * CAUGHT_PAGE,
      }),
    );
    serve(app, smsApi.replies, (request) =>
      smsReplies(ctx, request.query, currentAuth(request).permissions.includes('people.read')),
    );
    serve(app, smsApi.get, (request) => getSmsCampaign(ctx, request.params.id));
    serve(app, smsApi.update, (request) =>
      updateSmsCampaign(ctx, request.params.id, request.body, actor(request)),
    );
    serve(app, smsApi.delete, async (request) => {
      await deleteSmsCampaign(ctx, request.params.id, actor(request));
      return { ok: true as const };
    });
    serve(app, smsApi.reach, (request) => smsReach(ctx, request.body));
    serve(app, smsApi.test, (request) => sendTestSms(ctx, request.params.id, actor(request)));
    serve(app, smsApi.schedule, async (request) => {
      const { id } = request.params;
      await scheduleSmsCampaign(ctx, id, request.body.at, actor(request));
      // "Send now": frozen and queued at once, not at the next minute's round.
      if (request.body.at === null) await releaseDueSms(ctx);
      return getSmsCampaign(ctx, id);
    });
    serve(app, smsApi.cancel, async (request) => {
      await cancelSmsCampaign(ctx, request.params.id, actor(request));
      return getSmsCampaign(ctx, request.params.id);
    });
  };

/**
 * What the provider calls: every request checked against its signature over the public URL
 * and the form parameters, else refused (403) with nothing kept.
 */
const webhookRoutes =
  (ctx: AppContext): FastifyPluginAsync =>
  async (scope) => {
    acceptFormPosts(scope, 64 * 1024);
    const verify = smsWebhookVerifier(ctx.config);
    const options = { config: { csrf: false } } as const;
    const verified = (request: FastifyRequest, campaignId: number) => {
      if (campaignId !== ctx.campaignId) throw notFound('campaign');
      const params = Object.fromEntries(
        Object.entries((request.body ?? {}) as Record<string, string | undefined>).flatMap(
          ([key, value]) => (value === undefined ? [] : [[key, value]]),
        ),
      );
      const header = request.headers['x-twilio-signature'];
      const ok = verify({
        url: `${ctx.config.publicUrl}${request.url}`,
        params,
        signature: typeof header === 'string' ? header : undefined,
      });
      if (!ok) {
        throw new AppError(403, 'callback_rejected', 'The provider signature does not verify.');
      }
      return params;
    };
    serve(
      scope,
      smsWebhooksApi.inbound,
      async (request, reply) => {
        const params = verified(request, request.params.campaignId);
        await receiveSms(ctx, params);
        // No answer of ours: the provider's own STOP handling confirms to the person.
        return reply
          .type('text/xml; charset=utf-8')
          .send('<?xml version="1.0" encoding="UTF-8"?><Response/>');
      },
      options,
    );
    serve(
      scope,
      smsWebhooksApi.status,
      async (request) => {
        const params = verified(request, request.params.campaignId);
        await receiveSmsStatus(ctx, params);
        return null;
      },
      options,
    );
  };

export const smsRoutes =
  (ctx: AppContext): FastifyPluginAsync =>
  async (app) => {
    await app.register(staffRoutes(ctx));
    await app.register(webhookRoutes(ctx));
  };

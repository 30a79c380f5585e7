import { sql } from 'drizzle-orm';
import type { FastifyPluginAsync, FastifyReply, FastifyRequest } from 'fastify';
import { carrierCallbacksApi } from '../../../../contracts/calling-api.ts';
import type { AppContext } from '../../../core/context.ts';
import { serve } from '../../../core/http/contract.ts';
import { AppError, notFound } from '../../../core/http/errors.ts';
import { acceptFormPosts } from '../../../core/http/form-body.ts';
import { addPhoneOptOuts } from '../../compliance/phone-opt-outs.ts';
import { callbackCarrier } from '../carrier/configured.ts';
import { callUrls } from './call-urls.ts';
import { receiveCallback } from './callbacks.ts';
import { addOptOutStat } from './stats.ts';

const OPT_OUT_DIGIT = '9';
const CONFIRMATION = {
  text: 'Votre numéro ne sera plus appelé par cette campagne. Au revoir.',
  language: 'fr-FR',
};

/**
 * What the carrier calls back. Every request is checked against the carrier's signature over
 * the URL Levier gave it (the public base URL and the path), else refused with nothing kept;
 * status reports go to the inbox in one statement, TwiML is written at once.
 */
export const carrierRoutes =
  (ctx: AppContext): FastifyPluginAsync =>
  async (scope) => {
    acceptFormPosts(scope, 64 * 1024);
    const carrier = callbackCarrier(ctx.config);
    const urls = callUrls(ctx.config.publicUrl, ctx.campaignId, ctx.config.sessionSecret);
    const options = { config: { csrf: false } } as const;

    const verified = (request: FastifyRequest, campaignId: number) => {
      if (campaignId !== ctx.campaignId) throw notFound('campaign');
      const params = Object.fromEntries(
        Object.entries((request.body ?? {}) as Record<string, string | undefined>).flatMap(
          ([key, value]) => (value === undefined ? [] : [[key, value]]),
        ),
      );
      const header = request.headers['x-twilio-signature'];
      const ok = carrier.verifyCallback({
        url: `${ctx.config.publicUrl}${request.url}`,
        params,
        signature: typeof header === 'string' ? header : undefined,
      });
      if (!ok)
        throw new AppError(403, 'callback_rejected', 'The carrier signature does not verify.');
      return params;
    };
    const twiml = (reply: FastifyReply, document: string) =>
      reply.type('text/xml; charset=utf-8').send(document);

    serve(
      scope,
      carrierCallbacksApi.status,
      async (request) => {
        const params = verified(request, request.params.campaignId);
        await receiveCallback(ctx, request.params.attemptId, 'status', params);
        return null;
      },
      options,
    );
    serve(
      scope,
      carrierCallbacksApi.machine,
      async (request) => {
        const params = verified(request, request.params.campaignId);
        await receiveCallback(ctx, request.params.attemptId, 'machine', params);
        return null;
      },
      options,
    );
    serve(
      scope,
      carrierCallbacksApi.answer,
      async (request, reply) => {
        verified(request, request.params.campaignId);
        const [call] = await ctx.database.query<{
          recording_id: number | null;
          machine_recording_id: number | null;
          answered_as: string | null;
        }>(
          sql`SELECT b.recording_id, b.machine_recording_id, a.answered_as FROM call_attempts a
                JOIN call_broadcasts b ON b.campaign_id = a.campaign_id AND b.id = a.broadcast_id
               WHERE a.campaign_id = ${ctx.campaignId} AND a.id = ${request.params.attemptId}`,
        );
        if (!call?.recording_id)
          return twiml(reply, carrier.answerDocument({ playUrl: '', hangUp: true }));
        const machine = call.answered_as === 'machine';
        const recording = machine
          ? (call.machine_recording_id ?? call.recording_id)
          : call.recording_id;
        return twiml(
          reply,
          carrier.answerDocument({
            playUrl: urls.recording(Number(recording)),
            optOutDigit: machine ? undefined : OPT_OUT_DIGIT,
            optOutUrl: machine ? undefined : urls.optOut(request.params.attemptId),
          }),
        );
      },
      options,
    );
    serve(
      scope,
      carrierCallbacksApi.optOut,
      async (request, reply) => {
        const params = verified(request, request.params.campaignId);
        // Any key ends the message; only the opt-out key opts out.
        if (params.Digits !== OPT_OUT_DIGIT) {
          return twiml(reply, carrier.answerDocument({ playUrl: '', hangUp: true }));
        }
        await ctx.database.transaction(async (query) => {
          const [attempt] = await query<{ to_e164: string; opted_out: boolean }>(
            sql`SELECT to_e164, opted_out FROM call_attempts
                 WHERE campaign_id = ${ctx.campaignId} AND id = ${request.params.attemptId} FOR UPDATE`,
          );
          if (!attempt || attempt.opted_out) return;
          await addPhoneOptOuts(query, ctx.campaignId, [attempt.to_e164], 'keypress');
          await query(
            sql`UPDATE call_attempts SET opted_out = true
                 WHERE campaign_id = ${ctx.campaignId} AND id = ${request.params.attemptId}`,
          );
          await addOptOutStat(query, ctx.campaignId, request.params.attemptId);
        });
        return twiml(reply, carrier.optOutConfirmationDocument(CONFIRMATION));
      },
      options,
    );
  };

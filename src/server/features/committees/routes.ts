import type { FastifyPluginAsync } from 'fastify';
import { committeesApi } from '../../../contracts/committees-api.ts';
import type { AppContext } from '../../core/context.ts';
import { currentAuth, currentScope } from '../../core/http/access.ts';
import { serve } from '../../core/http/contract.ts';
import { viewerOf } from '../../core/http/viewer.ts';
import { changeRank, committeeMembers, joinCommittee, leaveCommittee } from './membership.ts';
import { committeeRules, setCommitteeRules } from './rules.ts';
import { exportHqCommittees, hqCommittees } from './hq.ts';
import {
  certificationCriteria,
  certificationOf,
  certify,
  setCertificationCriteria,
} from './certification.ts';
import {
  committeeMessages,
  sendCommitteeMessage,
  setSubscribed,
  unsubscribeByToken,
} from './messages.ts';
import { searchCommittees } from './search.ts';
import { publishedPhoto, receivePhoto, removeCommitteePhoto, setCommitteePhoto } from './photo.ts';
import { committeeIdParamsSchema } from '../../../contracts/committees.ts';
import { notFound } from '../../core/http/errors.ts';
import { committeesMap } from './map.ts';
import { areaForEdit, setArea } from './area.ts';
import {
  committeeDetail,
  createCommittee,
  myCommittees,
  publicCommittee,
  updateCommittee,
} from './service.ts';

export const committeesRoutes =
  (ctx: AppContext): FastifyPluginAsync =>
  async (app) => {
    serve(app, committeesApi.create, async (request) => {
      const id = await createCommittee(ctx, currentAuth(request).personId, request.body);
      return publicCommittee(ctx, id, viewerOf(request));
    });

    serve(app, committeesApi.search, (request) => searchCommittees(ctx, request.query));

    serve(app, committeesApi.map, (request) => committeesMap(ctx, request.query));

    serve(app, committeesApi.mine, (request) => myCommittees(ctx, currentAuth(request).personId));

    serve(app, committeesApi.detail, (request) =>
      publicCommittee(ctx, request.params.committeeId, viewerOf(request)),
    );

    serve(app, committeesApi.forEdit, (request) =>
      committeeDetail(ctx, currentScope(request).id, viewerOf(request)),
    );

    serve(app, committeesApi.update, async (request) => {
      const { id } = currentScope(request);
      await updateCommittee(ctx, id, request.body);
      return publicCommittee(ctx, id, viewerOf(request));
    });

    serve(app, committeesApi.area, (request) => areaForEdit(ctx, currentScope(request).id));

    serve(app, committeesApi.setArea, (request) =>
      setArea(ctx, currentScope(request).id, request.body, currentAuth(request).personId),
    );

    serve(app, committeesApi.setPhoto, async (request) =>
      setCommitteePhoto(ctx, currentScope(request).id, await receivePhoto(request)),
    );

    serve(app, committeesApi.removePhoto, async (request) => {
      await removeCommitteePhoto(ctx, currentScope(request).id);
      return { ok: true as const };
    });

    // The photo itself, as the public page shows it: an image Levier encoded, never sniffed
    // as anything else, cached by its version in the URL.
    app.get(
      '/committees/:committeeId/photo.webp',
      { schema: { hide: true } },
      async (request, reply) => {
        const parsed = committeeIdParamsSchema.safeParse(request.params);
        const photo = parsed.success ? await publishedPhoto(ctx, parsed.data.committeeId) : null;
        if (!photo) throw notFound('photo');
        if (request.headers['if-none-match'] === `"${photo.etag}"`) return reply.status(304).send();
        return reply
          .type('image/webp')
          .header('etag', `"${photo.etag}"`)
          .header('cache-control', 'public, max-age=86400')
          .header('x-content-type-options', 'nosniff')
          .header('content-security-policy', "default-src 'none'")
          .header('content-disposition', 'inline')
          .send(photo.image);
      },
    );

    serve(app, committeesApi.join, (request) =>
      joinCommittee(ctx, request.params.committeeId, currentAuth(request).personId, request.body),
    );

    serve(app, committeesApi.leave, async (request) => {
      await leaveCommittee(ctx, request.params.committeeId, currentAuth(request).personId);
      return { ok: true as const };
    });

    serve(app, committeesApi.members, (request) =>
      committeeMembers(ctx, currentScope(request).id, request.query.page),
    );

    serve(app, committeesApi.setRank, (request) =>
      changeRank(
        ctx,
        currentScope(request).id,
        request.params.personId,
        request.body.rank,
        currentAuth(request).personId,
      ),
    );

    serve(app, committeesApi.sendMessage, (request) =>
      sendCommitteeMessage(
        ctx,
        currentScope(request).id,
        currentAuth(request).personId,
        request.body,
      ),
    );

    serve(app, committeesApi.messages, (request) =>
      committeeMessages(ctx, currentScope(request).id),
    );

    serve(app, committeesApi.subscription, async (request) => {
      await setSubscribed(
        ctx,
        currentScope(request).id,
        currentAuth(request).personId,
        request.body.subscribed,
      );
      return { ok: true as const };
    });

    serve(app, committeesApi.unsubscribe, (request) => unsubscribeByToken(ctx, request.body.token));

    serve(app, committeesApi.certification, (request) =>
      certificationOf(ctx, currentScope(request).id),
    );

    serve(app, committeesApi.certify, (request) =>
      certify(
        ctx,
        request.params.committeeId,
        request.body.certified,
        currentAuth(request).personId,
      ),
    );

    serve(app, committeesApi.criteria, () => certificationCriteria(ctx));

    serve(app, committeesApi.setCriteria, (request) =>
      setCertificationCriteria(ctx, request.body, currentAuth(request).personId),
    );

    serve(app, committeesApi.hqList, (request) => hqCommittees(ctx, request.query));

    serve(app, committeesApi.hqExport, async (request, reply) => {
      const csv = await exportHqCommittees(
        ctx,
        request.query,
        currentAuth(request).personId,
        request.ip,
      );
      return reply
        .header('content-type', 'text/csv; charset=utf-8')
        .header('content-disposition', 'attachment; filename="committees.csv"')
        .send(csv);
    });

    serve(app, committeesApi.rules, () => committeeRules(ctx));

    serve(app, committeesApi.setRules, (request) =>
      setCommitteeRules(ctx, request.body, currentAuth(request).personId),
    );
  };

import { Readable } from 'node:stream';
import type { FastifyPluginAsync } from 'fastify';
import { privacyApi } from '../../../contracts/privacy-api.ts';
import { audit } from '../../core/audit.ts';
import type { AppContext } from '../../core/context.ts';
import { currentAuth } from '../../core/http/access.ts';
import { serve } from '../../core/http/contract.ts';
import { attachment, dataFileName } from '../people/data-file.ts';
import { auditCsv } from './audit-export.ts';
import { breachById, createBreach, listBreaches, updateBreach } from './breaches.ts';
import { processingRecord, recordHtml } from './record.ts';
import {
  carryOutAccess,
  carryOutErasure,
  closeRequest,
  createRequest,
  extendRequest,
  listRequests,
  requestById,
} from './requests.ts';

export const privacyRoutes =
  (ctx: AppContext): FastifyPluginAsync =>
  async (app) => {
    const actor = (request: Parameters<typeof currentAuth>[0]) => currentAuth(request).personId;

    serve(app, privacyApi.requests, (request) => listRequests(ctx, request.query));
    serve(app, privacyApi.request, (request) => requestById(ctx, request.params.id));
    serve(app, privacyApi.createRequest, (request) =>
      createRequest(ctx, request.body, actor(request), request.ip),
    );
    serve(app, privacyApi.extendRequest, (request) =>
      extendRequest(ctx, request.params.id, request.body, actor(request), request.ip),
    );
    serve(app, privacyApi.closeRequest, (request) =>
      closeRequest(ctx, request.params.id, request.body, actor(request), request.ip),
    );
    serve(app, privacyApi.carryOutAccess, async (request, reply) => {
      const { file, personId } = await carryOutAccess(
        ctx,
        request.params.id,
        actor(request),
        request.ip,
      );
      return reply
        .header('content-disposition', attachment(dataFileName(file.about.campaign, personId)))
        .header('cache-control', 'no-store')
        .type('application/json')
        .send(JSON.stringify(file, null, 2));
    });
    serve(app, privacyApi.carryOutErasure, (request) =>
      carryOutErasure(ctx, request.params.id, actor(request), request.ip),
    );

    serve(app, privacyApi.breaches, () => listBreaches(ctx));
    serve(app, privacyApi.breach, (request) => breachById(ctx, request.params.id));
    serve(app, privacyApi.createBreach, (request) =>
      createBreach(ctx, request.body, actor(request), request.ip),
    );
    serve(app, privacyApi.updateBreach, (request) =>
      updateBreach(ctx, request.params.id, request.body, actor(request), request.ip),
    );

    serve(app, privacyApi.record, (request) => processingRecord(ctx, request.query.lang));
    serve(app, privacyApi.recordDocument, async (request, reply) => {
      const html = recordHtml(await processingRecord(ctx, request.query.lang));
      return reply
        .type('text/html; charset=utf-8')
        .header('content-disposition', attachment('registre-des-traitements.html'))
        .header('cache-control', 'private, no-store')
        .header('content-security-policy', "default-src 'none'; style-src 'unsafe-inline'")
        .send(html);
    });

    serve(app, privacyApi.auditExport, async (request, reply) => {
      await audit(ctx.database, {
        campaignId: ctx.campaignId,
        actorId: actor(request),
        action: 'audit.export',
        target: 'audit_log',
        details: { ...request.query },
        ip: request.ip,
      });
      return reply
        .type('text/csv; charset=utf-8')
        .header('content-disposition', attachment('journal-d-audit.csv'))
        .header('cache-control', 'private, no-store')
        .send(Readable.from(auditCsv(ctx, request.query)));
    });
  };

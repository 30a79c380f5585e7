import { Readable } from 'node:stream';
import type { FastifyPluginAsync } from 'fastify';
import { importsApi } from '../../../../contracts/imports-api.ts';
import { audit } from '../../../core/audit.ts';
import type { AppContext } from '../../../core/context.ts';
import { currentAuth } from '../../../core/http/access.ts';
import { serve } from '../../../core/http/contract.ts';
import { BOM, csvLine, exportRoutes } from '../export.ts';
import { importRequestAudit } from '../import-audit.ts';
import { listImports } from './history.ts';
import {
  cancelImport,
  createImport,
  importErrorRows,
  importReport,
  previewImport,
} from './service.ts';
import { receiveUpload } from './upload.ts';

export const importRoutes =
  (ctx: AppContext): FastifyPluginAsync =>
  async (app) => {
    serve(app, importsApi.preview, async (request) => {
      const file = await receiveUpload(request);
      try {
        return await previewImport(ctx, file);
      } finally {
        await file.dispose();
      }
    });

    serve(app, importsApi.start, async (request) => {
      const file = await receiveUpload(request);
      try {
        const { personId } = currentAuth(request);
        const report = await createImport(ctx, file, personId);
        await audit(
          ctx.database,
          importRequestAudit(
            ctx.campaignId,
            'import.start',
            report.id!,
            personId,
            { fileSize: file.size, mapped: Object.keys(report.mapping).length },
            request.ip,
          ),
        );
        return report;
      } finally {
        await file.dispose();
      }
    });

    serve(app, importsApi.list, (request) => listImports(ctx, request.query.page));

    serve(app, importsApi.report, (request) => importReport(ctx, request.params.id));

    serve(app, importsApi.cancel, async (request) => {
      const report = await cancelImport(ctx, request.params.id);
      await audit(
        ctx.database,
        importRequestAudit(
          ctx.campaignId,
          'import.cancel',
          request.params.id,
          currentAuth(request).personId,
          { status: report.status },
          request.ip,
        ),
      );
      return report;
    });

    serve(app, importsApi.errors, async (request, reply) => {
      const { id, errorCount } = await importReport(ctx, request.params.id); // 404 first
      // The messages quote the file's emails and phones: recorded like an export, before the
      // first byte leaves.
      await audit(ctx.database, {
        campaignId: ctx.campaignId,
        actorId: currentAuth(request).personId,
        action: 'import.errors_download',
        target: `import:${id}`,
        details: { errors: errorCount ?? null },
        ip: request.ip,
      });
      async function* lines() {
        yield BOM + csvLine(['line', 'field', 'code', 'message', 'severity']);
        for await (const rows of importErrorRows(ctx, id!)) {
          yield rows.map((e) => csvLine([e.line, e.field, e.code, e.message, e.severity])).join('');
        }
      }
      return reply
        .header('content-type', 'text/csv; charset=utf-8')
        .header('content-disposition', `attachment; filename="import-${id}-errors.csv"`)
        .send(Readable.from(lines()));
    });
  };

/** CSV import and export of people. */
export const peopleCsvRoutes =
  (ctx: AppContext): FastifyPluginAsync =>
  async (app) => {
    await app.register(importRoutes(ctx));
    await app.register(exportRoutes(ctx));
  };

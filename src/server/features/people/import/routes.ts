import { Readable } from 'node:stream';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { idParamSchema } from '../../../../contracts/common.ts';
import { z } from 'zod';
import {
  importListSchema,
  importOptionsSchema,
  importReportSchema,
} from '../../../../contracts/people.ts';
import { audit } from '../../../core/audit.ts';
import type { AppContext } from '../../../core/context.ts';
import { currentAuth } from '../../../core/http/access.ts';
import { csvFileSchema, multipartBody, routeProblems } from '../../../core/http/openapi.ts';
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
  (ctx: AppContext): FastifyPluginAsyncZod =>
  async (app) => {
    const config = { access: { permission: 'people.import' } } as const;
    const upload = {
      tags: ['people'],
      consumes: ['multipart/form-data'],
      ...multipartBody({
        file: 'The CSV, with a header line; comma, semicolon or tab. UTF-8 with or without a BOM, Windows-1252 / ISO-8859-1 (what Excel saves a French "CSV (;)" in) or UTF-16 with a BOM, detected. In a UTF-8 file, a line that is not UTF-8 is read as Windows-1252 with a warning naming it. LF, CRLF or CR line breaks.',
        fields: {
          options: {
            description:
              'Import options, as a JSON text part (an empty mapping is guessed from the headers).',
            schema: importOptionsSchema,
          },
        },
      }),
      response: { 200: importReportSchema },
    };

    app.post(
      '/api/people/imports/preview',
      {
        config,
        schema: {
          ...upload,
          summary: 'Check a CSV file and preview its import (nothing is written)',
        },
      },
      async (request) => {
        const file = await receiveUpload(request);
        try {
          return await previewImport(ctx, file);
        } finally {
          await file.dispose();
        }
      },
    );

    app.post(
      '/api/people/imports',
      {
        config,
        schema: {
          ...upload,
          summary: 'Import a CSV file of people (runs in the background)',
          response: { 202: importReportSchema },
        },
      },
      async (request, reply) => {
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
          return reply.status(202).send(report);
        } finally {
          await file.dispose();
        }
      },
    );

    app.get(
      '/api/people/imports',
      {
        config,
        schema: {
          summary: 'Past imports, newest first',
          tags: ['people'],
          querystring: z.object({ page: z.coerce.number().int().min(1).max(10_000).default(1) }),
          response: { 200: importListSchema },
        },
      },
      async (request) => listImports(ctx, request.query.page),
    );

    app.get(
      '/api/people/imports/:id',
      {
        config,
        schema: {
          summary: "An import's report: counts, progress, first errors",
          tags: ['people'],
          params: idParamSchema,
          response: { 200: importReportSchema },
        },
      },
      async (request) => importReport(ctx, request.params.id),
    );

    app.post(
      '/api/people/imports/:id/cancel',
      {
        config,
        schema: {
          ...routeProblems({
            409: '`import_finished`: only a queued or running import can be cancelled.',
          }),
          tags: ['people'],
          summary:
            'Cancel a queued or running import; what it has applied is undone (409 import_finished once it has ended)',
          params: idParamSchema,
          response: { 200: importReportSchema },
        },
      },
      async (request) => {
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
      },
    );

    app.get(
      '/api/people/imports/:id/errors.csv',
      {
        config,
        schema: {
          summary: "Download an import's row errors (CSV)",
          tags: ['people'],
          params: idParamSchema,
          produces: ['text/csv'],
          response: { 200: csvFileSchema },
        },
      },
      async (request, reply) => {
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
            yield rows
              .map((e) => csvLine([e.line, e.field, e.code, e.message, e.severity]))
              .join('');
          }
        }
        return reply
          .header('content-type', 'text/csv; charset=utf-8')
          .header('content-disposition', `attachment; filename="import-${id}-errors.csv"`)
          .send(Readable.from(lines()));
      },
    );
  };

/** CSV import and export of people. */
export const peopleCsvRoutes =
  (ctx: AppContext): FastifyPluginAsyncZod =>
  async (app) => {
    await app.register(importRoutes(ctx));
    await app.register(exportRoutes(ctx));
  };

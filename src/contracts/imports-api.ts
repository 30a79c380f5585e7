import { z } from 'zod';
import { csvFileSchema, idParamSchema } from './common.ts';
import {
  importListSchema,
  importOptionsSchema,
  importReportSchema,
  peopleExportQuerySchema,
} from './people.ts';
import { defineRoute, type MultipartParts } from './route.ts';

const access = { permission: 'people.import' } as const;
const tags = ['people'] as const;

const csvUpload: MultipartParts = {
  file: 'The CSV, with a header line; comma, semicolon or tab. UTF-8 with or without a BOM, Windows-1252 / ISO-8859-1 (what Excel saves a French "CSV (;)" in) or UTF-16 with a BOM, detected. In a UTF-8 file, a line that is not UTF-8 is read as Windows-1252 with a warning naming it. LF, CRLF or CR line breaks.',
  fields: {
    options: {
      description:
        'Import options, as a JSON text part (an empty mapping is guessed from the headers).',
      schema: importOptionsSchema,
    },
  },
};

/** CSV files in and out of the people database. */
export const importsApi = {
  preview: defineRoute({
    method: 'POST',
    path: '/api/people/imports/preview',
    summary: 'Check a CSV file and preview its import (nothing is written)',
    tags,
    access,
    upload: csvUpload,
    response: { 200: importReportSchema },
  }),
  start: defineRoute({
    method: 'POST',
    path: '/api/people/imports',
    summary: 'Import a CSV file of people (runs in the background)',
    tags,
    access,
    upload: csvUpload,
    response: { 202: importReportSchema },
  }),
  list: defineRoute({
    method: 'GET',
    path: '/api/people/imports',
    summary: 'Past imports, newest first',
    tags,
    access,
    query: z.object({ page: z.coerce.number().int().min(1).max(10_000).default(1) }),
    response: { 200: importListSchema },
  }),
  report: defineRoute({
    method: 'GET',
    path: '/api/people/imports/:id',
    summary: "An import's report: counts, progress, first errors",
    tags,
    access,
    params: idParamSchema,
    response: { 200: importReportSchema },
  }),
  cancel: defineRoute({
    method: 'POST',
    path: '/api/people/imports/:id/cancel',
    summary:
      'Cancel a queued or running import; what it has applied is undone (409 import_finished once it has ended)',
    tags,
    access,
    params: idParamSchema,
    problems: { 409: '`import_finished`: only a queued or running import can be cancelled.' },
    response: { 200: importReportSchema },
  }),
  errors: defineRoute({
    method: 'GET',
    path: '/api/people/imports/:id/errors.csv',
    summary: "Download an import's row errors (CSV)",
    tags,
    access,
    params: idParamSchema,
    produces: ['text/csv'],
    response: { 200: csvFileSchema },
  }),
  export: defineRoute({
    method: 'GET',
    path: '/api/people/export.csv',
    summary: 'Export the filtered people (CSV; audited)',
    tags,
    access: { permission: 'people.export' },
    query: peopleExportQuerySchema,
    produces: ['text/csv'],
    response: { 200: csvFileSchema },
  }),
};

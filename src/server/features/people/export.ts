import { sql } from 'drizzle-orm';
import { Readable } from 'node:stream';
import { exportColumns } from '../../../contracts/export-columns.ts';
import type { FastifyPluginAsync } from 'fastify';
import type { ExportFormat, PeopleFilter } from '../../../contracts/people.ts';
import { importsApi } from '../../../contracts/imports-api.ts';
import { audit } from '../../core/audit.ts';
import type { AppContext } from '../../core/context.ts';
import { currentAuth } from '../../core/http/access.ts';
import { serve } from '../../core/http/contract.ts';
import { customFieldExportColumns } from './custom-fields/export.ts';
import { resolveFilter } from './queries.ts';
import type { ContactColumn, PersonColumns } from './tables.ts';

type Separator = ',' | ';';

/**
 * CSV out: comma-separated by default (the RFC 4180 default), CRLF line ends. A cell a
 * spreadsheet would evaluate as a formula (= + - @, tab, CR first) is prefixed with an
 * apostrophe; the importer drops that apostrophe again.
 */
export function csvCell(
  value: string | number | null | undefined,
  separator: Separator = ',',
  keepPhoneNumbers = false,
): string {
  if (value === null || value === undefined) return '';
  let text = String(value);
  if (/^[=+\-@\t\r]/.test(text) && !(keepPhoneNumbers && E164.test(text))) text = `'${text}`;
  const needsQuotes = /["\r\n]/.test(text) || text.includes(separator);
  return needsQuotes ? `"${text.replaceAll('"', '""')}"` : text;
}

/**
 * A phone number as stored (E.164: '+' and digits only) cannot carry a formula; scripts reading
 * the machine format want it as it is, without the apostrophe.
 */
const E164 = /^\+[1-9]\d{6,14}$/;

export const csvLine = (
  values: Array<string | number | null | undefined>,
  separator: Separator = ',',
  keepPhoneNumbers = false,
) => `${values.map((value) => csvCell(value, separator, keepPhoneNumbers)).join(separator)}\r\n`;

export const BOM = '\ufeff';

export { exportColumns };

/** Same order as exportColumns; each one a header the importer maps back to its field. */
export const excelHeaders = [
  'Identifiant',
  'E-mail',
  'Prénom',
  'Nom',
  'Téléphone',
  'Code postal',
  'Code INSEE',
  'Commune',
  'Département',
  'Source',
  'Confirmé',
  'Consentement e-mail',
  'Consentement SMS',
  'Consentement téléphone',
  'Étiquettes',
  'Créé le',
  'Adresse',
  'Complément d’adresse',
  'Recruté par (identifiant)',
  'Recruté par',
  'utm_source',
  'utm_medium',
  'utm_campaign',
] as const satisfies { length: (typeof exportColumns)['length'] };

interface Dialect {
  separator: Separator;
  keepPhoneNumbers: boolean;
  headers: readonly string[];
  yesNo: (value: boolean) => string;
  date: (value: Date) => string;
}

/**
 * French Excel splits a CSV on the list separator of the locale, `;`, and reads dates as
 * jj/mm/aaaa in the campaign's time zone; scripts want the stable, ISO, comma form.
 */
function dialect(format: ExportFormat, timeZone: string): Dialect {
  if (format === 'csv') {
    return {
      separator: ',',
      keepPhoneNumbers: true,
      headers: exportColumns,
      yesNo: (value) => (value ? 'yes' : 'no'),
      date: (value) => value.toISOString(),
    };
  }
  const frenchDate = new Intl.DateTimeFormat('fr-FR', {
    timeZone,
    dateStyle: 'short',
    timeStyle: 'short',
  });
  return {
    separator: ';',
    keepPhoneNumbers: false,
    headers: excelHeaders,
    yesNo: (value) => (value ? 'oui' : 'non'),
    date: (value) => frenchDate.format(value),
  };
}

const BATCH = 5_000;

type ExportRow = Pick<PersonColumns, ContactColumn | 'source' | 'recruited_by'> & {
  address_street: string | null;
  address_complement: string | null;
  recruiter_name: string | null;
  utm_source: string | null;
  utm_medium: string | null;
  utm_campaign: string | null;
  confirmed: boolean;
  tags: string | null;
  created_at: Date | string;
};

/**
 * The people a filter matches, as CSV text, batch after batch (keyset on id: no transaction or
 * connection is held between batches, and memory stays at one batch).
 */
export async function* exportPeopleCsv(
  ctx: AppContext,
  filter: PeopleFilter,
  format: ExportFormat,
): AsyncGenerator<string> {
  const { separator, keepPhoneNumbers, headers, yesNo, date } = dialect(
    format,
    ctx.config.CAMPAIGN_TIMEZONE,
  );
  const where = (await resolveFilter(ctx, filter)).conditions;
  // The BOM also tells Excel the file is UTF-8 (else it reads accents as Windows-1252).
  const custom = await customFieldExportColumns(ctx, format);
  yield BOM + csvLine([...headers, ...custom.headers], separator);
  for (let last = 0; ;) {
    const rows = await ctx.database.query<ExportRow>(
      sql`SELECT p.id, p.email, p.first_name, p.last_name, p.phone, p.postal_code, p.commune_code, p.commune_name,
              p.departement_code, p.source, p.confirmed_at IS NOT NULL AS confirmed, p.consent_email,
              p.consent_sms, p.consent_phone, p.created_at, p.address_street, p.address_complement,
              p.recruited_by, p.utm_source, p.utm_medium, p.utm_campaign,
              (SELECT nullif(concat_ws(' ', r.first_name, r.last_name), '') FROM people r
                WHERE r.campaign_id = p.campaign_id AND r.id = p.recruited_by AND r.erased_at IS NULL) AS recruiter_name,
              (SELECT string_agg(t.name, ', ' ORDER BY t.name)
                 FROM person_tags pt JOIN tags t ON t.campaign_id = pt.campaign_id AND t.id = pt.tag_id
                WHERE pt.campaign_id = ${ctx.campaignId} AND pt.person_id = p.id) AS tags
         FROM people p WHERE ${where} AND p.id > ${last} ORDER BY p.id LIMIT ${sql.raw(String(BATCH))}`,
    );
    if (rows.length === 0) return;
    last = Number(rows.at(-1)!.id);
    const customCells = await custom.cellsFor(rows.map((r) => Number(r.id)));
    yield rows
      .map((r) =>
        csvLine(
          [
            Number(r.id),
            r.email,
            r.first_name,
            r.last_name,
            r.phone,
            r.postal_code,
            r.commune_code,
            r.commune_name,
            r.departement_code,
            r.source,
            yesNo(r.confirmed),
            yesNo(r.consent_email),
            yesNo(r.consent_sms),
            yesNo(r.consent_phone),
            r.tags,
            date(new Date(r.created_at)),
            r.address_street,
            r.address_complement,
            r.recruited_by === null ? null : Number(r.recruited_by),
            r.recruiter_name,
            r.utm_source,
            r.utm_medium,
            r.utm_campaign,
            ...customCells(Number(r.id)),
          ],
          separator,
          keepPhoneNumbers,
        ),
      )
      .join('');
  }
}

export async function countMatching(ctx: AppContext, filter: PeopleFilter): Promise<number> {
  const where = (await resolveFilter(ctx, filter)).conditions;
  const [row] = await ctx.database.query<{ n: number }>(
    sql`SELECT count(*)::int AS n FROM people p WHERE ${where}`,
  );
  return row.n;
}

export const exportRoutes =
  (ctx: AppContext): FastifyPluginAsync =>
  async (app) => {
    serve(app, importsApi.export, async (request, reply) => {
      const { format, ...filter } = request.query;
      // Recorded before the first byte leaves: an export cut short still happened.
      const rows = await countMatching(ctx, filter);
      await audit(ctx.database, {
        campaignId: ctx.campaignId,
        actorId: currentAuth(request).personId,
        action: 'people.export',
        details: { filter, format, rows },
        ip: request.ip,
      });
      const day = new Date().toISOString().slice(0, 10);
      return reply
        .header('content-type', 'text/csv; charset=utf-8')
        .header('content-disposition', `attachment; filename="levier-people-${day}.csv"`)
        .header('cache-control', 'no-store')
        .send(Readable.from(exportPeopleCsv(ctx, filter, format)));
    });
  };

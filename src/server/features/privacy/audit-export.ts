import type { AuditExportQuery } from '../../../contracts/privacy.ts';
import { auditLogRows } from '../../core/audit.ts';
import type { AppContext } from '../../core/context.ts';
import { addDays, instantOf } from '../../core/local-time.ts';
import { BOM, csvLine } from '../people/export.ts';

const PAGE = 5_000;
const HEADERS = ['id', 'at', 'actor_id', 'action', 'target', 'details', 'ip'];

/** The export's filter as moments: whole days on the campaign's calendar, `to` included. */
export function auditFilterOf(ctx: AppContext, query: AuditExportQuery) {
  const zone = ctx.config.CAMPAIGN_TIMEZONE;
  return {
    from: query.from ? instantOf(query.from, 0, zone) : undefined,
    before: query.to ? instantOf(addDays(query.to, 1), 0, zone) : undefined,
    actionPrefix: query.action || undefined,
  };
}

/**
 * The filtered audit log as CSV, oldest first, page by page: ids as the log keeps them (no
 * names added), details as JSON; cells that a spreadsheet would read as a formula neutralised.
 */
export async function* auditCsv(ctx: AppContext, query: AuditExportQuery): AsyncGenerator<string> {
  const filter = auditFilterOf(ctx, query);
  yield BOM + csvLine(HEADERS);
  let afterId = 0;
  for (;;) {
    const rows = await auditLogRows(ctx.database, ctx.campaignId, filter, { afterId, limit: PAGE });
    if (!rows.length) return;
    yield rows
      .map((r) =>
        csvLine([
          Number(r.id),
          new Date(r.at).toISOString(),
          r.actor_id === null ? null : Number(r.actor_id),
          r.action,
          r.target,
          JSON.stringify(r.details),
          r.ip,
        ]),
      )
      .join('');
    afterId = Number(rows[rows.length - 1]!.id);
    if (rows.length < PAGE) return;
  }
}

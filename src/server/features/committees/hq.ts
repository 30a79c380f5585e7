import { sql } from 'drizzle-orm';
import { stringify } from 'csv-stringify/sync';
import type { HqCommitteesQuery } from '../../../contracts/committees.ts';
import { audit } from '../../core/audit.ts';
import type { AppContext } from '../../core/context.ts';
import { runSql } from '../../core/db/statement.ts';
import { committeesWithPublicEventsSince, lastPublicEvents } from '../events/service.ts';
import { openReportCounts, reportedTargets } from '../moderation/service.ts';
import { summaryColumns, toSummary, type SummaryRow } from './rows.ts';

const PAGE = 50;
const INACTIVE_DAYS = 62;
const EXPORT_MAX = 50_000;

function conditionsOf(ctx: AppContext, query: HqCommitteesQuery) {
  const like = query.q && `%${query.q.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
  const since = new Date(Date.now() - INACTIVE_DAYS * 86_400_000);
  return sql.join(
    [
      sql`c.campaign_id = ${ctx.campaignId}`,
      ...(like ? [sql`c.name ILIKE ${like}`] : []),
      ...(query.departement ? [sql`c.departement_code = ${query.departement}`] : []),
      ...(query.status ? [sql`c.status = ${query.status}`] : []),
      ...(query.certified
        ? [sql`c.certified_at IS ${sql.raw(query.certified === 'yes' ? 'NOT NULL' : 'NULL')}`]
        : []),
      ...(query.reported ? [sql`c.id IN (${reportedTargets(ctx.campaignId, 'committee')})`] : []),
      ...(query.inactive
        ? [sql`c.id NOT IN (${committeesWithPublicEventsSince(ctx.campaignId, since)})`]
        : []),
    ],
    sql` AND `,
  );
}

type HqRow = SummaryRow & { departement_code: string | null; created_at: Date | string };

async function rowsOf(ctx: AppContext, query: HqCommitteesQuery, limit: number, offset: number) {
  return runSql<HqRow & { total: number }>(
    ctx.database,
    sql`SELECT ${summaryColumns}, c.departement_code, c.created_at, count(*) OVER ()::int AS total
          FROM committees c WHERE ${conditionsOf(ctx, query)}
         ORDER BY c.created_at DESC, c.id DESC LIMIT ${limit} OFFSET ${offset}`,
  );
}

async function withActivity(ctx: AppContext, rows: HqRow[]) {
  const ids = rows.map((r) => Number(r.id));
  const [reports, events] = await Promise.all([
    openReportCounts(ctx, 'committee', ids),
    lastPublicEvents(ctx, ids),
  ]);
  return rows.map((row) => ({
    ...toSummary(row, null),
    status: row.status,
    departementCode: row.departement_code,
    openReports: reports.get(Number(row.id)) ?? 0,
    lastEventAt: events.get(Number(row.id))?.toISOString() ?? null,
    createdAt: new Date(row.created_at).toISOString(),
  }));
}

/** Every committee for HQ, newest first, 50 a page. */
export async function hqCommittees(ctx: AppContext, query: HqCommitteesQuery) {
  const rows = await rowsOf(ctx, query, PAGE, (query.page - 1) * PAGE);
  return { items: await withActivity(ctx, rows), total: rows[0]?.total ?? 0 };
}

/** The same list as CSV (no one's personal data but the contact the committees publish); audited. */
export async function exportHqCommittees(
  ctx: AppContext,
  query: HqCommitteesQuery,
  actorId: number,
  ip: string,
) {
  const items = await withActivity(ctx, await rowsOf(ctx, query, EXPORT_MAX, 0));
  await audit(ctx.database, {
    campaignId: ctx.campaignId,
    actorId,
    action: 'committees.export',
    details: { filter: { ...query, page: undefined }, count: items.length },
    ip,
  });
  const header = [
    'id',
    'name',
    'status',
    'certified',
    'departement',
    'commune',
    'members',
    'open_reports',
    'last_public_event',
    'created_at',
  ];
  return `\uFEFF${stringify([
    header,
    ...items.map((c) => [
      c.id,
      c.name,
      c.status,
      c.certified ? 'yes' : 'no',
      c.departementCode ?? '',
      c.place.label,
      c.memberCount,
      c.openReports,
      c.lastEventAt ?? '',
      c.createdAt,
    ]),
  ])}`;
}

import { sql } from 'drizzle-orm';
import { newestFirst } from './db/newest-first.ts';
import { runSql } from './db/statement.ts';
import type { Database } from './db/index.ts';

export interface AuditEntry {
  /** The campaign whose log this goes in (ctx.campaignId). */
  campaignId: number;
  actorId: number | null;
  action: string;
  target?: string;
  details?: Record<string, unknown>;
  ip?: string;
}

/**
 * Exports, role changes and other sensitive acts are written here; nobody edits it.
 * `target` is the database, or a transaction's query function wrapped as `{ query }`.
 */
export async function audit(target: Pick<Database, 'query'>, entry: AuditEntry): Promise<void> {
  await runSql(
    target,
    sql`INSERT INTO audit_log (campaign_id, actor_id, action, target, details, ip)
        VALUES (${entry.campaignId}, ${entry.actorId}, ${entry.action}, ${entry.target ?? null},
                ${JSON.stringify(entry.details ?? {})}, ${entry.ip ?? null})`,
  );
}

export interface AuditRow {
  id: number;
  at: Date;
  actor_id: number | null;
  action: string;
  target: string | null;
  details: Record<string, unknown>;
}

/** A page of the campaign's audit log, newest first, with its total. */
export function auditLogPage(
  database: Database,
  campaignId: number,
  page: { limit: number; offset: number },
): Promise<{ items: AuditRow[]; total: number }> {
  return newestFirst<AuditRow>(
    database,
    {
      select: sql`id, at, actor_id, action, target, details`,
      from: sql`audit_log WHERE campaign_id = ${campaignId}`,
    },
    page,
  );
}

/** Which entries of the log an export reads: from and before two moments, actions by prefix. */
export interface AuditFilter {
  from?: Date;
  before?: Date;
  /** An action, or the start of one (`person.`); matched literally. */
  actionPrefix?: string;
}

/**
 * Entries of the campaign's log matching a filter, oldest first, after an id (keyset pages
 * for an export that streams the whole log), with the IP address the list leaves out.
 */
export function auditLogRows(
  database: Pick<Database, 'query'>,
  campaignId: number,
  filter: AuditFilter,
  page: { afterId: number; limit: number },
): Promise<Array<AuditRow & { ip: string | null }>> {
  const prefix = filter.actionPrefix?.replace(/[\\%_]/g, (c) => `\\${c}`);
  return runSql(
    database,
    sql`SELECT id, at, actor_id, action, target, details, ip FROM audit_log
        WHERE campaign_id = ${campaignId} AND id > ${page.afterId}
          ${filter.from ? sql`AND at >= ${filter.from}` : sql``}
          ${filter.before ? sql`AND at < ${filter.before}` : sql``}
          ${prefix ? sql`AND action LIKE ${`${prefix}%`}` : sql``}
        ORDER BY id LIMIT ${page.limit}`,
  );
}

/** The campaign's latest entries of the given actions, newest first (a page's short history). */
export function auditEntriesOf(
  database: Pick<Database, 'query'>,
  campaignId: number,
  actions: readonly string[],
  limit: number,
): Promise<Array<Omit<AuditRow, 'id' | 'actor_id'>>> {
  return database.query(
    sql`SELECT at, action, target, details FROM audit_log
         WHERE campaign_id = ${campaignId} AND action = ANY(${[...actions]}::text[])
         ORDER BY at DESC, id DESC LIMIT ${limit}`,
  );
}

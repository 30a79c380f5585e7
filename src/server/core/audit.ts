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

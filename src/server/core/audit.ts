import { sql } from 'drizzle-orm';
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
  await target.query(
    sql`INSERT INTO audit_log (campaign_id, actor_id, action, target, details, ip) VALUES (${entry.campaignId}, ${entry.actorId}, ${entry.action}, ${entry.target ?? null}, ${JSON.stringify(entry.details ?? {})}, ${entry.ip ?? null})`,
  );
}

import { sql } from 'drizzle-orm';
import type { Database } from '../../core/db/index.ts';
import { runSql, type Queryable } from '../db/statement.ts';

export interface Campaign {
  id: number;
  name: string;
}

export async function createCampaign(database: Database, name: string): Promise<Campaign> {
  const rows = await runSql<Campaign>(
    database,
    sql`INSERT INTO campaigns (name) VALUES (${name}) RETURNING id, name`,
  );
  return rows[0];
}

export async function listCampaigns(database: Database): Promise<Campaign[]> {
  return database.query<Campaign>('SELECT id, name FROM campaigns ORDER BY id');
}

export async function campaignExists(on: Queryable, id: number): Promise<boolean> {
  const rows = await runSql(on, sql`SELECT 1 FROM campaigns WHERE id = ${id}`);
  return rows.length > 0;
}

/** Stops a start on a campaign that does not exist, saying how to make one. */
export async function assertCampaignExists(database: Database, id: number): Promise<void> {
  if (await campaignExists(database, id)) return;
  const known = await listCampaigns(database);
  throw new Error(
    `CAMPAIGN_ID=${id}: no such campaign in this database (${
      known.map((c) => `${c.id} ${c.name}`).join(', ') || 'none'
    }). Make one with: npx levier campaign create --name "…"`,
  );
}

/** A campaign as a backup's header holds it (created_at as text, in the session's zone). */
export interface CampaignHeader {
  id: number;
  name: string;
  created_at: string;
}

export async function campaignForBackup(
  on: Queryable,
  id: number,
): Promise<CampaignHeader | undefined> {
  const [campaign] = await runSql<CampaignHeader>(
    on,
    sql`SELECT id, name, created_at::text AS created_at FROM campaigns WHERE id = ${id}`,
  );
  return campaign;
}

/**
 * Makes the campaign a restore writes into: a new one (`id` undefined), the given id if no
 * campaign has it, or the existing one renamed. Answers its id and whether it existed.
 */
export async function placeCampaign(
  on: Queryable,
  campaign: { id?: number; name: string; created_at: string },
): Promise<{ id: number; existed: boolean }> {
  const { id, name, created_at } = campaign;
  if (id === undefined) {
    const [row] = await runSql<{ id: number }>(
      on,
      sql`INSERT INTO campaigns (name, created_at) VALUES (${name}, ${created_at}) RETURNING id`,
    );
    return { id: row.id, existed: false };
  }
  if (await campaignExists(on, id)) return { id, existed: true };
  await runSql(
    on,
    sql`INSERT INTO campaigns (id, name, created_at) OVERRIDING SYSTEM VALUE
        VALUES (${id}, ${name}, ${created_at})`,
  );
  return { id, existed: false };
}

export async function renameCampaign(on: Queryable, id: number, name: string): Promise<void> {
  await runSql(on, sql`UPDATE campaigns SET name = ${name} WHERE id = ${id}`);
}

/** Whether the campaigns table is there: false in a database never migrated. */
export async function campaignsTableExists(on: Queryable): Promise<boolean> {
  const [row] = await runSql<{ exists: boolean }>(
    on,
    sql`SELECT to_regclass('campaigns') IS NOT NULL AS exists`,
  );
  return row.exists;
}

/** Reads the campaigns table once: throws when a database cannot (a damaged copy). */
export async function probeCampaigns(on: Queryable): Promise<void> {
  await runSql(on, sql`SELECT 1 FROM campaigns LIMIT 1`);
}

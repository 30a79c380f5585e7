import { sql } from 'drizzle-orm';
import type { Database } from '../../core/db/index.ts';

export interface Campaign {
  id: number;
  name: string;
}

export async function createCampaign(database: Database, name: string): Promise<Campaign> {
  const rows = await database.query<Campaign>(
    sql`INSERT INTO campaigns (name) VALUES (${name}) RETURNING id, name`,
  );
  return rows[0];
}

export async function listCampaigns(database: Database): Promise<Campaign[]> {
  return database.query<Campaign>('SELECT id, name FROM campaigns ORDER BY id');
}

/** Stops a start on a campaign that does not exist, saying how to make one. */
export async function assertCampaignExists(database: Database, id: number): Promise<void> {
  const rows = await database.query(sql`SELECT 1 FROM campaigns WHERE id = ${id}`);
  if (rows.length > 0) return;
  const known = await listCampaigns(database);
  throw new Error(
    `CAMPAIGN_ID=${id}: no such campaign in this database (${
      known.map((c) => `${c.id} ${c.name}`).join(', ') || 'none'
    }). Make one with: npx levier campaign create --name "…"`,
  );
}

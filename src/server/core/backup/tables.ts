import { is } from 'drizzle-orm';
import { getTableConfig, PgTable } from 'drizzle-orm/pg-core';
import * as schema from '../db/schema.ts';

export interface CampaignTable {
  name: string;
  /** SQL column names in the schema's order. */
  columns: string[];
}

/**
 * Every table of the Drizzle schema that a campaign owns (it has campaign_id), ordered so a
 * table comes after those its foreign keys point to. Read from the schema, never listed by
 * hand, so a feature's new table is in the next backup without anyone thinking of it.
 */
export function campaignTables(): CampaignTable[] {
  const configs = (Object.values(schema) as unknown[])
    .filter((value): value is PgTable => is(value, PgTable))
    .map((table) => getTableConfig(table))
    .filter((config) => config.columns.some((column) => column.name === 'campaign_id'));
  const byName = new Map(configs.map((config) => [config.name, config]));
  const ordered: CampaignTable[] = [];
  const placed = new Set<string>();
  const place = (name: string, path: Set<string>) => {
    if (placed.has(name) || path.has(name)) return;
    const config = byName.get(name)!;
    path.add(name);
    for (const key of config.foreignKeys) {
      const target = getTableConfig(key.reference().foreignTable).name;
      if (byName.has(target)) place(target, path);
    }
    placed.add(name);
    ordered.push({ name, columns: config.columns.map((column) => column.name) });
  };
  for (const name of [...byName.keys()].sort()) place(name, new Set());
  return ordered;
}

export const quoteIdent = (name: string) => `"${name.replaceAll('"', '""')}"`;

import type { Query } from '../db/index.ts';

/**
 * Every table of the database that a campaign owns (it has campaign_id), ordered so a table
 * comes after those its foreign keys point to. Read from the catalogue, never listed by hand
 * (core knows no feature): a feature's new table is in the next backup without anyone
 * thinking of it, and a database not yet migrated (the copy before a migration) gives what it has.
 */
export async function campaignTables(query: Query): Promise<string[]> {
  const rows = await query<{ name: string; refs: string[] | string | null }>(
    `SELECT c.table_name AS name,
            (SELECT array_agg(DISTINCT f.relname::text)
               FROM pg_constraint k
               JOIN pg_class t ON t.oid = k.conrelid
               JOIN pg_class f ON f.oid = k.confrelid
              WHERE k.contype = 'f' AND t.relname = c.table_name
                AND t.relnamespace = to_regnamespace(current_schema())) AS refs
       FROM information_schema.columns c
       JOIN information_schema.tables t
         ON t.table_schema = c.table_schema AND t.table_name = c.table_name AND t.table_type = 'BASE TABLE'
      WHERE c.table_schema = current_schema() AND c.column_name = 'campaign_id'
      ORDER BY 1`,
  );
  const refs = new Map(rows.map((row) => [row.name, asArray(row.refs)]));
  const ordered: string[] = [];
  const place = (name: string, path: Set<string>) => {
    if (ordered.includes(name) || path.has(name)) return;
    path.add(name);
    for (const target of refs.get(name) ?? []) if (refs.has(target)) place(target, path);
    ordered.push(name);
  };
  for (const name of refs.keys()) place(name, new Set());
  return ordered;
}

/** A text[] that a driver returned in its literal form ('{a,b}'). */
const asArray = (value: string[] | string | null) =>
  value === null ? [] : Array.isArray(value) ? value : value.replace(/^\{|\}$/g, '').split(',');

export const quoteIdent = (name: string) => `"${name.replaceAll('"', '""')}"`;

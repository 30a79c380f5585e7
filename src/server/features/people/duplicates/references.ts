import { sql } from 'drizzle-orm';
import type { Query } from '../../../core/db/index.ts';
import { personColumn, type MergeRule } from '../../../core/personal-data/registry.ts';
import { mergeRules, otherIdColumns } from '../../../core/personal-data/rights.ts';
import { personalData } from '../../personal-data.ts';

export interface PersonReference {
  table: string;
  column: string;
  strategy: MergeRule;
  /** False for a table no campaign owns (none holds a person's id today). */
  campaignScoped: boolean;
  /** Unique keys holding the column: [the other columns of each], to drop colliding rows. */
  uniqueWith: string[][];
}

export class UnclassifiedReferenceError extends Error {
  constructor(readonly columns: string[]) {
    super(
      `These columns may hold a person's id and no merge rule covers them: ${columns.join(', ')}. ` +
        'Declare them in the personal data of the feature that owns the table (its personal-data.ts).',
    );
  }
}

/**
 * Every column of the database that may hold a person's id, with what a merge does to it
 * (each feature declares its columns in the personal-data registry). Read from the catalog at
 * each merge: id-like columns (bigint/integer named *_id or *_by) that name no table and that
 * no feature declared make the merge refuse, rather than leave rows pointing at a person who
 * no longer exists.
 */
export async function personReferences(query: Query): Promise<PersonReference[]> {
  const columns = await query<{ table_name: string; column_name: string }>(
    `SELECT c.table_name, c.column_name
       FROM information_schema.columns c
       JOIN information_schema.tables t
         ON t.table_schema = c.table_schema AND t.table_name = c.table_name AND t.table_type = 'BASE TABLE'
      WHERE c.table_schema = current_schema() AND c.data_type IN ('bigint', 'integer')
        AND (c.column_name = 'id' OR c.column_name LIKE '%\\_id' OR c.column_name LIKE '%\\_by')
      ORDER BY c.table_name, c.column_name`,
  );
  const tables = new Set(
    (
      await query<{ table_name: string }>(
        `SELECT table_name FROM information_schema.tables WHERE table_schema = current_schema()`,
      )
    ).map((r) => r.table_name),
  );
  const namesATable = (column: string) => {
    const base = column.replace(/_id$/, '');
    return tables.has(base) || tables.has(`${base}s`) || tables.has(`${base}es`);
  };
  const scoped = new Set(
    (
      await query<{ table_name: string }>(
        `SELECT table_name FROM information_schema.columns
          WHERE table_schema = current_schema() AND column_name = 'campaign_id'`,
      )
    ).map((r) => r.table_name),
  );
  const rules = mergeRules(personalData());
  const others = otherIdColumns(personalData());
  const references: Array<Omit<PersonReference, 'uniqueWith' | 'campaignScoped'>> = [];
  const unclassified: string[] = [];
  for (const { table_name: table, column_name: column } of columns) {
    const name = `${table}.${column}`;
    const rule = rules.get(name);
    if (rule) references.push({ table, column, strategy: rule });
    else if (column === 'id' || others.has(name)) continue;
    else if (!personColumn(column) && namesATable(column)) continue;
    else unclassified.push(name);
  }
  if (unclassified.length) throw new UnclassifiedReferenceError(unclassified);
  const uniques = await uniqueKeys(query);
  return references.map((r) => ({
    ...r,
    campaignScoped: scoped.has(r.table),
    uniqueWith: (uniques.get(r.table) ?? [])
      .filter((key) => key.includes(r.column))
      .map((key) => key.filter((c) => c !== r.column)),
  }));
}

/** Each table's unique keys (primary key included), as column lists; expression keys are skipped. */
async function uniqueKeys(query: Query): Promise<Map<string, string[][]>> {
  const rows = await query<{ table_name: string; columns: string[] | string }>(
    `SELECT t.relname AS table_name,
            array_agg(a.attname::text ORDER BY k.ord) AS columns
       FROM pg_index i
       JOIN pg_class t ON t.oid = i.indrelid
       JOIN pg_namespace n ON n.oid = t.relnamespace AND n.nspname = current_schema()
       CROSS JOIN LATERAL unnest(i.indkey::int2[]) WITH ORDINALITY AS k(attnum, ord)
       JOIN pg_attribute a ON a.attrelid = t.oid AND a.attnum = k.attnum
      WHERE i.indisunique AND i.indexprs IS NULL
      GROUP BY t.relname, i.indexrelid`,
  );
  const byTable = new Map<string, string[][]>();
  for (const row of rows) {
    const columns = Array.isArray(row.columns) ? row.columns : parseArray(row.columns);
    byTable.set(row.table_name, [...(byTable.get(row.table_name) ?? []), columns]);
  }
  return byTable;
}

/** A text[] that a driver returned in its literal form ('{a,b}'). */
const parseArray = (literal: string) => literal.replace(/^\{|\}$/g, '').split(',');

/**
 * Applies one reference's strategy for a merge of `mergedId` into `keptId`. Returns how
 * many rows were moved or deleted.
 */
export async function applyReference(
  query: Query,
  ref: PersonReference,
  campaignId: number,
  keptId: number,
  mergedId: number,
): Promise<number> {
  if (ref.strategy === 'keep') return 0;
  const table = sql.identifier(ref.table);
  const column = sql.identifier(ref.column);
  const scope = (alias: string) =>
    ref.campaignScoped ? sql`${sql.raw(alias)}campaign_id = ${campaignId} AND ` : sql``;
  if (ref.strategy === 'delete') {
    const deleted = await query(
      sql`DELETE FROM ${table} WHERE ${scope('')}${column} = ${mergedId} RETURNING 1`,
    );
    return deleted.length;
  }
  // A row the kept person already has (the same tag, the same field's value) wins.
  for (const others of ref.uniqueWith) {
    const same = others.map((c) => sql` AND k.${sql.identifier(c)} = m.${sql.identifier(c)}`);
    await query(
      sql`DELETE FROM ${table} m
        WHERE ${scope('m.')}m.${column} = ${mergedId}
          AND EXISTS (SELECT 1 FROM ${table} k WHERE k.${column} = ${keptId}${sql.join(same)})`,
    );
  }
  return (
    await query(
      sql`UPDATE ${table} SET ${column} = ${keptId} WHERE ${scope('')}${column} = ${mergedId} RETURNING 1`,
    )
  ).length;
}

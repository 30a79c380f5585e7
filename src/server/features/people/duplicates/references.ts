import type { Query } from '../../../core/db/index.ts';

/** What a merge does with the rows whose column holds the merged person's id. */
export type MergeStrategy =
  /** Point them at the kept person (rows that would then collide with the kept person's are dropped). */
  | 'move'
  /** Delete them (the merged person's sessions: they log in again as the kept person). */
  | 'delete'
  /** Leave them: a record of the past that nobody edits (the audit log's actors). */
  | 'keep';

export interface PersonReference {
  table: string;
  column: string;
  strategy: MergeStrategy;
  /** False for a table no campaign owns (none holds a person's id today). */
  campaignScoped: boolean;
  /** Unique keys holding the column: [the other columns of each], to drop colliding rows. */
  uniqueWith: string[][];
}

/**
 * Columns whose strategy is not 'move', and columns the naming rules below would not
 * recognise as a person's id. Everything else is found in the database itself, so a table
 * added later with a `person_id` is moved by a merge without anyone listing it here.
 */
const declared: Record<string, MergeStrategy | 'not_a_person'> = {
  'people.id': 'not_a_person',
  'sessions.person_id': 'delete',
  'audit_log.actor_id': 'keep',
  // A merged id is dead; where it went (kept_id) follows later merges.
  'person_merges.merged_id': 'keep',
  'person_merges.kept_id': 'move',
  // The pairs of a merged person are gone with them: the next search proposes new ones.
  'duplicate_candidates.first_person_id': 'delete',
  'duplicate_candidates.second_person_id': 'delete',
  'duplicate_dismissals.first_person_id': 'delete',
  'duplicate_dismissals.second_person_id': 'delete',
};

/** Names that hold a person's id by the project's conventions. */
const personColumn = (column: string) =>
  column === 'person_id' ||
  column.endsWith('_person_id') ||
  column === 'actor_id' ||
  column === 'author_id' ||
  column.endsWith('_by');

export class UnclassifiedReferenceError extends Error {
  constructor(readonly columns: string[]) {
    super(
      `These columns may hold a person's id and no merge rule covers them: ${columns.join(', ')}. ` +
        'Declare them in src/server/features/people/duplicates/references.ts.',
    );
  }
}

/**
 * Every column of the database that may hold a person's id, with what a merge does to it.
 * Read from the catalog at each merge: id-like columns (bigint/integer named *_id or *_by)
 * that name no table and no declared rule make the merge refuse, rather than leave rows
 * pointing at a person who no longer exists.
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
  const references: Array<Omit<PersonReference, 'uniqueWith' | 'campaignScoped'>> = [];
  const unclassified: string[] = [];
  for (const { table_name: table, column_name: column } of columns) {
    const name = `${table}.${column}`;
    const rule = declared[name];
    if (rule === 'not_a_person') continue;
    if (rule) references.push({ table, column, strategy: rule });
    else if (personColumn(column)) references.push({ table, column, strategy: 'move' });
    else if (column === 'id' || namesATable(column)) continue;
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

const ident = (name: string) => `"${name.replace(/"/g, '""')}"`;

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
  const table = ident(ref.table);
  const column = ident(ref.column);
  // $1 is the merged id, $2 the kept one, $3 the campaign when the table has one.
  const params: unknown[] = [mergedId, keptId];
  if (ref.campaignScoped) params.push(campaignId);
  const scope = ref.campaignScoped ? 'campaign_id = $3 AND ' : '';
  if (ref.strategy === 'delete') {
    const deleted = await query(
      `DELETE FROM ${table} WHERE ${ref.campaignScoped ? 'campaign_id = $2 AND ' : ''}${column} = $1 RETURNING 1`,
      ref.campaignScoped ? [mergedId, campaignId] : [mergedId],
    );
    return deleted.length;
  }
  // A row the kept person already has (the same tag, the same field's value) wins.
  for (const others of ref.uniqueWith) {
    const same = others.map((c) => ` AND k.${ident(c)} = m.${ident(c)}`).join('');
    await query(
      `DELETE FROM ${table} m
        WHERE ${ref.campaignScoped ? 'm.campaign_id = $3 AND ' : ''}m.${column} = $1
          AND EXISTS (SELECT 1 FROM ${table} k WHERE k.${column} = $2${same})`,
      params,
    );
  }
  return (
    await query(
      `UPDATE ${table} SET ${column} = $2 WHERE ${scope}${column} = $1 RETURNING 1`,
      params,
    )
  ).length;
}

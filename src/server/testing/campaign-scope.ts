import { loadModule, parseSync } from 'libpg-query';

/**
 * Does a statement name its campaign wherever it reads or writes a campaign's table?
 *
 * Every table with a `campaign_id` column belongs to one campaign per row, and a distributed
 * engine (Citus, sharded by `campaign_id`) routes a statement to the node holding that
 * campaign only when the statement says which campaign it is about. So each use of such a
 * table in a SELECT, UPDATE or DELETE must meet `campaign_id`: a column reference qualified by
 * the table's alias or name anywhere in the statement (`p.campaign_id = …`, a join's
 * `ON c.campaign_id = p.campaign_id`), an unqualified `campaign_id` in the same query level,
 * or a join `USING (campaign_id, …)` there. The target of an INSERT or COPY … FROM always
 * carries it (the column is NOT NULL); what the INSERT selects from is checked like any query.
 *
 * A statement meant to span every campaign (the daily purge, a migration's back-fill) says so
 * with a leading comment `/* every campaign: <why> *\/` and is not checked.
 *
 * PostgreSQL's own parser (libpg-query) reads the statements, so every form the server accepts
 * is understood.
 */

export const EVERY_CAMPAIGN_MARK = '/* every campaign:';

export interface ScopeViolation {
  /** The campaign tables used without their campaign named. */
  tables: string[];
}

let loaded: Promise<void> | undefined;
/** The parser's WebAssembly module, loaded once per process before any check. */
export const loadParser = () => (loaded ??= loadModule());

type Node = Record<string, unknown>;

interface Scope {
  tables: { relname: string; alias?: string }[];
  unqualified: boolean;
  usingCampaign: boolean;
}

const isObject = (value: unknown): value is Node =>
  typeof value === 'object' && value !== null && !Array.isArray(value);

/** The names of a ColumnRef's fields (`p.campaign_id` → ['p', 'campaign_id']). */
function columnNames(ref: Node): string[] {
  const fields = (ref.fields as Node[] | undefined) ?? [];
  return fields.map((field) => ((field.String as Node | undefined)?.sval as string) ?? '*');
}

/** The names the statement's WITH clauses define: a reference to one is not a table. */
function cteNames(tree: unknown, found = new Set<string>()): Set<string> {
  if (Array.isArray(tree)) for (const item of tree) cteNames(item, found);
  else if (isObject(tree)) {
    const cte = tree.CommonTableExpr as Node | undefined;
    if (cte && typeof cte.ctename === 'string') found.add(cte.ctename);
    for (const value of Object.values(tree)) cteNames(value, found);
  }
  return found;
}

const QUERY_LEVELS = ['SelectStmt', 'UpdateStmt', 'DeleteStmt'];

/**
 * Where a `campaign_id` is read rather than used to choose rows: the columns a query returns,
 * sets or sorts by (a query returning campaign_id without a filter on it still reads every campaign).
 */
const NOT_FILTERS = new Set([
  'targetList',
  'returningList',
  'sortClause',
  'groupClause',
  'distinctClause',
  'windowClause',
]);

/**
 * The campaign tables a parsed statement uses without naming the campaign (empty when it is
 * scoped). `campaignTables` are the names of the tables with a `campaign_id` column.
 */
export function unscopedTables(parsed: unknown, campaignTables: ReadonlySet<string>): string[] {
  const ctes = cteNames(parsed);
  /** Table qualifiers (alias or name) met with campaign_id where rows are chosen. */
  const qualified = new Set<string>();
  const levels: Scope[] = [];

  const visit = (tree: unknown, scope: Scope | undefined, filter: boolean): void => {
    if (Array.isArray(tree)) {
      for (const item of tree) visit(item, scope, filter);
      return;
    }
    if (!isObject(tree)) return;
    for (const [key, value] of Object.entries(tree)) {
      if (Array.isArray(value)) {
        visit(value, scope, filter && !NOT_FILTERS.has(key));
        continue;
      }
      if (!isObject(value)) continue;
      if (QUERY_LEVELS.includes(key)) {
        const level: Scope = { tables: [], unqualified: false, usingCampaign: false };
        levels.push(level);
        visit(value, level, true);
      } else if (key === 'InsertStmt') {
        // The INSERT's own target carries campaign_id in every row it writes: only what it
        // selects from, and its ON CONFLICT and RETURNING, are read.
        visit({ ...value, relation: undefined }, scope, filter);
      } else if (key === 'RangeVar' || key === 'relation') {
        // An UPDATE's or DELETE's `relation` is a RangeVar without its wrapper.
        const schema = value.schemaname as string | undefined;
        const relname = value.relname as string;
        const alias = (value.alias as Node | undefined)?.aliasname as string | undefined;
        const ours = (!schema || schema === 'public') && campaignTables.has(relname);
        if (ours && !ctes.has(relname) && scope) scope.tables.push({ relname, alias });
      } else if (key === 'ColumnRef') {
        const names = columnNames(value);
        if (filter && names[names.length - 1] === 'campaign_id') {
          if (names.length === 1) {
            if (scope) scope.unqualified = true;
          } else qualified.add(names[names.length - 2]);
        }
      } else if (key === 'JoinExpr') {
        const using = (value.usingClause as Node[] | undefined) ?? [];
        if (
          scope &&
          using.some((name) => (name.String as Node | undefined)?.sval === 'campaign_id')
        )
          scope.usingCampaign = true;
        visit(value, scope, filter);
      } else {
        visit(value, scope, filter && !NOT_FILTERS.has(key));
      }
    }
  };

  visit(parsed, undefined, true);
  const missing: string[] = [];
  for (const level of levels) {
    if (level.unqualified || level.usingCampaign) continue;
    for (const { relname, alias } of level.tables)
      if (!qualified.has(alias ?? relname) && !qualified.has(relname)) missing.push(relname);
  }
  return [...new Set(missing)];
}

/** `unscopedTables` of a statement's text (several statements allowed), cached by text. */
export function checkStatement(
  text: string,
  campaignTables: ReadonlySet<string>,
  cache: Map<string, string[]>,
): string[] {
  const known = cache.get(text);
  if (known) return known;
  let missing: string[] = [];
  if (!text.trimStart().startsWith(EVERY_CAMPAIGN_MARK)) {
    try {
      missing = unscopedTables(parseSync(text), campaignTables);
    } catch {
      missing = []; // not SQL PostgreSQL parses (the server answers that itself)
    }
  }
  cache.set(text, missing);
  return missing;
}

import { loadModule, parseSync } from 'libpg-query';

/**
 * Does a statement name its campaign wherever it reads or writes a campaign's table?
 *
 * Every table with a `campaign_id` column belongs to one campaign per row, and a distributed
 * engine (Citus, sharded by `campaign_id`) routes a statement to the node holding that
 * campaign only when the statement says which campaign it is about. So each use of such a
 * table in a SELECT, UPDATE or DELETE must meet `campaign_id`: a column reference qualified by
 * the table's alias or name anywhere in the statement (`p.campaign_id = $1`, a join's
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

/** Every table qualifier (alias or name) that meets `campaign_id` somewhere in the statement. */
function qualifiersWithCampaign(tree: unknown, found = new Set<string>()): Set<string> {
  if (Array.isArray(tree)) for (const item of tree) qualifiersWithCampaign(item, found);
  else if (isObject(tree)) {
    const ref = tree.ColumnRef as Node | undefined;
    if (ref) {
      const names = columnNames(ref);
      if (names.length >= 2 && names[names.length - 1] === 'campaign_id')
        found.add(names[names.length - 2]);
    }
    for (const value of Object.values(tree)) qualifiersWithCampaign(value, found);
  }
  return found;
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
 * The campaign tables a parsed statement uses without naming the campaign (empty when it is
 * scoped). `campaignTables` are the names of the tables with a `campaign_id` column.
 */
export function unscopedTables(parsed: unknown, campaignTables: ReadonlySet<string>): string[] {
  const qualified = qualifiersWithCampaign(parsed);
  const ctes = cteNames(parsed);
  const missing: string[] = [];

  const close = (scope: Scope) => {
    if (scope.unqualified || scope.usingCampaign) return;
    for (const { relname, alias } of scope.tables)
      if (!qualified.has(alias ?? relname) && !qualified.has(relname)) missing.push(relname);
  };

  const visit = (tree: unknown, scope: Scope | undefined, insertTarget: boolean): void => {
    if (Array.isArray(tree)) {
      for (const item of tree) visit(item, scope, false);
      return;
    }
    if (!isObject(tree)) return;
    for (const [key, value] of Object.entries(tree)) {
      if (!isObject(value)) {
        if (Array.isArray(value)) visit(value, scope, false);
        continue;
      }
      if (QUERY_LEVELS.includes(key)) {
        const level: Scope = { tables: [], unqualified: false, usingCampaign: false };
        visit(value, level, false);
        close(level);
      } else if (key === 'InsertStmt') {
        visit(value, scope, true);
      } else if (key === 'relation' && insertTarget) {
        // The INSERT's own target: it carries campaign_id in every row it writes.
        continue;
      } else if (key === 'RangeVar' || key === 'relation') {
        // An UPDATE's or DELETE's `relation` is a RangeVar without its wrapper.
        const schema = value.schemaname as string | undefined;
        const relname = value.relname as string;
        const alias = (value.alias as Node | undefined)?.aliasname as string | undefined;
        const ours = (!schema || schema === 'public') && campaignTables.has(relname);
        if (ours && !ctes.has(relname) && !insertTarget && scope)
          scope.tables.push({ relname, alias });
      } else if (key === 'ColumnRef') {
        const names = columnNames(value);
        if (scope && names.length === 1 && names[0] === 'campaign_id') scope.unqualified = true;
      } else if (key === 'JoinExpr') {
        const using = (value.usingClause as Node[] | undefined) ?? [];
        if (
          scope &&
          using.some((name) => (name.String as Node | undefined)?.sval === 'campaign_id')
        )
          scope.usingCampaign = true;
        visit(value, scope, false);
      } else {
        visit(value, scope, false);
      }
    }
  };

  visit(parsed, undefined, false);
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

import { appendFileSync } from 'node:fs';
import { getTableConfig, PgTable } from 'drizzle-orm/pg-core';
import pg from 'pg';
import * as schema from '../schema.ts';
import { checkStatement, loadParser } from './campaign-scope.ts';

/**
 * Vitest setup (every test file): on PostgreSQL, every statement the application code sends
 * is read by PostgreSQL's parser, and one that uses a campaign's table without naming the
 * campaign fails the test that made the code send it (see ./campaign-scope.ts for the rule).
 * Statements written by the tests themselves (counting rows, setting a scene) are not the
 * application's and are not held to it.
 *
 * `LEVIER_SCOPE_REPORT=<file>` writes each unscoped statement there (one JSON line) instead of
 * failing, to survey a whole run.
 */

const PATCHED = Symbol.for('levier.campaignScope');

/** The tables a campaign owns: those with a campaign_id column (not `campaigns` itself). */
const campaignTables = new Set(
  (Object.values(schema) as unknown[])
    .filter((value): value is PgTable => value instanceof PgTable)
    .map((table) => getTableConfig(table))
    .filter((config) => config.columns.some((column) => column.name === 'campaign_id'))
    .map((config) => config.name),
);

/** The first frame of the stack in the project's code outside the database layer. */
function callerFrame(): string | undefined {
  const limit = Error.stackTraceLimit;
  Error.stackTraceLimit = 60;
  const stack = new Error().stack ?? '';
  Error.stackTraceLimit = limit;
  return stack
    .split('\n')
    .slice(1)
    .find(
      (line) =>
        (line.includes('/src/') || line.includes('/bench/') || line.includes('/scripts/')) &&
        !line.includes('/node_modules/') &&
        !line.includes('/src/server/core/db/') &&
        !line.includes('/src/server/testing/campaign-scope'),
    );
}

const isTestCode = (frame: string) =>
  /\.test\.tsx?/.test(frame) || frame.includes('/src/server/testing/') || frame.includes('/bench/');

const cache = new Map<string, string[]>();
const report = process.env.LEVIER_SCOPE_REPORT;

/** Why a statement may not be sent, or undefined when it may. */
function refusal(config: unknown): Error | undefined {
  const text =
    typeof config === 'string'
      ? config
      : typeof config === 'object' && config !== null && 'text' in config
        ? String((config as { text: unknown }).text)
        : undefined;
  if (!text) return undefined;
  const tables = checkStatement(text, campaignTables, cache);
  if (tables.length === 0) return undefined;
  const frame = callerFrame();
  if (!frame || isTestCode(frame)) return undefined;
  if (report) {
    appendFileSync(report, JSON.stringify({ tables, frame: frame.trim(), text }) + '\n');
    return undefined;
  }
  return new Error(
    `This statement uses ${tables.join(', ')} without naming the campaign (campaign_id), ` +
      `sent ${frame.trim()}:\n${text}`,
  );
}

type QueryFunction = (this: unknown, config: unknown, ...rest: unknown[]) => unknown;

function guard(prototype: { query: QueryFunction }) {
  const original = prototype.query;
  prototype.query = function (this: unknown, config: unknown, ...rest: unknown[]) {
    const error = refusal(config);
    if (!error) return original.call(this, config, ...rest);
    const callback = rest.find((arg) => typeof arg === 'function') as
      ((error: Error) => void) | undefined;
    if (callback) return void process.nextTick(() => callback(error));
    return Promise.reject(error);
  };
}

if (process.env.TEST_DATABASE_URL) {
  await loadParser();
  const prototypes = [pg.Pool.prototype, pg.Client.prototype] as unknown as {
    query: QueryFunction;
    [PATCHED]?: true;
  }[];
  for (const prototype of prototypes) {
    if (prototype[PATCHED]) continue;
    prototype[PATCHED] = true;
    guard(prototype);
  }
}

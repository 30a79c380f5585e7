import { nextTurn } from '../../core/event-loop.ts';
import { getTableConfig } from 'drizzle-orm/pg-core';
import type { Database, Engine } from '../../core/db/index.ts';
import { people } from './tables.ts';

/** What a statistics refresh needs: the server's database or an import's session. */
export interface StatisticsTarget {
  engine: Engine;
  /** Several statements without parameters, run as one (on PGlite, nothing runs between them). */
  exec: Database['exec'];
}

/**
 * Refreshes the planner's statistics of the people table, in full. Past the exact-count cap the
 * lists show the planner's estimate, and it picks plans from them too. PostgreSQL's autovacuum
 * refreshes them on its own, but only some time after a bulk write; PGlite has no autovacuum,
 * so without this the table would keep the statistics of whenever it was last analysed. On
 * PGlite this holds the server for about a second per 200,000 people (the search column's
 * finer sample, see migration 0005): the nightly job runs it, and the seed from the CLI.
 */
export async function refreshPeopleStatistics(database: StatisticsTarget): Promise<void> {
  await database.exec('ANALYZE people');
}

/**
 * After a bulk write while the server answers (an import). On PostgreSQL the full refresh, which
 * runs beside the server. On PGlite, which runs in the server's thread: column by column, on a
 * small sample each (a few thousand rows: ~15 ms at 200,000 people, where the whole table takes
 * over a second), with a turn of the event loop between; the search column keeps its finer
 * statistics until the nightly refresh (its proportions barely move with an import).
 */
export async function refreshPeopleStatisticsLightly(database: StatisticsTarget): Promise<void> {
  if (database.engine === 'postgres') return refreshPeopleStatistics(database);
  await analyzeColumnByColumn(database, LIGHT_COLUMNS);
}

/**
 * While an import grows the table: the planner's count of people and the statistics of the
 * columns its lookups read (email, phone, ids), refreshed as it grows; without them a lookup
 * planned for a small table walks all of it. Not a whole ANALYZE: it samples up to 300,000 rows
 * (the search column's target), about a second at 300,000 people, and an import refreshes a
 * dozen times. On PGlite column by column (see refreshPeopleStatisticsLightly).
 */
export async function refreshPeopleLookups(database: StatisticsTarget): Promise<void> {
  if (database.engine === 'postgres') {
    await database.exec(`ANALYZE people (${LOOKUP_COLUMNS.join(', ')})`);
    return;
  }
  await analyzeColumnByColumn(database, LOOKUP_COLUMNS);
}

/** PGlite: each column of people on its own small sample, a turn of the event loop between. */
async function analyzeColumnByColumn(database: StatisticsTarget, columns: readonly string[]) {
  for (const column of columns) {
    await analyzeSampled(database, 'people', [column], LIGHT_TARGET);
    await nextTurn();
  }
}

/**
 * ANALYZE of some columns (all when none are named) on a sample of 300 × `target` rows
 * (PostgreSQL's rule), in a transaction of its own so that the lowered target applies to this
 * statement only: never call it inside a transaction.
 */
export async function analyzeSampled(
  database: StatisticsTarget,
  table: string,
  columns: readonly string[],
  target: number,
): Promise<void> {
  const list = columns.length ? ` (${columns.map((c) => `"${c}"`).join(', ')})` : '';
  await database.exec(
    `BEGIN; SET LOCAL default_statistics_target = ${target}; ANALYZE ${table}${list}; COMMIT`,
  );
}

const LIGHT_TARGET = 25;
/** Every column but the search text (see above). */
const LIGHT_COLUMNS = getTableConfig(people)
  .columns.map((c) => c.name)
  .filter((name) => name !== 'search_text');

const LOOKUP_COLUMNS = [
  'campaign_id',
  'id',
  'email_normalized',
  'phone',
  'erased_at',
  'import_id',
  'recruit_code',
];

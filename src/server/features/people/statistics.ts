/**
 * Refreshes the planner's statistics of the people table. Past the exact-count cap the lists
 * show the planner's estimate, and it picks plans from them too. PostgreSQL's autovacuum
 * refreshes them on its own, but only some time after a bulk write; PGlite has no autovacuum,
 * so without this the table would keep the statistics of whenever it was last analysed.
 */
export async function refreshPeopleStatistics(
  query: (text: string) => Promise<unknown>,
): Promise<void> {
  await query('ANALYZE people');
}

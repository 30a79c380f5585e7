import { sql } from 'drizzle-orm';
import { z } from 'zod';
import type { AppContext } from '../context.ts';
import type { Query } from '../db/index.ts';
import type { MergeRule, PersonalData, PersonToForget } from './registry.ts';

/**
 * What erasure and the purge of unconfirmed people do in every table but the person's own
 * row, in one transaction (`query`): each feature's declared erasure, in registration order.
 * `reason` lets a table keep less for a purge (nothing remains of that person at all).
 */
export async function forgetPeople(
  registry: readonly PersonalData[],
  query: Query,
  campaignId: number,
  people: PersonToForget[],
  reason: 'erasure' | 'purge',
): Promise<Record<string, number>> {
  /** Rows deleted per table (and blanked, where a table's own rule counts them). */
  const removed: Record<string, number> = {};
  if (people.length === 0) return removed;
  const ids = people.map((person) => person.id);
  for (const { tables } of registry) {
    for (const { table, erase } of tables) {
      // A purge of thousands skips the tables where the campaign holds nothing (a feature it
      // does not use): each statement would carry the whole set of ids for no row.
      if (reason === 'purge' && !('keep' in erase) && !('subject' in erase)) {
        const [held] = await query<{ any: boolean }>(
          sql`SELECT EXISTS (SELECT 1 FROM ${sql.raw(table)} WHERE campaign_id = ${campaignId}) AS any`,
        );
        if (!held?.any) continue;
      }
      if ('deleteWhere' in erase) {
        const [gone] = await query<{ n: number }>(
          sql`WITH gone AS (DELETE FROM ${sql.raw(table)} WHERE campaign_id = ${campaignId} AND ${sql.raw(erase.deleteWhere)} = ANY(${ids}) RETURNING 1)
              SELECT count(*)::int AS n FROM gone`,
        );
        if (gone && gone.n > 0) removed[table] = gone.n;
      } else if ('run' in erase) {
        const n = await erase.run(query, campaignId, people, reason);
        if (typeof n === 'number' && n > 0) removed[table] = n;
      }
    }
  }
  return removed;
}

/** The person's data file: every feature's sections, in registration order. */
export async function readDataFile(
  registry: readonly PersonalData[],
  ctx: AppContext,
  personId: number,
): Promise<Record<string, unknown>> {
  const sections = registry.flatMap((data) => data.dataFile ?? []);
  const values = await Promise.all(sections.map((section) => section.read(ctx, personId)));
  return Object.fromEntries(sections.map((section, i) => [section.key, values[i]]));
}

/** The data file's schema (the response schema of the download routes). */
export function dataFileSchema(registry: readonly PersonalData[]) {
  const sections = registry.flatMap((data) => data.dataFile ?? []);
  return z.object(Object.fromEntries(sections.map((section) => [section.key, section.schema])));
}

/** `table.column` → what a merge does, for every column a feature declared as a person's id. */
export function mergeRules(registry: readonly PersonalData[]): Map<string, MergeRule> {
  const rules = new Map<string, MergeRule>();
  for (const { tables } of registry) {
    for (const { table, personColumns } of tables) {
      for (const [column, rule] of Object.entries(personColumns)) {
        rules.set(`${table}.${column}`, rule);
      }
    }
  }
  return rules;
}

/** The id columns features declared as holding no person's id (`table.column`). */
export function otherIdColumns(registry: readonly PersonalData[]): Set<string> {
  return new Set(
    registry.flatMap(({ tables }) =>
      tables.flatMap(({ table, otherIds }) =>
        Object.keys(otherIds ?? {}).map((column) => `${table}.${column}`),
      ),
    ),
  );
}

/** Every feature's retention purges for the context's campaign; answers what each removed. */
export async function runRetentionPurges(
  registry: readonly PersonalData[],
  ctx: AppContext,
): Promise<Record<string, number | Record<string, number>>> {
  const removed: Record<string, number | Record<string, number>> = {};
  for (const purge of registry.flatMap((data) => data.purges ?? [])) {
    removed[purge.name] = await purge.run(ctx);
  }
  return removed;
}

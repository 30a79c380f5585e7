import { sql } from 'drizzle-orm';
import { nextTurn } from '../../../core/event-loop.ts';
import { settleConsents } from '../consents.ts';
import { buildSearchText } from '../normalize.ts';
import { copiedFrom, deletePeople, updatePeopleFrom } from '../person-writer.ts';
import { Superseded } from './apply.ts';
import { written } from './merge.ts';
import { confirmedBySignup } from '../../recruitment/signup-records.ts';
import type { ImportSession, Query } from './session.ts';

/** People per undo transaction: as for applying, short on PGlite, which holds the server meanwhile. */
const UNDO_ROWS = { pglite: 100, postgres: 1_000 } as const;

export interface UndoRun {
  campaignId: number;
  importId: number;
  token: string;
}

/** Columns an import may fill on an existing person (see merge.ts), and put back here. */
const restorable = written;
type Restorable = (typeof restorable)[number];
type PersonNow = Record<Restorable, string | boolean | null> & {
  id: number;
  confirmed: boolean;
  confirmed_by_signup: boolean;
};

/**
 * Undoes what an import applied, in short transactions, each under the run's token; run again
 * after a crash, it goes on where it stopped (what is undone is gone from where it looks).
 *
 * - People it merged into (import_changes): each value it filled is put back, unless it has
 *   changed since (then it is someone else's now and stays); its tags, consent events and
 *   timeline entry go, and each consent is back to the latest decision left in the history.
 * - People it created: deleted, unless someone has since made them theirs — a sign-up or an
 *   account, a consent, tag or timeline entry from anything but this import, someone they
 *   recruited, a mail, an edit (updated since created), an erasure. Those are kept, without
 *   this import's tags and consent events (their consents recomputed from what remains);
 *   imports.kept_count says how many.
 * - Tags it created that nobody has any more.
 */
export async function undoImport(session: ImportSession, run: UndoRun): Promise<void> {
  const size = UNDO_ROWS[session.engine];
  while (await session.transaction((tx) => undoMerged(tx.query, run, size))) await nextTurn();
  for (let after = 0; ;) {
    const last = await session.transaction((tx) => undoCreated(tx.query, run, size, after));
    if (last === null) break;
    after = last;
    await nextTurn();
  }
  await session.transaction(async (tx) => {
    await owned(tx.query, run);
    await tx.query(
      sql`DELETE FROM tags t
        WHERE t.campaign_id = ${run.campaignId}
          AND t.id IN (SELECT jsonb_array_elements_text(created_tags)::bigint FROM imports WHERE campaign_id = ${run.campaignId} AND id = ${run.importId})
          AND NOT EXISTS (SELECT 1 FROM person_tags pt WHERE pt.campaign_id = t.campaign_id AND pt.tag_id = t.id)`,
    );
  });
}

async function owned(query: Query, run: UndoRun): Promise<void> {
  const [row] = await query<{ run_token: string | null }>(
    sql`SELECT run_token FROM imports WHERE campaign_id = ${run.campaignId} AND id = ${run.importId} FOR UPDATE`,
  );
  if (row?.run_token !== run.token) throw new Superseded();
}

/**
 * What the import wrote beside a person's columns: its tags, consent events, custom values,
 * timeline entries.
 */
async function deleteSideRows(query: Query, run: UndoRun, ids: number[]): Promise<void> {
  const { campaignId, importId } = run;
  for (const table of ['person_tags', 'consent_events', 'person_field_values']) {
    await query(
      sql`DELETE FROM ${sql.raw(table)} WHERE campaign_id = ${campaignId} AND person_id = ANY(${ids}::bigint[]) AND import_id = ${importId}`,
    );
  }
  await query(
    sql`DELETE FROM person_events WHERE campaign_id = ${campaignId} AND person_id = ANY(${ids}::bigint[]) AND kind = 'import'
        AND data->>'importId' = ${importId}::text`,
  );
}

/** One batch of people the import merged into. False when there are none left. */
async function undoMerged(query: Query, run: UndoRun, size: number): Promise<boolean> {
  await owned(query, run);
  const { campaignId, importId } = run;
  const changes = await query<{
    person_id: number;
    before: Record<string, unknown>;
    after: Record<string, unknown>;
  }>(
    sql`SELECT person_id, before, after FROM import_changes
      WHERE campaign_id = ${campaignId} AND import_id = ${importId} ORDER BY person_id LIMIT ${sql.raw(String(size))}`,
  );
  if (changes.length === 0) return false;
  const ids = changes.map((c) => Number(c.person_id));
  const people = await query<PersonNow>(
    sql`SELECT p.id, ${sql.raw(restorable.map((c) => `p.${c}`).join(', '))}, p.confirmed_at IS NOT NULL AS confirmed,
            ${sql.raw(confirmedBySignup('p.campaign_id', 'p.id'))} AS confirmed_by_signup
       FROM people p WHERE p.campaign_id = ${campaignId} AND p.id = ANY(${ids}::bigint[]) AND p.erased_at IS NULL
      ORDER BY p.id FOR UPDATE OF p`,
  );
  const byId = new Map(changes.map((c) => [Number(c.person_id), c]));
  const restored: Array<PersonNow & { search_text: string }> = [];
  for (const person of people) {
    const change = byId.get(Number(person.id))!;
    const next = { ...person };
    let changed = false;
    for (const column of restorable) {
      if (!(column in change.after) || person[column] !== change.after[column]) continue;
      next[column] = change.before[column] as PersonNow[Restorable];
      changed = true;
    }
    if (change.before.confirmed === false && person.confirmed && !person.confirmed_by_signup) {
      next.confirmed = false;
      changed = true;
    }
    if (!changed) continue;
    restored.push({
      ...next,
      search_text: buildSearchText({
        firstName: next.first_name as string | null,
        lastName: next.last_name as string | null,
        email: next.email as string | null,
        phone: next.phone as string | null,
        communeName: next.commune_name as string | null,
        postalCode: next.postal_code as string | null,
      }),
    });
  }
  if (restored.length) {
    const columns = [...restorable, 'search_text'] as const;
    const texts = columns.map((c) => sql`${restored.map((r) => r[c])}::text[]`);
    await updatePeopleFrom(query, campaignId, {
      set: {
        ...copiedFrom('u', columns),
        confirmedAt: sql`CASE WHEN u.confirmed THEN p.confirmed_at END`,
        updatedAt: sql`now()`,
      },
      from: sql`unnest(${restored.map((r) => r.id)}::bigint[], ${restored.map((r) => r.confirmed)}::boolean[], ${sql.join(texts, sql`, `)})
              AS u(id, confirmed, ${sql.raw(columns.join(', '))})`,
      where: sql`p.id = u.id`,
    });
  }
  await deleteSideRows(query, run, ids);
  // Without the import's decisions, each channel is back to the latest decision left.
  await settleConsents(query, campaignId, ids);
  await query(
    sql`DELETE FROM import_changes WHERE campaign_id = ${campaignId} AND import_id = ${importId} AND person_id = ANY(${ids}::bigint[])`,
  );
  return true;
}

/** One batch of people the import created, after id `after`. Null when there are none left. */
async function undoCreated(
  query: Query,
  run: UndoRun,
  size: number,
  after: number,
): Promise<number | null> {
  await owned(query, run);
  const { campaignId, importId } = run;
  const ids = (
    await query<{ id: number }>(
      sql`SELECT id FROM people WHERE campaign_id = ${campaignId} AND import_id = ${importId} AND id > ${after}
          ORDER BY id LIMIT ${sql.raw(String(size))} FOR UPDATE`,
    )
  ).map((r) => Number(r.id));
  if (ids.length === 0) return null;
  await deleteSideRows(query, run, ids);
  await settleConsents(query, campaignId, ids);
  const owner = (table: string, column = 'person_id') =>
    sql.raw(
      `EXISTS (SELECT 1 FROM ${table} x WHERE x.campaign_id = p.campaign_id AND x.${column} = p.id)`,
    );
  const kept = (
    await query<{ id: number }>(
      sql`SELECT p.id FROM people p
        WHERE p.campaign_id = ${campaignId} AND p.id = ANY(${ids}::bigint[])
          AND (p.erased_at IS NOT NULL OR p.updated_at > p.created_at OR ${owner('signups')}
               OR ${owner('accounts')} OR ${owner('consent_events')} OR ${owner('person_events')}
               OR ${owner('person_tags')} OR ${owner('people', 'recruited_by')} OR ${owner('mail_outbox')}
               OR ${owner('person_field_values')})`,
    )
  ).map((r) => Number(r.id));
  await deletePeople(query, campaignId, ids, kept);
  return ids.at(-1)!;
}

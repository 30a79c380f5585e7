import { sql } from 'drizzle-orm';
import type { Query } from '../../../core/db/index.ts';
import { Pacer } from '../../../core/event-loop.ts';
import type { AppContext } from '../../../core/context.ts';
import { copyValue, openSession, type ImportSession } from '../../people/import/session.ts';
import {
  readCallList,
  type CallListOptions,
  type CallListReport,
  type CallListRow,
} from '../numbers/call-list.ts';

const NUMBER_COLUMNS = [
  'campaign_id',
  'list_id',
  'e164',
  'number_class',
  'territory',
  'consent_at',
  'consent_source',
  'slot_weekdays',
  'slot_from',
  'slot_to',
  'line',
] as const;

/** Rows deleted per statement when a list's numbers go on PGlite. */
const DELETE_SLICE = 50_000;

export interface StoredNumbers {
  report: CallListReport;
  /** Numbers copied into `call_list_numbers`. */
  rows: number;
  /** Seconds spent in each phase (the logs' figures for a benchmark). */
  seconds: Record<'read' | 'copy' | 'rest' | 'undo' | 'finish', number>;
}

export interface StoreOptions {
  /** Told the numbers copied so far after each COPY. */
  progress?: (copied: number) => Promise<void>;
  /** The reader's options (tests set a small batch). */
  reader?: Pick<CallListOptions, 'batchSize' | 'now'>;
}

/**
 * Reads a list's file as it streams and COPYs its numbers into `call_list_numbers`, batch by
 * batch, then lets `finish` write the list's outcome. All or nothing: on PostgreSQL the copies
 * and `finish` run in one transaction on the import's own connection; on PGlite (one
 * connection, shared with the app: a long transaction would hold every request) each COPY
 * commits alone, resting between them, and whatever was copied is deleted, in slices, when the
 * file turns out refused or broken, or `finish` fails. Copies need no conflict clause: the
 * reader yields each number once (its E164Set is exact), and numbers left by a run cut short
 * by a crash (PGlite) are deleted first.
 */
export async function storeCallListNumbers(
  ctx: AppContext,
  listId: number,
  source: AsyncIterable<Uint8Array>,
  finish: (query: Query, stored: StoredNumbers) => Promise<void>,
  options: StoreOptions = {},
): Promise<StoredNumbers> {
  const session = await openSession(ctx.database);
  const concurrent = session.engine === 'postgres';
  const pacer = new Pacer(concurrent ? 1 : 0.5);
  const seconds: StoredNumbers['seconds'] = { read: 0, copy: 0, rest: 0, undo: 0, finish: 0 };
  const timed = async <T>(phase: keyof typeof seconds, work: () => Promise<T>): Promise<T> => {
    const start = performance.now();
    try {
      return await work();
    } finally {
      seconds[phase] += (performance.now() - start) / 1000;
    }
  };
  const started = performance.now();
  // On PostgreSQL a batch's COPY runs while the next batch is read (one COPY at a time on the
  // connection); PGlite shares this thread, so there each batch waits for its COPY.
  let copying: Promise<void> | null = null;
  try {
    if (concurrent) await session.exec('BEGIN');
    // Numbers a run cut short by a crash left on PGlite: the run starts afresh.
    await timed('undo', () => forgetNumbers(session.query, ctx.campaignId, listId, pacer));
    const line = copyLine(ctx.campaignId, listId);
    let rows = 0;
    let report: CallListReport | null = null;
    const copied = async () => {
      if (copying) await timed('copy', () => copying!);
      copying = null;
    };
    for await (const event of readCallList(source, {
      timeZone: ctx.config.CAMPAIGN_TIMEZONE,
      ...options.reader,
    })) {
      if (event.type === 'report') {
        report = event.report;
        continue;
      }
      await copied();
      const batch = event.rows;
      const copy = copyRows(session, batch, line).then(async () => {
        rows += batch.length;
        await options.progress?.(rows);
      });
      // Awaited later; marked handled so a failure meanwhile is not an unhandled rejection.
      copy.catch(() => undefined);
      copying = copy;
      if (!concurrent) await copied();
      await timed('rest', () => pacer.rest());
    }
    await copied();
    if (report === null) throw new Error('readCallList ended without its report');
    seconds.read =
      (performance.now() - started) / 1000 - seconds.copy - seconds.rest - seconds.undo;
    const stored: StoredNumbers = { report, rows, seconds };
    await timed('finish', async () => {
      if (concurrent) {
        await finish(session.query, stored);
        await session.exec('COMMIT');
      } else {
        await ctx.database.transaction((query) => finish(query, stored));
      }
    });
    return stored;
  } catch (error) {
    // A COPY still on its way ends (and reports) before the import does.
    await (copying as Promise<void> | null)?.catch(() => undefined);
    if (concurrent) await session.exec('ROLLBACK').catch(() => undefined);
    else {
      await forgetNumbers(session.query, ctx.campaignId, listId, pacer).catch((undo: unknown) =>
        ctx.log.error({ listId, err: undo }, 'call list: numbers of a failed import left'),
      );
    }
    throw error;
  } finally {
    await session.release();
  }
}

const copyLine =
  (campaignId: number, listId: number) =>
  (row: CallListRow): string =>
    [
      campaignId,
      listId,
      row.e164,
      row.numberClass,
      row.territory,
      row.consentAt.toISOString(),
      row.consentSource,
      row.slot ? `{${row.slot.weekdays.join(',')}}` : null,
      row.slot?.from,
      row.slot?.to,
      row.line,
    ]
      .map(copyValue)
      .join('\t');

async function copyRows(
  session: ImportSession,
  rows: readonly CallListRow[],
  line: (row: CallListRow) => string,
): Promise<void> {
  if (rows.length === 0) return;
  let text = '';
  for (const row of rows) text += `${line(row)}\n`;
  await session.copy('call_list_numbers', NUMBER_COLUMNS, text);
}

/**
 * Deletes a list's numbers a slice at a time, resting between slices, so that PGlite answers
 * requests meanwhile; answers how many went.
 */
export async function forgetNumbers(
  query: Query,
  campaignId: number,
  listId: number,
  pacer: Pacer,
): Promise<number> {
  let deleted = 0;
  for (;;) {
    const [slice] = await query<{ n: number }>(
      sql`WITH doomed AS (SELECT e164 FROM call_list_numbers
                           WHERE campaign_id = ${campaignId} AND list_id = ${listId}
                           LIMIT ${DELETE_SLICE}),
               gone AS (DELETE FROM call_list_numbers n USING doomed d
                         WHERE n.campaign_id = ${campaignId} AND n.list_id = ${listId} AND n.e164 = d.e164
                         RETURNING 1)
          SELECT count(*)::int AS n FROM gone`,
    );
    deleted += slice.n;
    if (slice.n < DELETE_SLICE) return deleted;
    await pacer.rest();
  }
}

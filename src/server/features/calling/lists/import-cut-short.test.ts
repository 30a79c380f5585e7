import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { startOperation } from '../../../core/operations/index.ts';
import { createTestApp, engines, type TestApp } from '../../../testing/harness.ts';
import { CALL_LIST_IMPORT_OPERATION, runCallListImport } from './job.ts';
import { storeCallListNumbers } from './store.ts';
import { leftOf } from './testing.ts';

/** A list of `count` distinct mobile numbers, all with their consent. */
function numbersFile(count: number): Buffer {
  let text = 'phone;consent_at;source;slot\n';
  for (let i = 0; i < count; i++) {
    text += `06${String(i).padStart(8, '0')};2024-03-12;Formulaire;lun-ven 10-13\n`;
  }
  return Buffer.from(text);
}

const reader = { batchSize: 1000 };

describe.each(engines)('a call list import cut short keeps nothing (%s)', (engine) => {
  let t: TestApp;

  beforeAll(async () => {
    t = await createTestApp(engine);
  }, 60_000);
  afterAll(() => t?.close());

  /** A list row as an upload leaves it (queued, its size told), with the chunks given. */
  async function storedList(size: number, chunks: Buffer[], status = 'queued'): Promise<number> {
    const { campaignId } = t.ctx;
    const [row] = await t.ctx.database.query<{ id: number }>(
      sql`INSERT INTO call_lists (campaign_id, name, file_name, size, status)
          VALUES (${campaignId}, 'Coupée', 'coupee.csv', ${size}, ${status}) RETURNING id`,
    );
    const listId = Number(row.id);
    for (const [seq, data] of chunks.entries()) {
      await t.ctx.database.query(
        sql`INSERT INTO call_list_files (campaign_id, list_id, seq, data)
            VALUES (${campaignId}, ${listId}, ${seq}, ${data})`,
      );
    }
    return listId;
  }

  const listRow = async (listId: number) => {
    const [row] = await t.ctx.database.query<{
      status: string;
      error_code: string | null;
      number_count: number | null;
      done: number;
    }>(
      sql`SELECT l.status, l.error_code, l.number_count, o.done::int AS done
            FROM call_lists l
            LEFT JOIN operations o ON o.campaign_id = l.campaign_id AND o.kind = ${CALL_LIST_IMPORT_OPERATION}
                                  AND o.subject = l.id
           WHERE l.campaign_id = ${t.ctx.campaignId} AND l.id = ${listId}`,
    );
    return row;
  };

  it('fails a stored file that ends before its size, after copying its first numbers, and keeps none', async () => {
    const file = numbersFile(6000);
    // Its second chunk is lost: the first ends in the middle of a line.
    const first = file.subarray(0, Math.floor(file.length * 0.6));
    const listId = await storedList(file.length, [first]);
    await startOperation(t.ctx.database.query, t.ctx.campaignId, {
      kind: CALL_LIST_IMPORT_OPERATION,
      subjectId: listId,
      label: 'Coupée',
      startedBy: null,
    });

    await runCallListImport(t.ctx, listId, { reader });

    const row = await listRow(listId);
    expect(row).toMatchObject({
      status: 'failed',
      error_code: 'file_cut_short',
      number_count: null,
    });
    // Batches of 1000 were copied before the end was found short.
    expect(row.done).toBeGreaterThanOrEqual(3000);
    expect(await leftOf(t, listId)).toEqual({ numbers: 0, chunks: 0 });
  });

  it('undoes what it copied when the file breaks mid-way, and lets the error through', async () => {
    const listId = await storedList(0, [], 'running');
    const file = numbersFile(4500);
    async function* breaking() {
      yield file.subarray(0, 100_000);
      throw new Error('connection lost');
    }
    const seen: number[] = [];
    let finished = false;
    await expect(
      storeCallListNumbers(
        t.ctx,
        listId,
        breaking(),
        () => {
          finished = true;
          return Promise.resolve();
        },
        {
          reader,
          progress: async () => {
            seen.push((await leftOf(t, listId)).numbers);
          },
        },
      ),
    ).rejects.toThrow('connection lost');

    expect(finished).toBe(false);
    expect(seen.length).toBeGreaterThanOrEqual(2);
    // PGlite commits each COPY (undone on failure); PostgreSQL keeps them in the import's
    // transaction, which no other connection sees.
    if (engine === 'pglite') expect(seen.at(-1)).toBe(seen.length * reader.batchSize);
    else expect(seen.every((n) => n === 0)).toBe(true);
    expect(await leftOf(t, listId)).toEqual({ numbers: 0, chunks: 0 });
  });

  it('undoes the numbers when the list cannot be finished', async () => {
    const listId = await storedList(0, [], 'running');
    async function* whole() {
      yield numbersFile(2500);
    }
    await expect(
      storeCallListNumbers(t.ctx, listId, whole(), () => Promise.reject(new Error('disk full')), {
        reader,
      }),
    ).rejects.toThrow('disk full');
    expect(await leftOf(t, listId)).toEqual({ numbers: 0, chunks: 0 });
  });

  it('leaves a list that broke unexpectedly to its retry, and ends it as failed on the last try', async () => {
    const file = numbersFile(2500);
    const listId = await storedList(file.length, [file]);
    // A database error past the first batches (a disk full, a lost connection...).
    await t.ctx.database.exec(
      `CREATE FUNCTION call_list_test_break() RETURNS trigger LANGUAGE plpgsql AS $$
         BEGIN
           IF NEW.list_id = ${listId} AND NEW.line > 2000 THEN RAISE EXCEPTION 'disk full'; END IF;
           RETURN NEW;
         END $$;
       CREATE TRIGGER call_list_test_break BEFORE INSERT ON call_list_numbers
         FOR EACH ROW EXECUTE FUNCTION call_list_test_break();`,
    );
    try {
      await expect(runCallListImport(t.ctx, listId, { reader })).rejects.toThrow('disk full');
      expect(await listRow(listId)).toMatchObject({ status: 'running', error_code: null });
      expect(await leftOf(t, listId)).toEqual({ numbers: 0, chunks: 1 });

      await expect(runCallListImport(t.ctx, listId, { reader, lastTry: true })).rejects.toThrow(
        'disk full',
      );
      expect(await listRow(listId)).toMatchObject({
        status: 'failed',
        error_code: 'import_failed',
        number_count: null,
      });
      expect(await leftOf(t, listId)).toEqual({ numbers: 0, chunks: 0 });
    } finally {
      await t.ctx.database.exec(
        'DROP TRIGGER call_list_test_break ON call_list_numbers; DROP FUNCTION call_list_test_break();',
      );
    }
  });

  it('starts afresh over numbers a run cut short by a crash left', async () => {
    const file = numbersFile(2500);
    const listId = await storedList(file.length, [file], 'running');
    // What a crashed run on PGlite leaves: some numbers of the list, the first among them.
    await t.ctx.database.query(
      sql`INSERT INTO call_list_numbers (campaign_id, list_id, e164, number_class, territory,
                 consent_at, consent_source, line)
          SELECT ${t.ctx.campaignId}, ${listId}, '+336' || lpad(i::text, 8, '0'), 'mobile', 'metropole',
                 now(), 'Formulaire', i + 2
            FROM generate_series(0, 1499) i`,
    );
    const info = vi.spyOn(t.ctx.log, 'info');
    await runCallListImport(t.ctx, listId, { reader });
    // The phases' seconds, for a benchmark to read in the logs.
    expect(info).toHaveBeenCalledWith(
      {
        listId,
        rows: 2500,
        seconds: {
          read: expect.any(Number),
          copy: expect.any(Number),
          rest: expect.any(Number),
          undo: expect.any(Number),
          finish: expect.any(Number),
        },
      },
      'call list imported',
    );
    info.mockRestore();
    expect(await listRow(listId)).toMatchObject({
      status: 'succeeded',
      error_code: null,
      number_count: 2500,
    });
    expect(await leftOf(t, listId)).toEqual({ numbers: 2500, chunks: 0 });
  });
});

import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ImportReport } from '../../../../contracts/people.ts';
import {
  Browser,
  createTestApp,
  engines,
  signupBody,
  staffBrowser,
  type TestApp,
} from '../../../testing/harness.ts';
import type { ApplyHooks } from './apply.ts';
import { importReport, requeueStalledImports, runImport, storeImport } from './service.ts';
import { openSession } from './session.ts';
import { parseOptions } from './upload.ts';

/** An import stored as the upload route stores it, not run yet: the test runs it. */
async function stored(t: TestApp, csv: string, options: Record<string, unknown> = {}) {
  const dir = await mkdtemp(join(tmpdir(), 'levier-slices-'));
  const path = join(dir, 'people.csv');
  await writeFile(path, csv);
  try {
    return await storeImport(
      t.ctx,
      {
        path,
        fileName: 'people.csv',
        size: Buffer.byteLength(csv),
        encoding: 'utf-8',
        options: parseOptions({ mapping: {}, ...options }),
        dispose: async () => undefined,
      },
      null,
    );
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}

const emails = (prefix: string, from: number, to: number) =>
  Array.from({ length: to - from + 1 }, (_, i) => `${prefix}${from + i}@example.org`);

/** A CSV of people `prefix<n>@example.org` named Last<n>, consenting to email. */
const fileOf = (list: string[]) =>
  `email,last name,consent email\n${list.map((e) => `${e},${e.split('@')[0]},oui`).join('\n')}\n`;

describe.each(engines)('import slices on %s', (engine) => {
  let t: TestApp;
  let admin: Browser;
  const count = async (sql: string, params: unknown[] = []) =>
    (await t.ctx.database.query<{ n: number }>(`SELECT count(*)::int AS n FROM ${sql}`, params))[0]
      .n;
  const person = async (email: string) =>
    (
      await t.ctx.database.query<Record<string, unknown>>(
        'SELECT * FROM people WHERE campaign_id = $1 AND email_normalized = $2',
        [t.ctx.campaignId, email],
      )
    )[0];
  const signUp = async (email: string) => {
    const response = await new Browser(t.app).post('/api/signup', signupBody({ email }));
    expect(response.statusCode).toBe(200);
  };
  /** Slices of 200 targets, whatever the timing, calling `work` once after the nth. */
  const after = (n: number, work: () => Promise<void>): ApplyHooks => {
    let slices = 0;
    return {
      maxSliceRows: 200,
      afterSlice: async () => {
        if (++slices === n) await work();
      },
    };
  };

  beforeAll(async () => {
    t = await createTestApp(engine);
    admin = await staffBrowser(t, 'boss@levier.test', ['admin']);
  });
  afterAll(async () => {
    await t?.close();
  });

  it('commits slice by slice, and merges a person who signs up while it runs', async () => {
    const list = emails('during', 1, 1_500);
    const id = await stored(t, fileOf(list), { tags: ['during'] });
    let seen = 0;
    await runImport(
      t.ctx,
      id,
      after(1, async () => {
        // The first slice is committed: its people are there, the rest are not yet.
        seen = await count("people WHERE email_normalized LIKE 'during%'");
        await signUp('during1400@example.org');
      }),
    );
    expect(seen).toBeGreaterThan(0);
    expect(seen).toBeLessThan(1_500);
    expect(await importReport(t.ctx, id)).toMatchObject({
      status: 'applied',
      createdCount: 1_499,
      mergedCount: 1,
    });
    expect(await count("people WHERE email_normalized LIKE 'during%'")).toBe(1_500);
    const signedUp = await person('during1400@example.org');
    // The sign-up's own data stays; the file adds what the person lacked (a consent).
    expect(signedUp).toMatchObject({
      source: 'signup',
      last_name: 'Durand',
      import_id: null,
      consent_email: true,
    });
    expect(await count('signups WHERE person_id = $1', [signedUp.id])).toBe(1);
    expect(
      await count(
        "person_tags pt JOIN tags tg ON tg.campaign_id = pt.campaign_id AND tg.id = pt.tag_id WHERE tg.name = 'during'",
      ),
    ).toBe(1_500);
  });

  it('groups rows of one person however far apart in the file (PGlite groups range by range)', async () => {
    const rows = Array.from({ length: 6_000 }, (_, i) => `far-filler${i}@example.org,Filler,,,oui`);
    // Lines are index + 2. A person repeated 5,000 lines later; a row without email whose
    // phone an email row far below carries; one whose email row comes 1,500 lines earlier.
    rows[0] = 'far1@example.org,Loin,0611000001,alpha,';
    rows[1] = ',,0611000003,delta,';
    rows[3_998] = 'far2@example.org,Deux,0611000002,,';
    rows[4_998] = 'far1@example.org,,,beta,oui';
    rows[5_498] = ',,0611000002,gamma,';
    rows[5_798] = 'far3@example.org,Trois,0611000003,,oui';
    const id = await stored(t, `email,last name,phone,tags,consent email\n${rows.join('\n')}\n`);
    await runImport(t.ctx, id);
    expect(await importReport(t.ctx, id)).toMatchObject({
      status: 'applied',
      duplicateRows: 3,
      createdCount: 5_997,
    });
    const tagsOf = async (email: string) =>
      (
        await t.ctx.database.query<{ name: string }>(
          `SELECT tg.name FROM person_tags pt JOIN people p ON p.campaign_id = pt.campaign_id AND p.id = pt.person_id
             JOIN tags tg ON tg.campaign_id = pt.campaign_id AND tg.id = pt.tag_id
            WHERE p.campaign_id = $1 AND p.email_normalized = $2 ORDER BY tg.name`,
          [t.ctx.campaignId, email],
        )
      ).map((r) => r.name);
    expect(await person('far1@example.org')).toMatchObject({
      last_name: 'Loin',
      consent_email: true,
    });
    expect(await tagsOf('far1@example.org')).toEqual(['alpha', 'beta']);
    expect(await tagsOf('far2@example.org')).toEqual(['gamma']);
    // The row without email comes first: it is the person, completed by the later row.
    expect(await person('far3@example.org')).toMatchObject({
      last_name: 'Trois',
      phone: '+33611000003',
      consent_email: true,
    });
    expect(await tagsOf('far3@example.org')).toEqual(['delta']);
    const warnings = await t.ctx.database.query<{ line: number; message: string }>(
      `SELECT line, message FROM import_errors WHERE campaign_id = $1 AND import_id = $2 AND code = 'duplicate_in_file' ORDER BY line`,
      [t.ctx.campaignId, id],
    );
    expect(warnings).toEqual([
      { line: 5_000, message: 'Same person as line 2: merged into it.' },
      { line: 5_500, message: 'Same person as line 4000: merged into it.' },
      { line: 5_800, message: 'Same person as line 3: merged into it.' },
    ]);
  });

  it('applies two overlapping imports side by side, each person once', async () => {
    const first = emails('overlap', 1, 1_200);
    const second = emails('overlap', 601, 1_800);
    const a = await stored(t, fileOf(first));
    const b = await stored(t, fileOf(second));
    const small = { maxSliceRows: 200 };
    await Promise.all([runImport(t.ctx, a, small), runImport(t.ctx, b, small)]);
    const [ra, rb] = [await importReport(t.ctx, a), await importReport(t.ctx, b)];
    expect([ra.status, rb.status]).toEqual(['applied', 'applied']);
    expect(await count("people WHERE email_normalized LIKE 'overlap%'")).toBe(1_800);
    expect(ra.createdCount + rb.createdCount).toBe(1_800);
    expect(ra.mergedCount + rb.mergedCount).toBe(600);
  });

  if (engine === 'postgres') {
    it('merges into an address a sign-up is inserting at the same moment (no unique violation)', async () => {
      const id = await stored(t, fileOf(emails('race', 1, 300)));
      const client = await t.ctx.database.pool!.connect();
      try {
        // A sign-up's insert, not committed yet, of an address of the file.
        await client.query('BEGIN');
        await client.query(
          `INSERT INTO people (campaign_id, email, email_normalized, first_name, source, recruit_code, search_text)
           VALUES ($1, 'race150@example.org', 'race150@example.org', 'Racer', 'signup', 'race0150', 'racer')`,
          [t.ctx.campaignId],
        );
        const running = runImport(t.ctx, id);
        // The import's insert waits on that row; the sign-up commits.
        for (let waited = 0; waited < 200; waited++) {
          const [blocked] = await t.ctx.database.query<{ n: number }>(
            `SELECT count(*)::int AS n FROM pg_stat_activity
              WHERE datname = current_database() AND wait_event_type = 'Lock' AND query LIKE '%INSERT INTO people%'`,
          );
          if (blocked.n > 0) break;
          await new Promise((r) => setTimeout(r, 50));
        }
        await client.query('COMMIT');
        await running;
      } finally {
        client.release();
      }
      expect(await importReport(t.ctx, id)).toMatchObject({
        status: 'applied',
        createdCount: 299,
        mergedCount: 1,
      });
      expect(await person('race150@example.org')).toMatchObject({
        first_name: 'Racer',
        last_name: 'race150',
        consent_email: true,
      });
    });
  }

  it('undoes a cancelled import, keeping the people someone has made theirs since', async () => {
    // Before the import: a person it fills in (a last name and a consent they lack).
    await t.ctx.database.query(
      `INSERT INTO people (campaign_id, email, email_normalized, first_name, source, recruit_code, search_text)
       VALUES ($1, 'cancel5@example.org', 'cancel5@example.org', 'Known', 'signup', 'cancelk05', 'known')`,
      [t.ctx.campaignId],
    );
    const before = await person('cancel5@example.org');
    const list = emails('cancel', 1, 1_500);
    const id = await stored(t, fileOf(list), { tags: ['cancelled-tag'] });
    let cancel: ImportReport | undefined;
    await runImport(
      t.ctx,
      id,
      after(1, async () => {
        // Someone the import has just created signs up; then HQ cancels.
        expect(await person('cancel1@example.org')).toMatchObject({ import_id: id });
        await signUp('cancel1@example.org');
        expect(await person('cancel5@example.org')).toMatchObject({
          last_name: 'cancel5',
          consent_email: true,
        });
        cancel = (await admin.post(`/api/people/imports/${id}/cancel`)).json() as ImportReport;
      }),
    );
    expect(cancel).toMatchObject({ status: 'running', cancelRequested: true });
    const report = await importReport(t.ctx, id);
    expect(report).toMatchObject({
      status: 'cancelled',
      createdCount: 0,
      mergedCount: 0,
      keptCount: 1,
    });
    expect(report.problem).toMatch(/cancelled/);
    // Nothing of it stays: its people, their tags, consents and timeline entries, its tag.
    expect(await count("people WHERE email_normalized LIKE 'cancel%'")).toBe(2);
    expect(await count("tags WHERE name = 'cancelled-tag'")).toBe(0);
    expect(await count('consent_events WHERE import_id = $1', [id])).toBe(0);
    expect(await count('person_tags WHERE import_id = $1', [id])).toBe(0);
    expect(
      await count("person_events WHERE kind = 'import' AND data->>'importId' = $1", [String(id)]),
    ).toBe(0);
    expect(await count('import_changes WHERE import_id = $1', [id])).toBe(0);
    // The person it had filled in is as before.
    const restored = await person('cancel5@example.org');
    expect(restored).toMatchObject({
      first_name: 'Known',
      last_name: null,
      consent_email: false,
      confirmed_at: null,
    });
    expect(restored.updated_at).not.toEqual(before.updated_at);
    // The one who signed up is kept (their sign-up waits for confirmation), without the
    // consent the import gave.
    const kept = await person('cancel1@example.org');
    expect(kept).toMatchObject({ import_id: id, consent_email: false });
    expect(await count('signups WHERE person_id = $1', [kept.id])).toBe(1);

    // Only an import still queued or running can be cancelled.
    const finished = await admin.post(`/api/people/imports/${id}/cancel`);
    expect(finished.statusCode).toBe(200); // already cancelled: said again
    const applied = await stored(t, fileOf(['cancel-done@example.org']));
    await runImport(t.ctx, applied);
    const late = await admin.post(`/api/people/imports/${applied}/cancel`);
    expect([late.statusCode, late.json().code]).toEqual([409, 'import_finished']);
    expect(await person('cancel-done@example.org')).toBeDefined();
  });

  it('cancels a queued import at once, and refuses the cancel to those without people.import', async () => {
    const id = await stored(t, fileOf(['queued-cancel@example.org']));
    const finance = await staffBrowser(t, 'finance@example.org', ['finance']);
    const refused = await finance.post(`/api/people/imports/${id}/cancel`);
    expect([refused.statusCode, refused.json().code]).toEqual([403, 'forbidden']);
    const visitor = new Browser(t.app);
    await visitor.session();
    const anonymous = await visitor.post(`/api/people/imports/${id}/cancel`);
    expect([anonymous.statusCode, anonymous.json().code]).toEqual([401, 'unauthenticated']);
    expect((await importReport(t.ctx, id)).status).toBe('queued');
    const cancelled = (await admin.post(`/api/people/imports/${id}/cancel`)).json();
    expect(cancelled).toMatchObject({ status: 'cancelled', progress: 1 });
    await runImport(t.ctx, id);
    expect(await person('queued-cancel@example.org')).toBeUndefined();
    expect(await count('import_files WHERE import_id = $1', [id])).toBe(0);
    expect((await admin.post('/api/people/imports/999999/cancel')).statusCode).toBe(404);
  });

  it('goes on with an undo whose process died: the next run finishes it', async () => {
    const id = await stored(t, fileOf(emails('undone', 1, 1_000)), { tags: ['undone-tag'] });
    let release!: (error: Error) => void;
    let slices = 0;
    let committed = 0;
    const dead = runImport(t.ctx, id, {
      maxSliceRows: 200,
      afterSlice: async ({ rows }) => {
        committed += rows;
        if (++slices === 2)
          await new Promise<void>((_, reject) => {
            release = reject;
          });
      },
    });
    while (!release) await new Promise((r) => setTimeout(r, 20));
    expect(await count("people WHERE email_normalized LIKE 'undone%'")).toBe(committed);
    // As if its run had failed, started undoing, and died with the heartbeat a minute old.
    await t.ctx.database.query(
      `UPDATE imports SET status = 'undoing', heartbeat_at = now() - interval '2 minutes',
              problem = '{"code":"import_failed","message":"The import stopped."}'
        WHERE id = $1`,
      [id],
    );
    expect(await requeueStalledImports(t.ctx)).toEqual([id]);
    await runImport(t.ctx, id);
    release(new Error('woken up'));
    await dead;
    expect(await importReport(t.ctx, id)).toMatchObject({
      status: 'failed',
      createdCount: 0,
      keptCount: 0,
      problem: 'The import stopped.',
    });
    expect(await count("people WHERE email_normalized LIKE 'undone%'")).toBe(0);
    expect(await count("tags WHERE name = 'undone-tag'")).toBe(0);
  });

  it('resumes after its process died, from the last committed slice, applying nothing twice', async () => {
    await t.ctx.database.query(
      `INSERT INTO people (campaign_id, email, email_normalized, source, recruit_code, search_text)
       VALUES ($1, 'resume1200@example.org', 'resume1200@example.org', 'signup', 'resumek01', '')`,
      [t.ctx.campaignId],
    );
    const id = await stored(t, fileOf(emails('resume', 1, 1_500)), { tags: ['resumed'] });
    let release!: (error: Error) => void;
    let committed = 0;
    // The first run stops after its second slice, as if its process had died there.
    const dead = runImport(t.ctx, id, {
      maxSliceRows: 200,
      afterSlice: async ({ rows }) => {
        committed += rows;
        if (committed > rows)
          await new Promise<void>((_, reject) => {
            release = reject;
          });
      },
    });
    while (!release) await new Promise((r) => setTimeout(r, 20));
    const stopped = await importReport(t.ctx, id);
    expect(stopped.status).toBe('running');
    expect(await count("people WHERE email_normalized LIKE 'resume%'")).toBe(committed + 1);

    // Its heartbeat stops; a minute later the sweep queues the import again.
    expect(await requeueStalledImports(t.ctx)).toEqual([]);
    await t.ctx.database.query(
      "UPDATE imports SET heartbeat_at = now() - interval '2 minutes' WHERE id = $1",
      [id],
    );
    expect(await requeueStalledImports(t.ctx)).toEqual([id]);
    await runImport(t.ctx, id);
    expect(await importReport(t.ctx, id)).toMatchObject({
      status: 'applied',
      createdCount: 1_499,
      mergedCount: 1,
    });
    // The dead run, were it to wake up, applies nothing more.
    release(new Error('woken up'));
    await dead;
    expect(await count("people WHERE email_normalized LIKE 'resume%'")).toBe(1_500);
    expect(await count("consent_events WHERE import_id = $1 AND channel = 'email'", [id])).toBe(
      1_500,
    );
    expect(
      await count(
        "person_tags pt JOIN tags tg ON tg.campaign_id = pt.campaign_id AND tg.id = pt.tag_id WHERE tg.name = 'resumed'",
      ),
    ).toBe(1_500);
    expect(await importReport(t.ctx, id)).toMatchObject({ status: 'applied' });
  });

  it("merges the search index's new entries itself, so that a sign-up never merges the import's", async () => {
    const session = await openSession(t.ctx.database);
    try {
      const [own] = await session.query<{ gin_pending_list_limit: string }>(
        'SHOW gin_pending_list_limit',
      );
      const [others] = await t.ctx.database.query<{ gin_pending_list_limit: string }>(
        'SHOW gin_pending_list_limit',
      );
      // PGlite has one connection, at its own small limit for everyone (core/db).
      expect(own.gin_pending_list_limit).toBe(engine === 'postgres' ? '1MB' : '64kB');
      expect(others.gin_pending_list_limit).toBe(engine === 'postgres' ? '4MB' : '64kB');
    } finally {
      await session.release();
    }
  });
});

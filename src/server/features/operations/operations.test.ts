import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { OperationList } from '../../../contracts/operations.ts';
import type { ImportReport } from '../../../contracts/people.ts';
import { eventually } from '../../testing/captured-log.ts';
import {
  Browser,
  createTestApp,
  engines,
  staffBrowser,
  type TestApp,
} from '../../testing/harness.ts';
import { upload } from '../../testing/multipart.ts';

describe.each(engines)('operations on %s', (engine) => {
  let t: TestApp;
  let admin: Browser;

  beforeAll(async () => {
    t = await createTestApp(engine);
    admin = await staffBrowser(t, 'ops@levier.test', ['admin']);
    await t.ctx.database.query(
      `UPDATE people SET first_name = 'Alex', last_name = 'Martin' WHERE email_normalized = 'ops@levier.test'`,
    );
  });
  afterAll(() => t.close());

  const list = async (browser: Browser) => {
    const response = await browser.get('/api/operations');
    expect(response.statusCode).toBe(200);
    return response.json() as OperationList;
  };

  it('lists an import as an operation: who started it, its progress, its end', async () => {
    const csv = 'email,first_name\nana@example.org,Ana\nbob@example.org,Bob\n';
    const response = await upload(
      admin,
      '/api/people/imports',
      csv,
      { mapping: {} },
      {
        fileName: 'volunteers.csv',
      },
    );
    expect(response.statusCode).toBe(202);
    const { id } = response.json() as ImportReport;
    const [queued] = (await list(admin)).items;
    expect(queued).toMatchObject({
      kind: 'people.import',
      subjectId: id,
      label: 'volunteers.csv',
      startedByName: 'Alex Martin',
      total: 1000,
      cancelRequested: false,
    });
    const done = await eventually('the import to end', async () => {
      const [operation] = (await list(admin)).items;
      return operation.endedAt ? operation : undefined;
    });
    expect(done).toMatchObject({
      status: 'succeeded',
      done: 1000,
      total: 1000,
      cancellable: false,
    });
    expect(Date.parse(done.startedAt!)).toBeLessThanOrEqual(Date.parse(done.endedAt!));
  });

  it('cancels a queued import from the list, audited as the import page does; not twice', async () => {
    // No worker takes it: it stays queued until cancelled.
    await t.ctx.boss.stop({ graceful: false, wait: true });
    const csv = 'email\ncarla@example.org\n';
    const { id } = (
      await upload(admin, '/api/people/imports', csv, { mapping: {} }, { fileName: 'late.csv' })
    ).json() as ImportReport;
    const queued = (await list(admin)).items.find((o) => o.subjectId === id)!;
    expect(queued).toMatchObject({ status: 'queued', cancellable: true });

    const cancelled = await admin.post(`/api/operations/${queued.id}/cancel`);
    expect(cancelled.statusCode).toBe(200);
    expect(cancelled.json()).toMatchObject({
      id: queued.id,
      status: 'cancelled',
      cancelRequested: true,
      cancellable: false,
      done: 1000,
    });
    expect((await admin.get(`/api/people/imports/${id}`)).json()).toMatchObject({
      status: 'cancelled',
    });
    const [entry] = await t.ctx.database.query<{ action: string; actor_id: number }>(
      `SELECT action, actor_id FROM audit_log WHERE action = 'import.cancel' AND target = $1`,
      [`import:${id}`],
    );
    expect(entry).toBeDefined();

    const again = await admin.post(`/api/operations/${queued.id}/cancel`);
    expect(again.statusCode).toBe(409);
    expect(again.json()).toMatchObject({ code: 'operation_not_cancellable' });
    expect((await admin.post('/api/operations/999999/cancel')).statusCode).toBe(404);
  });

  it('refuses anyone without people.import', async () => {
    const anonymous = new Browser(t.app);
    await anonymous.session();
    expect((await anonymous.get('/api/operations')).statusCode).toBe(401);
    expect((await anonymous.post('/api/operations/1/cancel')).statusCode).toBe(401);
    const finance = await staffBrowser(t, 'finance@levier.test', ['finance']);
    const refused = await finance.get('/api/operations');
    expect(refused.statusCode).toBe(403);
    expect(refused.headers['content-type']).toMatch(/problem\+json/);
    expect((await finance.post('/api/operations/1/cancel')).statusCode).toBe(403);
  });
});

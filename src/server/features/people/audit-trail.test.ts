import { randomBytes } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  createTestApp,
  engines,
  signupAndConfirm,
  staffBrowser,
  type Browser,
  type TestApp,
} from '../../testing/harness.ts';

/** A CSV file posted as a browser's FormData would, with the import options. */
function postCsv(browser: Browser, csv: string, options: unknown) {
  const boundary = `----audit${randomBytes(8).toString('hex')}`;
  const body = [
    `--${boundary}\r\nContent-Disposition: form-data; name="options"\r\n\r\n${JSON.stringify(options)}\r\n`,
    `--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="people.csv"\r\nContent-Type: text/csv\r\n\r\n${csv}\r\n`,
    `--${boundary}--\r\n`,
  ].join('');
  return browser.request('POST', '/api/people/imports', body, {
    'content-type': `multipart/form-data; boundary=${boundary}`,
  });
}

/** Bulk tags and segment changes decide whom the campaign reaches: each is in the audit log. */
describe.each(engines)('audit log of people changes on %s', (engine) => {
  let t: TestApp;
  let staff: Browser;
  let staffId: number;
  let lyon: number;

  beforeAll(async () => {
    t = await createTestApp(engine);
    staff = await staffBrowser(t, 'staff@audit-trail.example', ['staff']);
    staffId = (await staff.session()).me!.personId;
    lyon = await signupAndConfirm(t, { email: 'lyon@audit-trail.example', postalCode: '69001' });
    await signupAndConfirm(t, { email: 'paris@audit-trail.example', postalCode: '75001' });
  });
  afterAll(async () => {
    await t?.close();
  });

  const entries = (action: string) =>
    t.ctx.database.query<{ actor_id: number; target: string | null; details: unknown }>(
      'SELECT actor_id, target, details FROM audit_log WHERE campaign_id = $1 AND action = $2 ORDER BY id',
      [t.ctx.campaignId, action],
    );

  it('records a bulk tag change with its tags, the filter and how many people it reached', async () => {
    const byFilter = await staff.post('/api/people/tags/bulk', {
      filter: { departementCodes: ['69'] },
      add: ['tractage'],
    });
    expect(byFilter.json()).toEqual({ matched: 1 });
    const chosen = await staff.post('/api/people/tags/bulk', {
      personIds: [lyon],
      remove: ['tractage'],
    });
    expect(chosen.statusCode).toBe(200);
    expect(await entries('people.bulk_tag')).toEqual([
      {
        actor_id: staffId,
        target: null,
        details: {
          added: ['tractage'],
          removed: [],
          count: 1,
          filter: { departementCodes: ['69'] },
        },
      },
      {
        actor_id: staffId,
        target: null,
        details: { added: [], removed: ['tractage'], count: 1, chosen: 1 },
      },
    ]);
  });

  it('records segments created, changed and deleted, with their filter', async () => {
    const created = await staff.post('/api/segments', {
      name: 'Lyon',
      filter: { departementCodes: ['69'] },
    });
    expect(created.statusCode).toBe(200);
    const { id } = created.json() as { id: number };
    expect(
      (
        await staff.put(`/api/segments/${id}`, {
          name: 'Lyon et Paris',
          filter: { departementCodes: ['69', '75'] },
        })
      ).statusCode,
    ).toBe(200);
    expect((await staff.delete(`/api/segments/${id}`)).statusCode).toBe(204);
    const target = `segment:${id}`;
    expect(await entries('segment.create')).toEqual([
      {
        actor_id: staffId,
        target,
        details: { name: 'Lyon', filter: { departementCodes: ['69'] } },
      },
    ]);
    expect(await entries('segment.update')).toEqual([
      {
        actor_id: staffId,
        target,
        details: { name: 'Lyon et Paris', filter: { departementCodes: ['69', '75'] } },
      },
    ]);
    expect(await entries('segment.delete')).toEqual([
      { actor_id: staffId, target, details: { name: 'Lyon et Paris' } },
    ]);
  });

  it('records an import started and applied, with its counts, and one rejected', async () => {
    const csv =
      'email,prenom\r\nun@audit-trail.example,Un\r\ndeux@audit-trail.example,Deux\r\nlyon@audit-trail.example,Lyon\r\n';
    const started = await postCsv(staff, csv, { mapping: {} });
    expect(started.statusCode, started.body).toBe(202);
    const { id } = started.json() as { id: number };
    await expect
      .poll(async () => (await entries('import.applied')).length, { timeout: 30_000 })
      .toBe(1);
    expect(await entries('import.start')).toEqual([
      {
        actor_id: staffId,
        target: `import:${id}`,
        details: { fileSize: Buffer.byteLength(csv), mapped: 2 },
      },
    ]);
    expect(await entries('import.applied')).toEqual([
      {
        actor_id: staffId,
        target: `import:${id}`,
        details: {
          totalRows: 3,
          valid: 3,
          invalid: 0,
          created: 2,
          merged: 1,
          kept: 0,
          applyValidRows: false,
        },
      },
    ]);
    const bad = await postCsv(staff, 'email\r\nnot-an-email\r\n', { mapping: {} });
    expect(bad.statusCode).toBe(202);
    await expect
      .poll(async () => (await entries('import.rejected')).length, { timeout: 30_000 })
      .toBe(1);
    expect((await entries('import.rejected'))[0].details).toMatchObject({
      totalRows: 1,
      invalid: 1,
    });
  });

  it('writes nothing for a refused or failed change', async () => {
    const before = (await entries('segment.delete')).length;
    expect((await staff.delete('/api/segments/999999')).statusCode).toBe(404);
    const noChange = await staff.post('/api/people/tags/bulk', { personIds: [lyon] });
    expect(noChange.statusCode).toBe(400);
    expect((await entries('segment.delete')).length).toBe(before);
    expect(await entries('people.bulk_tag')).toHaveLength(2);
  });
});

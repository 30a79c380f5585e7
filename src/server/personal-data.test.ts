import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { personalData } from './features/personal-data.ts';
import {
  Browser,
  createTestApp,
  engines,
  signupAndConfirm,
  staffBrowser,
  type TestApp,
} from './testing/harness.ts';
import { personColumn } from './core/personal-data/registry.ts';
import { personReferences } from './features/people/duplicates/references.ts';

/** Columns that hold a person's id, an address, a phone or an IP address, by their names. */
const personal = (column: string) =>
  personColumn(column) ||
  ['merged_id', 'kept_id'].includes(column) ||
  /email|phone|address|^ip$/.test(column);

describe.each(engines)('the personal-data registry (%s)', (engine) => {
  let t: TestApp;
  let catalogue: Array<{ table: string; column: string }>;
  beforeAll(async () => {
    t = await createTestApp(engine);
    catalogue = await t.ctx.database.query<{ table: string; column: string }>(
      `SELECT c.table_name AS table, c.column_name AS column
         FROM information_schema.columns c
         JOIN information_schema.tables t
           ON t.table_schema = c.table_schema AND t.table_name = c.table_name AND t.table_type = 'BASE TABLE'
        WHERE c.table_schema = current_schema() ORDER BY 1, 2`,
    );
  });
  afterAll(() => t.close());

  const registered = () =>
    new Map(personalData().flatMap((d) => d.tables.map((x) => [x.table, x])));

  it('names every table holding a person’s id, address or phone', () => {
    const tables = registered();
    const missing = catalogue.filter((c) => personal(c.column) && !tables.has(c.table));
    expect(missing).toEqual([]);
    expect(tables.size).toBeGreaterThan(20);
  });

  it('gives every column holding a person’s id a merge rule', () => {
    const tables = registered();
    const idColumns = catalogue.filter(
      (c) => personColumn(c.column) || ['merged_id', 'kept_id'].includes(c.column),
    );
    const unruled = idColumns.filter((c) => !tables.get(c.table)?.personColumns[c.column]);
    expect(unruled).toEqual([]);
  });

  it('leaves no id-like column a merge could not classify', async () => {
    const references = await t.ctx.database.transaction((query) => personReferences(query));
    expect(references.length).toBeGreaterThan(20);
  });

  it('registers only tables and columns that exist, each table once', () => {
    const existing = new Set(catalogue.map((c) => `${c.table}.${c.column}`));
    const declared = personalData().flatMap((d) =>
      d.tables.flatMap((x) => [
        `${x.table}.campaign_id`,
        ...Object.keys(x.personColumns).map((column) => `${x.table}.${column}`),
        ...('deleteWhere' in x.erase ? [`${x.table}.${x.erase.deleteWhere}`] : []),
      ]),
    );
    expect(declared.filter((name) => !existing.has(name))).toEqual([]);
    const names = personalData().flatMap((d) => d.tables.map((x) => x.table));
    expect(new Set(names).size).toBe(names.length);
  });

  it('gives every data-file section its own key and every kept table its reason', () => {
    const keys = personalData().flatMap((d) => (d.dataFile ?? []).map((s) => s.key));
    expect(new Set(keys).size).toBe(keys.length);
    expect(keys).toEqual(expect.arrayContaining(['about', 'profile', 'signUps', 'account']));
    for (const { tables } of personalData()) {
      for (const x of tables)
        if ('keep' in x.erase) expect(x.erase.keep.length).toBeGreaterThan(20);
    }
  });

  it('erases from every table a feature registered, and keeps what it says it keeps', async () => {
    const email = 'forget-me@example.org';
    const personId = await signupAndConfirm(t, { email });
    const staff = await staffBrowser(t, 'registry-staff@example.org', ['staff']);
    expect(
      (await staff.post(`/api/people/${personId}/notes`, { body: 'Met at the market' })).statusCode,
    ).toBe(200);
    const contact = await staff.post(`/api/people/${personId}/contacts`, {
      channel: 'phone',
      outcome: 'reached',
      contactedAt: new Date().toISOString(),
    });
    expect(contact.statusCode, contact.body).toBe(200);
    const supporter = new Browser(t.app, '10.7.0.1');
    await supporter.login(t, email);
    const held = async (table: string, column: string) =>
      (
        await t.ctx.database.query<{ n: number }>(
          `SELECT count(*)::int AS n FROM ${table} WHERE campaign_id = $1 AND ${column} = $2`,
          [t.ctx.campaignId, personId],
        )
      )[0].n;
    const deleting = personalData().flatMap((d) =>
      d.tables.flatMap((x) => ('deleteWhere' in x.erase ? [[x.table, x.erase.deleteWhere]] : [])),
    );
    const before = await Promise.all(deleting.map(([table, column]) => held(table, column)));
    // The flows above wrote the person's rows in most of these tables.
    expect(before.filter((n) => n > 0).length).toBeGreaterThanOrEqual(7);

    expect((await supporter.post('/api/me/delete', { confirm: 'DELETE' })).statusCode).toBe(200);
    const after = await Promise.all(deleting.map(([table, column]) => held(table, column)));
    expect(Object.fromEntries(deleting.map(([table], i) => [table, after[i]]))).toEqual(
      Object.fromEntries(deleting.map(([table]) => [table, 0])),
    );
    const [row] = await t.ctx.database.query<{ email: string | null; erased_at: Date | null }>(
      'SELECT email, erased_at FROM people WHERE campaign_id = $1 AND id = $2',
      [t.ctx.campaignId, personId],
    );
    expect(row.email).toBeNull();
    expect(row.erased_at).not.toBeNull();
    const mail = await t.ctx.database.query<{ to_address: string }>(
      'SELECT DISTINCT to_address FROM mail_outbox WHERE campaign_id = $1 AND person_id = $2',
      [t.ctx.campaignId, personId],
    );
    expect(mail.map((m) => m.to_address)).toEqual(['erased']);
  });
});

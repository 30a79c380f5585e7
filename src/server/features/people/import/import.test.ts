import { randomBytes } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  MAX_MAPPED_COLUMNS,
  type ImportReport,
  type PersonDetail,
} from '../../../../contracts/people.ts';
import { forCampaign, type AppContext } from '../../../core/context.ts';
import { createCampaign } from '../../../core/campaigns/service.ts';
import { erasePerson } from '../service.ts';
import { listImports } from './history.ts';
import { purgeImportDetails } from './retention.ts';
import { createImport, importErrorRows, importReport, runImport, storeImport } from './service.ts';
import {
  Browser,
  createTestApp,
  engines,
  staffBrowser,
  type TestApp,
} from '../../../testing/harness.ts';
import { spooled, upload } from '../../../testing/multipart.ts';

async function waitForImport(browser: Browser, id: number): Promise<ImportReport> {
  const deadline = Date.now() + 90_000;
  for (;;) {
    const report = (await browser.get(`/api/people/imports/${id}`)).json() as ImportReport;
    if (!['queued', 'running', 'undoing'].includes(report.status)) return report;
    if (Date.now() > deadline) throw new Error(`import ${id} still ${report.status}`);
    await new Promise((r) => setTimeout(r, 200));
  }
}

async function importFile(
  browser: Browser,
  file: string | Buffer,
  options: Record<string, unknown> = {},
) {
  const response = await upload(browser, '/api/people/imports', file, { mapping: {}, ...options });
  if (response.statusCode !== 202) throw new Error(`import refused: ${response.body}`);
  const queued = response.json() as ImportReport;
  expect(queued.status).toBe('queued');
  return waitForImport(browser, queued.id!);
}

describe.each(engines)('people import on %s', (engine) => {
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
  const unchanged = async (work: () => Promise<void>) => {
    const before = [
      await count('people'),
      await count('imports'),
      await count('tags'),
      await count('person_events'),
    ];
    await work();
    expect([
      await count('people'),
      await count('imports'),
      await count('tags'),
      await count('person_events'),
    ]).toEqual(before);
  };

  beforeAll(async () => {
    t = await createTestApp(engine);
    admin = await staffBrowser(t, 'boss@levier.test', ['admin']);
    // Existing people the files merge into: one by email, one (without email) by phone.
    await t.ctx.database.query(
      `INSERT INTO people (campaign_id, email, email_normalized, first_name, source, recruit_code, search_text)
       VALUES ($1, 'Known@Example.org', 'known@example.org', 'Known', 'signup', 'known0001', 'known')`,
      [t.ctx.campaignId],
    );
    await t.ctx.database.query(
      `INSERT INTO people (campaign_id, phone, last_name, source, recruit_code, search_text, consent_sms)
       VALUES ($1, '+33699999999', 'Phoned', 'field', 'phone0001', 'phoned', true)`,
      [t.ctx.campaignId],
    );
  });
  afterAll(async () => {
    await t?.close();
  });

  it('previews a French semicolon file: suggested mapping, every row checked, nothing written', async () => {
    const csv = [
      'Courriel;Prénom;Nom;Téléphone;Code postal;Étiquettes;Opt-in e-mail;Remarques',
      'known@example.org;Renamed;Known;;75011;vip;oui;',
      'new1@example.org;Ann;Lee;06 12 34 56 78;69001;;non;"two',
      'lines"',
      ';;Phoned;06 99 99 99 99;;;;',
      'bad-email;Bob;;0612;99999;;peut-être;',
      'NEW1@example.org;;;;;volunteer;;',
    ].join('\r\n');
    await unchanged(async () => {
      const response = await upload(admin, '/api/people/imports/preview', csv, { mapping: {} });
      expect(response.statusCode).toBe(200);
      const report = response.json() as ImportReport;
      expect(report).toMatchObject({
        id: null,
        status: 'preview',
        fileName: 'people.csv',
        delimiter: ';',
        encoding: 'utf-8',
        mapping: {
          Courriel: 'email',
          Prénom: 'firstName',
          Nom: 'lastName',
          Téléphone: 'phone',
          'Code postal': 'postalCode',
          Étiquettes: 'tags',
          'Opt-in e-mail': 'consentEmail',
        },
        totalRows: 5,
        validRows: 4,
        invalidRows: 1,
        wouldMerge: 2,
        duplicateRows: 1,
        errorCount: 5,
        warningCount: 1,
      });
      expect(report.headers).toHaveLength(8);
      expect(report.sample[0]).toMatchObject({ Courriel: 'known@example.org', Prénom: 'Renamed' });
      expect(report.sample[1].Remarques).toBe('two\r\nlines'); // kept as in the file
      expect(report.errors.map((e) => `${e.line}:${e.field}:${e.code}:${e.severity}`)).toEqual([
        '6:email:invalid_email:error',
        '6:phone:invalid_phone:error',
        '6:postalCode:unknown_postal_code:error',
        '6:consentEmail:invalid_consent:error',
        '7:email:duplicate_in_file:warning',
      ]);
    });
  });

  it('reads a town column beside the postal code, and warns when a line leaves it empty', async () => {
    const csv = [
      'email;Code postal;Ville',
      'town@example.org;01400;Châtillon-sur-Chalaronne',
      'notown@example.org;01400;',
    ].join('\n');
    const response = await upload(admin, '/api/people/imports/preview', csv, { mapping: {} });
    expect(response.statusCode).toBe(200);
    const report = response.json() as ImportReport;
    expect(report.mapping).toEqual({
      email: 'email',
      'Code postal': 'postalCode',
      Ville: 'communeCode',
    });
    expect(report).toMatchObject({ validRows: 2, invalidRows: 0, errorCount: 1 });
    expect(report.errors).toEqual([
      expect.objectContaining({
        line: 3,
        field: 'postalCode',
        code: 'commune_ambiguous',
        severity: 'warning',
        message: expect.stringContaining('01400'),
      }),
    ]);
  });

  it('imports: creates new people, merges into existing ones without overwriting, records consent and timeline', async () => {
    const csv = [
      'email,first name,last name,phone,postal code,tags,consent email,consent sms',
      'known@example.org,Renamed,Known-Last,06 11 22 33 44,75011,vip,yes,',
      'created1@example.org,Chloé,Martin,,69001,"volunteer, donor",oui,non',
      ',,,06 99 99 99 99,13001,,,1',
      'created2@example.org,<script>alert(1)</script>,=HYPERLINK("http://evil"),,,,,',
      'CREATED1@example.org,,Other,07 11 11 11 11,,canvasser,,',
    ].join('\n');
    const report = await importFile(admin, csv, {
      tags: ['import-test'],
      consentWordingVersion: 'paper-2026',
    });
    expect(report).toMatchObject({
      status: 'applied',
      totalRows: 5,
      validRows: 5,
      invalidRows: 0,
      createdCount: 2,
      mergedCount: 2,
      duplicateRows: 1,
      progress: 1,
      problem: null,
    });
    expect(report.errors).toEqual([
      expect.objectContaining({ line: 6, code: 'duplicate_in_file', severity: 'warning' }),
    ]);

    const known = await person('known@example.org');
    // An existing name is kept; what was missing is filled.
    expect(known).toMatchObject({
      first_name: 'Known',
      last_name: 'Known-Last',
      phone: '+33611223344',
      postal_code: '75011',
      commune_code: '75056',
      consent_email: true,
      source: 'signup',
    });
    expect(known.confirmed_at).not.toBeNull();
    expect(known.search_text).toContain('knownlast');

    const created = await person('created1@example.org');
    expect(created).toMatchObject({
      first_name: 'Chloé',
      last_name: 'Martin',
      phone: '+33711111111', // from the duplicate line, merged into the first
      commune_name: 'Lyon',
      source: 'import',
      import_id: report.id,
      consent_email: true,
      consent_sms: false,
    });
    expect(created.confirmed_at).not.toBeNull();
    expect(created.recruit_code).toMatch(/^[a-z2-9]{12}$/);
    expect(created.search_text).toContain('chloe martin');
    expect(created.search_text).toContain('0711111111');

    const phoned = await t.ctx.database.query<Record<string, unknown>>(
      "SELECT * FROM people WHERE phone = '+33699999999'",
    );
    expect(phoned).toHaveLength(1);
    expect(phoned[0]).toMatchObject({
      last_name: 'Phoned',
      postal_code: '13001',
      consent_sms: true,
      source: 'field',
    });

    // Stored as text, as given: HTML and formulas are only a problem where they are output.
    const xss = await person('created2@example.org');
    expect(xss).toMatchObject({
      first_name: '<script>alert(1)</script>',
      last_name: '=HYPERLINK("http://evil")',
    });

    const tags = await t.ctx.database.query<{ name: string }>(
      `SELECT t.name FROM person_tags pt JOIN tags t ON t.id = pt.tag_id WHERE pt.person_id = $1 ORDER BY t.name`,
      [created.id],
    );
    expect(tags.map((r) => r.name)).toEqual(['canvasser', 'donor', 'import-test', 'volunteer']);

    const consents = await t.ctx.database.query<{
      person_id: number;
      channel: string;
      source: string;
      wording_version: string;
      import_id: number;
    }>(
      `SELECT person_id, channel, source, wording_version, import_id FROM consent_events WHERE import_id = $1 ORDER BY person_id, channel`,
      [report.id],
    );
    expect(consents).toEqual([
      {
        person_id: known.id,
        channel: 'email',
        source: 'import',
        wording_version: 'paper-2026',
        import_id: report.id,
      },
      {
        person_id: phoned[0].id,
        channel: 'sms',
        source: 'import',
        wording_version: 'paper-2026',
        import_id: report.id,
      },
      {
        person_id: created.id,
        channel: 'email',
        source: 'import',
        wording_version: 'paper-2026',
        import_id: report.id,
      },
    ]);
    const events = await t.ctx.database.query<{
      data: { importId: number; created?: boolean; merged?: boolean };
    }>(
      `SELECT data FROM person_events WHERE kind = 'import' AND (data->>'importId')::bigint = $1`,
      [report.id],
    );
    // Merged people get a timeline row; created ones show it from people.import_id.
    expect(events.filter((e) => e.data.merged)).toHaveLength(2);
    expect(events.filter((e) => e.data.created)).toHaveLength(0);
    const timelineOf = async (id: number) =>
      ((await admin.get(`/api/people/${id}`)).json() as PersonDetail).timeline.filter(
        (e) => e.kind === 'import',
      );
    expect(await timelineOf(Number(created.id))).toEqual([
      expect.objectContaining({
        data: { importId: report.id, fileName: 'people.csv', created: true },
      }),
    ]);
    expect(await timelineOf(Number(known.id))).toEqual([
      expect.objectContaining({ data: { importId: report.id, merged: true } }),
    ]);
    // The supporter's own data download has it too.
    const own = (
      await (await staffBrowser(t, 'created1@example.org', [])).get('/api/me/export')
    ).json() as { timeline: Array<{ kind: string; details: unknown }> };
    expect(own.timeline).toContainEqual(
      expect.objectContaining({
        kind: 'import',
        details: expect.objectContaining({ importId: report.id, created: true }),
      }),
    );
    // The stored file is gone once applied.
    expect(await count('import_files WHERE import_id = $1', [report.id])).toBe(0);

    // Importing the same file again merges everything and creates no one.
    const again = await importFile(admin, csv);
    expect(again).toMatchObject({ status: 'applied', createdCount: 0, mergedCount: 4 });
  });

  it('lists past imports newest first, with their counts and who ran them', async () => {
    const done = await importFile(admin, 'email;prénom\nhistory1@example.org;Histo\n');
    expect(done.status).toBe('applied');
    const list = (await admin.get('/api/people/imports')).json() as {
      items: Array<{ id: number; fileName: string; createdCount: number; status: string }>;
      total: number;
    };
    expect(list.total).toBeGreaterThanOrEqual(1);
    expect(list.items[0]).toMatchObject({ id: done.id, status: 'applied', createdCount: 1 });
    expect(list.items.map((i) => i.id)).toEqual(
      [...list.items.map((i) => i.id)].sort((a, b) => b - a),
    );
    const supporter = new Browser(t.app);
    expect((await supporter.get('/api/people/imports')).statusCode).toBe(401);
  });

  it('rejects the whole file when a row is invalid: nothing applied, every error reported', async () => {
    const csv = [
      'email,first name,postal code',
      'fine1@example.org,Fine,75011',
      'oops,Bad,75011',
      'fine2@example.org,Fine,00000',
    ].join('\n');
    const people = await count('people');
    const report = await importFile(admin, csv, { tags: ['never-created'] });
    expect(report).toMatchObject({
      status: 'rejected',
      totalRows: 3,
      validRows: 1,
      invalidRows: 2,
      createdCount: 0,
      mergedCount: 0,
    });
    expect(report.errors.map((e) => `${e.line}:${e.code}`)).toEqual([
      '3:invalid_email',
      '4:unknown_postal_code',
    ]);
    expect(await count('people')).toBe(people);
    expect(await count("tags WHERE name = 'never-created'")).toBe(0);
  });

  it('applies only the valid rows when asked, with the errors as a CSV download', async () => {
    const csv = [
      'email;prénom',
      'valid1@example.org;Val',
      'invalid;Nope',
      '"broken@example.org;Bro',
      'valid2@example.org;Vic',
    ].join('\n');
    const report = await importFile(admin, csv, { applyValidRows: true });
    expect(report).toMatchObject({
      status: 'applied',
      totalRows: 4,
      validRows: 2,
      invalidRows: 2,
      createdCount: 2,
    });
    expect(await person('valid2@example.org')).toMatchObject({ first_name: 'Vic' });
    const response = await admin.get(`/api/people/imports/${report.id}/errors.csv`);
    expect(response.statusCode).toBe(200);
    expect(response.headers['content-type']).toMatch(/^text\/csv/);
    expect(response.body).toBe(
      '\ufeffline,field,code,message,severity\r\n' +
        '3,email,invalid_email,"""invalid"" is not a valid email address.",error\r\n' +
        '4,,unterminated_quote,A quoted value opened on this line is never closed; the line was skipped.,error\r\n',
    );
  });

  it('cuts the cell values it quotes in error messages', async () => {
    const huge = `${'a'.repeat(100_000)}@example.org`;
    const csv = [
      'email,phone,postal code,consent email',
      `${huge},,75011,`,
      `ok@example.org,${'6'.repeat(100_000)},,`,
      `ok2@example.org,,${'7'.repeat(100_000)},`,
      `ok3@example.org,,,${'oui'.repeat(30_000)}`,
    ].join('\n');
    const report = await importFile(admin, csv);
    expect(report.errors.map((e) => `${e.line}:${e.code}`)).toEqual([
      '2:invalid_email',
      '3:invalid_phone',
      '4:unknown_postal_code',
      '5:invalid_consent',
    ]);
    expect(report.errors[0].message).toBe(`"${'a'.repeat(60)}…" is not a valid email address.`);
    for (const e of report.errors) expect(e.message.length, e.code).toBeLessThan(130);
    const stored = await t.ctx.database.query<{ n: number }>(
      'SELECT max(length(message))::int AS n FROM import_errors WHERE import_id = $1',
      [report.id],
    );
    expect(stored[0].n).toBeLessThan(130);
    const errorsCsv = await admin.get(`/api/people/imports/${report.id}/errors.csv`);
    expect(errorsCsv.body.length).toBeLessThan(1_000);
  });

  it('records each download of the errors in the audit log, with who downloaded them', async () => {
    const downloads = () =>
      t.ctx.database.query<{ actor_id: number; target: string; details: unknown }>(
        `SELECT actor_id, target, details FROM audit_log
          WHERE campaign_id = $1 AND action = 'import.errors_download' ORDER BY id`,
        [t.ctx.campaignId],
      );
    const before = (await downloads()).length;
    const report = await importFile(admin, 'email\nnot-an-email\nfine@example.org');
    const response = await admin.get(`/api/people/imports/${report.id}/errors.csv`);
    expect(response.statusCode).toBe(200);
    const [{ id: adminId }] = await t.ctx.database.query<{ id: number }>(
      "SELECT id FROM people WHERE campaign_id = $1 AND email_normalized = 'boss@levier.test'",
      [t.ctx.campaignId],
    );
    const after = await downloads();
    expect(after).toHaveLength(before + 1);
    expect(after.at(-1)).toEqual({
      actor_id: adminId,
      target: `import:${report.id}`,
      details: { errors: 1 },
    });
    // An unknown import is refused before anything is recorded.
    expect((await admin.get('/api/people/imports/999999/errors.csv')).statusCode).toBe(404);
    expect(await downloads()).toHaveLength(before + 1);
  });

  it("forgets an erased person in import samples, and every import's raw values after the retention delay", async () => {
    const csv = [
      'email;prénom;téléphone',
      'Keep.Sample@example.org;Kim;',
      'Erase.Me@example.org;Eric;06 11 22 33 44',
      'bad-address;Nope;',
    ].join('\n');
    const report = await importFile(admin, csv, { applyValidRows: true });
    expect(report.sample.map((row) => row.prénom)).toEqual(['Kim', 'Eric', 'Nope']);
    const erased = await person('erase.me@example.org');
    await erasePerson(t.ctx, Number(erased.id), null);
    const afterErasure = await importReport(t.ctx, report.id!);
    expect(afterErasure.sample.map((row) => row.prénom)).toEqual(['Kim', 'Nope']);
    expect(JSON.stringify(afterErasure)).not.toMatch(/erase\.me|11 22 33/i);

    // Younger than IMPORT_DETAILS_RETENTION_DAYS: kept.
    await purgeImportDetails(t.ctx);
    expect((await importReport(t.ctx, report.id!)).errors).toHaveLength(1);
    await t.ctx.database.query(
      `UPDATE imports SET finished_at = now() - make_interval(days => $2) WHERE id = $1`,
      [report.id, t.ctx.config.IMPORT_DETAILS_RETENTION_DAYS + 1],
    );
    expect(await purgeImportDetails(t.ctx)).toBeGreaterThanOrEqual(1);
    const purged = await importReport(t.ctx, report.id!);
    expect(purged).toMatchObject({ sample: [], errors: [], createdCount: 2, invalidRows: 1 });
    expect(purged.detailsPurgedAt).toEqual(expect.any(String));
    expect(await count('import_errors WHERE import_id = $1', [report.id])).toBe(0);
    const errorsCsv = await admin.get(`/api/people/imports/${report.id}/errors.csv`);
    expect(errorsCsv.body).not.toContain('bad-address');
  });

  it(
    'reports a broken line in the middle of a large file by its line number and applies nothing',
    { timeout: 180_000 },
    async () => {
      const lines = ['email,first_name,last_name,phone'];
      for (let i = 1; i <= 25_000; i++)
        lines.push(
          `bulk${i}@example.org,First${i},Last ${i},${i % 3 === 0 ? `06${String(10_000_000 + i).slice(-8)}` : ''}`,
        );
      lines[12_345] = 'bulk12345@example.org,"Broken,Quote,';
      const csv = `${lines.join('\n')}\n`;
      expect(csv.length).toBeGreaterThan(1_048_576); // beyond the JSON body limit: multipart is not bound by it
      const people = await count('people');
      const rejected = await importFile(admin, csv);
      expect(rejected).toMatchObject({ status: 'rejected', totalRows: 25_000, invalidRows: 1 });
      expect(rejected.errors).toEqual([
        expect.objectContaining({ line: 12_346, code: 'unterminated_quote' }),
      ]);
      expect(await count('people')).toBe(people);

      lines[12_345] = 'bulk12345@example.org,Fixed,Quote,';
      const applied = await importFile(admin, `${lines.join('\n')}\n`, { tags: ['bulk'] });
      expect(applied).toMatchObject({
        status: 'applied',
        totalRows: 25_000,
        createdCount: 25_000,
        mergedCount: 0,
      });
      expect(await count("people WHERE email_normalized LIKE 'bulk%'")).toBe(25_000);
      expect(
        await count("person_tags pt JOIN tags t ON t.id = pt.tag_id WHERE t.name = 'bulk'"),
      ).toBe(25_000);
      expect(await count('(SELECT DISTINCT recruit_code FROM people) x')).toBe(
        await count('people'),
      );
    },
  );

  it('caps the listed errors at 1,000 with the totals right, and keeps them all for the CSV', async () => {
    const lines = ['email,postal code'];
    for (let i = 1; i <= 1_500; i++)
      lines.push(`capped${i}@example.org,${i % 2 ? '99999' : '75011'}`);
    const csv = lines.join('\n');
    const preview = (
      await upload(admin, '/api/people/imports/preview', csv)
    ).json() as ImportReport;
    expect(preview).toMatchObject({
      totalRows: 1_500,
      validRows: 750,
      invalidRows: 750,
      errorCount: 750,
    });
    const twice = `${csv}\n${lines.slice(1).join('\n')}`; // every row again: 1,500 duplicate warnings
    const report = await importFile(admin, twice, { applyValidRows: true });
    expect(report).toMatchObject({
      status: 'applied',
      invalidRows: 1_500,
      duplicateRows: 750,
      errorCount: 2_250,
      createdCount: 750,
    });
    expect(report.errors).toHaveLength(1_000);
    expect(report.errors[0]).toMatchObject({ line: 2, code: 'unknown_postal_code' });
    const errorsCsv = (await admin.get(`/api/people/imports/${report.id}/errors.csv`)).body;
    expect(errorsCsv.trim().split('\r\n')).toHaveLength(2_251);
  });

  it('undoes a failed import: a failure in the middle of the apply leaves no person behind', async () => {
    // A database error on the 15,000th new person: the first batches were already written.
    await t.ctx.database.exec(`
      CREATE FUNCTION boom() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN IF NEW.email_normalized = 'atomic15000@example.org' THEN RAISE EXCEPTION 'boom'; END IF; RETURN NEW; END $$;
      CREATE TRIGGER boom BEFORE INSERT ON people FOR EACH ROW EXECUTE FUNCTION boom();`);
    try {
      const lines = ['email'];
      for (let i = 1; i <= 20_000; i++) lines.push(`atomic${i}@example.org`);
      const people = await count('people');
      const report = await importFile(admin, lines.join('\n'), { tags: ['atomic'] });
      expect(report).toMatchObject({ status: 'failed', createdCount: 0 });
      expect(report.problem).toMatch(/undone/);
      expect(await count('people')).toBe(people);
      expect(await count("tags WHERE name = 'atomic'")).toBe(0);
      expect(
        await count("person_events WHERE kind = 'import' AND (data->>'importId')::bigint = $1", [
          report.id,
        ]),
      ).toBe(0);
    } finally {
      await t.ctx.database.exec('DROP TRIGGER boom ON people; DROP FUNCTION boom();');
    }
  });

  it('runs a job once: running it again after it applied changes nothing', async () => {
    const report = await importFile(admin, 'email\nonce@example.org\n');
    const events = await count("person_events WHERE kind = 'import'");
    await runImport(t.ctx, report.id!);
    expect(await count("person_events WHERE kind = 'import'")).toBe(events);
    expect((await admin.get(`/api/people/imports/${report.id}`)).json()).toMatchObject({
      status: 'applied',
      createdCount: 1,
    });
  });

  it('reads a windows-1252 file (Excel) and says so; strips a UTF-8 BOM; detects tabs', async () => {
    const latin = Buffer.from('email;prénom;nom\r\nelodie@example.org;Élodie;Müller\r\n', 'latin1');
    const report = (
      await upload(admin, '/api/people/imports/preview', latin, { mapping: {} })
    ).json() as ImportReport;
    expect(report).toMatchObject({
      encoding: 'windows-1252',
      delimiter: ';',
      validRows: 1,
      mapping: { prénom: 'firstName' },
    });
    expect(report.sample[0]).toEqual({
      email: 'elodie@example.org',
      prénom: 'Élodie',
      nom: 'Müller',
    });

    const bom = (
      await upload(
        admin,
        '/api/people/imports/preview',
        '\ufeffEmail\tTéléphone\r\nbom@example.org\t0612345678\r\n',
      )
    ).json() as ImportReport;
    expect(bom).toMatchObject({
      encoding: 'utf-8',
      delimiter: '\t',
      headers: ['Email', 'Téléphone'],
      validRows: 1,
    });

    const imported = await importFile(admin, latin);
    expect(imported).toMatchObject({
      status: 'applied',
      encoding: 'windows-1252',
      createdCount: 1,
    });
    expect(await person('elodie@example.org')).toMatchObject({
      first_name: 'Élodie',
      last_name: 'Müller',
    });
  });

  it('reads a file with CR-only line breaks (old Mac Excel) as rows', async () => {
    const csv = 'email;Prénom\rcr1@example.org;Anne\rcr2@example.org;Bruno\r';
    const preview = (
      await upload(admin, '/api/people/imports/preview', csv, { mapping: {} })
    ).json() as ImportReport;
    expect(preview).toMatchObject({ totalRows: 2, validRows: 2, delimiter: ';' });
    const report = await importFile(admin, Buffer.from(csv, 'latin1'));
    expect(report).toMatchObject({ status: 'applied', createdCount: 2 });
    expect(await person('cr2@example.org')).toMatchObject({ first_name: 'Bruno' });
  });

  it('reads the one Latin-1 line of a UTF-8 file as Windows-1252, with a warning naming it', async () => {
    const bytes = Buffer.concat([
      Buffer.from('email;Prénom;Nom\nmixed1@example.org;Zoé;Aîné\n'),
      Buffer.from('mixed2@example.org;Hélène;Noël\n', 'latin1'),
      Buffer.from('mixed3@example.org;Loïc;Bénard\n'),
    ]);
    const preview = (
      await upload(admin, '/api/people/imports/preview', bytes, { mapping: {} })
    ).json() as ImportReport;
    expect(preview).toMatchObject({
      encoding: 'utf-8',
      mapping: { email: 'email', Prénom: 'firstName', Nom: 'lastName' },
      validRows: 3,
      invalidRows: 0,
      errorCount: 1,
      warningCount: 1,
    });
    expect(preview.errors).toEqual([
      expect.objectContaining({ line: 3, code: 'mixed_encoding', severity: 'warning' }),
    ]);
    const report = await importFile(admin, bytes);
    expect(report).toMatchObject({ status: 'applied', createdCount: 3, warningCount: 1 });
    expect(await person('mixed2@example.org')).toMatchObject({
      first_name: 'Hélène',
      last_name: 'Noël',
    });
    expect(await person('mixed3@example.org')).toMatchObject({ first_name: 'Loïc' });
  });

  it('reports a 2 MB quoted cell as an error on its line, without a phantom row', async () => {
    const csv = `email,Remarque\nbig1@example.org,"${'x'.repeat(2 << 20)}"\nbig2@example.org,ok\n`;
    const preview = (
      await upload(admin, '/api/people/imports/preview', csv, { mapping: {} })
    ).json() as ImportReport;
    expect(preview).toMatchObject({ totalRows: 2, validRows: 1, invalidRows: 1, warningCount: 0 });
    expect(preview.errors).toEqual([
      expect.objectContaining({ line: 2, code: 'cell_too_long', severity: 'error' }),
    ]);
  });

  it('accepts the options part after the file part, and a chosen mapping', async () => {
    const csv = 'col_a,col_b\nchosen@example.org,Chosen\n';
    const response = await upload(
      admin,
      '/api/people/imports/preview',
      csv,
      { mapping: { col_a: 'email', col_b: 'lastName' } },
      { optionsFirst: false },
    );
    expect(response.json()).toMatchObject({
      validRows: 1,
      mapping: { col_a: 'email', col_b: 'lastName' },
    });
  });

  it('refuses bad files with a problem and a stable code, changing nothing', async () => {
    const cases: Array<[string | Buffer, unknown, number, string]> = [
      ['prénom;nom\nAnn;Lee\n', { mapping: {} }, 400, 'missing_identifier'],
      ['', { mapping: {} }, 400, 'empty_file'],
      ['\ufeff\r\n\r\n', { mapping: {} }, 400, 'empty_file'],
      ['email\n', { mapping: {} }, 400, 'empty_file'],
      [randomBytes(4096), { mapping: {} }, 400, 'unreadable_csv'],
      [
        Buffer.concat([Buffer.from([0x50, 0x4b, 0x03, 0x04]), randomBytes(500)]),
        { mapping: {} },
        400,
        'unreadable_csv',
      ],
      ['"email\nx@y.z\n', { mapping: {} }, 400, 'unreadable_csv'],
      ['email\na@b.fr\n', '{not json', 400, 'invalid_options'],
      ['email\na@b.fr\n', { mapping: {}, applyValidRows: 'sure' }, 400, 'invalid_options'],
      ['email\na@b.fr\n', { mapping: { mail: 'email' } }, 400, 'unknown_column'],
      [
        'email,courriel\na@b.fr,c@d.fr\n',
        { mapping: { email: 'email', courriel: 'email' } },
        400,
        'duplicate_mapping',
      ],
      // More mapped columns than any campaign has fields: refused before reading them.
      [
        'email\na@b.fr\n',
        {
          mapping: Object.fromEntries(
            Array.from({ length: MAX_MAPPED_COLUMNS + 1 }, (_, i) => [`c${i}`, 'email']),
          ),
        },
        400,
        'invalid_options',
      ],
      ['email\na@b.fr\n', { mapping: {}, tags: ['x'.repeat(61)] }, 400, 'invalid_options'],
    ];
    for (const url of ['/api/people/imports/preview', '/api/people/imports']) {
      for (const [file, options, status, code] of cases) {
        await unchanged(async () => {
          const response = await upload(admin, url, file, options);
          expect([url, code, response.statusCode]).toEqual([url, code, status]);
          expect(response.headers['content-type']).toMatch(/application\/problem\+json/);
          expect(response.json().code).toBe(code);
        });
      }
      const noFile = await admin.request('POST', url, JSON.stringify({ mapping: {} }), {
        'content-type': 'application/json',
      });
      expect([noFile.statusCode, noFile.json().code]).toEqual([415, 'unsupported_media_type']);
    }
  });

  it('keeps imports to people.import holders', async () => {
    // A real import of this campaign, with an error, so that only access can refuse the reads.
    const report = await importFile(admin, 'email\nnot-an-email\naccess.ok@example.org\n', {
      applyValidRows: true,
    });
    expect(report).toMatchObject({ status: 'applied', invalidRows: 1 });
    const fileCsv = 'email\naccess.new@example.org\n';
    const calls: Array<[string, (browser: Browser) => ReturnType<Browser['get']>]> = [
      ['GET list', (b) => b.get('/api/people/imports')],
      ['POST preview', (b) => upload(b, '/api/people/imports/preview', fileCsv, { mapping: {} })],
      ['POST import', (b) => upload(b, '/api/people/imports', fileCsv, { mapping: {} })],
      ['GET report', (b) => b.get(`/api/people/imports/${report.id}`)],
      ['GET errors.csv', (b) => b.get(`/api/people/imports/${report.id}/errors.csv`)],
      // Unknown ids and bad options: still the refusal, not a 404 or 400.
      ['GET unknown report', (b) => b.get('/api/people/imports/999999')],
      ['GET unknown errors.csv', (b) => b.get('/api/people/imports/999999/errors.csv')],
      ['POST bad options', (b) => upload(b, '/api/people/imports', fileCsv, '{not json')],
    ];

    const anonymous = new Browser(t.app);
    expect((await anonymous.session()).me).toBeNull();
    const supporter = await staffBrowser(t, 'supporter@example.org', []);
    const finance = await staffBrowser(t, 'finance@example.org', ['finance']);
    expect((await finance.session()).me?.permissions).toEqual([
      'donations.manage',
      'people.read',
      'stats.read',
    ]);
    const cases: Array<[string, Browser, number, string]> = [
      ['logged out', anonymous, 401, 'unauthenticated'],
      ['supporter', supporter, 403, 'forbidden'],
      ['finance', finance, 403, 'forbidden'],
    ];
    const importRows = () =>
      t.ctx.database.query('SELECT * FROM imports WHERE campaign_id = $1 ORDER BY id', [
        t.ctx.campaignId,
      ]);
    const importsBefore = await importRows();
    const auditBefore = await count('audit_log');
    const filesBefore = await count('import_files');
    await unchanged(async () => {
      for (const [who, browser, status, code] of cases) {
        for (const [call, send] of calls) {
          const response = await send(browser);
          expect([who, call, response.statusCode, response.json().code]).toEqual([
            who,
            call,
            status,
            code,
          ]);
          expect(response.body).not.toContain('not-an-email');
        }
      }
    });
    expect(await importRows()).toEqual(importsBefore);
    expect(await count('audit_log')).toBe(auditBefore);
    expect(await count('import_files')).toBe(filesBefore);
    expect(await count("people WHERE email_normalized = 'access.new@example.org'")).toBe(0);

    const staff = await staffBrowser(t, 'staff@example.org', ['staff']);
    expect(
      (await upload(staff, '/api/people/imports/preview', 'email\na@b.fr\n', { mapping: {} }))
        .statusCode,
    ).toBe(200);
    expect((await staff.get(`/api/people/imports/${report.id}`)).statusCode).toBe(200);
    expect((await staff.get('/api/people/imports/999999')).statusCode).toBe(404);
  });

  const settled = async (ctx: AppContext, id: number): Promise<ImportReport> => {
    const deadline = Date.now() + 30_000;
    for (;;) {
      const report = await importReport(ctx, id);
      if (!['queued', 'running', 'undoing'].includes(report.status)) return report;
      if (Date.now() > deadline) throw new Error(`import ${id} still ${report.status}`);
      await new Promise((r) => setTimeout(r, 200));
    }
  };
  const errorsOf = async (ctx: AppContext, id: number) => {
    const errors: string[] = [];
    for await (const batch of importErrorRows(ctx, id))
      errors.push(...batch.map((e) => `${e.line}:${e.code}`));
    return errors;
  };

  it('keeps campaigns sharing the database apart: no merge into, read or run of the other campaign', async () => {
    const other = forCampaign(t.ctx, (await createCampaign(t.ctx.database, 'Autre')).id);
    expect(other.campaignId).not.toBe(t.ctx.campaignId);
    // The other campaign has the email and the phone of the file below (and a recruit code of ours).
    await t.ctx.database.query(
      `INSERT INTO people (campaign_id, email, email_normalized, first_name, phone, source, recruit_code, search_text)
       VALUES ($1, 'Shared@Example.org', 'shared@example.org', 'Autre', NULL, 'signup', 'known0001', 'autre'),
              ($1, NULL, NULL, 'Appel', '+33655555555', 'field', 'phone0001', 'appel')`,
      [other.campaignId],
    );
    const otherPeople = () =>
      t.ctx.database.query<Record<string, unknown>>(
        'SELECT * FROM people WHERE campaign_id = $1 ORDER BY id',
        [other.campaignId],
      );
    const otherRows = async () => [
      await count('tags WHERE campaign_id = $1', [other.campaignId]),
      await count('person_tags WHERE campaign_id = $1', [other.campaignId]),
      await count('consent_events WHERE campaign_id = $1', [other.campaignId]),
      await count('person_events WHERE campaign_id = $1', [other.campaignId]),
      await count('imports WHERE campaign_id = $1', [other.campaignId]),
    ];
    const before = await otherPeople();
    expect(before).toHaveLength(2);

    // Campaign 1 imports the same email and phone: two new people of its own, nothing merged.
    const csv =
      'email,first name,last name,phone,tags,consent email\n' +
      'shared@example.org,Ann,Shared,,isolated,oui\n' +
      ',,Phone-only,06 55 55 55 55,isolated,\n';
    const preview = (
      await upload(admin, '/api/people/imports/preview', csv, { mapping: {} })
    ).json() as ImportReport;
    expect(preview).toMatchObject({ validRows: 2, wouldMerge: 0 });
    const report = await importFile(admin, csv, { tags: ['isolation'] });
    expect(report).toMatchObject({ status: 'applied', createdCount: 2, mergedCount: 0 });
    const mine = await person('shared@example.org');
    expect(mine).toMatchObject({
      campaign_id: t.ctx.campaignId,
      first_name: 'Ann',
      last_name: 'Shared',
      consent_email: true,
      import_id: report.id,
    });
    expect(mine.id).not.toBe(before[0].id);
    expect(
      await count('people WHERE campaign_id = $1 AND phone = $2', [
        t.ctx.campaignId,
        '+33655555555',
      ]),
    ).toBe(1);
    expect(await otherPeople()).toEqual(before);
    expect(await otherRows()).toEqual([0, 0, 0, 0, 0]);

    // An import of campaign 1, stored but not run: campaign 2 can neither read, list nor run it.
    const file = await spooled('email\nqueued1@example.org\nnot-an-email\n', {
      applyValidRows: true,
    });
    try {
      const queuedId = await storeImport(t.ctx, file, null);
      await expect(importReport(other, queuedId)).rejects.toMatchObject({
        status: 404,
        code: 'not_found',
      });
      expect(await listImports(other, 1)).toMatchObject({ items: [], total: 0 });
      await runImport(other, queuedId);
      expect(await importReport(t.ctx, queuedId)).toMatchObject({ status: 'queued' });
      expect(await count("people WHERE email_normalized = 'queued1@example.org'")).toBe(0);
      await runImport(t.ctx, queuedId);
      expect(await importReport(t.ctx, queuedId)).toMatchObject({
        status: 'applied',
        createdCount: 1,
      });
      expect(await errorsOf(t.ctx, queuedId)).toEqual(['3:invalid_email']);
      expect(await errorsOf(other, queuedId)).toEqual([]);
    } finally {
      await file.dispose();
    }
    expect(await otherPeople()).toEqual(before);
    expect(await otherRows()).toEqual([0, 0, 0, 0, 0]);

    // Campaign 2's own import, queued on the shared queue and run by this process's worker:
    // it merges into campaign 2's person and leaves campaign 1's untouched.
    const otherFile = await spooled('email,last name\nshared@example.org,Merged\n');
    try {
      const queued = await createImport(other, otherFile, null);
      expect(await settled(other, queued.id!)).toMatchObject({
        status: 'applied',
        createdCount: 0,
        mergedCount: 1,
      });
    } finally {
      await otherFile.dispose();
    }
    const [theirs] = await otherPeople();
    expect(theirs).toMatchObject({ id: before[0].id, first_name: 'Autre', last_name: 'Merged' });
    expect(await person('shared@example.org')).toMatchObject({ id: mine.id, last_name: 'Shared' });
    expect((await listImports(other, 1)).total).toBe(1);
  });
});

describe.each(engines)('people import size limit on %s', (engine) => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp(engine, { IMPORT_LIMIT_BYTES: '4096' });
  });
  afterAll(async () => {
    await t?.close();
  });

  it('refuses a file over IMPORT_LIMIT_BYTES with 413 and stores nothing', async () => {
    const admin = await staffBrowser(t, 'boss@levier.test', ['admin']);
    const csv = `email\n${Array.from({ length: 400 }, (_, i) => `someone${i}@example.org`).join('\n')}\n`;
    for (const url of ['/api/people/imports/preview', '/api/people/imports']) {
      const response = await upload(admin, url, csv, { mapping: {} });
      expect(response.statusCode).toBe(413);
      expect(response.json().code).toBe('payload_too_large');
    }
    expect((await t.ctx.database.query('SELECT id FROM imports')).length).toBe(0);
    expect((await t.ctx.database.query('SELECT import_id FROM import_files')).length).toBe(0);
  });
});

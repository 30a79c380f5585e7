import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  Browser,
  createTestApp,
  engines,
  staffBrowser,
  type TestApp,
} from '../../testing/harness.ts';
import { setRoles } from '../accounts/admin.ts';
import { excelHeaders, exportColumns } from './export.ts';

/** Splits our CSV output (quoted cells may hold commas, quotes and line breaks). */
function readCsv(text: string, separator = ','): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let cell = '';
  let quoted = false;
  for (let i = 0; i < text.length; i++) {
    const c = text[i];
    if (quoted) {
      if (c === '"' && text[i + 1] === '"') cell += text[i++];
      else if (c === '"') quoted = false;
      else cell += c;
    } else if (c === '"') quoted = true;
    else if (c === separator) {
      row.push(cell);
      cell = '';
    } else if (c === '\r' && text[i + 1] === '\n') {
      row.push(cell);
      rows.push(row);
      row = [];
      cell = '';
      i++;
    } else cell += c;
  }
  return rows;
}

describe.each(engines)('people export on %s', (engine) => {
  let t: TestApp;
  let admin: Browser;
  let adminId: number;

  beforeAll(async () => {
    t = await createTestApp(engine);
    admin = await staffBrowser(t, 'boss@levier.test', ['admin']);
    adminId = (await admin.session()).me!.personId;
    await t.ctx.database.query(
      `INSERT INTO people (campaign_id, email, email_normalized, first_name, last_name, phone, postal_code, commune_code,
                           commune_name, departement_code, source, recruit_code, search_text, consent_email, confirmed_at)
       VALUES ($1, 'ann@example.org', 'ann@example.org', 'Ann', 'Lee, "the first"', '+33612345678', '69001', '69123', 'Lyon',
               '69', 'import', 'exp00001', 'ann', true, now()),
              ($1, 'evil@example.org', 'evil@example.org', '=HYPERLINK("http://evil.example","x")', '@SUM(A1)', NULL, NULL, NULL,
               NULL, NULL, 'signup', 'exp00002', 'evil', false, NULL),
              ($1, 'xss@example.org', 'xss@example.org', '<script>alert(1)</script>', '-2+3', NULL, NULL, NULL, NULL, NULL,
               'signup', 'exp00003', 'xss', false, NULL)`,
      [t.ctx.campaignId],
    );
    // Ann was recruited by the third person, came from a campaign link and gave her address.
    await t.ctx.database.query(
      `UPDATE people p SET address_street = '3 rue Mercière', address_complement = '=1+1',
              utm_source = 'tract', utm_medium = 'paper', utm_campaign = 'rentree',
              recruited_by = (SELECT id FROM people r WHERE r.campaign_id = $1 AND r.email_normalized = 'xss@example.org')
        WHERE p.campaign_id = $1 AND p.email_normalized = 'ann@example.org'`,
      [t.ctx.campaignId],
    );
    await t.ctx.database.query(
      `INSERT INTO tags (campaign_id, name) VALUES ($1, 'vip'), ($1, 'donor')`,
      [t.ctx.campaignId],
    );
    await t.ctx.database.query(
      `INSERT INTO person_tags (campaign_id, person_id, tag_id)
       SELECT p.campaign_id, p.id, t.id FROM people p JOIN tags t ON t.campaign_id = p.campaign_id
        WHERE p.campaign_id = $1 AND p.email_normalized = 'ann@example.org'`,
      [t.ctx.campaignId],
    );
  });
  afterAll(async () => {
    await t?.close();
  });

  it('streams the matching people as CSV with a BOM, formulas neutralised but not phone numbers, and audits the export', async () => {
    const response = await admin.get('/api/people/export.csv?format=csv&sources=import,signup&q=');
    expect(response.statusCode).toBe(200);
    expect(response.headers['content-type']).toBe('text/csv; charset=utf-8');
    expect(response.headers['content-disposition']).toMatch(
      /^attachment; filename="levier-people-\d{4}-\d{2}-\d{2}\.csv"$/,
    );
    expect(response.body.startsWith('\ufeffid,email,first_name,')).toBe(true);
    const rows = readCsv(response.body.slice(1));
    expect(rows[0]).toEqual([...exportColumns]);
    const byEmail = new Map(
      rows.slice(1).map((r) => [r[1], Object.fromEntries(exportColumns.map((c, i) => [c, r[i]]))]),
    );
    expect(byEmail.size).toBe(3);
    const [{ id: recruiterId }] = await t.ctx.database.query<{ id: number }>(
      `SELECT id FROM people WHERE campaign_id = $1 AND email_normalized = 'xss@example.org'`,
      [t.ctx.campaignId],
    );
    expect(byEmail.get('ann@example.org')).toMatchObject({
      first_name: 'Ann',
      last_name: 'Lee, "the first"',
      // Stored as E.164, it cannot hold a formula: scripts get it as it is.
      phone: '+33612345678',
      address_street: '3 rue Mercière',
      address_complement: "'=1+1",
      recruited_by: String(recruiterId),
      recruiter_name: '<script>alert(1)</script> -2+3',
      utm_source: 'tract',
      utm_medium: 'paper',
      utm_campaign: 'rentree',
      postal_code: '69001',
      commune_code: '69123',
      commune_name: 'Lyon',
      departement_code: '69',
      source: 'import',
      confirmed: 'yes',
      consent_email: 'yes',
      consent_sms: 'no',
      tags: 'donor, vip',
    });
    expect(byEmail.get('evil@example.org')).toMatchObject({
      first_name: `'=HYPERLINK("http://evil.example","x")`,
      last_name: "'@SUM(A1)",
      confirmed: 'no',
    });
    expect(byEmail.get('xss@example.org')).toMatchObject({
      first_name: '<script>alert(1)</script>',
      last_name: "'-2+3",
    });
    expect(response.body).toContain(`"'=HYPERLINK(""http://evil.example"",""x"")"`);

    const audits = await t.ctx.database.query<{
      actor_id: number;
      details: { filter: Record<string, unknown>; rows: number };
    }>(
      `SELECT actor_id, details FROM audit_log WHERE campaign_id = $1 AND action = 'people.export'`,
      [t.ctx.campaignId],
    );
    expect(audits).toHaveLength(1);
    expect(audits[0].actor_id).toBe(adminId);
    expect(audits[0].details).toEqual({
      filter: { sources: ['import', 'signup'], q: '' },
      format: 'csv',
      rows: 3,
    });
  });

  it('defaults to the Excel format: semicolons, French headers and values, formulas neutralised', async () => {
    const response = await admin.get('/api/people/export.csv?sources=import,signup');
    expect(response.statusCode).toBe(200);
    expect(response.headers['content-type']).toBe('text/csv; charset=utf-8');
    expect(response.body.startsWith('\ufeffIdentifiant;E-mail;Prénom;Nom;')).toBe(true);
    const rows = readCsv(response.body.slice(1), ';');
    expect(rows[0]).toEqual([...excelHeaders]);
    expect(rows.every((row) => row.length === excelHeaders.length)).toBe(true);
    const byEmail = new Map(
      rows.slice(1).map((r) => [r[1], Object.fromEntries(excelHeaders.map((h, i) => [h, r[i]]))]),
    );
    expect(byEmail.get('ann@example.org')).toMatchObject({
      Prénom: 'Ann',
      Nom: 'Lee, "the first"',
      Téléphone: "'+33612345678",
      Adresse: '3 rue Mercière',
      'Complément d’adresse': "'=1+1",
      'Recruté par': '<script>alert(1)</script> -2+3',
      utm_campaign: 'rentree',
      'Code postal': '69001',
      Commune: 'Lyon',
      Confirmé: 'oui',
      'Consentement e-mail': 'oui',
      'Consentement SMS': 'non',
      Étiquettes: 'donor, vip',
    });
    expect(byEmail.get('ann@example.org')!['Créé le']).toMatch(/^\d{2}\/\d{2}\/\d{4} \d{2}:\d{2}$/);
    expect(byEmail.get('evil@example.org')).toMatchObject({
      Prénom: `'=HYPERLINK("http://evil.example","x")`,
      Nom: "'@SUM(A1)",
      Confirmé: 'non',
    });
    const [audit] = await t.ctx.database.query<{ details: Record<string, unknown> }>(
      `SELECT details FROM audit_log WHERE campaign_id = $1 AND action = 'people.export'
        ORDER BY id DESC LIMIT 1`,
      [t.ctx.campaignId],
    );
    expect(audit.details).toEqual({
      filter: { sources: ['import', 'signup'] },
      format: 'excel',
      rows: 3,
    });
  });

  it('refuses an unknown format', async () => {
    const response = await admin.get('/api/people/export.csv?format=xlsx');
    expect(response.statusCode).toBe(400);
  });

  it('exports only what the filter matches, in batches beyond one page', async () => {
    await t.ctx.database.query(
      `INSERT INTO people (campaign_id, email, email_normalized, source, recruit_code, search_text, departement_code)
       SELECT $1, 'many' || i || '@example.org', 'many' || i || '@example.org', 'import', 'many' || i, 'many', '33'
         FROM generate_series(1, 12000) i`,
      [t.ctx.campaignId],
    );
    const response = await admin.get('/api/people/export.csv?format=csv&departementCodes=33');
    const rows = readCsv(response.body.slice(1));
    expect(rows).toHaveLength(12_001);
    expect(new Set(rows.slice(1).map((r) => r[1])).size).toBe(12_000);
    const tagged = readCsv(
      (await admin.get('/api/people/export.csv?format=csv&tags=vip')).body.slice(1),
    );
    expect(tagged.slice(1).map((r) => r[1])).toEqual(['ann@example.org']);
  });

  it('is a right of its own: supporters and staff are refused, a staff member with the grant is not', async () => {
    const anonymous = new Browser(t.app);
    expect((await anonymous.get('/api/people/export.csv')).statusCode).toBe(401);
    const supporter = await staffBrowser(t, 'supporter@example.org', []);
    const refused = await supporter.get('/api/people/export.csv');
    expect([refused.statusCode, refused.json().code]).toEqual([403, 'forbidden']);
    const staff = await staffBrowser(t, 'staff@example.org', ['staff']);
    expect((await staff.get('/api/people/export.csv')).statusCode).toBe(403);
    // The same account once an administrator grants it the right (roles are read on each request).
    const { me } = await staff.session();
    await setRoles(t.ctx, me!.personId, ['staff'], ['people.export'], adminId);
    const response = await staff.get('/api/people/export.csv?format=csv&q=ann');
    expect(response.statusCode).toBe(200);
    expect(
      readCsv(response.body.slice(1))
        .slice(1)
        .map((r) => r[1]),
    ).toEqual(['ann@example.org']);
    const audits = await t.ctx.database.query(
      `SELECT id FROM audit_log WHERE campaign_id = $1 AND action = 'people.export'`,
      [t.ctx.campaignId],
    );
    expect(audits).toHaveLength(5); // refused attempts export nothing and are not export records
  });
});

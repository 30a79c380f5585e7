import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  detectImportPreset,
  importPresets,
} from '../../../../contracts/integrations-import-presets.ts';
import type { ImportReport } from '../../../../contracts/people.ts';
import {
  createTestApp,
  engines,
  staffBrowser,
  type Browser,
  type TestApp,
} from '../../../testing/harness.ts';
import { upload } from '../../../testing/multipart.ts';
import { suggestMapping } from './mapping.ts';

const fixture = (name: string) =>
  readFileSync(new URL(`./fixtures/${name}`, import.meta.url), 'utf8');
const headerOf = (csv: string) => csv.split(/\r?\n/)[0]!.split(',');

describe('import presets', () => {
  it('recognise each export from its real header, and nothing else', () => {
    const nb = headerOf(fixture('nationbuilder-people-export.csv'));
    const an = headerOf(fixture('action-network-export.csv'));
    expect(detectImportPreset(nb)?.id).toBe('nationbuilder');
    expect(detectImportPreset(an)?.id).toBe('action_network');
    expect(detectImportPreset(['email', 'first name', 'zip'])).toBeNull();
    // Every column a preset maps is in the fixture's header.
    for (const [preset, header] of [
      [importPresets[0]!, nb],
      [importPresets[1]!, an],
    ] as const) {
      expect(Object.keys(preset.mapping).filter((h) => !header.includes(h))).toEqual([]);
    }
    expect(suggestMapping(nb)).toEqual({
      first_name: 'firstName',
      last_name: 'lastName',
      email: 'email',
      email_opt_in: 'consentEmail',
      mobile_number: 'phone',
      mobile_opt_in: 'consentSms',
      primary_address1: 'addressStreet',
      primary_address2: 'addressComplement',
      primary_city: 'communeCode',
      primary_zip: 'postalCode',
      tag_list: 'tags',
    });
  });
});

describe.each(engines)('importing preset exports on %s', (engine) => {
  let t: TestApp;
  let admin: Browser;
  const person = async (email: string) =>
    (
      await t.ctx.database.query<Record<string, unknown>>(
        'SELECT * FROM people WHERE campaign_id = $1 AND email_normalized = $2',
        [t.ctx.campaignId, email],
      )
    )[0]!;
  const tagsOf = async (id: unknown) =>
    (
      await t.ctx.database.query<{ name: string }>(
        `SELECT t.name FROM person_tags pt JOIN tags t ON t.campaign_id = pt.campaign_id AND t.id = pt.tag_id
          WHERE pt.campaign_id = $1 AND pt.person_id = $2 ORDER BY t.name`,
        [t.ctx.campaignId, id],
      )
    ).map((row) => row.name);
  const consentsOf = async (id: unknown) =>
    (
      await t.ctx.database.query<{ channel: string; granted: boolean }>(
        `SELECT channel, granted FROM consent_events WHERE campaign_id = $1 AND person_id = $2 ORDER BY channel`,
        [t.ctx.campaignId, id],
      )
    ).map((row) => `${row.channel}:${row.granted}`);

  const importFixture = (name: string) => importCsv(fixture(name));

  async function importCsv(csv: string): Promise<ImportReport> {
    const response = await upload(admin, '/api/people/imports', csv, { mapping: {} });
    expect(response.statusCode, response.body).toBe(202);
    const { id } = response.json() as ImportReport;
    const deadline = Date.now() + 90_000;
    for (;;) {
      const report = (await admin.get(`/api/people/imports/${id}`)).json() as ImportReport;
      if (!['queued', 'running'].includes(report.status)) return report;
      if (Date.now() > deadline) throw new Error(`import ${id} still ${report.status}`);
      await new Promise((resolve) => setTimeout(resolve, 200));
    }
  }

  beforeAll(async () => {
    t = await createTestApp(engine);
    admin = await staffBrowser(t, 'presets@levier.test', ['admin']);
  });
  afterAll(async () => {
    await t?.close();
  });

  it('imports a NationBuilder people export: people, stated consents, tags', async () => {
    const report = await importFixture('nationbuilder-people-export.csv');
    expect(report, JSON.stringify(report.errors)).toMatchObject({
      status: 'applied',
      validRows: 3,
      invalidRows: 0,
      createdCount: 3,
    });
    expect(report.mapping).toMatchObject({ email_opt_in: 'consentEmail', tag_list: 'tags' });

    const amelie = await person('amelie.rousseau@nb.example');
    expect(amelie).toMatchObject({
      first_name: 'Amélie',
      last_name: 'Rousseau',
      phone: '+33612345678',
      postal_code: '69002',
      commune_name: 'Lyon',
      consent_email: true,
      consent_sms: true,
    });
    expect(await tagsOf(amelie.id)).toEqual(['benevole', 'porte-a-porte']);
    expect(await consentsOf(amelie.id)).toEqual(['email:true', 'sms:true']);

    const bruno = await person('bruno.petit@nb.example');
    expect(bruno).toMatchObject({ consent_email: false, consent_sms: false, postal_code: '75011' });
    expect(await tagsOf(bruno.id)).toEqual(['donateur']);

    // No opt-in stated: no consent recorded either way.
    const chloe = await person('chloe.garnier@nb.example');
    expect(chloe).toMatchObject({
      phone: '+33798765432',
      consent_email: false,
      consent_sms: false,
    });
    expect(await consentsOf(chloe.id)).toEqual([]);
    expect(await tagsOf(chloe.id)).toEqual([]);
  });

  it('records no consent to texts from a NationBuilder row without a mobile number, and says so', async () => {
    const report = await importFixture('nationbuilder-opt-in-without-mobile.csv');
    expect(report, JSON.stringify(report.errors)).toMatchObject({
      status: 'applied',
      validRows: 2,
      invalidRows: 0,
      createdCount: 2,
      warningCount: 1,
    });
    expect(report.errors).toEqual([
      expect.objectContaining({
        line: 2,
        field: 'consentSms',
        code: 'sms_consent_without_phone',
        severity: 'warning',
      }),
    ]);

    // `mobile_opt_in` TRUE, no mobile: the email consent stands, the text one is not recorded.
    const gaelle = await person('gaelle.martin@nb.example');
    expect(gaelle).toMatchObject({ phone: null, consent_email: true, consent_sms: false });
    expect(await consentsOf(gaelle.id)).toEqual(['email:true']);
    const records = await t.ctx.database.query<{ channel: string }>(
      'SELECT channel FROM person_consents WHERE campaign_id = $1 AND person_id = $2',
      [t.ctx.campaignId, gaelle.id],
    );
    expect(records.map((row) => row.channel)).toEqual(['email']);

    // With a mobile, the same opt-in is a consent.
    const hugo = await person('hugo.lambert@nb.example');
    expect(hugo).toMatchObject({ phone: '+33622334455', consent_sms: true });
    expect(await consentsOf(hugo.id)).toEqual(['sms:true']);
  });

  it('drops a consent to texts without a phone from any file, not only a preset’s', async () => {
    const report = await importCsv('email,consentement sms\r\nines.roux@csv.example,oui\r\n');
    expect(report, JSON.stringify(report.errors)).toMatchObject({
      status: 'applied',
      createdCount: 1,
      warningCount: 1,
    });
    expect(report.errors.map((e) => e.code)).toEqual(['sms_consent_without_phone']);
    const ines = await person('ines.roux@csv.example');
    expect(ines).toMatchObject({ consent_sms: false });
    expect(await consentsOf(ines.id)).toEqual([]);
  });

  it('imports an Action Network export: people, subscription statuses as consents, tags', async () => {
    const report = await importFixture('action-network-export.csv');
    expect(report, JSON.stringify(report.errors)).toMatchObject({
      status: 'applied',
      validRows: 3,
      invalidRows: 0,
      createdCount: 3,
    });

    const denis = await person('denis.moreau@an.example');
    expect(denis).toMatchObject({
      first_name: 'Denis',
      last_name: 'Moreau',
      phone: '+33611223344',
      postal_code: '33000',
      consent_email: true,
      consent_sms: true,
    });
    expect(await tagsOf(denis.id)).toEqual(['phonebank', 'volunteer']);
    expect(await consentsOf(denis.id)).toEqual(['email:true', 'sms:true']);

    // Unsubscribed, or no status: no consent (a refusal of a new person records no event).
    const emma = await person('emma.lefevre@an.example');
    expect(emma).toMatchObject({ consent_email: false, consent_sms: false, postal_code: '13001' });
    expect(await consentsOf(emma.id)).toEqual([]);
    expect(await tagsOf(emma.id)).toEqual(['donor']);

    const farid = await person('farid.benali@an.example');
    expect(farid).toMatchObject({
      phone: '+33755443322',
      consent_email: false,
      consent_sms: false,
    });
    expect(await consentsOf(farid.id)).toEqual([]);
  });
});

import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ImportReport } from '../../../../contracts/people.ts';
import {
  createTestApp,
  engines,
  staffBrowser,
  type Browser,
  type TestApp,
} from '../../../testing/harness.ts';
import { spooled, upload } from '../../../testing/multipart.ts';
import { importReport, runImport, storeImport } from './service.ts';

const header = "email;nom;adresse;complément d'adresse;code postal;Équipe;dons;rencontre;Taille";

describe.each(engines)('import of addresses and custom fields on %s', (engine) => {
  let t: TestApp;
  let admin: Browser;
  let knownId: number;
  const valuesOf = async (id: number) =>
    (await admin.get(`/api/people/${id}/custom-fields`)).json();
  const personByEmail = async (email: string) =>
    (
      await t.ctx.database.query<Record<string, unknown>>(
        'SELECT * FROM people WHERE campaign_id = $1 AND email_normalized = $2',
        [t.ctx.campaignId, email],
      )
    )[0];

  beforeAll(async () => {
    t = await createTestApp(engine);
    admin = await staffBrowser(t, 'boss@levier.test', ['admin']);
    const fields = [
      { key: 'equipe', labelFr: 'Équipe', labelEn: 'Team', type: 'text' },
      { key: 'dons', labelFr: 'Dons', labelEn: 'Gifts', type: 'number' },
      { key: 'rencontre', labelFr: 'Rencontré le', labelEn: 'Met on', type: 'date' },
      {
        key: 'taille',
        labelFr: 'Taille',
        labelEn: 'Size',
        type: 'choice',
        options: [
          { value: 's', labelFr: 'Petit', labelEn: 'Small' },
          { value: 'm', labelFr: 'Moyen', labelEn: 'Medium' },
        ],
      },
    ];
    for (const field of fields) {
      const created = await admin.post('/api/custom-fields', { options: [], ...field });
      expect(created.statusCode, created.body).toBe(200);
    }
    const [known] = await t.ctx.database.query<{ id: number }>(
      `INSERT INTO people (campaign_id, email, email_normalized, first_name, postal_code, commune_code, commune_name,
                           departement_code, source, recruit_code, search_text)
       VALUES ($1, 'connu@example.org', 'connu@example.org', 'Connu', '75002', '75102', 'Paris 2e Arrondissement', '75',
               'signup', 'connu0001', 'connu') RETURNING id`,
      [t.ctx.campaignId],
    );
    knownId = Number(known.id);
    const set = await admin.put(`/api/people/${knownId}/custom-fields`, {
      values: { equipe: 'Bleus' },
    });
    expect(set.statusCode, set.body).toBe(200);
  });
  afterAll(async () => {
    await t?.close();
  });

  it('maps address and custom field columns by their headers, and reads spreadsheet values', async () => {
    const file = [
      header,
      'alpha@example.org;Alpha;12 rue de la Paix;Bât. B;75002;Rouges;1 250,5;31/12/2024;moyen',
      'connu@example.org;;3 rue du Sentier;;75002;Verts;40;2024-02-01;Small',
      'bad@example.org;Bad;;;;;beaucoup;32/13/2024;XXL',
    ].join('\n');
    const preview = await upload(admin, '/api/people/imports/preview', file, { mapping: {} });
    expect(preview.statusCode, preview.body).toBe(200);
    const report = preview.json() as ImportReport;
    expect(report.mapping).toMatchObject({
      adresse: 'addressStreet',
      "complément d'adresse": 'addressComplement',
      Équipe: 'custom:equipe',
      dons: 'custom:dons',
      rencontre: 'custom:rencontre',
      Taille: 'custom:taille',
    });
    expect(report.errors.map((e) => `${e.line}:${e.field}:${e.code}`)).toEqual([
      '4:custom:dons:not_a_number',
      '4:custom:rencontre:invalid_date',
      '4:custom:taille:unknown_option',
    ]);

    const id = await storeImport(
      t.ctx,
      await spooled(file, { mapping: {}, applyValidRows: true }),
      null,
    );
    await runImport(t.ctx, id);
    expect(await importReport(t.ctx, id)).toMatchObject({
      status: 'applied',
      createdCount: 1,
      mergedCount: 1,
      invalidRows: 1,
    });
    const alpha = await personByEmail('alpha@example.org');
    expect(alpha).toMatchObject({
      address_street: '12 rue de la Paix',
      address_complement: 'Bât. B',
    });
    expect(await valuesOf(Number(alpha.id))).toEqual({
      equipe: 'Rouges',
      dons: 1250.5,
      rencontre: '2024-12-31',
      taille: 'm',
    });
    // The known person: the street fills the empty one (same postal code); their own value
    // stays, the empty ones are filled.
    expect(await personByEmail('connu@example.org')).toMatchObject({
      address_street: '3 rue du Sentier',
    });
    expect(await valuesOf(knownId)).toEqual({
      equipe: 'Bleus',
      dons: 40,
      rencontre: '2024-02-01',
      taille: 's',
    });
  });

  it('refuses a mapping to a custom field that does not exist, changing nothing', async () => {
    const response = await upload(admin, '/api/people/imports', 'email;x\na@b.org;1\n', {
      mapping: { email: 'email', x: 'custom:nope' },
    });
    expect(response.statusCode).toBe(400);
    expect(response.json()).toMatchObject({ code: 'unknown_custom_field' });
  });

  it('undoes the values and addresses it wrote when cancelled, keeping what was there', async () => {
    const file = [
      header,
      'connu@example.org;;9 rue Neuve;;75002;Jaunes;;;',
      ...Array.from({ length: 30 }, (_, i) => `undo${i}@example.org;Undo;1 rue X;;75002;Noirs;1;;`),
    ].join('\n');
    await t.ctx.database.query(
      `UPDATE people SET address_street = NULL WHERE campaign_id = $1 AND id = $2`,
      [t.ctx.campaignId, knownId],
    );
    await t.ctx.database.query(
      `DELETE FROM person_field_values WHERE campaign_id = $1 AND person_id = $2
          AND custom_field_id <> (SELECT id FROM custom_fields WHERE campaign_id = $1 AND key = 'equipe')`,
      [t.ctx.campaignId, knownId],
    );
    const id = await storeImport(t.ctx, await spooled(file, { mapping: {} }), null);
    let slices = 0;
    await runImport(t.ctx, id, {
      maxSliceRows: 10,
      afterSlice: async () => {
        if (++slices === 2)
          await t.ctx.database.query(
            'UPDATE imports SET cancel_requested_at = now() WHERE campaign_id = $1 AND id = $2',
            [t.ctx.campaignId, id],
          );
      },
    });
    expect((await importReport(t.ctx, id)).status).toBe('cancelled');
    expect(await personByEmail('connu@example.org')).toMatchObject({ address_street: null });
    expect(await valuesOf(knownId)).toEqual({ equipe: 'Bleus' });
    expect(await personByEmail('undo0@example.org')).toBeUndefined();
    const [{ n }] = await t.ctx.database.query<{ n: number }>(
      `SELECT count(*)::int AS n FROM person_field_values v
        WHERE v.campaign_id = $1 AND NOT EXISTS (SELECT 1 FROM people p WHERE p.campaign_id = v.campaign_id AND p.id = v.person_id)`,
      [t.ctx.campaignId],
    );
    expect(n).toBe(0);
  });
});

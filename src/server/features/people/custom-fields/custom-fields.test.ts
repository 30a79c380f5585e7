import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  Browser,
  createTestApp,
  engines,
  staffBrowser,
  type TestApp,
} from '../../../testing/harness.ts';
import { exportMyData } from '../me.ts';
import { erasePerson } from '../service.ts';

interface Field {
  id: number;
  key: string;
  labelFr: string;
  type: string;
  valueCount: number;
}
interface Problem {
  code: string;
  errors?: Array<{ field: string; code: string }>;
}

const choiceField = {
  key: 'tshirt',
  labelFr: 'Taille de t-shirt',
  labelEn: 'T-shirt size',
  type: 'choice',
  options: [
    { value: 's', labelFr: 'Petit', labelEn: 'Small' },
    { value: 'm', labelFr: 'Moyen', labelEn: 'Medium' },
    { value: 'l', labelFr: 'Grand', labelEn: 'Large' },
  ],
};

describe.each(engines)('custom fields on %s', (engine) => {
  let t: TestApp;
  let staff: Browser;
  let finance: Browser;
  const people: Record<'ana' | 'bob' | 'cyd', number> = { ana: 0, bob: 0, cyd: 0 };

  const inCampaign = <T = Record<string, unknown>>(text: string, params: unknown[] = []) =>
    t.ctx.database.query<T>(text, [t.ctx.campaignId, ...params]);
  const define = async (body: Record<string, unknown>) => {
    const response = await staff.post('/api/custom-fields', body);
    expect(response.statusCode, response.body).toBe(200);
    return response.json() as Field;
  };
  const setValues = (id: number, values: Record<string, unknown>) =>
    staff.put(`/api/people/${id}/custom-fields`, { values });
  const matching = async (conditions: unknown[]) => {
    const query = encodeURIComponent(JSON.stringify(conditions));
    const response = await staff.get(`/api/people?pageSize=200&customFields=${query}`);
    expect(response.statusCode, response.body).toBe(200);
    const ids = (response.json() as { items: Array<{ id: number }> }).items.map((i) => i.id);
    return (Object.keys(people) as Array<keyof typeof people>).filter((k) =>
      ids.includes(people[k]),
    );
  };

  beforeAll(async () => {
    t = await createTestApp(engine);
    staff = await staffBrowser(t, 'staff@fields.example', ['staff']);
    finance = await staffBrowser(t, 'finance@fields.example', ['finance']);
    for (const name of Object.keys(people) as Array<keyof typeof people>) {
      const [{ id }] = await inCampaign<{ id: number }>(
        `INSERT INTO people (campaign_id, email, email_normalized, first_name, source, recruit_code, search_text)
         VALUES ($1, $2, $2, $3, 'import', $4, $3) RETURNING id`,
        [`${name}@fields.example`, name, `cf-${name}`],
      );
      people[name] = Number(id);
    }
    await define(choiceField);
    await define({ key: 'donations', labelFr: 'Dons', labelEn: 'Donations', type: 'number' });
    await define({ key: 'met_on', labelFr: 'Rencontré le', labelEn: 'Met on', type: 'date' });
    await define({ key: 'job', labelFr: 'Métier', labelEn: 'Job', type: 'text' });
    for (const [id, values] of [
      [people.ana, { tshirt: 's', donations: 10, met_on: '2026-03-01', job: 'Infirmière' }],
      [people.bob, { tshirt: 'm', donations: '250,5', met_on: '2026-06-15', job: 'Boulanger' }],
      [people.cyd, { tshirt: 'l', job: 'infirmier de nuit' }],
    ] as const) {
      const response = await setValues(id, values);
      expect(response.statusCode, response.body).toBe(200);
    }
  });
  afterAll(async () => {
    await t?.close();
  });

  it('stores values by their type and reads them back', async () => {
    const response = await staff.get(`/api/people/${people.bob}/custom-fields`);
    expect(response.json()).toEqual({
      tshirt: 'm',
      donations: 250.5,
      met_on: '2026-06-15',
      job: 'Boulanger',
    });
    const fields = (await staff.get('/api/custom-fields')).json() as Field[];
    expect(fields.map((f) => [f.key, f.valueCount])).toEqual([
      ['tshirt', 3],
      ['donations', 2],
      ['met_on', 2],
      ['job', 3],
    ]);
    const [event] = await inCampaign<{ data: { keys: string[] } }>(
      `SELECT data FROM person_events WHERE campaign_id = $1 AND person_id = $2 AND kind = 'custom_fields'`,
      [people.bob],
    );
    expect(event.data.keys.sort()).toEqual(['donations', 'job', 'met_on', 'tshirt']);
  });

  it('refuses values that do not fit their field, naming each, and changes nothing', async () => {
    const response = await setValues(people.ana, {
      tshirt: 'xxl',
      donations: 'lots',
      met_on: '2026-02-30',
      nope: 'x',
      job: 'x'.repeat(501),
    });
    expect(response.statusCode).toBe(400);
    const problem = response.json() as Problem;
    expect(problem.code).toBe('validation_failed');
    expect(Object.fromEntries(problem.errors!.map((e) => [e.field, e.code]))).toMatchObject({
      'values.tshirt': 'unknown_option',
      'values.donations': 'not_a_number',
      'values.nope': 'unknown_field',
      'values.job': 'too_long',
    });
    expect(problem.errors!.map((e) => e.field)).toContain('values.met_on');
    const values = (await staff.get(`/api/people/${people.ana}/custom-fields`)).json() as Record<
      string,
      unknown
    >;
    expect(values.tshirt).toBe('s');
  });

  it('removes a value set to null or empty', async () => {
    await setValues(people.cyd, { met_on: '2025-01-01' });
    expect((await setValues(people.cyd, { met_on: null })).statusCode).toBe(200);
    const values = (await staff.get(`/api/people/${people.cyd}/custom-fields`)).json() as object;
    expect(Object.keys(values)).not.toContain('met_on');
  });

  it('filters people: text equals and contains, number and date ranges, choice any of', async () => {
    expect(
      await matching([{ key: 'job', type: 'text', op: 'equals', value: 'boulanger' }]),
    ).toEqual(['bob']);
    expect(
      await matching([{ key: 'job', type: 'text', op: 'contains', value: 'infirmi' }]),
    ).toEqual(['ana', 'cyd']);
    expect(await matching([{ key: 'donations', type: 'number', min: 100 }])).toEqual(['bob']);
    expect(await matching([{ key: 'donations', type: 'number', min: 0, max: 10 }])).toEqual([
      'ana',
    ]);
    expect(
      await matching([{ key: 'met_on', type: 'date', from: '2026-01-01', to: '2026-03-31' }]),
    ).toEqual(['ana']);
    expect(await matching([{ key: 'tshirt', type: 'choice', anyOf: ['s', 'l'] }])).toEqual([
      'ana',
      'cyd',
    ]);
    // Conditions add up, and a condition of the wrong type matches nobody.
    expect(
      await matching([
        { key: 'tshirt', type: 'choice', anyOf: ['s', 'm'] },
        { key: 'donations', type: 'number', min: 100 },
      ]),
    ).toEqual(['bob']);
    expect(await matching([{ key: 'tshirt', type: 'number', min: 0 }])).toEqual([]);
  });

  it('keeps custom field conditions in saved segments', async () => {
    const filter = { customFields: [{ key: 'tshirt', type: 'choice', anyOf: ['m'] }] };
    const created = await staff.post('/api/segments', { name: 'Taille M', filter });
    expect(created.statusCode, created.body).toBe(200);
    const segment = created.json() as { id: number; filter: unknown; count: number };
    expect(segment.filter).toEqual(filter);
    const response = await staff.get(`/api/people?segmentId=${segment.id}`);
    expect((response.json() as { items: Array<{ id: number }> }).items.map((i) => i.id)).toEqual([
      people.bob,
    ]);
  });

  it('refuses malformed filter conditions with field errors', async () => {
    for (const bad of ['not json', '[{"key":"job","type":"text","op":"near","value":"x"}]', '{}']) {
      const response = await staff.get(`/api/people?customFields=${encodeURIComponent(bad)}`);
      expect(response.statusCode, bad).toBe(400);
      expect((response.json() as Problem).code).toBe('validation_failed');
    }
  });

  it('exports a column per field in both formats', async () => {
    const admin = await staffBrowser(t, 'admin@fields.example', ['admin']);
    const csv = await admin.get('/api/people/export.csv?format=csv&q=bob');
    const [header, row] = csv.body
      .replace(/^\ufeff/, '')
      .trim()
      .split('\r\n');
    expect(header.endsWith(',tshirt,donations,met_on,job')).toBe(true);
    expect(row.endsWith(',m,250.5,2026-06-15,Boulanger')).toBe(true);
    const excel = await admin.get('/api/people/export.csv?format=excel&q=bob');
    const [excelHeader, excelRow] = excel.body
      .replace(/^\ufeff/, '')
      .trim()
      .split('\r\n');
    expect(excelHeader.endsWith(';Taille de t-shirt;Dons;Rencontré le;Métier')).toBe(true);
    expect(excelRow.endsWith(';Moyen;250,5;15/06/2026;Boulanger')).toBe(true);
  });

  it('refuses a type or key change while values exist, and removing a choice in use', async () => {
    const fields = (await staff.get('/api/custom-fields')).json() as Field[];
    const tshirt = fields.find((f) => f.key === 'tshirt')!;
    const retyped = await staff.put(`/api/custom-fields/${tshirt.id}`, {
      ...choiceField,
      type: 'text',
      options: [],
    });
    expect(retyped.statusCode).toBe(409);
    expect((retyped.json() as Problem).code).toBe('field_in_use');
    const fewer = await staff.put(`/api/custom-fields/${tshirt.id}`, {
      ...choiceField,
      options: choiceField.options.filter((o) => o.value !== 'm'),
    });
    expect(fewer.statusCode).toBe(409);
    expect((fewer.json() as Problem).code).toBe('option_in_use');
    // Labels and new options are fine.
    const relabelled = await staff.put(`/api/custom-fields/${tshirt.id}`, {
      ...choiceField,
      labelFr: 'T-shirt',
      options: [...choiceField.options, { value: 'xl', labelFr: 'Très grand', labelEn: 'XL' }],
    });
    expect(relabelled.statusCode, relabelled.body).toBe(200);
  });

  it('refuses bad definitions with field errors', async () => {
    for (const [body, field, code] of [
      [{ ...choiceField, key: 'Bad Key' }, 'key', 'invalid_key'],
      [{ ...choiceField, key: 'email' }, 'key', 'reserved_key'],
      // A column added to the export later is reserved too (one list serves both).
      [{ ...choiceField, key: 'utm_source' }, 'key', 'reserved_key'],
      [{ ...choiceField, key: 'other', options: [] }, 'options', 'options_required'],
      [{ ...choiceField, key: 'other', type: 'number' }, 'options', 'options_only_for_choice'],
      [{ ...choiceField, key: 'other', type: 'colour' }, 'type', undefined],
      [{ ...choiceField, key: 'other', labelFr: '' }, 'labelFr', undefined],
    ] as const) {
      const response = await staff.post('/api/custom-fields', body);
      expect(response.statusCode, JSON.stringify(body)).toBe(400);
      const problem = response.json() as Problem;
      const error = problem.errors!.find((e) => e.field === field);
      expect(error, `${field}: ${response.body}`).toBeDefined();
      if (code) expect(error!.code).toBe(code);
    }
    const taken = await staff.post('/api/custom-fields', choiceField);
    expect(taken.statusCode).toBe(409);
    expect((taken.json() as Problem).code).toBe('field_key_taken');
  });

  it('stores labels as given: markup is text for the web to show', async () => {
    const field = await define({
      key: 'xss',
      labelFr: '<img src=x onerror=alert(1)>',
      labelEn: '<script>alert(1)</script>',
      type: 'text',
    });
    expect(field.labelFr).toBe('<img src=x onerror=alert(1)>');
    expect((await staff.delete(`/api/custom-fields/${field.id}`)).statusCode).toBe(200);
  });

  it('refuses the roles that may not define fields or write values', async () => {
    const fields = (await staff.get('/api/custom-fields')).json() as Field[];
    expect((await finance.get('/api/custom-fields')).statusCode).toBe(200);
    for (const [method, url, body] of [
      ['POST', '/api/custom-fields', { ...choiceField, key: 'finance' }],
      ['PUT', `/api/custom-fields/${fields[0].id}`, choiceField],
      ['DELETE', `/api/custom-fields/${fields[0].id}`, undefined],
      ['PUT', `/api/people/${people.ana}/custom-fields`, { values: { job: 'x' } }],
    ] as const) {
      expect((await finance.request(method, url, body)).statusCode, `${method} ${url}`).toBe(403);
      const anonymous = await new Browser(t.app).request(method, url, body);
      expect([401, 403]).toContain(anonymous.statusCode);
    }
    expect(
      await inCampaign(`SELECT 1 FROM custom_fields WHERE campaign_id = $1 AND key = 'finance'`),
    ).toEqual([]);
  });

  it("puts a person's values in their data file", async () => {
    const data = (await exportMyData(t.ctx, people.bob)) as unknown as {
      customFields: Array<{ field: string; label: string; value: unknown }>;
    };
    expect(data.customFields).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ field: 'tshirt', value: 'm' }),
        { field: 'donations', label: 'Dons', value: 250.5 },
      ]),
    );
  });

  it("erases a person's values with the person", async () => {
    const [{ id }] = await inCampaign<{ id: number }>(
      `INSERT INTO people (campaign_id, email, email_normalized, source, recruit_code, search_text)
       VALUES ($1, 'erase@fields.example', 'erase@fields.example', 'import', 'cf-erase', 'erase') RETURNING id`,
    );
    expect((await setValues(Number(id), { job: 'Secret', donations: 5 })).statusCode).toBe(200);
    await erasePerson(t.ctx, Number(id), null);
    expect(
      await inCampaign(
        'SELECT 1 FROM person_field_values WHERE campaign_id = $1 AND person_id = $2',
        [id],
      ),
    ).toEqual([]);
  });

  it("deletes a field with every person's values, in the audit log", async () => {
    const field = await define({ key: 'temp', labelFr: 'Temp', labelEn: 'Temp', type: 'text' });
    await setValues(people.ana, { temp: 'a' });
    await setValues(people.bob, { temp: 'b' });
    const response = await staff.delete(`/api/custom-fields/${field.id}`);
    expect(response.statusCode).toBe(200);
    expect(
      await inCampaign(
        'SELECT 1 FROM person_field_values WHERE campaign_id = $1 AND custom_field_id = $2',
        [field.id],
      ),
    ).toEqual([]);
    const [entry] = await inCampaign<{ details: Record<string, unknown> }>(
      `SELECT details FROM audit_log WHERE campaign_id = $1 AND action = 'custom_field.delete' AND target = $2`,
      [`custom_field:${field.id}`],
    );
    expect(entry.details).toMatchObject({ key: 'temp', valuesDeleted: 2 });
    expect((await staff.delete(`/api/custom-fields/${field.id}`)).statusCode).toBe(404);
  });
});

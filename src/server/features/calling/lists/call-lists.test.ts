import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { CallList } from '../../../../contracts/calling-lists.ts';
import {
  createCampaignApp,
  createTestApp,
  engines,
  staffBrowser,
  supporterBrowser,
  type Browser,
  type TestApp,
} from '../../../testing/harness.ts';
import {
  dbRows,
  expectStatus,
  importList,
  leftOf,
  listFile,
  listUpload,
  problemOf,
  uploadList,
} from './testing.ts';

/** The largest upload this file's app accepts: above the huge line's list (~200 kB). */
const IMPORT_LIMIT_BYTES = 256 * 1024;

const PDF_BYTES = Buffer.concat([
  Buffer.from('%PDF-1.7\n%\xe2\xe3\xcf\xd3\n1 0 obj\n', 'latin1'),
  Buffer.from(Array.from({ length: 600 }, (_, i) => (i * 7) % 256)),
]);

const HEADER = 'Téléphone;Date de consentement;Source;Créneau;Prénom;Nom';

const zeroTerritories = {
  metropole: 0,
  '971': 0,
  '972': 0,
  '973': 0,
  '974': 0,
  '975': 0,
  '976': 0,
  '977': 0,
  '978': 0,
  '986': 0,
  '987': 0,
  '988': 0,
  foreign: 0,
};

interface StoredNumber {
  e164: string;
  number_class: string;
  territory: string | null;
  consent_at: string;
  consent_source: string;
  slot_weekdays: number[] | null;
  slot_from: string | null;
  slot_to: string | null;
  line: number;
}

describe.each(engines)('call lists over HTTP (%s)', (engine) => {
  let t: TestApp;
  let staff: Browser;

  const numbersOf = (listId: number) =>
    dbRows<StoredNumber>(
      t,
      `SELECT e164, number_class, territory, to_char(consent_at AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS"Z"') AS consent_at,
              consent_source, slot_weekdays, slot_from, slot_to, line
         FROM call_list_numbers WHERE campaign_id = $1 AND list_id = $2 ORDER BY line`,
      [t.ctx.campaignId, listId],
    );

  /** Every list row and chunk of the campaign: what a refused upload could leave. */
  const campaignLeftovers = async () => {
    const [row] = await dbRows<{ lists: number; chunks: number; numbers: number }>(
      t,
      `SELECT (SELECT count(*)::int FROM call_lists WHERE campaign_id = $1) AS lists,
              (SELECT count(*)::int FROM call_list_files WHERE campaign_id = $1) AS chunks,
              (SELECT count(*)::int FROM call_list_numbers WHERE campaign_id = $1) AS numbers`,
      [t.ctx.campaignId],
    );
    return row;
  };

  beforeAll(async () => {
    t = await createTestApp(engine, { IMPORT_LIMIT_BYTES: String(IMPORT_LIMIT_BYTES) });
    staff = await staffBrowser(t, 'lists@calling.example', ['staff']);
  }, 60_000);
  afterAll(() => t?.close());

  it('imports a list with consent evidence and slots: counts by class and territory, numbers stored', async () => {
    const file = listFile([
      HEADER,
      '06 12 34 56 78;12/03/2024 14:30;Formulaire du site, page adhésion;lun-ven 10:00-13:00;Marie;Durand',
      '0690 12 34 56;2024-03-12;Réunion publique du 12 mars;sam 9h-12h;Jean;Pierre',
      '+262 692 12 34 56;01/02/2024;Pétition papier n° 12;;;',
      '09 51 23 45 67;01/02/2024 08h05;Appel entrant;lun,mer 18h-20h;;Martin',
      '01 42 34 56 78;2024-02-01;Salon des associations;mar 10-12;;',
      '+32 470 12 34 56;2024-01-01T10:00:00Z;Salon de Bruxelles;;Anna;',
      '+33 6 12 34 56 78;13/03/2024;Doublon;;;',
    ]);
    const started = expectStatus<CallList>(
      await uploadList(staff, '  Adhérents 2024 ', file, 'adherents.csv'),
      202,
    );
    expect(started).toMatchObject({
      name: 'Adhérents 2024',
      fileName: 'adherents.csv',
      size: file.length,
      status: 'queued',
      numberCount: null,
      report: null,
      error: null,
      finishedAt: null,
    });
    const done = await importList(t, staff, 'Adhérents bis', file);
    expect(done).toMatchObject({ status: 'succeeded', numberCount: 6, error: null });
    expect(done.finishedAt).not.toBeNull();
    expect(done.report).toMatchObject({
      encoding: 'utf-8',
      delimiter: ';',
      rows: 7,
      kept: 6,
      skipped: 1,
      duplicates: 1,
      withoutSlot: 2,
      byClass: { mobile: 4, geographic: 1, voip: 1, special: 0 },
      byTerritory: { ...zeroTerritories, metropole: 3, '971': 1, '974': 1, foreign: 1 },
      warnings: [],
    });
    expect(done.report!.problems).toEqual([
      {
        code: 'duplicate_phone',
        severity: 'error',
        count: 1,
        lines: [8],
        message: expect.stringContaining('Numéro déjà présent plus haut dans le fichier'),
      },
    ]);

    const stored = await numbersOf(done.id);
    expect(stored.map((n) => [n.line, n.e164, n.number_class, n.territory])).toEqual([
      [2, '+33612345678', 'mobile', 'metropole'],
      [3, '+590690123456', 'mobile', '971'],
      [4, '+262692123456', 'mobile', '974'],
      [5, '+33951234567', 'voip', 'metropole'],
      [6, '+33142345678', 'geographic', 'metropole'],
      [7, '+32470123456', 'mobile', null],
    ]);
    expect(stored[0]).toEqual({
      e164: '+33612345678',
      number_class: 'mobile',
      territory: 'metropole',
      // 14:30 in Paris (the campaign's clock) in March.
      consent_at: '2024-03-12T13:30:00Z',
      consent_source: 'Formulaire du site, page adhésion',
      slot_weekdays: [1, 2, 3, 4, 5],
      slot_from: '10:00',
      slot_to: '13:00',
      line: 2,
    });
    expect(stored[1]).toMatchObject({ slot_weekdays: [6], slot_from: '09:00', slot_to: '12:00' });
    expect(stored[2]).toMatchObject({ slot_weekdays: null, slot_from: null, slot_to: null });
    expect(stored[5].consent_at).toBe('2024-01-01T10:00:00Z');
    // The file goes once the list is read.
    expect(await leftOf(t, done.id)).toEqual({ numbers: 6, chunks: 0 });
  });

  it('keeps the valid half of a list, reporting each skipped line by code with its line', async () => {
    const done = await importList(
      t,
      staff,
      'Moitié',
      listFile([
        'mobile;date_consentement;source;creneau',
        '06 12 34 56 01;12/03/2024;web;lun-ven 10-13',
        'pas de numéro;12/03/2024;web;',
        '06 12 34 56 02;12/03/2024;web;',
        '06 12 34;12/03/2024;web;',
        '06 12 34 56 03;12/03/2024;web;',
        '06 12 34 56 04;;web;',
        '06 12 34 56 05;31/02/2024;web;',
        '06 12 34 56 06;12/03/2024;;',
        '08 00 12 34 56;12/03/2024;web;',
        '06 12 34 56 07;12/03/2024;web;tous les jours',
      ]),
    );
    expect(done).toMatchObject({ status: 'succeeded', numberCount: 4, error: null });
    expect(done.report).toMatchObject({ rows: 10, kept: 4, skipped: 6, duplicates: 0 });
    const problems = Object.fromEntries(
      done.report!.problems.map(({ code, severity, count, lines }) => [
        code,
        { severity, count, lines },
      ]),
    );
    expect(problems).toEqual({
      phone_not_a_number: { severity: 'error', count: 1, lines: [3] },
      phone_too_short: { severity: 'error', count: 1, lines: [5] },
      missing_consent_date: { severity: 'error', count: 1, lines: [7] },
      bad_consent_date: { severity: 'error', count: 1, lines: [8] },
      missing_consent_source: { severity: 'error', count: 1, lines: [9] },
      special_number: { severity: 'error', count: 1, lines: [10] },
      bad_slot: { severity: 'warning', count: 1, lines: [11] },
    });
    expect(done.report!.problems.find((p) => p.code === 'missing_consent_date')?.message).toBe(
      'Date du consentement vide : ligne ignorée.',
    );
    const stored = await numbersOf(done.id);
    expect(stored.map((n) => [n.line, n.e164, n.slot_weekdays])).toEqual([
      [2, '+33612345601', [1, 2, 3, 4, 5]],
      [4, '+33612345602', null],
      [6, '+33612345603', null],
      // Its slot was unreadable: kept without one.
      [11, '+33612345607', null],
    ]);
  });

  it('reads a Windows-1252 list, as Excel saves a French CSV, with its warning and accents right', async () => {
    const done = await importList(
      t,
      staff,
      'Liste Excel',
      listFile(
        [
          'Téléphone;Date_consentement;Source;Créneau',
          "06 12 34 56 78;12/03/2024;Fête de l'été à Sète;lun-ven 10h-12h",
          '07 81 23 45 67;12/03/2024;Réunion;',
        ],
        'latin1',
      ),
    );
    expect(done).toMatchObject({ status: 'succeeded', numberCount: 2 });
    expect(done.report!.encoding).toBe('windows-1252');
    expect(done.report!.warnings).toEqual([
      expect.stringMatching(/^Le fichier n’est pas en UTF-8 : il a été lu en Windows-1252/),
    ]);
    expect((await numbersOf(done.id)).map((n) => n.consent_source)).toEqual([
      "Fête de l'été à Sète",
      'Réunion',
    ]);
  });

  it('skips a huge line and keeps the rest', async () => {
    const done = await importList(
      t,
      staff,
      'Ligne démesurée',
      listFile([
        'phone;consent_at;source',
        '0612345601;2024-03-12;web',
        `0612345602;2024-03-12;${'x'.repeat(200_000)}`,
        '0612345603;2024-03-12;web',
      ]),
    );
    expect(done).toMatchObject({ status: 'succeeded', numberCount: 2 });
    expect(done.report!.problems.map(({ code, count, lines }) => [code, count, lines])).toEqual([
      ['line_too_long', 1, [3]],
    ]);
    expect((await numbersOf(done.id)).map((n) => n.line)).toEqual([2, 4]);
  });

  it.each([
    [
      'a malformed CSV (its header’s quote never closes)',
      'casse.csv',
      () => listFile(['téléphone;"date_consentement;source', '0612345678;2024-03-12;web']),
      'unreadable_header',
      'La première ligne du fichier est illisible',
    ],
    ['a PDF', 'liste.pdf', () => PDF_BYTES, 'not_text', 'un document PDF'],
    [
      'a file without a phone column',
      'adherents.csv',
      () => listFile(['Nom;Prénom;Email;Date de consentement', 'Durand;Marie;m@example.org;2024']),
      'not_a_call_list',
      'Colonnes trouvées : « Nom », « Prénom », « Email », « Date de consentement ».',
    ],
    [
      'a list without the consent’s columns',
      'numeros.csv',
      () => listFile(['téléphone;nom', '0612345678;Durand']),
      'missing_columns',
      'les colonnes « date_consentement » et « source » manquent',
    ],
  ])(
    'fails the import of %s with its reason, and keeps nothing',
    async (_, fileName, file, code, says) => {
      const done = await importList(t, staff, 'Refusée', file(), fileName);
      expect(done).toMatchObject({ status: 'failed', numberCount: null, report: null });
      expect(done.error?.code).toBe(code);
      expect(done.error?.message).toContain(says);
      expect(await leftOf(t, done.id)).toEqual({ numbers: 0, chunks: 0 });
    },
  );

  it('fails a list none of whose lines gives a number, with the report saying why', async () => {
    const done = await importList(
      t,
      staff,
      'Rien à appeler',
      listFile(['phone;consent_at;source', '0612345678;;web', '3949;2024-03-12;web']),
    );
    expect(done).toMatchObject({ status: 'failed', numberCount: null });
    expect(done.error?.code).toBe('no_numbers');
    expect(done.report!.problems.map((p) => [p.code, p.lines])).toEqual([
      ['missing_consent_date', [2]],
      ['special_number', [3]],
    ]);
    expect(await leftOf(t, done.id)).toEqual({ numbers: 0, chunks: 0 });
  });

  it('refuses an upload over IMPORT_LIMIT_BYTES with 413, one without name or file, and keeps nothing', async () => {
    const before = await campaignLeftovers();
    const line = '0612345678;2024-03-12;Formulaire du site internet, page des adhésions';
    const large = listFile(['phone;consent_at;source', ...Array<string>(5000).fill(line)]);
    expect(large.length).toBeGreaterThan(IMPORT_LIMIT_BYTES);
    expect(problemOf(await uploadList(staff, 'Trop grande', large))).toEqual({
      status: 413,
      code: 'payload_too_large',
    });
    const small = listFile(['phone;consent_at;source', '0612345678;2024-03-12;web']);
    expect(problemOf(await uploadList(staff, '   ', small))).toEqual({
      status: 400,
      code: 'invalid_fields',
    });
    expect(problemOf(await uploadList(staff, 'Vide', Buffer.alloc(0)))).toEqual({
      status: 400,
      code: 'empty_file',
    });
    const { body, headers } = listUpload({ name: 'Sans fichier' }, small, 'x.csv');
    const withoutFile = Buffer.from(
      body.toString('latin1').replace('name="file"', 'name="document"'),
      'latin1',
    );
    expect(
      problemOf(await staff.request('POST', '/api/calling/lists', withoutFile, headers)),
    ).toEqual({ status: 400, code: 'file_required' });
    expect((await staff.post('/api/calling/lists', { name: 'JSON' })).statusCode).toBe(415);
    expect(await campaignLeftovers()).toEqual(before);
  });

  it('lists the lists newest first, and audits each import started', async () => {
    const { items } = expectStatus<{ items: CallList[] }>(
      await staff.get('/api/calling/lists'),
      200,
    );
    const ids = items.map((list) => list.id);
    expect(ids).toEqual([...ids].sort((a, b) => b - a));
    expect(items.map((list) => list.status).sort()).toEqual([
      ...Array<string>(5).fill('failed'),
      ...Array<string>(5).fill('succeeded'),
    ]);
    expect(expectStatus<CallList>(await staff.get(`/api/calling/lists/${ids[0]}`), 200)).toEqual(
      items[0],
    );
    const audits = await dbRows<{ target: string; details: Record<string, unknown> }>(
      t,
      `SELECT target, details FROM audit_log WHERE campaign_id = $1 AND action = 'calling.list.import' ORDER BY id`,
      [t.ctx.campaignId],
    );
    expect(audits.map((a) => a.target).sort()).toEqual(ids.map((id) => `call_list:${id}`).sort());
    expect(audits[0].details).toEqual({
      name: 'Adhérents 2024',
      fileName: 'adherents.csv',
      size: expect.any(Number),
    });
    expect(problemOf(await staff.get('/api/calling/lists/999999'))).toEqual({
      status: 404,
      code: 'not_found',
    });
  });

  it('refuses to delete a list a broadcast still calls, then deletes it and its numbers', async () => {
    const list = await importList(
      t,
      staff,
      'À supprimer',
      listFile([
        'phone;consent_at;source',
        '0612345678;2024-03-12;web',
        '0781234567;2024-03-12;web',
      ]),
    );
    expect(list.status).toBe('succeeded');
    const [broadcast] = await dbRows<{ id: string }>(
      t,
      `INSERT INTO call_broadcasts (campaign_id, name, status, audience_kind, list_id, windows,
              max_concurrent, calls_per_second, ramp_seconds, max_attempts, retry_minutes,
              ring_seconds, answer_rate_floor_percent)
       VALUES ($1, 'Rappel', 'draft', 'list', $2,
               '{"weekdays":[1,2,3,4,5],"windows":[["10:00","13:00"]],"closedOnPublicHolidays":true}',
               10, 1, 0, 1, 60, 25, 5)
       RETURNING id`,
      [t.ctx.campaignId, list.id],
    );
    const setBroadcast = (status: string) =>
      dbRows(t, `UPDATE call_broadcasts SET status = $3 WHERE campaign_id = $1 AND id = $2`, [
        t.ctx.campaignId,
        broadcast.id,
        status,
      ]);
    for (const status of ['draft', 'awaiting_approval', 'running', 'paused']) {
      await setBroadcast(status);
      expect(problemOf(await staff.delete(`/api/calling/lists/${list.id}`)), status).toEqual({
        status: 409,
        code: 'list_in_use',
      });
    }
    expect(await leftOf(t, list.id)).toEqual({ numbers: 2, chunks: 0 });

    // Its import under way: refused as well.
    await dbRows(t, `UPDATE call_lists SET status = 'running' WHERE campaign_id = $1 AND id = $2`, [
      t.ctx.campaignId,
      list.id,
    ]);
    await setBroadcast('canceled');
    expect(problemOf(await staff.delete(`/api/calling/lists/${list.id}`))).toEqual({
      status: 409,
      code: 'list_importing',
    });
    await dbRows(
      t,
      `UPDATE call_lists SET status = 'succeeded' WHERE campaign_id = $1 AND id = $2`,
      [t.ctx.campaignId, list.id],
    );

    await setBroadcast('completed');
    expect(expectStatus(await staff.delete(`/api/calling/lists/${list.id}`), 200)).toEqual({
      ok: true,
    });
    expect(await leftOf(t, list.id)).toEqual({ numbers: 0, chunks: 0 });
    expect(problemOf(await staff.get(`/api/calling/lists/${list.id}`))).toEqual({
      status: 404,
      code: 'not_found',
    });
    expect(problemOf(await staff.delete(`/api/calling/lists/${list.id}`))).toEqual({
      status: 404,
      code: 'not_found',
    });
    const [audit] = await dbRows<{ target: string; details: Record<string, unknown> }>(
      t,
      `SELECT target, details FROM audit_log WHERE campaign_id = $1 AND action = 'calling.list.delete'`,
      [t.ctx.campaignId],
    );
    expect(audit).toEqual({
      target: `call_list:${list.id}`,
      details: { name: 'À supprimer', numberCount: 2 },
    });
  });

  it("answers 404 for another campaign's lists, and lists none of them there", async () => {
    const other = await createCampaignApp(t, 'Autre campagne');
    try {
      const otherStaff = await staffBrowser(other, 'hq@other-calling.example', ['staff']);
      const { items } = expectStatus<{ items: CallList[] }>(
        await staff.get('/api/calling/lists'),
        200,
      );
      const mine = items.find((list) => list.status === 'succeeded')!;
      const before = await leftOf(t, mine.id);
      expect(problemOf(await otherStaff.get(`/api/calling/lists/${mine.id}`))).toEqual({
        status: 404,
        code: 'not_found',
      });
      expect(problemOf(await otherStaff.delete(`/api/calling/lists/${mine.id}`))).toEqual({
        status: 404,
        code: 'not_found',
      });
      expect((await otherStaff.get('/api/calling/lists')).json()).toEqual({ items: [] });
      expect(await leftOf(t, mine.id)).toEqual(before);
      expect(expectStatus<CallList>(await staff.get(`/api/calling/lists/${mine.id}`), 200)).toEqual(
        mine,
      );
    } finally {
      await other.close();
    }
  });

  it('refuses a supporter and staff without calling.manage (403)', async () => {
    const { browser: supporter } = await supporterBrowser(t, 'supporter@calling.example');
    const finance = await staffBrowser(t, 'finance@calling.example', ['finance']);
    const { items } = expectStatus<{ items: CallList[] }>(
      await staff.get('/api/calling/lists'),
      200,
    );
    const file = listFile(['phone;consent_at;source', '0612345678;2024-03-12;web']);
    const before = await campaignLeftovers();
    for (const browser of [supporter, finance]) {
      expect(problemOf(await browser.get('/api/calling/lists')).status).toBe(403);
      expect(problemOf(await browser.get(`/api/calling/lists/${items[0].id}`)).status).toBe(403);
      expect(problemOf(await browser.delete(`/api/calling/lists/${items[0].id}`)).status).toBe(403);
      expect(problemOf(await uploadList(browser, 'Pirate', file)).status).toBe(403);
    }
    expect(await campaignLeftovers()).toEqual(before);
  });
});

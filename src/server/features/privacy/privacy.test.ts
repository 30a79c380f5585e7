import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  addMonths,
  requestDeadline,
  requestUrgency,
  type Breach,
  type PrivacyRequestEntry,
  type ProcessingRecord,
  type RequestList,
} from '../../../contracts/privacy.ts';
import { personalData } from '../personal-data.ts';
import type { PersonalData, ProcessingDetails } from '../../core/personal-data/registry.ts';
import {
  Browser,
  createTestApp,
  engines,
  signupAndConfirm,
  staffBrowser,
  type TestApp,
} from '../../testing/harness.ts';
import { breachUrgency } from './breaches.ts';
import { processingActivities, recordHtml } from './record.ts';

interface Problem {
  code: string;
  errors?: Array<{ field: string; code: string }>;
}

describe('the deadlines of the registers', () => {
  it('ends a month on the same day, or on the last day of a shorter month', () => {
    expect(addMonths('2026-01-15', 1)).toBe('2026-02-15');
    expect(addMonths('2026-01-31', 1)).toBe('2026-02-28');
    expect(addMonths('2028-01-31', 1)).toBe('2028-02-29');
    expect(addMonths('2026-03-31', 1)).toBe('2026-04-30');
    expect(addMonths('2026-12-31', 1)).toBe('2027-01-31');
    expect(addMonths('2026-11-30', 3)).toBe('2027-02-28');
  });

  it('gives a request one month, three once extended by two', () => {
    expect(requestDeadline('2026-05-31', false)).toBe('2026-06-30');
    expect(requestDeadline('2026-05-31', true)).toBe('2026-08-31');
    expect(requestDeadline('2026-10-31', true)).toBe('2027-01-31');
  });

  it('flags an open request overdue the day after its deadline, and due soon within 7 days', () => {
    expect(requestUrgency('2026-06-30', true, '2026-06-30')).toEqual({
      daysLeft: 0,
      overdue: false,
      dueSoon: true,
    });
    expect(requestUrgency('2026-06-30', true, '2026-07-01').overdue).toBe(true);
    expect(requestUrgency('2026-06-30', true, '2026-06-22').dueSoon).toBe(false);
    expect(requestUrgency('2026-06-30', false, '2026-09-01')).toMatchObject({
      overdue: false,
      dueSoon: false,
    });
  });

  it('counts 72 hours from awareness for a breach, settled by a notification or a reason', () => {
    const detected = new Date('2026-03-27T10:00:00Z');
    const open = { detected_at: detected, cnil_notified_at: null, no_notification_reason: null };
    // Across the change to summer time: 72 hours, not three calendar days at the same hour.
    expect(breachUrgency(open, new Date('2026-03-30T09:59:00Z'))).toMatchObject({
      notifyBy: '2026-03-30T10:00:00.000Z',
      overdue: false,
      hoursLeft: 0,
    });
    expect(breachUrgency(open, new Date('2026-03-30T10:01:00Z')).overdue).toBe(true);
    const late = { ...open, cnil_notified_at: new Date('2026-03-31T08:00:00Z') };
    expect(breachUrgency(late, new Date('2026-04-02T00:00:00Z'))).toMatchObject({
      overdue: false,
      notifiedLate: true,
      hoursLeft: null,
    });
    const noRisk = { ...open, no_notification_reason: 'Encrypted laptop, key not lost.' };
    expect(breachUrgency(noRisk, new Date('2026-05-01T00:00:00Z')).overdue).toBe(false);
  });
});

/** The texts each language of the record needs, with the shortest a real one can be. */
const textFields = { name: 3, purpose: 5, people: 5, data: 5, recipients: 5, retention: 5 };

/**
 * Features whose processing block is missing or incomplete in either language. Read without
 * trusting the types: a declaration built around them (a cast, a spread) is caught too.
 */
function incompleteProcessing(declarations: readonly PersonalData[]) {
  const filled = (texts: Record<string, unknown> | undefined, field: keyof typeof textFields) => {
    const text = texts?.[field];
    return typeof text === 'string' && text.trim().length >= textFields[field];
  };
  const fields = Object.keys(textFields) as Array<keyof typeof textFields>;
  return declarations
    .filter((d) => {
      const p = d.processing as (Record<string, unknown> & ProcessingDetails) | undefined;
      const fr = p?.fr as Record<string, unknown> | undefined;
      return !p || p.legalBasis.length === 0 || fields.some((f) => !filled(p, f) || !filled(fr, f));
    })
    .map((d) => d.feature);
}

describe('the record of processing activities (art. 30)', () => {
  it('has every registered feature declare its processing details, in English and French', () => {
    expect(incompleteProcessing(personalData())).toEqual([]);
    expect(processingActivities()).toHaveLength(personalData().length);
  });

  it('refuses a declaration without a name or one of its French texts', () => {
    const people = personalData().find((d) => d.feature === 'people')!;
    const p = people.processing!;
    const without = (change: object): PersonalData => ({
      ...people,
      feature: 'broken',
      processing: { ...p, ...change } as ProcessingDetails,
    });
    const { name: _name, ...unnamed } = p;
    const { retention: _retention, ...frWithoutRetention } = p.fr;
    const broken = [
      { ...people, feature: 'broken', processing: unnamed as ProcessingDetails },
      without({ name: ' ' }),
      without({ fr: undefined }),
      without({ fr: frWithoutRetention }),
      without({ fr: { ...p.fr, name: '' } }),
      without({ fr: { ...p.fr, purpose: '   ' } }),
    ];
    for (const declaration of broken)
      expect(incompleteProcessing([declaration])).toEqual(['broken']);
    expect(incompleteProcessing([people])).toEqual([]);
  });

  it('names each activity once per language, and translates every text', () => {
    const fr = processingActivities(personalData(), 'fr');
    const en = processingActivities(personalData(), 'en');
    for (const activities of [fr, en])
      expect(new Set(activities.map((a) => a.name)).size).toBe(activities.length);
    const fields = Object.keys(textFields) as Array<keyof typeof textFields>;
    const untranslated = fr.flatMap((a, i) =>
      fields.filter((f) => a[f] === en[i]![f]).map((f) => `${a.feature}.${f}`),
    );
    expect(untranslated).toEqual([]);
    const privacy = fr.find((a) => a.feature === 'privacy')!;
    expect(privacy.name).toBe('Demandes d’exercice des droits et violations de données');
    expect(privacy.purpose).toContain('délais légaux');
    expect(fr.find((a) => a.feature === 'donations')!.retention).toContain('L52-12');
    expect(en.find((a) => a.feature === 'privacy')!.name).toBe(
      'Data-protection requests and breaches',
    );
  });

  it('prints the French record with French headings, and escapes what it prints', () => {
    const activities = processingActivities(personalData(), 'fr');
    const html = recordHtml({
      language: 'fr',
      controller: '<script>alert(1)</script>',
      generatedAt: '2026-01-01T00:00:00.000Z',
      activities: [{ ...activities[0]!, name: '<b>Fichier</b> & "contacts"' }, ...activities],
    });
    expect(html).not.toContain('<script>');
    expect(html).toContain('&lt;script&gt;');
    expect(html).toContain('<h2>&lt;b&gt;Fichier&lt;/b&gt; &amp; &quot;contacts&quot;</h2>');
    expect(html).toContain('<html lang="fr">');
    expect(html).toContain('<h2>Demandes d’exercice des droits et violations de données</h2>');
    expect(html).toContain('<th>Durée de conservation</th>');
    expect(html).toContain('Obligation légale');
    expect(html).toContain('Tables (détail technique, en anglais)');
    expect(html).not.toContain('<h2>privacy</h2>');
    expect(html).not.toContain('(purpose)');
  });

  it('prints the English record with English headings', () => {
    const html = recordHtml({
      language: 'en',
      controller: 'Campaign',
      generatedAt: '2026-01-01T00:00:00.000Z',
      activities: processingActivities(personalData(), 'en'),
    });
    expect(html).toContain('<html lang="en">');
    expect(html).toContain('<h1>Record of processing activities (GDPR art. 30)</h1>');
    expect(html).toContain('<h2>Data-protection requests and breaches</h2>');
    expect(html).toContain('Legal obligation (art. 6(1)(c))');
    expect(html).not.toContain('Finalité');
  });
});

describe.each(engines)('privacy registers on %s', (engine) => {
  let t: TestApp;
  let admin: Browser;
  let staff: Browser;
  let finance: Browser;
  const count = async (table: string) =>
    (
      await t.ctx.database.query<{ n: number }>(
        `SELECT count(*)::int AS n FROM ${table} WHERE campaign_id = $1`,
        [t.ctx.campaignId],
      )
    )[0]!.n;
  const today = () => new Date().toISOString().slice(0, 10);

  beforeAll(async () => {
    t = await createTestApp(engine);
    admin = await staffBrowser(t, 'admin@privacy.example', ['admin']);
    staff = await staffBrowser(t, 'staff@privacy.example', ['staff']);
    finance = await staffBrowser(t, 'finance@privacy.example', ['finance']);
  });
  afterAll(async () => {
    await t?.close();
  });

  it('records a request with its deadline, extends it, refuses it with a reason (audited)', async () => {
    const created = await admin.post('/api/privacy/requests', {
      kind: 'rectification',
      receivedOn: '2026-01-31',
      channel: 'post',
      reference: 'LR-2026-001',
      note: '<img src=x onerror=alert(1)> asks to correct a postal code',
    });
    expect(created.statusCode, created.body).toBe(200);
    const request = created.json() as PrivacyRequestEntry;
    expect(request).toMatchObject({
      kind: 'rectification',
      deadline: '2026-02-28',
      status: 'open',
      overdue: true,
      person: null,
    });
    // Free text comes back as text: the page prints it, never as HTML.
    expect(request.note).toBe('<img src=x onerror=alert(1)> asks to correct a postal code');

    const extended = await admin.post(`/api/privacy/requests/${request.id}/extend`, {
      reason: 'Several files to check',
    });
    expect(extended.statusCode, extended.body).toBe(200);
    expect((extended.json() as PrivacyRequestEntry).deadline).toBe('2026-04-30');
    const again = await admin.post(`/api/privacy/requests/${request.id}/extend`, {
      reason: 'More',
    });
    expect([again.statusCode, (again.json() as Problem).code]).toEqual([409, 'already_extended']);

    const noReason = await admin.post(`/api/privacy/requests/${request.id}/close`, {
      status: 'refused',
      reason: ' ',
    });
    expect(noReason.statusCode).toBe(400);
    expect(noReason.headers['content-type']).toContain('application/problem+json');
    const refused = await admin.post(`/api/privacy/requests/${request.id}/close`, {
      status: 'refused',
      reason: 'Manifestly unfounded (art. 12(5))',
    });
    expect(refused.statusCode, refused.body).toBe(200);
    expect(refused.json()).toMatchObject({ status: 'refused', overdue: false });
    const closedAgain = await admin.post(`/api/privacy/requests/${request.id}/close`, {
      status: 'done',
    });
    expect([closedAgain.statusCode, (closedAgain.json() as Problem).code]).toEqual([
      409,
      'request_closed',
    ]);

    const logged = await t.ctx.database.query<{ action: string; details: object }>(
      'SELECT action, details FROM audit_log WHERE campaign_id = $1 AND target = $2 ORDER BY id',
      [t.ctx.campaignId, `privacy_request:${request.id}`],
    );
    expect(logged.map((l) => l.action)).toEqual([
      'privacy.request.create',
      'privacy.request.extend',
      'privacy.request.refuse',
    ]);
    expect(JSON.stringify(logged)).not.toContain('postal code');
  });

  it('refuses bad input with problem+json and records nothing', async () => {
    const before = await count('privacy_requests');
    for (const body of [
      { kind: 'gossip', receivedOn: today(), channel: 'post', reference: 'A' },
      { kind: 'access', receivedOn: '2026-02-30', channel: 'post', reference: 'A' },
      { kind: 'access', receivedOn: today(), channel: 'pigeon', reference: 'A' },
      { kind: 'access', receivedOn: today(), channel: 'post', reference: '' },
      { kind: 'access', receivedOn: today(), channel: 'post', reference: 'A', personId: 999999 },
    ]) {
      const response = await admin.post('/api/privacy/requests', body);
      expect(response.statusCode, JSON.stringify(body)).toBe(400);
      expect(response.headers['content-type']).toContain('application/problem+json');
    }
    const breach = await admin.post('/api/privacy/breaches', {
      detectedAt: 'yesterday',
      description: 'x',
    });
    expect(breach.statusCode).toBe(400);
    expect(await count('privacy_requests')).toBe(before);
    expect(await count('privacy_breaches')).toBe(0);
  });

  it('refuses staff and finance without privacy.manage, and unknown ids', async () => {
    expect((await staff.get('/api/privacy/requests')).statusCode).toBe(403);
    expect((await finance.get('/api/privacy/breaches')).statusCode).toBe(403);
    expect((await staff.get('/api/privacy/record.html')).statusCode).toBe(403);
    expect((await staff.get('/api/admin/audit.csv')).statusCode).toBe(403);
    expect((await admin.get('/api/privacy/requests/999999')).statusCode).toBe(404);
    expect((await admin.get('/api/privacy/breaches/999999')).statusCode).toBe(404);
  });

  it('carries out an access request from the register, then an erasure that leaves a bare entry', async () => {
    const personId = await signupAndConfirm(t, { email: 'asks@privacy.example' });
    const access = (
      await admin.post('/api/privacy/requests', {
        kind: 'access',
        receivedOn: today(),
        channel: 'email',
        reference: 'MAIL-42',
        personId,
      })
    ).json() as PrivacyRequestEntry;
    expect(access).toMatchObject({ overdue: false, dueSoon: false, person: { id: personId } });
    expect(access.daysLeft).toBeGreaterThanOrEqual(27);

    const file = await admin.post(`/api/privacy/requests/${access.id}/access-file`);
    expect(file.statusCode, file.body).toBe(200);
    expect(file.headers['content-disposition']).toContain('attachment');
    expect(file.body).toContain('asks@privacy.example');
    const done = (await admin.get(`/api/privacy/requests/${access.id}`)).json();
    expect(done).toMatchObject({ status: 'done', action: 'access_file' });

    const erasure = (
      await admin.post('/api/privacy/requests', {
        kind: 'erasure',
        receivedOn: today(),
        channel: 'post',
        reference: 'LR-77',
        personId,
        note: 'Wants everything gone',
      })
    ).json() as PrivacyRequestEntry;
    const wrong = await admin.post(`/api/privacy/requests/${erasure.id}/access-file`);
    expect([wrong.statusCode, (wrong.json() as Problem).code]).toEqual([409, 'wrong_kind']);
    const unconfirmed = await admin.post(`/api/privacy/requests/${erasure.id}/erase`, {
      confirm: 'yes',
    });
    expect(unconfirmed.statusCode).toBe(400);
    const erased = await admin.post(`/api/privacy/requests/${erasure.id}/erase`, {
      confirm: 'ERASE',
    });
    expect(erased.statusCode, erased.body).toBe(200);
    expect(erased.json()).toMatchObject({
      status: 'done',
      action: 'erasure',
      person: null,
      subjectErased: true,
      note: null,
      reference: 'LR-77',
    });
    // Both entries survive the erasure, with no link to the person.
    const rows = await t.ctx.database.query<{ person_id: number | null; note: string | null }>(
      'SELECT person_id, note FROM privacy_requests WHERE campaign_id = $1 AND id = ANY($2)',
      [t.ctx.campaignId, [access.id, erasure.id]],
    );
    expect(rows).toEqual([
      { person_id: null, note: null },
      { person_id: null, note: null },
    ]);
    const list = (await admin.get('/api/privacy/requests?status=done')).json() as RequestList;
    expect(list.items.map((r) => r.id)).toEqual(expect.arrayContaining([access.id, erasure.id]));
  });

  it('filters the list, and flags overdue requests whatever the filter', async () => {
    const overdue = (await admin.get('/api/privacy/requests?overdue=true')).json() as RequestList;
    expect(overdue.items.every((r) => r.overdue)).toBe(true);
    const refused = (await admin.get('/api/privacy/requests?status=refused')).json() as RequestList;
    expect(refused.items.map((r) => r.kind)).toEqual(['rectification']);
    const erasures = (await admin.get('/api/privacy/requests?kind=erasure')).json() as RequestList;
    expect(erasures.items.every((r) => r.kind === 'erasure')).toBe(true);
    expect((await admin.get('/api/privacy/requests?status=maybe')).statusCode).toBe(400);
  });

  it('records a breach with its 72-hour deadline, then its notification (audited)', async () => {
    const detectedAt = new Date(Date.now() - 80 * 3_600_000).toISOString();
    const body = {
      detectedAt,
      description: 'A volunteer’s laptop with an export was stolen <script>alert(1)</script>',
      dataCategories: 'Names, emails, postal codes',
      peopleCount: 1200,
      recordsCount: 1200,
      consequences: 'Unwanted contact',
      measures: 'Sessions revoked, volunteer account closed',
    };
    const created = await admin.post('/api/privacy/breaches', body);
    expect(created.statusCode, created.body).toBe(200);
    const breach = created.json() as Breach;
    expect(breach).toMatchObject({ overdue: true, notifiedLate: false, peopleCount: 1200 });
    expect(Date.parse(breach.notifyBy) - Date.parse(detectedAt)).toBe(72 * 3_600_000);
    expect(breach.description).toContain('<script>');

    const notified = await admin.put(`/api/privacy/breaches/${breach.id}`, {
      ...body,
      cnilNotifiedAt: new Date().toISOString(),
      peopleInformedAt: new Date().toISOString(),
    });
    expect(notified.statusCode, notified.body).toBe(200);
    expect(notified.json()).toMatchObject({ overdue: false, notifiedLate: true, hoursLeft: null });
    expect((await admin.get('/api/privacy/breaches')).json()).toHaveLength(1);

    const logged = await t.ctx.database.query<{ action: string; details: object }>(
      'SELECT action, details FROM audit_log WHERE campaign_id = $1 AND target = $2 ORDER BY id',
      [t.ctx.campaignId, `privacy_breach:${breach.id}`],
    );
    expect(logged.map((l) => l.action)).toEqual(['privacy.breach.create', 'privacy.breach.update']);
    expect(JSON.stringify(logged)).not.toContain('laptop');
  });

  it('serves the record of processing activities, as data and as a document', async () => {
    const record = (await admin.get('/api/privacy/record')).json() as ProcessingRecord;
    expect(record.language).toBe('fr');
    const privacy = record.activities.find((a) => a.feature === 'privacy');
    expect(privacy?.name).toBe('Demandes d’exercice des droits et violations de données');
    expect(privacy?.legalBasis).toEqual(['legal_obligation']);
    const english = (await admin.get('/api/privacy/record?lang=en')).json() as ProcessingRecord;
    expect(english.language).toBe('en');
    expect(english.activities.find((a) => a.feature === 'privacy')?.name).toBe(
      'Data-protection requests and breaches',
    );
    expect((await admin.get('/api/privacy/record?lang=de')).statusCode).toBe(400);

    const document = await admin.get('/api/privacy/record.html');
    expect(document.statusCode).toBe(200);
    expect(document.headers['content-type']).toContain('text/html');
    expect(document.headers['content-disposition']).toContain('attachment');
    expect(document.body).toContain('Registre des activités de traitement');
    expect(document.body).toContain('Demandes d’exercice des droits et violations de données');
    const englishDocument = await admin.get('/api/privacy/record.html?lang=en');
    expect(englishDocument.statusCode).toBe(200);
    expect(englishDocument.body).toContain(
      '<h1>Record of processing activities (GDPR art. 30)</h1>',
    );
    expect(englishDocument.body).toContain('Data-protection requests and breaches');
  });

  it('exports the filtered audit log as CSV, and audits the export', async () => {
    const all = await admin.get('/api/admin/audit.csv');
    expect(all.statusCode, all.body).toBe(200);
    expect(all.headers['content-type']).toContain('text/csv');
    expect(all.body).toContain('privacy.breach.create');
    const filtered = await admin.get(
      `/api/admin/audit.csv?action=privacy.request.&from=${today()}&to=${today()}`,
    );
    const lines = filtered.body.trim().split('\r\n');
    expect(lines[0]).toContain('action');
    expect(lines.length).toBeGreaterThan(1);
    expect(lines.slice(1).every((l) => l.includes(',privacy.request.'))).toBe(true);
    expect((await admin.get('/api/admin/audit.csv?action=DROP%20TABLE')).statusCode).toBe(400);
    const exports = await t.ctx.database.query<{ details: { action?: string } }>(
      `SELECT details FROM audit_log WHERE campaign_id = $1 AND action = 'audit.export' ORDER BY id`,
      [t.ctx.campaignId],
    );
    expect(exports.map((e) => e.details.action ?? null)).toEqual([null, 'privacy.request.']);
  });
});

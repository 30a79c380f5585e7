import { readFileSync } from 'node:fs';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import type { ImportReport } from '../../../contracts/people.ts';
import { migrationsFolder } from '../../core/db/index.ts';
import {
  Browser,
  createTestApp,
  engines,
  signupAndConfirm,
  staffBrowser,
  type TestApp,
} from '../../testing/harness.ts';
import { upload } from '../../testing/multipart.ts';
import { recordDecisions } from './consents.ts';
import { contactSubjects } from './contact-subjects.ts';
import { updateMyConsents } from './me.ts';
import { erasePerson } from './service.ts';

/** The hand-written block of the migration that made consent records. */
const backfill = readFileSync(`${migrationsFolder}/0029_person_consents.sql`, 'utf8')
  .split('-- consent backfill: begin')[1]
  .split('--> statement-breakpoint')
  .map((statement) => statement.trim())
  .filter(Boolean);

const slot = { weekdays: [1, 2, 3, 4, 5], from: '10:00', to: '19:00' };

describe.each(engines)('consent records on %s', (engine) => {
  let t: TestApp;
  let staff: Browser;
  const inCampaign = <T = Record<string, unknown>>(text: string, params: unknown[] = []) =>
    t.ctx.database.query<T>(text, [t.ctx.campaignId, ...params]);
  const records = async (personId: number) =>
    Object.fromEntries(
      (
        await inCampaign<{
          channel: string;
          status: string;
          source: string;
          wording_version: string;
        }>(
          `SELECT channel, status, source, wording_version FROM person_consents
            WHERE campaign_id = $1 AND person_id = $2`,
          [personId],
        )
      ).map((r) => [r.channel, r]),
    );
  const cache = async (personId: number) =>
    (
      await inCampaign<{ consent_email: boolean; consent_sms: boolean; consent_phone: boolean }>(
        'SELECT consent_email, consent_sms, consent_phone FROM people WHERE campaign_id = $1 AND id = $2',
        [personId],
      )
    )[0];
  /** People whose cache says otherwise than their records. */
  const disagreeing = async () =>
    (
      await inCampaign<{ id: number }>(
        `SELECT p.id FROM people p
          WHERE p.campaign_id = $1 AND (p.consent_email, p.consent_sms, p.consent_phone) IS DISTINCT FROM (
            ${['email', 'sms', 'volunteer_call']
              .map(
                (
                  channel,
                ) => `EXISTS (SELECT 1 FROM person_consents c WHERE c.campaign_id = p.campaign_id
                   AND c.person_id = p.id AND c.channel = '${channel}' AND c.status = 'granted')`,
              )
              .join(', ')})`,
      )
    ).map((r) => Number(r.id));
  const today = () =>
    new Intl.DateTimeFormat('en-CA', { timeZone: 'Europe/Paris', dateStyle: 'short' }).format(
      new Date(),
    );

  beforeAll(async () => {
    t = await createTestApp(engine);
    staff = await staffBrowser(t, 'staff@consents.example', ['admin']);
  });
  afterAll(async () => {
    await t.close();
  });
  afterEach(async () => {
    expect(await disagreeing()).toEqual([]);
  });

  it('records the consents of a confirmed sign-up, with its source and wording', async () => {
    const id = await signupAndConfirm(t, {
      email: 'signup@consents.example',
      phone: '0611223344',
      consents: { email: true, sms: true, phone: false },
    });
    expect(await records(id)).toEqual({
      email: expect.objectContaining({ status: 'granted', source: 'signup' }),
      sms: expect.objectContaining({ status: 'granted', source: 'signup' }),
    });
    expect((await records(id)).email.wording_version).toMatch(/^fr-/);
    expect(await cache(id)).toEqual({
      consent_email: true,
      consent_sms: true,
      consent_phone: false,
    });
  });

  it('records what a supporter changes in their space, and what staff record', async () => {
    const id = await signupAndConfirm(t, { email: 'space@consents.example' });
    await updateMyConsents(t.ctx, id, { email: false, sms: false, phone: true }, 'fr');
    expect(await records(id)).toEqual({
      email: expect.objectContaining({ status: 'withdrawn', source: 'supporter_space' }),
      volunteer_call: expect.objectContaining({ status: 'granted', source: 'supporter_space' }),
    });
    expect(await cache(id)).toEqual({
      consent_email: false,
      consent_sms: false,
      consent_phone: true,
    });

    const recorded = await staff.post(`/api/people/${id}/consents`, {
      channel: 'phone',
      granted: false,
      source: 'letter',
      receivedOn: today(),
      note: 'Letter of 3 December, filed.',
    });
    expect(recorded.statusCode, recorded.body).toBe(200);
    expect((await records(id)).volunteer_call).toMatchObject({
      status: 'withdrawn',
      source: 'staff_letter',
    });
    expect((await cache(id)).consent_phone).toBe(false);
    // The history keeps the API's name for the channel.
    const history = (await staff.get(`/api/people/${id}/consents`)).json() as Array<{
      channel: string;
    }>;
    expect(history[0].channel).toBe('phone');
  });

  it('records automated calls only with the agreed slot, which the gate reads', async () => {
    const id = await signupAndConfirm(t, { email: 'robot@consents.example' });
    const granted = {
      channel: 'automated_call' as const,
      granted: true,
      source: 'staff_paper',
      wordingVersion: 'paper-1',
    };
    await expect(
      t.ctx.database.transaction((query) =>
        recordDecisions(query, t.ctx.campaignId, id, [granted]),
      ),
    ).rejects.toMatchObject({
      status: 400,
      errors: [expect.objectContaining({ code: 'slot_required' })],
    });
    expect(await records(id)).not.toHaveProperty('automated_call');
    await t.ctx.database.transaction((query) =>
      recordDecisions(query, t.ctx.campaignId, id, [{ ...granted, slot }]),
    );
    const subject = (await contactSubjects(t.ctx.database, t.ctx.campaignId, [id])).get(id);
    expect(subject?.consents).toEqual({
      email: { status: 'granted' },
      automated_call: { status: 'granted', slot },
    });
    // Staff record it with the slot the person agreed to; without it, nothing changes.
    const byStaff = {
      channel: 'automated_call',
      granted: true,
      source: 'in_person',
      receivedOn: today(),
      note: 'Form signed at the market, filed.',
      wordingVersion: 'paper-2',
    };
    const missing = await staff.post(`/api/people/${id}/consents`, byStaff);
    expect(missing.statusCode).toBe(400);
    expect(missing.json()).toMatchObject({ errors: [{ field: 'slot' }] });
    const badSlot = await staff.post(`/api/people/${id}/consents`, {
      ...byStaff,
      slot: { weekdays: [6], from: '18:00', to: '09:00' },
    });
    expect(badSlot.statusCode).toBe(400);
    expect((await records(id)).automated_call).toMatchObject({ source: 'staff_paper' });
    const evenings = { weekdays: [6, 7], from: '17:00', to: '19:30' };
    const recorded = await staff.post(`/api/people/${id}/consents`, { ...byStaff, slot: evenings });
    expect(recorded.statusCode, recorded.body).toBe(200);
    expect((await records(id)).automated_call).toMatchObject({
      status: 'granted',
      source: 'staff_in_person',
      wording_version: 'paper-2',
    });
    expect(
      (await contactSubjects(t.ctx.database, t.ctx.campaignId, [id])).get(id)?.consents
        .automated_call,
    ).toEqual({ status: 'granted', slot: evenings });
    // Not in the cache: the three columns stay what they were.
    expect(await cache(id)).toEqual({
      consent_email: true,
      consent_sms: false,
      consent_phone: false,
    });
    // The history gives the slot back, for staff to read.
    const history = (await staff.get(`/api/people/${id}/consents`)).json() as Array<{
      channel: string;
      slot: unknown;
    }>;
    expect(history[0]).toMatchObject({ channel: 'automated_call', slot: evenings });
  });

  it('leaves no record of an erased person', async () => {
    const id = await signupAndConfirm(t, { email: 'erase@consents.example' });
    await erasePerson(t.ctx, id, null);
    expect(await records(id)).toEqual({});
    expect(await cache(id)).toEqual({
      consent_email: false,
      consent_sms: false,
      consent_phone: false,
    });
  });

  it('gives a merged person the latest decision per channel of both histories', async () => {
    const kept = await signupAndConfirm(t, {
      email: 'merge-kept@consents.example',
      firstName: 'Dominique',
      lastName: 'Merge',
    });
    const merged = await signupAndConfirm(t, {
      email: 'merge-other@consents.example',
      firstName: 'Dominique',
      lastName: 'Merge',
      consents: { email: true, sms: false, phone: true },
    });
    // The merged person withdrew email last: that is the decision kept.
    await updateMyConsents(t.ctx, merged, { email: false, sms: false, phone: true }, 'fr');
    const preview = (await staff.get(`/api/people/duplicates/${kept}/${merged}`)).json() as {
      first: { id: number; version: string };
      second: { id: number; version: string };
    };
    const version = (id: number) =>
      preview.first.id === id ? preview.first.version : preview.second.version;
    const response = await staff.post('/api/people/merge', {
      keptId: kept,
      mergedId: merged,
      versions: { kept: version(kept), merged: version(merged) },
    });
    expect(response.statusCode, response.body).toBe(200);
    expect(await records(kept)).toEqual({
      email: expect.objectContaining({ status: 'withdrawn', source: 'supporter_space' }),
      volunteer_call: expect.objectContaining({ status: 'granted', source: 'signup' }),
    });
    expect(await records(merged)).toEqual({});
    expect(await cache(kept)).toEqual({
      consent_email: false,
      consent_sms: false,
      consent_phone: true,
    });
  });

  it('records what an import grants, and an undone import takes it back', async () => {
    const known = await signupAndConfirm(t, { email: 'known@consents.example' });
    const importFile = async (csv: string) => {
      const response = await upload(staff, '/api/people/imports', csv, { mapping: {} });
      expect(response.statusCode, response.body).toBe(202);
      const id = (response.json() as ImportReport).id!;
      for (;;) {
        const report = (await staff.get(`/api/people/imports/${id}`)).json() as ImportReport;
        if (!['queued', 'running', 'undoing'].includes(report.status)) return report;
        await new Promise((resolve) => setTimeout(resolve, 100));
      }
    };
    const applied = await importFile(
      'email,consent phone\nknown@consents.example,oui\nfresh@consents.example,oui\n',
    );
    expect(applied.status).toBe('applied');
    const [fresh] = await inCampaign<{ id: number }>(
      "SELECT id FROM people WHERE campaign_id = $1 AND email_normalized = 'fresh@consents.example'",
    );
    for (const id of [known, Number(fresh.id)])
      expect((await records(id)).volunteer_call).toMatchObject({
        status: 'granted',
        source: 'import',
      });
    expect((await records(known)).email).toMatchObject({ status: 'granted', source: 'signup' });

    // A failure after the first slice: what the import applied is undone.
    const undone = await signupAndConfirm(t, { email: 'undone@consents.example' });
    await t.ctx.database.exec(`
      CREATE FUNCTION consent_boom() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN IF NEW.email_normalized = 'boom@consents.example' THEN RAISE EXCEPTION 'boom'; END IF; RETURN NEW; END $$;
      CREATE TRIGGER consent_boom BEFORE INSERT ON people FOR EACH ROW EXECUTE FUNCTION consent_boom();`);
    try {
      const lines = ['email,consent sms,consent phone', 'undone@consents.example,non,oui'];
      for (let i = 1; i <= 5_100; i++) lines.push(`undo${i}@consents.example,non,oui`);
      lines.push('boom@consents.example,non,oui');
      const failed = await importFile(lines.join('\n'));
      expect(failed.status).toBe('failed');
    } finally {
      await t.ctx.database.exec(
        'DROP TRIGGER consent_boom ON people; DROP FUNCTION consent_boom();',
      );
    }
    expect(await records(undone)).toEqual({
      email: expect.objectContaining({ status: 'granted', source: 'signup' }),
    });
    expect(
      await inCampaign(
        `SELECT 1 FROM person_consents c WHERE c.campaign_id = $1
            AND NOT EXISTS (SELECT 1 FROM people p WHERE p.campaign_id = c.campaign_id AND p.id = c.person_id)`,
      ),
    ).toEqual([]);
  });

  it('migrates consents held only in the columns, and running the migration again changes nothing', async () => {
    const id = await signupAndConfirm(t, {
      email: 'legacy@consents.example',
      consents: { email: true, sms: false, phone: true },
    });
    // As before records: the columns, and a history that predates them or names 'phone'.
    await inCampaign('DELETE FROM person_consents WHERE campaign_id = $1 AND person_id = $2', [id]);
    await inCampaign(
      "DELETE FROM consent_events WHERE campaign_id = $1 AND person_id = $2 AND channel = 'email'",
      [id],
    );
    await inCampaign(
      "UPDATE consent_events SET channel = 'phone' WHERE campaign_id = $1 AND person_id = $2",
      [id],
    );
    await inCampaign('UPDATE people SET consent_sms = true WHERE campaign_id = $1 AND id = $2', [
      id,
    ]);
    const run = async () => {
      for (const statement of backfill) await t.ctx.database.exec(statement);
    };
    await run();
    expect(await records(id)).toEqual({
      email: expect.objectContaining({
        status: 'granted',
        source: 'migrated',
        wording_version: 'fr-2026-11',
      }),
      sms: expect.objectContaining({
        status: 'granted',
        source: 'migrated',
        wording_version: 'fr-2026-11',
      }),
      volunteer_call: expect.objectContaining({ status: 'granted', source: 'signup' }),
    });
    const snapshot = () =>
      Promise.all([
        t.ctx.database.query(
          'SELECT * FROM person_consents ORDER BY campaign_id, person_id, channel',
        ),
        t.ctx.database.query('SELECT * FROM consent_events ORDER BY campaign_id, id'),
      ]);
    const before = await snapshot();
    await run();
    expect(await snapshot()).toEqual(before);
  });
});

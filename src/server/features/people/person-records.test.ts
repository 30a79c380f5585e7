import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  Browser,
  createCampaignApp,
  createTestApp,
  engines,
  signupAndConfirm,
  signupBody,
  staffBrowser,
  type TestApp,
} from '../../testing/harness.ts';
import { purgeUnconfirmed } from '../recruitment/service.ts';
import { defaultHome, writeSetting } from '../settings/service.ts';

interface Problem {
  status: number;
  code: string;
  existingPersonId?: number;
  errors?: Array<{ field: string; code: string; message: string }>;
}
interface Detail {
  id: number;
  firstName: string | null;
  lastName: string | null;
  email: string | null;
  phone: string | null;
  addressStreet: string | null;
  addressComplement: string | null;
  postalCode: string | null;
  communeName: string | null;
  departementCode: string | null;
  source: string;
  consents: { email: boolean; sms: boolean; phone: boolean };
  timeline: Array<{ kind: string; data: Record<string, unknown>; actorName: string | null }>;
}
interface ConsentEntry {
  channel: string;
  granted: boolean;
  source: string;
  wordingVersion: string;
  note: string | null;
  actorName: string | null;
  at: string;
}

const fieldErrors = (body: Problem) =>
  (body.errors ?? []).map((e) => `${e.field}:${e.code}`).sort();

const newPerson = (overrides: Record<string, unknown> = {}) => ({
  firstName: 'Seán',
  lastName: "O'Brien",
  email: 'sean.obrien@records.example',
  phone: '06 44 55 66 77',
  addressStreet: '12 rue de la République',
  addressComplement: 'Bâtiment B, 3e étage',
  postalCode: '69001',
  locale: 'fr',
  ...overrides,
});

describe.each(engines)('people edited at HQ on %s', (engine) => {
  let t: TestApp;
  let other: TestApp;
  let staff: Browser;
  let staffId: number;
  let colleague: Browser;
  let admin: Browser;
  let finance: Browser;
  let supporter: Browser;
  let otherStaff: Browser;
  let n = 0;

  beforeAll(async () => {
    t = await createTestApp(engine);
    other = await createCampaignApp(t, 'Autre campagne');
    staff = await staffBrowser(t, 'staff@records.example', ['staff']);
    staffId = (await staff.session()).me!.personId;
    await staff.put(`/api/people/${staffId}`, {
      firstName: 'Inès',
      lastName: 'Permanence',
      email: 'staff@records.example',
    });
    colleague = await staffBrowser(t, 'colleague@records.example', ['staff']);
    admin = await staffBrowser(t, 'admin@records.example', ['admin']);
    finance = await staffBrowser(t, 'finance@records.example', ['finance']);
    await signupAndConfirm(t, { email: 'supporter@records.example' });
    supporter = new Browser(t.app, '10.7.0.1');
    await supporter.login(t, 'supporter@records.example');
    otherStaff = await staffBrowser(other, 'staff@other.example', ['admin']);
    await writeSetting(t.ctx.database, t.ctx.campaignId, 'home', {
      ...defaultHome,
      campaignName: 'Lyon en commun !',
    });
  });
  afterAll(async () => {
    await other?.close();
    await t?.close();
  });

  const inCampaign = <T = Record<string, unknown>>(text: string, params: unknown[] = []) =>
    t.ctx.database.query<T>(text, [t.ctx.campaignId, ...params]);
  const auditRows = (action: string) =>
    inCampaign<{ actor_id: number; target: string | null; details: Record<string, unknown> }>(
      'SELECT actor_id, target, details FROM audit_log WHERE campaign_id = $1 AND action = $2 ORDER BY id',
      [action],
    );
  const peopleCount = async () =>
    (
      await inCampaign<{ n: number }>(
        'SELECT count(*)::int AS n FROM people WHERE campaign_id = $1',
      )
    )[0].n;
  /** A person added by staff, with a fresh email. */
  const added = async (overrides: Record<string, unknown> = {}) => {
    const response = await staff.post(
      '/api/people',
      newPerson({ email: `person.${++n}@records.example`, ...overrides }),
    );
    expect(response.statusCode, response.body).toBe(201);
    return (response.json() as { id: number }).id;
  };
  const detail = async (id: number) => {
    const response = await staff.get(`/api/people/${id}`);
    expect(response.statusCode, response.body).toBe(200);
    return response.json() as Detail;
  };
  /** The field error the public sign-up answers for a landline with SMS ticked. */
  const signupLandlineError = async () => {
    const response = await new Browser(t.app, '10.7.0.9').post(
      '/api/signup',
      signupBody({
        email: `landline.${++n}@records.example`,
        phone: '01 23 45 67 89',
        consents: { email: true, sms: true, phone: false },
      }),
    );
    expect(response.statusCode).toBe(400);
    const [error] = (response.json() as Problem).errors!;
    expect(error).toMatchObject({ field: 'phone', code: 'landline_for_sms' });
    return error;
  };

  describe('adding a person by hand', () => {
    it('checks the fields like the sign-up form, writes the address, and is in the timeline and the audit log', async () => {
      const response = await staff.post('/api/people', newPerson());
      expect(response.statusCode, response.body).toBe(201);
      const { id } = response.json() as { id: number };
      const person = await detail(id);
      expect(person).toMatchObject({
        firstName: 'Seán',
        lastName: "O'Brien",
        email: 'sean.obrien@records.example',
        phone: '+33644556677',
        addressStreet: '12 rue de la République',
        addressComplement: 'Bâtiment B, 3e étage',
        postalCode: '69001',
        communeName: 'Lyon',
        departementCode: '69',
        source: 'manual',
        consents: { email: false, sms: false, phone: false },
      });
      expect(person.timeline[0]).toMatchObject({
        kind: 'created',
        data: { source: 'manual' },
        actorName: 'Inès Permanence',
      });
      const [entry] = await auditRows('person.create');
      expect(entry).toMatchObject({ actor_id: staffId, target: `person:${id}` });
      expect(JSON.stringify(entry.details)).not.toMatch(/brien|69001|rue/i);
      const found = await staff.get('/api/people?q=obrien');
      expect((found.json() as { items: Array<{ id: number }> }).items.map((i) => i.id)).toEqual([
        id,
      ]);
    });

    it('refuses an email already in the campaign with email_taken pointing to its person', async () => {
      const first = await added({ email: 'taken@records.example' });
      const before = await peopleCount();
      const response = await staff.post(
        '/api/people',
        newPerson({ email: ' TAKEN@records.example ' }),
      );
      expect(response.statusCode).toBe(409);
      const problem = response.json() as Problem;
      expect(problem).toMatchObject({ code: 'email_taken', existingPersonId: first });
      expect(fieldErrors(problem)).toEqual(['email:email_taken']);
      expect(await peopleCount()).toBe(before);
    });

    it('refuses bad input with field errors and creates nobody', async () => {
      const before = await peopleCount();
      const bad = await staff.post(
        '/api/people',
        newPerson({ email: 'not-an-email', phone: '12', postalCode: '99999' }),
      );
      expect(bad.statusCode).toBe(400);
      expect(fieldErrors(bad.json() as Problem)).toEqual([
        'email:invalid_email',
        'phone:invalid_phone',
        'postalCode:unknown_postal_code',
      ]);
      const severalCommunes = await staff.post(
        '/api/people',
        newPerson({ email: 'several@records.example', postalCode: '01400' }),
      );
      expect(severalCommunes.statusCode).toBe(400);
      expect(fieldErrors(severalCommunes.json() as Problem)).toEqual([
        'communeCode:commune_required',
      ]);
      const nobody = await staff.post('/api/people', { addressStreet: '1 rue X' });
      expect(nobody.statusCode).toBe(400);
      expect((nobody.json() as Problem).code).toBe('identity_required');
      const tooLong = await staff.post('/api/people', newPerson({ lastName: 'x'.repeat(101) }));
      expect(tooLong.statusCode).toBe(400);
      expect(fieldErrors(tooLong.json() as Problem)).toEqual(['lastName:too_long']);
      expect(await peopleCount()).toBe(before);
    });

    it('adds someone known only by a phone number', async () => {
      const id = await added({
        email: '',
        firstName: '',
        lastName: '',
        phone: '07 12 34 56 78',
        addressStreet: '',
        addressComplement: '',
        postalCode: '',
      });
      expect(await detail(id)).toMatchObject({
        email: null,
        phone: '+33712345678',
        postalCode: null,
      });
    });
  });

  describe('editing a person', () => {
    it('writes the changes, with before and after in the timeline and only field names in the audit log', async () => {
      const id = await added();
      const response = await staff.put(
        `/api/people/${id}`,
        newPerson({
          email: `person.${n}@records.example`,
          lastName: 'Martin',
          addressStreet: '3 place Bellecour',
          postalCode: '42000',
        }),
      );
      expect(response.statusCode, response.body).toBe(200);
      const person = response.json() as Detail;
      expect(person).toMatchObject({
        lastName: 'Martin',
        addressStreet: '3 place Bellecour',
        communeName: 'Saint-Étienne',
        departementCode: '42',
      });
      const update = person.timeline.find((e) => e.kind === 'profile_update')!;
      expect(update.actorName).toBe('Inès Permanence');
      expect(update.data).toEqual({
        by: 'staff',
        changed: ['lastName', 'addressStreet', 'postalCode', 'communeName'],
        before: {
          lastName: "O'Brien",
          addressStreet: '12 rue de la République',
          postalCode: '69001',
          communeName: 'Lyon',
        },
        after: {
          lastName: 'Martin',
          addressStreet: '3 place Bellecour',
          postalCode: '42000',
          communeName: 'Saint-Étienne',
        },
      });
      const entries = await auditRows('person.update');
      expect(entries.at(-1)).toEqual({
        actor_id: staffId,
        target: `person:${id}`,
        details: { changed: ['lastName', 'addressStreet', 'postalCode', 'communeName'] },
      });
    });

    it('writes nothing when nothing changed', async () => {
      const id = await added();
      const before = (await auditRows('person.update')).length;
      const response = await staff.put(
        `/api/people/${id}`,
        newPerson({ email: `person.${n}@records.example` }),
      );
      expect(response.statusCode).toBe(200);
      expect((await auditRows('person.update')).length).toBe(before);
      expect((response.json() as Detail).timeline.map((e) => e.kind)).toEqual(['created']);
    });

    it("refuses another person's email and bad input, changing nothing", async () => {
      const owner = await added();
      const id = await added();
      const taken = await staff.put(
        `/api/people/${id}`,
        newPerson({ email: `person.${n - 1}@records.example` }),
      );
      expect(taken.statusCode).toBe(409);
      expect(taken.json()).toMatchObject({ code: 'email_taken', existingPersonId: owner });
      const bad = await staff.put(`/api/people/${id}`, newPerson({ phone: 'abc' }));
      expect(bad.statusCode).toBe(400);
      expect((await detail(id)).email).toBe(`person.${n}@records.example`);
    });

    it('answers 404 for an unknown id, an erased person and another campaign’s person', async () => {
      expect((await staff.put('/api/people/999999999', newPerson())).statusCode).toBe(404);
      const theirs = await otherStaff.post('/api/people', newPerson({ email: 'x@other.example' }));
      expect(theirs.statusCode).toBe(201);
      const theirId = (theirs.json() as { id: number }).id;
      expect((await staff.put(`/api/people/${theirId}`, newPerson())).statusCode).toBe(404);
      expect((await staff.get(`/api/people/${theirId}/notes`)).statusCode).toBe(404);
      expect((await staff.post(`/api/people/${theirId}/notes`, { body: 'hello' })).statusCode).toBe(
        404,
      );
      const mine = await added();
      expect((await otherStaff.put(`/api/people/${mine}`, newPerson())).statusCode).toBe(404);
      expect(
        (
          await otherStaff.post(`/api/people/${mine}/erase`, {
            channel: 'post',
            reference: 'R1',
            confirm: 'ERASE',
          })
        ).statusCode,
      ).toBe(404);
    });

    it('refuses supporters and finance: 403, nothing written', async () => {
      const id = await added();
      for (const browser of [supporter, finance]) {
        expect(
          (await browser.post('/api/people', newPerson({ email: 'no@records.example' })))
            .statusCode,
        ).toBe(403);
        expect((await browser.put(`/api/people/${id}`, newPerson())).statusCode).toBe(403);
        expect(
          (
            await browser.post(`/api/people/${id}/consents`, {
              channel: 'email',
              granted: false,
              source: 'phone',
              receivedOn: '2026-01-05',
              note: 'x',
            })
          ).statusCode,
        ).toBe(403);
        expect((await browser.post(`/api/people/${id}/notes`, { body: 'x' })).statusCode).toBe(403);
        expect(
          (
            await browser.post(`/api/people/${id}/contacts`, {
              channel: 'phone',
              outcome: 'reached',
              contactedAt: new Date().toISOString(),
            })
          ).statusCode,
        ).toBe(403);
      }
      expect((await supporter.get(`/api/people/${id}/notes`)).statusCode).toBe(403);
      expect((await new Browser(t.app).get(`/api/people/${id}/consents`)).statusCode).toBe(401);
      // Finance reads people, so it reads notes and contacts too.
      expect((await finance.get(`/api/people/${id}/notes`)).statusCode).toBe(200);
      const [{ count }] = await inCampaign<{ count: number }>(
        `SELECT count(*)::int AS count FROM person_notes WHERE campaign_id = $1 AND person_id = $2`,
        [id],
      );
      expect(count).toBe(0);
    });

    it('refuses a landline for a person who accepts SMS, as the sign-up does, and changes nothing', async () => {
      const email = `sms.${++n}@records.example`;
      const id = await signupAndConfirm(t, {
        email,
        phone: '06 12 34 56 78',
        consents: { email: true, sms: true, phone: false },
      });
      const signupError = await signupLandlineError();
      const before = (await auditRows('person.update')).length;
      // Mainland and overseas landlines, and an 09 number (not reachable by SMS either).
      for (const landline of ['01 23 45 67 89', '0262 12 34 56', '09 70 12 34 56']) {
        const response = await staff.put(
          `/api/people/${id}`,
          newPerson({ email, phone: landline }),
        );
        expect(response.statusCode, landline).toBe(400);
        expect(response.headers['content-type']).toMatch(/^application\/problem\+json/);
        const problem = response.json() as Problem;
        expect(problem.errors).toEqual([signupError]);
      }
      const person = await detail(id);
      expect(person.phone).toBe('+33612345678');
      expect(person.consents.sms).toBe(true);
      expect((await auditRows('person.update')).length).toBe(before);
      // A mobile, a number that may be either (Saint-Pierre-et-Miquelon) and one whose kind is
      // not known but valid (Belgium) are taken, as at sign-up; so is no phone at all.
      for (const [typed, stored] of [
        ['0692 12 34 56', '+262692123456'],
        ['0508 50 12 34', '+508501234'],
        ['+32 2 123 45 67', '+3221234567'],
        ['', null],
      ] as const) {
        const response = await staff.put(`/api/people/${id}`, newPerson({ email, phone: typed }));
        expect(response.statusCode, response.body).toBe(200);
        expect((response.json() as Detail).phone).toBe(stored);
      }
      // A landline already stored (the supporter's own profile only flags one) does not stop
      // staff from correcting the rest of the record.
      await inCampaign('UPDATE people SET phone = $3 WHERE campaign_id = $1 AND id = $2', [
        id,
        '+33123456789',
      ]);
      const address = await staff.put(
        `/api/people/${id}`,
        newPerson({ email, phone: '01 23 45 67 89', addressStreet: '3 place Bellecour' }),
      );
      expect(address.statusCode, address.body).toBe(200);
      expect((address.json() as Detail).addressStreet).toBe('3 place Bellecour');
    });

    it('takes a landline for a person who does not accept SMS, when adding and editing', async () => {
      const id = await added({ phone: '01 23 45 67 89' });
      expect((await detail(id)).phone).toBe('+33123456789');
      const response = await staff.put(
        `/api/people/${id}`,
        newPerson({ email: `person.${n}@records.example`, phone: '0262 12 34 56' }),
      );
      expect(response.statusCode, response.body).toBe(200);
      expect((response.json() as Detail).phone).toBe('+262262123456');
    });
  });

  describe('consents received by phone, letter, in person or email', () => {
    it('applies an opt-out by phone at once, with its evidence in the history and the timeline', async () => {
      const id = await signupAndConfirm(t, {
        email: `optout.${++n}@records.example`,
        consents: { email: true, sms: true, phone: false },
      });
      // Today where the campaign is (Paris): a day before it would date the opt-out at its noon,
      // before the sign-up, from 23:00 UTC on.
      const today = new Intl.DateTimeFormat('en-CA', { timeZone: 'Europe/Paris' }).format(
        new Date(),
      );
      const response = await staff.post(`/api/people/${id}/consents`, {
        channel: 'sms',
        granted: false,
        source: 'phone',
        receivedOn: today,
        note: 'Called the office: no more texts, please.',
      });
      expect(response.statusCode, response.body).toBe(200);
      const history = response.json() as ConsentEntry[];
      expect(history[0]).toMatchObject({
        channel: 'sms',
        granted: false,
        source: 'staff_phone',
        wordingVersion: 'withdrawal',
        note: 'Called the office: no more texts, please.',
        actorName: 'Inès Permanence',
      });
      const person = await detail(id);
      expect(person.consents).toEqual({ email: true, sms: false, phone: false });
      expect(person.timeline[0]).toMatchObject({
        kind: 'consent',
        actorName: 'Inès Permanence',
        data: { channel: 'sms', granted: false, source: 'staff_phone', receivedOn: today },
      });
      // The segment of people who accept SMS no longer has them.
      const smsList = await staff.get(`/api/people?consentSms=yes&q=optout.${n}`);
      expect((smsList.json() as { items: unknown[] }).items).toEqual([]);
      const [entry] = (await auditRows('person.consent_record')).slice(-1);
      expect(entry.details).toEqual({ channel: 'sms', granted: false, source: 'staff_phone' });
    });

    it('records a consent given on paper with the wording reference and the day received', async () => {
      const id = await added();
      const refused = await staff.post(`/api/people/${id}/consents`, {
        channel: 'email',
        granted: true,
        source: 'letter',
        receivedOn: '2026-11-20',
        note: 'Paper form, box 3',
      });
      expect(refused.statusCode).toBe(400);
      expect(fieldErrors(refused.json() as Problem)).toEqual(['wordingVersion:required']);
      const response = await staff.post(`/api/people/${id}/consents`, {
        channel: 'email',
        granted: true,
        source: 'letter',
        receivedOn: '2026-11-20',
        note: 'Paper form, box 3',
        wordingVersion: 'Tract-2026-11',
      });
      expect(response.statusCode, response.body).toBe(200);
      const [entry] = response.json() as ConsentEntry[];
      expect(entry).toMatchObject({
        source: 'staff_letter',
        granted: true,
        wordingVersion: 'Tract-2026-11',
        // Noon of the day received, Paris time (UTC+1 in November).
        at: '2026-11-20T11:00:00.000Z',
      });
      expect((await detail(id)).consents.email).toBe(true);
    });

    it('refuses a day to come, an unknown source and an empty note', async () => {
      const id = await added();
      const future = await staff.post(`/api/people/${id}/consents`, {
        channel: 'email',
        granted: false,
        source: 'email',
        receivedOn: '2099-01-01',
        note: 'x',
      });
      expect(future.statusCode).toBe(400);
      expect(fieldErrors(future.json() as Problem)).toEqual(['receivedOn:date_in_future']);
      const bad = await staff.post(`/api/people/${id}/consents`, {
        channel: 'fax',
        granted: false,
        source: 'pigeon',
        receivedOn: '2026-01-01',
        note: '',
      });
      expect(bad.statusCode).toBe(400);
      expect(fieldErrors(bad.json() as Problem).map((e) => e.split(':')[0])).toEqual([
        'channel',
        'note',
        'source',
      ]);
      expect((await detail(id)).consents).toEqual({ email: false, sms: false, phone: false });
      expect((await staff.get(`/api/people/${id}/consents`)).json()).toEqual([]);
    });

    it('refuses an SMS consent for a landline or no phone, as the sign-up does; an opt-out always goes through', async () => {
      const signupError = await signupLandlineError();
      const smsRecord = (granted: boolean) => ({
        channel: 'sms',
        granted,
        source: 'letter',
        receivedOn: '2026-11-20',
        note: 'Paper form, box 4',
        wordingVersion: granted ? 'Tract-2026-11' : '',
      });
      const before = (await auditRows('person.consent_record')).length;
      for (const landline of ['01 23 45 67 89', '0262 12 34 56']) {
        const id = await added({ phone: landline });
        const response = await staff.post(`/api/people/${id}/consents`, smsRecord(true));
        expect(response.statusCode, landline).toBe(400);
        expect(response.headers['content-type']).toMatch(/^application\/problem\+json/);
        expect((response.json() as Problem).errors).toEqual([signupError]);
        expect((await detail(id)).consents.sms).toBe(false);
        expect((await staff.get(`/api/people/${id}/consents`)).json()).toEqual([]);
        // Email and calls reach a landline's owner: those consents are recorded.
        for (const channel of ['email', 'phone']) {
          const other = await staff.post(`/api/people/${id}/consents`, {
            ...smsRecord(true),
            channel,
          });
          expect(other.statusCode, other.body).toBe(200);
        }
        const optOut = await staff.post(`/api/people/${id}/consents`, smsRecord(false));
        expect(optOut.statusCode, optOut.body).toBe(200);
      }
      const noPhone = await added({ phone: '' });
      const refused = await staff.post(`/api/people/${noPhone}/consents`, smsRecord(true));
      expect(refused.statusCode).toBe(400);
      expect((refused.json() as Problem).errors).toEqual([
        {
          field: 'phone',
          code: 'phone_required_for_sms',
          message: expect.stringMatching(/mobile number/) as unknown,
        },
      ]);
      expect((await detail(noPhone)).consents.sms).toBe(false);
      const optOut = await staff.post(`/api/people/${noPhone}/consents`, smsRecord(false));
      expect(optOut.statusCode, optOut.body).toBe(200);
      // Only the opt-outs and the other channels were recorded (2 landlines × 3 + 1).
      expect((await auditRows('person.consent_record')).length).toBe(before + 7);

      // A mobile, a number that may be either, one of a kind not known: taken, as at sign-up.
      for (const phone of ['0692 12 34 56', '0508 50 12 34', '+32 2 123 45 67']) {
        const id = await added({ phone });
        const response = await staff.post(`/api/people/${id}/consents`, smsRecord(true));
        expect(response.statusCode, `${phone}: ${response.body}`).toBe(200);
        expect((await detail(id)).consents.sms).toBe(true);
      }
    });
  });

  describe('notes', () => {
    it('are added, paged newest first, edited and deleted by their author or notes.manage, and audited without their text', async () => {
      const id = await added();
      for (let i = 1; i <= 12; i++) {
        const response = await staff.post(`/api/people/${id}/notes`, { body: `Note ${i}` });
        expect(response.statusCode, response.body).toBe(200);
      }
      const page1 = (await staff.get(`/api/people/${id}/notes?pageSize=5`)).json() as {
        items: Array<{ id: number; body: string; authorName: string; editable: boolean }>;
        total: number;
      };
      expect(page1.total).toBe(12);
      expect(page1.items.map((i) => i.body)).toEqual([
        'Note 12',
        'Note 11',
        'Note 10',
        'Note 9',
        'Note 8',
      ]);
      expect(page1.items[0]).toMatchObject({ authorName: 'Inès Permanence', editable: true });
      const page3 = (await staff.get(`/api/people/${id}/notes?pageSize=5&page=3`)).json() as {
        items: Array<{ body: string }>;
      };
      expect(page3.items.map((i) => i.body)).toEqual(['Note 2', 'Note 1']);

      const noteId = page1.items[0].id;
      const byColleague = await colleague.put(`/api/people/${id}/notes/${noteId}`, {
        body: 'Mine now',
      });
      expect(byColleague.statusCode).toBe(403);
      expect((await colleague.delete(`/api/people/${id}/notes/${noteId}`)).statusCode).toBe(403);
      const asSeenByColleague = (
        await colleague.get(`/api/people/${id}/notes?pageSize=1`)
      ).json() as {
        items: Array<{ editable: boolean }>;
      };
      expect(asSeenByColleague.items[0].editable).toBe(false);

      const edited = await staff.put(`/api/people/${id}/notes/${noteId}`, {
        body: 'Note 12, corrected',
      });
      expect(edited.statusCode).toBe(200);
      expect(edited.json()).toMatchObject({ body: 'Note 12, corrected' });
      const byAdmin = await admin.put(`/api/people/${id}/notes/${noteId}`, {
        body: 'Tidied by admin',
      });
      expect(byAdmin.statusCode).toBe(200);
      expect((await admin.delete(`/api/people/${id}/notes/${noteId}`)).statusCode).toBe(204);
      expect((await staff.get(`/api/people/${id}/notes`)).json()).toMatchObject({ total: 11 });
      expect((await staff.put(`/api/people/${id}/notes/${noteId}`, { body: 'x' })).statusCode).toBe(
        404,
      );

      const logged = [
        ...(await auditRows('person.note_add')),
        ...(await auditRows('person.note_edit')),
        ...(await auditRows('person.note_delete')),
      ];
      expect(logged.length).toBeGreaterThanOrEqual(15);
      expect(JSON.stringify(logged)).not.toMatch(/Note 12|Tidied|corrected/);
    });

    it('refuses an empty or overlong note', async () => {
      const id = await added();
      const empty = await staff.post(`/api/people/${id}/notes`, { body: '   ' });
      expect(empty.statusCode).toBe(400);
      expect(fieldErrors(empty.json() as Problem)).toEqual(['body:required']);
      const long = await staff.post(`/api/people/${id}/notes`, { body: 'x'.repeat(5001) });
      expect(fieldErrors(long.json() as Problem)).toEqual(['body:too_long']);
    });
  });

  describe('contact log', () => {
    it('keeps each contact with channel, outcome, note and time, latest first and paged', async () => {
      const id = await added();
      const times = [
        '2026-11-01T09:00:00.000Z',
        '2026-11-03T17:30:00.000Z',
        '2026-11-02T10:00:00.000Z',
      ];
      for (const [i, contactedAt] of times.entries()) {
        const response = await staff.post(`/api/people/${id}/contacts`, {
          channel: i === 1 ? 'door' : 'phone',
          outcome: i === 1 ? 'reached' : 'no_answer',
          note: i === 1 ? 'Wants a poster for the window' : '',
          contactedAt,
        });
        expect(response.statusCode, response.body).toBe(200);
      }
      const page = (await staff.get(`/api/people/${id}/contacts?pageSize=2`)).json() as {
        items: Array<{
          channel: string;
          outcome: string;
          note: string | null;
          contactedAt: string;
          authorName: string;
        }>;
        total: number;
      };
      expect(page.total).toBe(3);
      expect(page.items).toMatchObject([
        {
          channel: 'door',
          outcome: 'reached',
          note: 'Wants a poster for the window',
          contactedAt: '2026-11-03T17:30:00.000Z',
          authorName: 'Inès Permanence',
        },
        {
          channel: 'phone',
          outcome: 'no_answer',
          note: null,
          contactedAt: '2026-11-02T10:00:00.000Z',
        },
      ]);
    });

    it('refuses an unknown channel or outcome and a time to come', async () => {
      const id = await added();
      const bad = await staff.post(`/api/people/${id}/contacts`, {
        channel: 'telegram',
        outcome: 'great',
        contactedAt: 'yesterday',
      });
      expect(bad.statusCode).toBe(400);
      expect(fieldErrors(bad.json() as Problem).map((e) => e.split(':')[0])).toEqual([
        'channel',
        'contactedAt',
        'outcome',
      ]);
      const future = await staff.post(`/api/people/${id}/contacts`, {
        channel: 'phone',
        outcome: 'reached',
        contactedAt: '2099-01-01T10:00:00Z',
      });
      expect(fieldErrors(future.json() as Problem)).toEqual(['contactedAt:date_in_future']);
      expect((await staff.get(`/api/people/${id}/contacts`)).json()).toMatchObject({ total: 0 });
    });
  });

  describe('requests received by post or email', () => {
    const request = { channel: 'post', reference: 'Courrier 2026-117' };

    it("hands over the person's data file, with notes and contacts, and audits the request", async () => {
      const id = await added({ email: 'access@records.example' });
      await staff.post(`/api/people/${id}/notes`, { body: 'Met at the market' });
      await staff.post(`/api/people/${id}/contacts`, {
        channel: 'letter',
        outcome: 'reached',
        contactedAt: '2026-11-10T10:00:00Z',
      });
      expect((await staff.post(`/api/people/${id}/access-request`, request)).statusCode).toBe(403);
      const response = await admin.post(`/api/people/${id}/access-request`, request);
      expect(response.statusCode, response.body).toBe(200);
      expect(response.headers['content-disposition']).toMatch(
        new RegExp(
          `^attachment; filename="lyon-en-commun-donnees-personne-${id}-\\d{4}-\\d{2}-\\d{2}\\.json"$`,
        ),
      );
      const data = JSON.parse(response.body) as {
        profile: { email: string; addressStreet: string };
        teamNotes: Array<{ text: string }>;
        contacts: Array<{ channel: string }>;
        about: { description: string };
      };
      expect(data.profile).toMatchObject({
        email: 'access@records.example',
        addressStreet: '12 rue de la République',
      });
      expect(data.teamNotes.map((note) => note.text)).toEqual(['Met at the market']);
      expect(data.contacts.map((c) => c.channel)).toEqual(['letter']);
      expect(data.about.description).not.toMatch(/levier/i);
      const [entry] = (await auditRows('person.access_request')).slice(-1);
      expect(entry).toMatchObject({
        target: `person:${id}`,
        details: { by: 'staff', channel: 'post', reference: 'Courrier 2026-117' },
      });
      expect(JSON.stringify(entry.details)).not.toContain('access@records.example');
    });

    it('erases the person as their own erasure would, after the confirmation word, and audits the request', async () => {
      const id = await added({ email: 'erase@records.example' });
      await staff.post(`/api/people/${id}/notes`, { body: 'Private note' });
      await staff.post(`/api/people/${id}/contacts`, {
        channel: 'phone',
        outcome: 'reached',
        contactedAt: '2026-11-10T10:00:00Z',
      });
      await staff.post(`/api/people/${id}/consents`, {
        channel: 'email',
        granted: true,
        source: 'in_person',
        receivedOn: '2026-11-10',
        note: 'Signed at the stand',
        wordingVersion: 'stand-v1',
      });
      expect(
        (await staff.post(`/api/people/${id}/erase`, { ...request, confirm: 'ERASE' })).statusCode,
      ).toBe(403);
      const unconfirmed = await admin.post(`/api/people/${id}/erase`, request);
      expect(unconfirmed.statusCode).toBe(400);
      expect(fieldErrors(unconfirmed.json() as Problem)).toEqual(['confirm:invalid_value']);
      expect((await detail(id)).email).toBe('erase@records.example');

      const response = await admin.post(`/api/people/${id}/erase`, {
        channel: 'email',
        reference: 'Mail du 2026-11-30',
        confirm: 'ERASE',
      });
      expect(response.statusCode, response.body).toBe(200);
      const [row] = await inCampaign<Record<string, unknown>>(
        `SELECT email, first_name, last_name, phone, address_street, address_complement, postal_code, erased_at
           FROM people WHERE campaign_id = $1 AND id = $2`,
        [id],
      );
      expect(row).toMatchObject({
        email: null,
        first_name: null,
        last_name: null,
        phone: null,
        address_street: null,
        address_complement: null,
        postal_code: null,
      });
      expect(row.erased_at).not.toBeNull();
      for (const table of ['person_notes', 'person_contacts', 'consent_events', 'person_events']) {
        const [{ count }] = await inCampaign<{ count: number }>(
          `SELECT count(*)::int AS count FROM ${table} WHERE campaign_id = $1 AND person_id = $2`,
          [id],
        );
        expect(count, table).toBe(0);
      }
      expect((await staff.get(`/api/people/${id}`)).statusCode).toBe(404);
      const [entry] = (await auditRows('person.erase')).slice(-1);
      expect(entry).toMatchObject({
        target: `person:${id}`,
        details: { by: 'staff', channel: 'email', reference: 'Mail du 2026-11-30' },
      });
      // Erased already: nothing left to erase.
      expect(
        (await admin.post(`/api/people/${id}/erase`, { ...request, confirm: 'ERASE' })).statusCode,
      ).toBe(404);
    });

    it('does not erase a staff account this way', async () => {
      const response = await admin.post(`/api/people/${staffId}/erase`, {
        ...request,
        confirm: 'ERASE',
      });
      expect(response.statusCode).toBe(409);
      expect((response.json() as Problem).code).toBe('staff_account');
      expect((await detail(staffId)).email).toBe('staff@records.example');
    });

    it('refuses supporters and finance', async () => {
      const id = await added();
      for (const browser of [supporter, finance]) {
        expect((await browser.post(`/api/people/${id}/access-request`, request)).statusCode).toBe(
          403,
        );
        expect(
          (await browser.post(`/api/people/${id}/erase`, { ...request, confirm: 'ERASE' }))
            .statusCode,
        ).toBe(403);
      }
      expect((await detail(id)).email).not.toBeNull();
    });
  });

  it('deletes the notes and contacts of a never-confirmed sign-up when it is purged', async () => {
    const email = `ghost.${++n}@records.example`;
    expect(
      (await new Browser(t.app, '10.7.0.8').post('/api/signup', signupBody({ email }))).statusCode,
    ).toBe(200);
    const [{ id }] = await inCampaign<{ id: number }>(
      'SELECT id FROM people WHERE campaign_id = $1 AND email_normalized = $2',
      [email],
    );
    await staff.post(`/api/people/${id}/notes`, { body: 'Never answered' });
    await staff.post(`/api/people/${id}/contacts`, {
      channel: 'phone',
      outcome: 'no_answer',
      contactedAt: new Date().toISOString(),
    });
    await inCampaign(
      `UPDATE people SET created_at = now() - interval '30 days' WHERE campaign_id = $1 AND id = $2`,
      [id],
    );
    await inCampaign(
      `UPDATE signups SET created_at = now() - interval '30 days' WHERE campaign_id = $1 AND person_id = $2`,
      [id],
    );
    await purgeUnconfirmed(t.ctx);
    for (const table of ['people', 'person_notes', 'person_contacts']) {
      const column = table === 'people' ? 'id' : 'person_id';
      const rows = await inCampaign(
        `SELECT 1 FROM ${table} WHERE campaign_id = $1 AND ${column} = $2`,
        [id],
      );
      expect(rows, table).toHaveLength(0);
    }
  });

  it("names the campaign, not the software, in the supporter's own data file, and includes the team's notes", async () => {
    const email = `self.${++n}@records.example`;
    const id = await signupAndConfirm(t, { email });
    await staff.post(`/api/people/${id}/notes`, { body: 'Helps with leaflets' });
    const browser = new Browser(t.app, '10.7.0.9');
    await browser.login(t, email);
    const response = await browser.get('/api/me/export');
    expect(response.statusCode).toBe(200);
    expect(response.headers['content-disposition']).toMatch(
      /^attachment; filename="lyon-en-commun-mes-donnees-\d{4}-\d{2}-\d{2}\.json"$/,
    );
    const data = JSON.parse(response.body) as {
      teamNotes: Array<{ text: string }>;
      about: { description: string };
    };
    expect(data.teamNotes.map((note) => note.text)).toEqual(['Helps with leaflets']);
    expect(data.about.description).toContain('« Lyon en commun ! »');
    expect(data.about.description).not.toMatch(/levier/i);
  });
});

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
} from '../../../testing/harness.ts';
import { findDuplicates, MAX_GROUP } from './find.ts';

interface Pair {
  first: { id: number };
  second: { id: number };
  reasons: string[];
}
interface Preview {
  first: { id: number; version: string };
  second: { id: number; version: string };
  reasons: string[];
  dismissed: boolean;
}

describe.each(engines)('duplicates and merges on %s', (engine) => {
  let t: TestApp;
  let staff: Browser;
  let finance: Browser;
  let staffId: number;

  const inCampaign = <T = Record<string, unknown>>(text: string, params: unknown[] = []) =>
    t.ctx.database.query<T>(text, [t.ctx.campaignId, ...params]);
  let seq = 0;
  /** A person written directly, as an import would leave them. */
  const person = async (p: {
    email?: string | null;
    firstName?: string;
    lastName?: string;
    phone?: string | null;
    communeCode?: string;
    recruitedBy?: number;
  }) => {
    seq += 1;
    const email = p.email === undefined ? `someone${seq}@dup.example` : p.email;
    const [{ id }] = await inCampaign<{ id: number }>(
      `INSERT INTO people (campaign_id, email, email_normalized, first_name, last_name, phone, commune_code,
                           commune_name, postal_code, departement_code, source, recruit_code, search_text, recruited_by)
       VALUES ($1, $2, lower($2), $3, $4, $5, $6, 'Lyon', '69001', '69', 'import', $7, 'x', $8) RETURNING id`,
      [
        email,
        p.firstName ?? `First${seq}`,
        p.lastName ?? `Last${seq}`,
        p.phone ?? null,
        p.communeCode ?? '69123',
        `dup${seq}x${engine}`,
        p.recruitedBy ?? null,
      ],
    );
    return Number(id);
  };
  const pairs = async () => {
    const response = await staff.get('/api/people/duplicates?pageSize=100');
    expect(response.statusCode, response.body).toBe(200);
    return (response.json() as { items: Pair[] }).items;
  };
  const reasonsOf = (list: Pair[], a: number, b: number) =>
    list.find(
      (p) => (p.first.id === a && p.second.id === b) || (p.first.id === b && p.second.id === a),
    )?.reasons;
  const preview = async (a: number, b: number) => {
    const response = await staff.get(`/api/people/duplicates/${a}/${b}`);
    expect(response.statusCode, response.body).toBe(200);
    return response.json() as Preview;
  };
  const mergeBody = (p: Preview, keptId: number, extra: Record<string, unknown> = {}) => {
    const kept = p.first.id === keptId ? p.first : p.second;
    const merged = p.first.id === keptId ? p.second : p.first;
    return {
      keptId,
      mergedId: merged.id,
      versions: { kept: kept.version, merged: merged.version },
      ...extra,
    };
  };

  beforeAll(async () => {
    t = await createTestApp(engine);
    staff = await staffBrowser(t, 'staff@dup.example', ['staff']);
    finance = await staffBrowser(t, 'finance@dup.example', ['finance']);
    staffId = (await staff.session()).me!.personId;
  });
  afterAll(async () => {
    await t?.close();
  });

  it('finds pairs by phone, by name in one commune and by close emails, and says why', async () => {
    const phoneA = await person({ phone: '+33611111111', communeCode: '75056' });
    const phoneB = await person({ phone: '+33611111111', communeCode: '13055' });
    const nameA = await person({ firstName: 'Éloïse', lastName: 'Lefèvre' });
    const nameB = await person({ firstName: 'eloise', lastName: 'LEFEVRE' });
    const nameElsewhere = await person({
      firstName: 'Eloise',
      lastName: 'Lefevre',
      communeCode: '75056',
    });
    const gmailA = await person({ email: 'jean.dupont+news@gmail.com' });
    const gmailB = await person({ email: 'jeandupont@googlemail.com' });
    const localA = await person({ email: 'm.kowalski@orange.fr' });
    const localB = await person({ email: 'm.kowalski@free.fr' });
    const genericA = await person({ email: 'contact@one.example' });
    const genericB = await person({ email: 'contact@two.example' });
    // A switchboard: more people than MAX_GROUP share it, so none of them is proposed.
    const crowd: number[] = [];
    for (let i = 0; i <= MAX_GROUP; i++) crowd.push(await person({ phone: '+33122222222' }));

    await findDuplicates(t.ctx);
    const list = await pairs();
    expect(reasonsOf(list, phoneA, phoneB)).toEqual(['phone']);
    expect(reasonsOf(list, nameA, nameB)).toEqual(['name_commune']);
    expect(reasonsOf(list, nameA, nameElsewhere)).toBeUndefined();
    expect(reasonsOf(list, gmailA, gmailB)).toEqual(['email']);
    expect(reasonsOf(list, localA, localB)).toEqual(['email']);
    expect(reasonsOf(list, genericA, genericB)).toBeUndefined();
    expect(reasonsOf(list, crowd[0], crowd[1])).toBeUndefined();
  });

  it('counts a pair once with all its reasons, and lists pairs with more reasons first', async () => {
    const a = await person({ firstName: 'Nadia', lastName: 'Benali', phone: '+33633333333' });
    const b = await person({ firstName: 'Nadia', lastName: 'Benali', phone: '+33633333333' });
    await findDuplicates(t.ctx);
    const list = await pairs();
    expect(reasonsOf(list, a, b)?.sort()).toEqual(['name_commune', 'phone']);
    expect(list[0].reasons.length).toBe(2);
  });

  it('remembers "not a duplicate" across searches', async () => {
    const a = await person({ phone: '+33644444444' });
    const b = await person({ phone: '+33644444444' });
    await findDuplicates(t.ctx);
    expect(reasonsOf(await pairs(), a, b)).toEqual(['phone']);
    const dismissed = await staff.post('/api/people/duplicates/dismiss', {
      firstId: b,
      secondId: a,
    });
    expect(dismissed.statusCode, dismissed.body).toBe(200);
    expect(reasonsOf(await pairs(), a, b)).toBeUndefined();
    await findDuplicates(t.ctx);
    expect(reasonsOf(await pairs(), a, b)).toBeUndefined();
    expect((await preview(a, b)).dismissed).toBe(true);
  });

  it('runs the search as a job when staff ask for it', async () => {
    const a = await person({ phone: '+33655555555' });
    const b = await person({ phone: '+33655555555' });
    const asked = await staff.post('/api/people/duplicates/search');
    expect(asked.statusCode, asked.body).toBe(200);
    for (let i = 0; i < 100; i++) {
      const response = await staff.get('/api/people/duplicates?pageSize=100');
      const body = response.json() as { items: Pair[]; searching: boolean; foundAt: string };
      if (!body.searching && reasonsOf(body.items, a, b)) {
        expect(body.foundAt).not.toBeNull();
        return;
      }
      await new Promise((resolve) => setTimeout(resolve, 200));
    }
    throw new Error('the search job did not finish');
  });

  it('merges keeping every consent, tag, timeline entry, referral, value and account', async () => {
    const kept = await signupAndConfirm(t, {
      email: 'claire@dup.example',
      firstName: 'Claire',
      lastName: 'Martin',
      phone: '06 77 88 99 00',
      consents: { email: true, sms: false, phone: false },
    });
    const merged = await signupAndConfirm(t, {
      email: 'claire.martin@work.example',
      firstName: 'Claire',
      lastName: 'Martin-Durand',
      consents: { email: false, sms: true, phone: false },
    });
    // The kept person withdrew email consent long ago; the merged one gave it later.
    await inCampaign(
      `UPDATE consent_events SET at = '2024-01-01' WHERE campaign_id = $1 AND person_id = $2`,
      [kept],
    );
    await inCampaign(
      `INSERT INTO consent_events (campaign_id, person_id, channel, granted, source, wording_version, at)
       VALUES ($1, $2, 'email', false, 'hq', 'v1', '2024-02-01'), ($1, $3, 'email', true, 'signup', 'v1', '2025-06-01')`,
      [kept, merged],
    );
    const recruit = await person({ recruitedBy: merged });
    for (const [id, tags] of [
      [kept, ['shared', 'kept-only']],
      [merged, ['shared', 'merged-only']],
    ] as const) {
      const tagged = await staff.post('/api/people/tags/bulk', { personIds: [id], add: tags });
      expect(tagged.statusCode, tagged.body).toBe(200);
    }
    // The merged person has an account (a supporter login), the kept one has none.
    const supporter = new Browser(t.app, '10.9.9.9');
    await supporter.login(t, 'claire.martin@work.example');
    const field = await staff.post('/api/custom-fields', {
      key: 'tshirt',
      labelFr: 'Taille',
      labelEn: 'Size',
      type: 'choice',
      options: [
        { value: 's', labelFr: 'S', labelEn: 'S' },
        { value: 'm', labelFr: 'M', labelEn: 'M' },
      ],
    });
    expect(field.statusCode, field.body).toBe(200);
    await staff.put(`/api/people/${kept}/custom-fields`, { values: { tshirt: 's' } });
    await staff.put(`/api/people/${merged}/custom-fields`, { values: { tshirt: 'm' } });

    const count = async (table: string, id: number) =>
      (
        await inCampaign<{ n: number }>(
          `SELECT count(*)::int AS n FROM ${table} WHERE campaign_id = $1 AND person_id = $2`,
          [id],
        )
      )[0].n;
    const before = {
      consents: (await count('consent_events', kept)) + (await count('consent_events', merged)),
      events: (await count('person_events', kept)) + (await count('person_events', merged)),
      signups: (await count('signups', kept)) + (await count('signups', merged)),
      mail: (await count('mail_outbox', kept)) + (await count('mail_outbox', merged)),
    };

    const [{ recruit_code: mergedCode }] = await inCampaign<{ recruit_code: string }>(
      'SELECT recruit_code FROM people WHERE campaign_id = $1 AND id = $2',
      [merged],
    );
    const p = await preview(kept, merged);
    const response = await staff.post(
      '/api/people/merge',
      mergeBody(p, kept, {
        choose: { email: 'merged', lastName: 'merged' },
        customFields: { tshirt: 'merged' },
      }),
    );
    expect(response.statusCode, response.body).toBe(200);

    expect(await count('consent_events', kept)).toBe(before.consents);
    expect(await count('consent_events', merged)).toBe(0);
    // The timeline: everything of both, plus "merged from".
    expect(await count('person_events', kept)).toBe(before.events + 1);
    expect(await count('signups', kept)).toBe(before.signups);
    expect(await count('mail_outbox', kept)).toBe(before.mail);
    const [row] = await inCampaign<Record<string, unknown>>(
      'SELECT * FROM people WHERE campaign_id = $1 AND id = $2',
      [kept],
    );
    expect(row).toMatchObject({
      email: 'claire.martin@work.example',
      email_normalized: 'claire.martin@work.example',
      first_name: 'Claire',
      last_name: 'Martin-Durand',
      phone: '+33677889900',
      // Latest decision per channel: email given in 2025, SMS given at the merged sign-up.
      consent_email: true,
      consent_sms: true,
      consent_phone: false,
    });
    expect(row.search_text).toContain('durand');
    expect(
      await inCampaign('SELECT 1 FROM people WHERE campaign_id = $1 AND id = $2', [merged]),
    ).toEqual([]);
    const [recruitRow] = await inCampaign<{ recruited_by: number }>(
      'SELECT recruited_by FROM people WHERE campaign_id = $1 AND id = $2',
      [recruit],
    );
    expect(Number(recruitRow.recruited_by)).toBe(kept);

    const detail = (await staff.get(`/api/people/${kept}`)).json() as {
      tags: string[];
      recruitedCount: number;
      timeline: Array<{ kind: string; data: Record<string, unknown> }>;
    };
    expect(detail.tags.sort()).toEqual(['kept-only', 'merged-only', 'shared']);
    expect(detail.recruitedCount).toBe(1);
    expect(detail.timeline.find((e) => e.kind === 'merge')?.data).toEqual({ mergedId: merged });
    // A link shared by the merged person before the merge still credits them, now the kept one.
    const invited = await new Browser(t.app, '10.9.9.7').post(
      '/api/signup',
      signupBody({ email: 'invited-by-merged@dup.example', ref: mergedCode }),
    );
    expect(invited.statusCode, invited.body).toBe(200);
    const [{ recruited_by: creditedTo }] = await inCampaign<{ recruited_by: number }>(
      `SELECT recruited_by FROM people WHERE campaign_id = $1 AND email_normalized = 'invited-by-merged@dup.example'`,
      [],
    );
    expect(Number(creditedTo)).toBe(kept);
    expect(
      (await staff.get(`/api/people/${kept}/custom-fields`)).json() as Record<string, unknown>,
    ).toEqual({ tshirt: 'm' });

    // The account moved: the supporter logs in again as the kept person with the kept email.
    expect(await count('accounts', kept)).toBe(1);
    expect(await count('sessions', merged)).toBe(0);
    expect((await supporter.session()).me).toBeNull();
    expect(
      (await new Browser(t.app, '10.9.9.8').login(t, 'claire.martin@work.example')).me.personId,
    ).toBe(kept);

    // Old links find the kept person; the merged id itself is gone.
    expect((await staff.get(`/api/people/${merged}`)).statusCode).toBe(404);
    expect((await staff.get(`/api/people/merged/${merged}`)).json()).toEqual({ keptId: kept });
    const [entry] = await inCampaign<{ actor_id: number; details: Record<string, unknown> }>(
      `SELECT actor_id, details FROM audit_log WHERE campaign_id = $1 AND action = 'person.merge' AND target = $2`,
      [`person:${kept}`],
    );
    expect(Number(entry.actor_id)).toBe(staffId);
    expect(entry.details).toMatchObject({ mergedId: merged });
  });

  it('refuses a merge when either person changed since the comparison, changing nothing', async () => {
    const a = await person({ phone: '+33666666666' });
    const b = await person({ phone: '+33666666666' });
    const p = await preview(a, b);
    // Someone edits b meanwhile.
    await inCampaign(
      `UPDATE people SET first_name = 'Edited', updated_at = now() + interval '1 second' WHERE campaign_id = $1 AND id = $2`,
      [b],
    );
    const response = await staff.post('/api/people/merge', mergeBody(p, a));
    expect(response.statusCode).toBe(409);
    expect(response.json()).toMatchObject({ code: 'merge_conflict' });
    expect(
      await inCampaign('SELECT id FROM people WHERE campaign_id = $1 AND id = ANY($2::bigint[])', [
        [a, b],
      ]),
    ).toHaveLength(2);
  });

  it('lets only one of two simultaneous merges of a pair happen', async () => {
    const a = await person({ phone: '+33677777777' });
    const b = await person({ phone: '+33677777777' });
    const p = await preview(a, b);
    const results = await Promise.all([
      staff.post('/api/people/merge', mergeBody(p, a)),
      staff.post('/api/people/merge', mergeBody(p, b)),
    ]);
    const codes = results.map((r) => r.statusCode).sort();
    expect(codes[0]).toBe(200);
    expect([404, 409]).toContain(codes[1]);
    expect(
      await inCampaign('SELECT id FROM people WHERE campaign_id = $1 AND id = ANY($2::bigint[])', [
        [a, b],
      ]),
    ).toHaveLength(1);
  });

  it('refuses a merge while a table no feature registered holds a person id', async () => {
    const a = await person({});
    const b = await person({});
    await t.ctx.database.exec(
      `CREATE TABLE pledges (campaign_id integer NOT NULL, id bigint NOT NULL, person_id bigint NOT NULL,
                             PRIMARY KEY (campaign_id, id))`,
    );
    await inCampaign('INSERT INTO pledges VALUES ($1, 1, $2)', [b]);
    await t.ctx.database.exec('CREATE TABLE pledge_links (campaign_id integer, pledger_id bigint)');
    try {
      const refused = await staff.post('/api/people/merge', mergeBody(await preview(a, b), a));
      expect(refused.statusCode).toBe(409);
      expect(refused.json()).toMatchObject({ code: 'merge_unclassified_reference' });
      const detail = (refused.json() as { detail: string }).detail;
      expect(detail).toContain('pledge_links.pledger_id');
      expect(detail).toContain('pledges.person_id');
      expect(
        await inCampaign('SELECT 1 FROM people WHERE campaign_id = $1 AND id = $2', [b]),
      ).toHaveLength(1);
      await t.ctx.database.exec('DROP TABLE pledge_links; DROP TABLE pledges');
      const merged = await staff.post('/api/people/merge', mergeBody(await preview(a, b), a));
      expect(merged.statusCode, merged.body).toBe(200);
    } finally {
      await t.ctx.database.exec('DROP TABLE IF EXISTS pledge_links; DROP TABLE IF EXISTS pledges');
    }
  });

  it("refuses a merge that would take a staff member's access away", async () => {
    const other = await staffBrowser(t, 'second-staff@dup.example', ['staff']);
    const staffPerson = (await other.session()).me!.personId;
    const supporter = await person({});
    const { setRoles } = await import('../../accounts/admin.ts');
    await setRoles(t.ctx, supporter, [], [], null);
    const refused = await staff.post(
      '/api/people/merge',
      mergeBody(await preview(supporter, staffPerson), supporter),
    );
    expect(refused.statusCode).toBe(409);
    expect(refused.json()).toMatchObject({ code: 'merge_account_roles' });
    // The other way round is allowed: the staff member stays.
    const kept = await staff.post(
      '/api/people/merge',
      mergeBody(await preview(supporter, staffPerson), staffPerson),
    );
    expect(kept.statusCode, kept.body).toBe(200);
  });

  it('refuses bad input and the roles without people.merge', async () => {
    const a = await person({});
    const b = await person({});
    const p = await preview(a, b);
    const same = await staff.post('/api/people/merge', { ...mergeBody(p, a), mergedId: a });
    expect(same.statusCode).toBe(400);
    expect(same.json()).toMatchObject({ code: 'validation_failed' });
    const badChoice = await staff.post('/api/people/merge', {
      ...mergeBody(p, a),
      choose: { email: 'both' },
    });
    expect(badChoice.statusCode).toBe(400);
    for (const [method, url, body] of [
      ['GET', '/api/people/duplicates', undefined],
      ['POST', '/api/people/duplicates/search', {}],
      ['GET', `/api/people/duplicates/${a}/${b}`, undefined],
      ['POST', '/api/people/duplicates/dismiss', { firstId: a, secondId: b }],
      ['POST', '/api/people/merge', mergeBody(p, a)],
    ] as const) {
      const refused = await finance.request(method, url, body);
      expect(refused.statusCode, `${method} ${url}`).toBe(403);
      const anonymous = await new Browser(t.app).request(method, url, body);
      expect([401, 403]).toContain(anonymous.statusCode);
    }
    expect(
      await inCampaign('SELECT 1 FROM people WHERE campaign_id = $1 AND id = ANY($2::bigint[])', [
        [a, b],
      ]),
    ).toHaveLength(2);
    expect(
      await inCampaign(
        'SELECT 1 FROM duplicate_dismissals WHERE campaign_id = $1 AND first_person_id = $2',
        [a],
      ),
    ).toEqual([]);
  });

  it("answers 404 for another campaign's people", async () => {
    const a = await person({ phone: '+33688888888' });
    const b = await person({ phone: '+33688888888' });
    const p = await preview(a, b);
    const other = await createCampaignApp(t, 'Other campaign');
    try {
      const otherStaff = await staffBrowser(other, 'staff@other-dup.example', ['staff']);
      expect((await otherStaff.get(`/api/people/duplicates/${a}/${b}`)).statusCode).toBe(404);
      expect((await otherStaff.post('/api/people/merge', mergeBody(p, a))).statusCode).toBe(404);
      expect(
        (await otherStaff.post('/api/people/duplicates/dismiss', { firstId: a, secondId: b }))
          .statusCode,
      ).toBe(404);
      const list = (await otherStaff.get('/api/people/duplicates')).json() as { items: Pair[] };
      expect(list.items).toEqual([]);
    } finally {
      await other.close();
    }
  });
});

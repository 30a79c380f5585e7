import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { AudienceSnapshot } from '../../../contracts/audiences.ts';
import {
  Browser,
  createCampaignApp,
  createTestApp,
  engines,
  signupAndConfirm,
  staffBrowser,
  type TestApp,
} from '../../testing/harness.ts';
import { audienceMembers } from './service.ts';

describe.each(engines)('audience snapshots on %s', (engine) => {
  let t: TestApp;
  let other: TestApp;
  let staff: Browser;
  let staffId: number;
  let finance: Browser;
  let supporter: Browser;
  let otherAdmin: Browser;
  let added = 0;

  /** People in Rhône (69) or Paris (75), tagged 'porte' one in three. */
  const addPeople = async (count: number) => {
    const first = added + 1;
    added += count;
    await t.ctx.database.query(
      `INSERT INTO people (campaign_id, email, email_normalized, departement_code, source, recruit_code, search_text)
       SELECT $1, 'aud' || g || '@example.org', 'aud' || g || '@example.org',
              CASE WHEN g % 2 = 0 THEN '69' ELSE '75' END, 'import', 'aud' || lpad(g::text, 5, '0'), 'aud' || g
         FROM generate_series($2::int, $3::int) g`,
      [t.ctx.campaignId, first, added],
    );
  };
  /** Every member of a snapshot, paged `pageSize` at a time as a channel would. */
  const allMembers = async (snapshotId: number, pageSize: number) => {
    const ids: number[] = [];
    for (let page = await audienceMembers(t.ctx, snapshotId, 0, pageSize); page.length;) {
      ids.push(...page);
      page = await audienceMembers(t.ctx, snapshotId, page[page.length - 1], pageSize);
    }
    return ids;
  };
  /** The ids the people list shows for a query string, in id order. */
  const listed = async (query: string) => {
    const response = await staff.get(`/api/people?pageSize=200&${query}`);
    expect(response.statusCode, response.body).toBe(200);
    return (response.json() as { items: Array<{ id: number }> }).items
      .map((p) => p.id)
      .sort((a, b) => a - b);
  };
  const snapshotCount = async () =>
    (
      await t.ctx.database.query<{ n: number }>(
        'SELECT count(*)::int AS n FROM audience_snapshots WHERE campaign_id = $1',
        [t.ctx.campaignId],
      )
    )[0].n;

  beforeAll(async () => {
    t = await createTestApp(engine);
    other = await createCampaignApp(t, 'Autre campagne');
    staff = await staffBrowser(t, 'staff@audience.example', ['staff']);
    staffId = (await staff.session()).me!.personId;
    finance = await staffBrowser(t, 'finance@audience.example', ['finance']);
    await signupAndConfirm(t, { email: 'supporter@audience.example' });
    supporter = new Browser(t.app, '10.8.0.1');
    await supporter.login(t, 'supporter@audience.example');
    otherAdmin = await staffBrowser(other, 'admin@other-audience.example', ['admin']);
    await addPeople(9);
  });
  afterAll(async () => {
    await other?.close();
    await t?.close();
  });

  it("freezes the filter's matches, pages them in id order, and keeps out people added after", async () => {
    const response = await staff.post('/api/audiences', { filter: { departementCodes: ['69'] } });
    expect(response.statusCode, response.body).toBe(201);
    const snapshot = response.json() as AudienceSnapshot;
    const matches = await listed('departementCodes=69');
    expect(matches.length).toBeGreaterThan(2);
    expect(snapshot).toMatchObject({
      count: matches.length,
      filter: { departementCodes: ['69'] },
      segmentFilter: null,
      createdBy: staffId,
    });
    expect(await allMembers(snapshot.id, 2)).toEqual(matches);

    await addPeople(4);
    expect((await listed('departementCodes=69')).length).toBeGreaterThan(matches.length);
    expect(await allMembers(snapshot.id, 3)).toEqual(matches);
    const read = await staff.get(`/api/audiences/${snapshot.id}`);
    expect(read.statusCode).toBe(200);
    expect(read.json()).toEqual(snapshot);

    const [entry] = await t.ctx.database.query<{ actor_id: number; details: unknown }>(
      `SELECT actor_id, details FROM audit_log WHERE campaign_id = $1 AND action = 'audience.create'
          AND target = $2`,
      [t.ctx.campaignId, `audience:${snapshot.id}`],
    );
    expect(entry).toMatchObject({
      actor_id: staffId,
      details: { filter: { departementCodes: ['69'] }, count: matches.length },
    });
  });

  it("freezes a segment's people with the segment's filter as it was", async () => {
    const saved = await staff.post('/api/segments', {
      name: 'Paris',
      filter: { departementCodes: ['75'] },
    });
    expect(saved.statusCode, saved.body).toBe(200);
    const segmentId = (saved.json() as { id: number }).id;
    const response = await staff.post('/api/audiences', { segmentId });
    expect(response.statusCode, response.body).toBe(201);
    const snapshot = response.json() as AudienceSnapshot;
    const matches = await listed(`segmentId=${segmentId}`);
    expect(snapshot).toMatchObject({
      count: matches.length,
      filter: { segmentId },
      segmentFilter: { departementCodes: ['75'] },
    });
    expect(await allMembers(snapshot.id, 100)).toEqual(matches);
    // Changing the segment afterwards changes neither the snapshot nor its people.
    await staff.put(`/api/segments/${segmentId}`, {
      name: 'Lyon',
      filter: { departementCodes: ['69'] },
    });
    expect((await staff.get(`/api/audiences/${snapshot.id}`)).json()).toEqual(snapshot);
    expect(await allMembers(snapshot.id, 100)).toEqual(matches);
  });

  it("answers 404 for another campaign's snapshot, and pages nothing of it", async () => {
    const response = await staff.post('/api/audiences', { filter: {} });
    expect(response.statusCode, response.body).toBe(201);
    const snapshot = response.json() as AudienceSnapshot;
    expect(snapshot.count).toBeGreaterThan(0);
    const theirs = await otherAdmin.get(`/api/audiences/${snapshot.id}`);
    expect(theirs.statusCode).toBe(404);
    expect(theirs.headers['content-type']).toContain('application/problem+json');
    expect(await audienceMembers(other.ctx, snapshot.id, 0, 100)).toEqual([]);
    expect((await staff.get('/api/audiences/999999999')).statusCode).toBe(404);
  });

  it('refuses bad filters with problem+json and writes nothing', async () => {
    const before = await snapshotCount();
    for (const body of [
      {},
      { filter: { createdFrom: '2024-02-31' } },
      { filter: { departementCodes: ['toolong'] } },
      { filter: { consentEmail: 'maybe' } },
      { filter: {}, segmentId: 1 },
      { filter: { tags: ['x'] }, extra: true },
    ]) {
      const response = await staff.post('/api/audiences', body);
      expect(response.statusCode, JSON.stringify(body)).toBe(400);
      expect(response.headers['content-type']).toContain('application/problem+json');
      expect((response.json() as { code: string }).code).toBe('validation_failed');
    }
    const nested = await staff.post('/api/segments', { name: 'Tous', filter: {} });
    const unknownSegment = await staff.post('/api/audiences', { segmentId: 999999999 });
    expect(unknownSegment.statusCode).toBe(404);
    expect(nested.statusCode).toBe(200);
    expect(await snapshotCount()).toBe(before);
  });

  it('is refused to roles without the permission', async () => {
    const body = { filter: { departementCodes: ['69'] } };
    const anonymous = new Browser(t.app, '10.8.0.2');
    expect((await anonymous.get('/api/audiences/1')).statusCode).toBe(401);
    // Without a session there is no CSRF token either: refused before the access check.
    expect((await anonymous.post('/api/audiences', body)).statusCode).toBe(403);
    expect((await supporter.post('/api/audiences', body)).statusCode).toBe(403);
    expect((await finance.post('/api/audiences', body)).statusCode).toBe(403);
    expect((await supporter.get('/api/audiences/1')).statusCode).toBe(403);
  });
});

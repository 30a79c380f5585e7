import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  createTestApp,
  engines,
  signupAndConfirm,
  staffBrowser,
  type Browser,
  type TestApp,
} from '../../testing/harness.ts';

/** Bulk tags and segment changes decide whom the campaign reaches: each is in the audit log. */
describe.each(engines)('audit log of people changes on %s', (engine) => {
  let t: TestApp;
  let staff: Browser;
  let staffId: number;
  let lyon: number;

  beforeAll(async () => {
    t = await createTestApp(engine);
    staff = await staffBrowser(t, 'staff@audit-trail.example', ['staff']);
    staffId = (await staff.session()).me!.personId;
    lyon = await signupAndConfirm(t, { email: 'lyon@audit-trail.example', postalCode: '69001' });
    await signupAndConfirm(t, { email: 'paris@audit-trail.example', postalCode: '75001' });
  });
  afterAll(async () => {
    await t?.close();
  });

  const entries = (action: string) =>
    t.ctx.database.query<{ actor_id: number; target: string | null; details: unknown }>(
      'SELECT actor_id, target, details FROM audit_log WHERE campaign_id = $1 AND action = $2 ORDER BY id',
      [t.ctx.campaignId, action],
    );

  it('records a bulk tag change with its tags, the filter and how many people it reached', async () => {
    const byFilter = await staff.post('/api/people/tags/bulk', {
      filter: { departementCodes: ['69'] },
      add: ['tractage'],
    });
    expect(byFilter.json()).toEqual({ matched: 1 });
    const chosen = await staff.post('/api/people/tags/bulk', {
      personIds: [lyon],
      remove: ['tractage'],
    });
    expect(chosen.statusCode).toBe(200);
    expect(await entries('people.bulk_tag')).toEqual([
      {
        actor_id: staffId,
        target: null,
        details: {
          added: ['tractage'],
          removed: [],
          count: 1,
          filter: { departementCodes: ['69'] },
        },
      },
      {
        actor_id: staffId,
        target: null,
        details: { added: [], removed: ['tractage'], count: 1, chosen: 1 },
      },
    ]);
  });

  it('records segments created, changed and deleted, with their filter', async () => {
    const created = await staff.post('/api/segments', {
      name: 'Lyon',
      filter: { departementCodes: ['69'] },
    });
    expect(created.statusCode).toBe(200);
    const { id } = created.json() as { id: number };
    expect(
      (
        await staff.put(`/api/segments/${id}`, {
          name: 'Lyon et Paris',
          filter: { departementCodes: ['69', '75'] },
        })
      ).statusCode,
    ).toBe(200);
    expect((await staff.delete(`/api/segments/${id}`)).statusCode).toBe(204);
    const target = `segment:${id}`;
    expect(await entries('segment.create')).toEqual([
      {
        actor_id: staffId,
        target,
        details: { name: 'Lyon', filter: { departementCodes: ['69'] } },
      },
    ]);
    expect(await entries('segment.update')).toEqual([
      {
        actor_id: staffId,
        target,
        details: { name: 'Lyon et Paris', filter: { departementCodes: ['69', '75'] } },
      },
    ]);
    expect(await entries('segment.delete')).toEqual([
      { actor_id: staffId, target, details: { name: 'Lyon et Paris' } },
    ]);
  });

  it('writes nothing for a refused or failed change', async () => {
    const before = (await entries('segment.delete')).length;
    expect((await staff.delete('/api/segments/999999')).statusCode).toBe(404);
    const noChange = await staff.post('/api/people/tags/bulk', { personIds: [lyon] });
    expect(noChange.statusCode).toBe(400);
    expect((await entries('segment.delete')).length).toBe(before);
    expect(await entries('people.bulk_tag')).toHaveLength(2);
  });
});

import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { SegmentReach } from '../../../../contracts/calling.ts';
import { addPhoneOptOuts } from '../../compliance/phone-opt-outs.ts';
import { agreeToAutomatedCalls } from '../../../testing/automated-call-consent.ts';
import {
  createTestApp,
  engines,
  staffBrowser,
  supporterBrowser,
  type Browser,
  type TestApp,
} from '../../../testing/harness.ts';

describe.each(engines)('a segment’s reach for the phone (%s)', (engine) => {
  let t: TestApp;
  let staff: Browser;
  let segmentId: number;

  const sql = <T>(text: string, params: unknown[] = []) => t.ctx.database.query<T>(text, params);

  /** People of Corse-du-Sud, each with a mobile number, agreeing or not to calls from the campaign. */
  const addPeople = async (count: number, first: number, consentPhone: boolean) => {
    const rows = await sql<{ id: number }>(
      `INSERT INTO people (campaign_id, email, email_normalized, recruit_code, phone, departement_code, consent_phone)
       SELECT $1, 'reach' || g || '@reach.test', 'reach' || g || '@reach.test', 'reach-' || g,
              '+3362' || lpad(g::text, 7, '0'), '2A', $4
         FROM generate_series($2::int, $2::int + $3::int - 1) AS g RETURNING id`,
      [t.ctx.campaignId, first, count, consentPhone],
    );
    return rows.map((row) => Number(row.id));
  };

  beforeAll(async () => {
    t = await createTestApp(engine);
    staff = await staffBrowser(t, 'reach@staff.test', ['staff']);
    // Recording a consent recomputes the person's cached consents from their records: those
    // agreeing to automated calls here are others than those agreeing to volunteers' calls.
    const agreeing = await addPeople(4, 1, true);
    const automated = await addPeople(3, 10, false);
    for (const id of automated) await agreeToAutomatedCalls(staff, id);
    // One of each on the opt-out list.
    const phones = await sql<{ phone: string }>(`SELECT phone FROM people WHERE id = ANY($1)`, [
      [agreeing[1], automated[1]],
    ]);
    const optedOut = phones.map((row) => row.phone);
    await addPhoneOptOuts(t.ctx.database.query, t.ctx.campaignId, optedOut, 'staff');
    const segment = await staff.post('/api/segments', {
      name: 'Corse-du-Sud',
      filter: { departementCodes: ['2A'] },
    });
    segmentId = (segment.json() as { id: number }).id;
  }, 60_000);
  afterAll(() => t?.close());

  it('counts the people, and the numbers each kind of call would freeze now', async () => {
    const reach = await staff.get(`/api/calling/segments/${segmentId}/reach`);
    expect(reach.statusCode, reach.body).toBe(200);
    expect(reach.json()).toEqual<SegmentReach>({
      people: 7,
      // Three agreed to automated calls; one of them is on the opt-out list.
      automatedCalls: 2,
      // Four agreed to volunteers' calls; one of them is on the opt-out list.
      volunteerCalls: 3,
    });
  });

  it('answers 404 for a segment of no one’s, and 403 to a supporter', async () => {
    const missing = await staff.get(`/api/calling/segments/987654/reach`);
    expect(missing.statusCode).toBe(404);
    expect(missing.json()).toMatchObject({ code: 'not_found' });
    const { browser: supporter } = await supporterBrowser(t, 'nosy@reach.test');
    expect((await supporter.get(`/api/calling/segments/${segmentId}/reach`)).statusCode).toBe(403);
    expect((await staff.get(`/api/calling/segments/abc/reach`)).statusCode).toBe(400);
  });
});

import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { CommitteeActivity, Funnels } from '../../../contracts/insights-funnels.ts';
import {
  Browser,
  createTestApp,
  engines,
  signupAndConfirm,
  signupBody,
  staffBrowser,
  type TestApp,
} from '../../testing/harness.ts';
import { todayIn } from './funnels-period.ts';

const stageCounts = (steps: Funnels['recruitment'] | Funnels['donations']) =>
  Object.fromEntries(steps.map((s) => [s.stage, s.count]));

describe.each(engines)('insights: funnels and committee activity (%s)', (engine) => {
  let t: TestApp;
  let staff: Browser;
  let committeeId: number;
  let quietId: number;
  const ids: Record<string, number> = {};
  const run = (text: string, params: unknown[] = []) =>
    t.ctx.database.query<{ id: number | string }>(text, params);

  beforeAll(async () => {
    t = await createTestApp(engine);
    const campaign = t.ctx.campaignId;
    for (const name of ['ana', 'ben', 'cleo', 'dan']) {
      ids[name] = await signupAndConfirm(t, { email: `${name}@example.org`, firstName: name });
    }
    // An unconfirmed sign-up: counted as signed up only.
    const unconfirmed = await new Browser(t.app, '10.9.0.1').post(
      '/api/signup',
      signupBody({ email: 'eve@example.org' }),
    );
    expect(unconfirmed.statusCode).toBe(200);
    staff = await staffBrowser(t, 'hq@example.org', ['staff']);

    const committee = async (name: string, members: number) => {
      const result = await run(
        `INSERT INTO committees (campaign_id, name, lat, lng, location, precision, place_label, commune_code, member_count)
         VALUES ($1, $2, 45.76, 4.83, point(4.83, 45.76), 'commune', 'Lyon', '69381', $3) RETURNING id`,
        [campaign, name, members],
      );
      return Number(result[0].id);
    };
    committeeId = await committee('Lyon 1er', 2);
    quietId = await committee('Quiet town', 1);
    const join = (committee: number, person: number, at: string) =>
      run(
        `INSERT INTO committee_members (campaign_id, committee_id, person_id, rank, joined_at)
         VALUES ($1, $2, $3, 'member', $4)`,
        [campaign, committee, person, at],
      );
    await join(committeeId, ids.ana, new Date().toISOString());
    await join(committeeId, ids.ben, new Date().toISOString());
    await join(quietId, ids.dan, '2020-01-01T10:00:00Z');
    // Cleo answered "going" to an event of the committee, yesterday.
    const yesterday = new Date(Date.now() - 86_400_000).toISOString();
    const event = await run(
      `INSERT INTO events (campaign_id, committee_id, type, title, starts_at, ends_at, private_key)
       VALUES ($1, $2, 'meeting', 'Réunion', $3, $3, 'k') RETURNING id`,
      [campaign, committeeId, yesterday],
    );
    const eventId = Number(event[0].id);
    await run(
      `INSERT INTO event_rsvps (campaign_id, event_id, person_id, status, source)
       VALUES ($1, $2, $3, 'going', 'member')`,
      [campaign, eventId, ids.cleo],
    );
    // Ana knocked on doors of the committee's turf; Cleo called from a phone bank.
    const turf = await run(
      `INSERT INTO field_turfs (campaign_id, area_id, name, committee_id) VALUES ($1, 1, 'T1', $2) RETURNING id`,
      [campaign, committeeId],
    );
    const turfId = Number(turf[0].id);
    for (const id of [
      '00000000-0000-4000-8000-000000000001',
      '00000000-0000-4000-8000-000000000002',
    ]) {
      await run(
        `INSERT INTO field_visits (campaign_id, id, turf_id, address_id, volunteer_person_id, outcome, mode, visited_at)
         VALUES ($1, $2, $3, 1, $4, 'talked', 'door', now())`,
        [campaign, id, turfId, ids.ana],
      );
    }
    await run(
      `INSERT INTO phone_bank_calls (campaign_id, id, bank_id, target_id, caller_person_id, outcome)
       VALUES ($1, '00000000-0000-4000-8000-000000000003', 1, 1, $2, 'answered')`,
      [campaign, ids.cleo],
    );
    // Dan gave twice (one failed), and set up a monthly gift; Ben only began one.
    const gift = (person: number, status: string) =>
      run(
        `INSERT INTO donations (campaign_id, person_id, cap_key, amount_cents, means, status, counts)
         VALUES ($1, $2, 'k', 2000, 'card', $3, true)`,
        [campaign, person, status],
      );
    await gift(ids.dan, 'succeeded');
    await gift(ids.dan, 'failed');
    await gift(ids.ben, 'pending');
    await run(
      `INSERT INTO donation_plans (campaign_id, person_id, amount_cents, status, day_of_month, provider, donor)
       VALUES ($1, $2, 1000, 'active', 5, 'development', '{}')`,
      [campaign, ids.dan],
    );
  }, 60_000);
  afterAll(() => t.close());

  it('counts each stage of the recruitment and donation funnels', async () => {
    const response = await staff.get('/api/insights/funnels');
    expect(response.statusCode).toBe(200);
    const body = response.json() as Funnels;
    expect(body.period.to).toBe(todayIn(t.ctx.config.CAMPAIGN_TIMEZONE));
    // The staff member signed up through no form: not a sign-up.
    expect(stageCounts(body.recruitment)).toEqual({
      signedUp: 5,
      confirmed: 4,
      joined: 4,
      acted: 2,
    });
    expect(stageCounts(body.donations)).toEqual({
      pageVisits: null,
      started: 2,
      donors: 1,
      recurring: 1,
    });
  });

  it('counts nothing in a period before anything happened', async () => {
    const response = await staff.get('/api/insights/funnels?from=2019-01-01&to=2019-12-31');
    const body = response.json() as Funnels;
    expect(stageCounts(body.recruitment)).toEqual({
      signedUp: 0,
      confirmed: 0,
      joined: 0,
      acted: 0,
    });
    expect(body.donations.find((s) => s.stage === 'donors')?.count).toBe(0);
  });

  it('lists committees, the most active first, with their last activity', async () => {
    const response = await staff.get('/api/insights/committee-activity');
    expect(response.statusCode).toBe(200);
    const body = response.json() as CommitteeActivity;
    expect(body.totals).toEqual({ committees: 2, active: 1, members: 3, events: 1, visits: 2 });
    expect(body.truncated).toBe(false);
    const [first, second] = body.committees;
    expect(first).toMatchObject({ id: committeeId, newMembers: 2, events: 1, visits: 2 });
    expect(Date.now() - Date.parse(first.lastActivityAt!)).toBeLessThan(86_400_000 * 2);
    expect(second).toMatchObject({ id: quietId, newMembers: 0, events: 0, visits: 0 });
    expect(second.lastActivityAt).toBe('2020-01-01T10:00:00.000Z');
  });

  it('refuses a reversed or too long period and anyone without stats.read', async () => {
    const reversed = await staff.get('/api/insights/funnels?from=2024-02-01&to=2024-01-01');
    expect(reversed.statusCode).toBe(400);
    const long = await staff.get('/api/insights/committee-activity?from=2020-01-01&to=2024-01-01');
    expect(long.statusCode).toBe(400);
    expect(long.json()).toMatchObject({ code: 'validation_failed' });
    expect(JSON.stringify(long.json())).toContain('range_too_long');
    const supporter = new Browser(t.app, '10.9.0.2');
    await supporter.login(t, 'ana@example.org');
    expect((await supporter.get('/api/insights/funnels')).statusCode).toBe(403);
  });
});

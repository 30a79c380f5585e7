import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Turf } from '../../../../contracts/field-turfs.ts';
import { engines, type Browser } from '../../../testing/harness.ts';
import { dbRows, expectStatus, problemOf, syncVisits, visitOf, walkListOf } from '../test-data.ts';
import { organisersStage, type OrganisersStage } from './test-setup.ts';

describe.each(engines)('a committee’s organisers give its turfs to members (%s)', (engine) => {
  let s: OrganisersStage;

  const listUrl = (committeeId: number) => `/api/committees/${committeeId}/field/turfs`;
  const turfUrl = (committeeId: number, turfId: number) => `${listUrl(committeeId)}/${turfId}`;
  const assign = (browser: Browser, committeeId: number, turfId: number, body: unknown) =>
    browser.request('PATCH', turfUrl(committeeId, turfId), body);
  const listOf = async (browser: Browser, committeeId: number) =>
    expectStatus<{ items: Turf[] }>(await browser.get(listUrl(committeeId)), 200).items;
  const volunteersOf = async (turfId: number) =>
    (await walkListOf(s.staff, turfId)).turf.volunteers.map((v) => v.personId);

  beforeAll(async () => {
    s = await organisersStage(engine, 'committee-turfs.example');
  }, 120_000);
  afterAll(() => s?.t.close());

  it('lists the committee’s turfs, with their doors and progress, to its organisers and field staff', async () => {
    const mine = await listOf(s.organiser.browser, s.committee.id);
    expect(mine).toEqual([
      expect.objectContaining({
        id: s.ours.id,
        committeeId: s.committee.id,
        addressCount: s.ours.addressCount,
        visited: 0,
        volunteers: [],
      }),
    ]);
    expect(s.ours.addressCount).toBeGreaterThan(0);
    expect(await listOf(s.staff, s.committee.id)).toEqual(mine);
    expect((await listOf(s.otherOrganiser.browser, s.otherCommittee.id)).map((t) => t.id)).toEqual([
      s.theirs.id,
    ]);
  });

  it('gives a turf to members for dates; the member finds it in the canvassing app', async () => {
    const answer = expectStatus<Turf>(
      await assign(s.organiser.browser, s.committee.id, s.ours.id, {
        volunteerIds: [s.member.personId, s.organiser.personId],
        startsOn: '2027-03-06',
        endsOn: '2027-03-07',
      }),
      200,
    );
    expect(answer).toMatchObject({
      id: s.ours.id,
      committeeId: s.committee.id,
      name: s.ours.name,
      startsOn: '2027-03-06',
      endsOn: '2027-03-07',
    });
    expect(answer.volunteers.map((v) => v.personId).sort()).toEqual(
      [s.member.personId, s.organiser.personId].sort(),
    );
    const mine = expectStatus<{ items: Array<{ id: number; why: string }> }>(
      await s.member.browser.get('/api/field/my-turfs'),
      200,
    ).items;
    expect(mine.map((turf) => turf.id)).toEqual([s.ours.id]);

    // Dates alone keep the volunteers.
    const dated = expectStatus<Turf>(
      await assign(s.organiser.browser, s.committee.id, s.ours.id, { endsOn: '2027-03-14' }),
      200,
    );
    expect(dated).toMatchObject({ startsOn: '2027-03-06', endsOn: '2027-03-14' });
    expect(dated.volunteers).toHaveLength(2);
    expect(
      problemOf(
        await assign(s.organiser.browser, s.committee.id, s.ours.id, { startsOn: '2027-04-01' }),
      ),
    ).toEqual({ status: 400, code: 'ends_before_start' });

    const audited = await dbRows<{ actor_id: number; target: string; details: unknown }>(
      s.t,
      `SELECT actor_id::int AS actor_id, target, details FROM audit_log
        WHERE campaign_id = $1 AND action = 'field.turf.assign' ORDER BY id`,
      [s.t.ctx.campaignId],
    );
    expect(audited).toEqual([
      {
        actor_id: s.organiser.personId,
        target: `field_turf:${s.ours.id}`,
        details: { committeeId: s.committee.id, fields: ['endsOn', 'startsOn', 'volunteerIds'] },
      },
      {
        actor_id: s.organiser.personId,
        target: `field_turf:${s.ours.id}`,
        details: { committeeId: s.committee.id, fields: ['endsOn'] },
      },
    ]);
  });

  it('refuses volunteers who are not members: followers, outsiders, unknown people', async () => {
    const before = await volunteersOf(s.ours.id);
    for (const personId of [s.follower.personId, s.supporter.personId, 999_999]) {
      const refused = await assign(s.organiser.browser, s.committee.id, s.ours.id, {
        volunteerIds: [s.member.personId, personId],
      });
      expect(problemOf(refused)).toEqual({ status: 422, code: 'volunteer_not_member' });
      expect(refused.json()).toMatchObject({
        detail: expect.stringMatching(/^Un secteur du comité ne se confie qu’à ses membres/),
        personIds: String(personId),
        errors: [{ field: 'volunteerIds', code: 'volunteer_not_member' }],
      });
    }
    expect(await volunteersOf(s.ours.id)).toEqual(before);
  });

  it('keeps a volunteer HQ gave the turf to, member or not', async () => {
    expectStatus(
      await s.staff.request('PATCH', `/api/field/turfs/${s.ours.id}`, {
        volunteerIds: [s.member.personId, s.supporter.personId],
      }),
      200,
    );
    const kept = expectStatus<Turf>(
      await assign(s.organiser.browser, s.committee.id, s.ours.id, {
        volunteerIds: [s.supporter.personId, s.organiser.personId],
      }),
      200,
    );
    expect(kept.volunteers.map((v) => v.personId).sort()).toEqual(
      [s.supporter.personId, s.organiser.personId].sort(),
    );
  });

  it('cannot rename a turf nor give it to another committee', async () => {
    for (const body of [
      { committeeId: s.otherCommittee.id },
      { committeeId: null },
      { name: 'Le nôtre' },
    ]) {
      expect(problemOf(await assign(s.organiser.browser, s.committee.id, s.ours.id, body))).toEqual(
        { status: 400, code: 'validation_failed' },
      );
    }
    const turf = (await walkListOf(s.staff, s.ours.id)).turf;
    expect(turf).toMatchObject({ committeeId: s.committee.id, name: s.ours.name });
  });

  it('answers 404 for another committee’s turf, HQ’s and one that does not exist', async () => {
    for (const turfId of [s.theirs.id, s.hq.id, 999_999]) {
      expect(
        problemOf(
          await assign(s.organiser.browser, s.committee.id, turfId, {
            volunteerIds: [s.member.personId],
          }),
        ),
      ).toEqual({ status: 404, code: 'not_found' });
    }
    expect(await volunteersOf(s.theirs.id)).toEqual([]);
    expect(problemOf(await s.organiser.browser.get(listUrl(999_999)))).toEqual({
      status: 404,
      code: 'not_found',
    });
  });

  it('refuses a supporter, a plain member, a follower, another committee’s organiser and staff without field.manage', async () => {
    for (const browser of [
      s.supporter.browser,
      s.member.browser,
      s.follower.browser,
      s.otherOrganiser.browser,
      s.eventStaff,
    ]) {
      expect(problemOf(await browser.get(listUrl(s.committee.id)))).toEqual({
        status: 403,
        code: 'forbidden',
      });
      expect(
        problemOf(await assign(browser, s.committee.id, s.ours.id, { endsOn: '2027-05-01' })),
      ).toEqual({ status: 403, code: 'forbidden' });
    }
    expect((await walkListOf(s.staff, s.ours.id)).turf.endsOn).toBe('2027-03-14');
  });

  it('counts the doors visited in the list', async () => {
    const door = (await walkListOf(s.staff, s.ours.id)).addresses[0].id;
    const [result] = await syncVisits(s.member.browser, [visitOf(s.ours.id, door)]);
    expect(result.status).toBe('stored');
    const [turf] = await listOf(s.organiser.browser, s.committee.id);
    expect(turf).toMatchObject({ id: s.ours.id, visited: 1, addressCount: s.ours.addressCount });
  });
});

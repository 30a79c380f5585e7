import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Event } from '../../../../contracts/events.ts';
import type { EventTurfs, TurfEvent } from '../../../../contracts/field-organisers.ts';
import { engines, type Browser } from '../../../testing/harness.ts';
import { dbRows, expectStatus, problemOf, walkListOf } from '../test-data.ts';
import { organisersStage, type OrganisersStage } from './test-setup.ts';

describe.each(engines)('the turfs a door-to-door session carries (%s)', (engine) => {
  let s: OrganisersStage;
  let session: Event;
  let meeting: Event;

  const turfsUrl = (eventId: number) => `/api/events/${eventId}/field/turfs`;
  const turfUrl = (eventId: number, turfId: number) => `${turfsUrl(eventId)}/${turfId}`;
  const attach = (browser: Browser, eventId: number, turfId: number) =>
    browser.put(turfUrl(eventId, turfId));
  const ids = (answer: { items: Array<{ id: number }> }) => answer.items.map((turf) => turf.id);
  const myTurfs = async (browser: Browser) =>
    expectStatus<{ items: Array<{ id: number; why: string }> }>(
      await browser.get('/api/field/my-turfs'),
      200,
    ).items.map((turf) => ({ id: turf.id, why: turf.why }));
  const inTwoDays = () => {
    const startsAt = new Date(Date.now() + 2 * 86_400_000);
    return {
      startsAt: startsAt.toISOString(),
      endsAt: new Date(startsAt.getTime() + 3 * 3_600_000).toISOString(),
    };
  };
  const createEvent = async (browser: Browser, url: string, type: string, title: string) =>
    expectStatus<Event>(
      await browser.post(url, { type, title, ...inTwoDays(), place: { postalCode: '01400' } }),
      201,
    );
  const auditRows = (action: string) =>
    dbRows<{ actor_id: number; target: string; details: Record<string, unknown> }>(
      s.t,
      `SELECT actor_id::int AS actor_id, target, details FROM audit_log
        WHERE campaign_id = $1 AND action = $2 ORDER BY id`,
      [s.t.ctx.campaignId, action],
    );

  beforeAll(async () => {
    s = await organisersStage(engine, 'sessions.example');
    const committeeEvents = `/api/committees/${s.committee.id}/events`;
    session = await createEvent(
      s.organiser.browser,
      committeeEvents,
      'door_to_door',
      'Porte-à-porte à L’Abergement',
    );
    meeting = await createEvent(s.organiser.browser, committeeEvents, 'meeting', 'Réunion');
  }, 120_000);
  afterAll(() => s?.t.close());

  it('lets the event’s organiser attach the committee’s turfs only, once each', async () => {
    const { organiser, ours, theirs, hq } = s;
    expect(
      expectStatus<EventTurfs>(await organiser.browser.get(turfsUrl(session.id)), 200),
    ).toEqual({ items: [], doors: 0, anyTurf: false });
    const choices = expectStatus<{ items: Array<{ id: number }> }>(
      await organiser.browser.get(`/api/events/${session.id}/field/turf-choices`),
      200,
    );
    expect(ids(choices)).toEqual([ours.id]);

    const attached = expectStatus<EventTurfs>(
      await attach(organiser.browser, session.id, ours.id),
      200,
    );
    expect(attached).toEqual({
      items: [
        {
          id: ours.id,
          areaId: ours.areaId,
          name: ours.name,
          committeeId: s.committee.id,
          committeeName: s.committee.name,
          startsOn: null,
          endsOn: null,
          addressCount: ours.addressCount,
          visited: 0,
        },
      ],
      doors: ours.addressCount,
      anyTurf: false,
    });
    // Again: nothing changes.
    expect(
      expectStatus<EventTurfs>(await attach(organiser.browser, session.id, ours.id), 200),
    ).toEqual(attached);
    expect(
      ids(
        expectStatus<{ items: Array<{ id: number }> }>(
          await organiser.browser.get(`/api/events/${session.id}/field/turf-choices`),
          200,
        ),
      ),
    ).toEqual([]);

    // Another committee's turf, HQ's own, one that does not exist: as if none existed.
    const notFound = { status: 404, code: 'not_found' };
    expect(problemOf(await attach(organiser.browser, session.id, theirs.id))).toEqual(notFound);
    expect(problemOf(await attach(organiser.browser, session.id, hq.id))).toEqual(notFound);
    expect(problemOf(await attach(organiser.browser, session.id, 999_999))).toEqual(notFound);
    expect(
      ids(expectStatus<EventTurfs>(await organiser.browser.get(turfsUrl(session.id)), 200)),
    ).toEqual([ours.id]);
    expect(await auditRows('field.event_turf.attach')).toEqual([
      { actor_id: organiser.personId, target: `event:${session.id}`, details: { turfId: ours.id } },
      { actor_id: organiser.personId, target: `event:${session.id}`, details: { turfId: ours.id } },
    ]);
  });

  it('refuses turfs on an event that is not a door-to-door session, or a cancelled one', async () => {
    const refused = await attach(s.organiser.browser, meeting.id, s.ours.id);
    expect(problemOf(refused)).toEqual({ status: 409, code: 'not_door_to_door' });
    expect((refused.json() as { detail: string }).detail).toMatch(
      /^Seule une session de porte-à-porte/,
    );
    expect(problemOf(await attach(s.staff, meeting.id, s.hq.id))).toEqual({
      status: 409,
      code: 'not_door_to_door',
    });

    const cancelled = await createEvent(
      s.organiser.browser,
      `/api/committees/${s.committee.id}/events`,
      'door_to_door',
      'Session annulée',
    );
    expectStatus(await s.organiser.browser.post(`/api/events/${cancelled.id}/cancel`), 200);
    expect(problemOf(await attach(s.organiser.browser, cancelled.id, s.ours.id))).toEqual({
      status: 409,
      code: 'event_cancelled',
    });
    expect(problemOf(await attach(s.organiser.browser, 999_999, s.ours.id))).toEqual({
      status: 404,
      code: 'not_found',
    });
  });

  it('lets staff who manage the field attach any turf, to any session', async () => {
    const hqSession = await createEvent(
      s.staff,
      '/api/events',
      'door_to_door',
      'Session de la campagne',
    );
    expect(
      ids(expectStatus<EventTurfs>(await attach(s.staff, hqSession.id, s.theirs.id), 200)),
    ).toEqual([s.theirs.id]);
    const answer = expectStatus<EventTurfs>(await attach(s.staff, session.id, s.hq.id), 200);
    expect(answer).toMatchObject({ anyTurf: true, doors: s.ours.addressCount + s.hq.addressCount });
    expect(ids(answer).sort((a, b) => a - b)).toEqual([s.ours.id, s.hq.id].sort((a, b) => a - b));
    const choices = expectStatus<{ items: Array<{ id: number; name: string }> }>(
      await s.staff.get(`/api/events/${session.id}/field/turf-choices`),
      200,
    );
    expect(ids(choices)).toContain(s.theirs.id);
    expect(ids(choices)).not.toContain(s.hq.id);
    const named = expectStatus<{ items: Array<{ id: number; name: string }> }>(
      await s.staff.get(
        `/api/events/${session.id}/field/turf-choices?q=${encodeURIComponent(s.theirs.name.toUpperCase())}`,
      ),
      200,
    );
    expect(named.items.map((turf) => turf.name)).toContain(s.theirs.name);
    expect(
      named.items.every((turf) => turf.name === s.theirs.name || turf.name.includes(s.theirs.name)),
    ).toBe(true);
    // An HQ session has no committee: its choices are staff's alone.
    expect(problemOf(await s.organiser.browser.get(turfsUrl(hqSession.id)))).toEqual({
      status: 403,
      code: 'forbidden',
    });
  });

  it('refuses a supporter, a plain member, another committee’s organiser and staff without field.manage', async () => {
    const routes: Array<[string, string]> = [
      ['GET', turfsUrl(session.id)],
      ['GET', `/api/events/${session.id}/field/turf-choices`],
      ['PUT', turfUrl(session.id, s.ours.id)],
      ['DELETE', turfUrl(session.id, s.ours.id)],
      ['GET', `/api/field/turfs/${s.ours.id}/events`],
    ];
    for (const browser of [
      s.supporter.browser,
      s.member.browser,
      s.follower.browser,
      s.otherOrganiser.browser,
      s.eventStaff,
    ]) {
      for (const [method, url] of routes) {
        expect(
          problemOf(await browser.request(method, url, method === 'GET' ? undefined : {})),
          url,
        ).toEqual({
          status: 403,
          code: 'forbidden',
        });
      }
    }
    expect(
      ids(expectStatus<EventTurfs>(await s.organiser.browser.get(turfsUrl(session.id)), 200)),
    ).toContain(s.ours.id);
  });

  it('opens the session’s turfs to those going, in the canvassing app, until they withdraw', async () => {
    const { supporter } = s;
    expect(await myTurfs(supporter.browser)).toEqual([]);
    expectStatus(await supporter.browser.put(`/api/events/${session.id}/rsvp`, {}), 200);
    const mine = await myTurfs(supporter.browser);
    expect(mine.sort((a, b) => a.id - b.id)).toEqual(
      [s.ours.id, s.hq.id].sort((a, b) => a - b).map((id) => ({ id, why: 'event' })),
    );
    expect((await supporter.browser.get(`/api/field/turfs/${s.hq.id}/pack`)).statusCode).toBe(200);

    // Taken off the session: no longer theirs; a second removal finds nothing.
    expectStatus(await s.staff.delete(turfUrl(session.id, s.hq.id)), 200);
    expect(await myTurfs(supporter.browser)).toEqual([{ id: s.ours.id, why: 'event' }]);
    expect(problemOf(await supporter.browser.get(`/api/field/turfs/${s.hq.id}/pack`))).toEqual({
      status: 403,
      code: 'turf_not_assigned',
    });
    expect(problemOf(await s.staff.delete(turfUrl(session.id, s.hq.id)))).toEqual({
      status: 404,
      code: 'not_found',
    });
    expect(await auditRows('field.event_turf.detach')).toEqual([
      { actor_id: expect.any(Number), target: `event:${session.id}`, details: { turfId: s.hq.id } },
    ]);
  });

  it('says on the public page how many turfs and doors the session covers, never an address', async () => {
    const walk = await walkListOf(s.staff, s.ours.id);
    const doors = s.ours.addressCount;
    const forVisitor = await s.t.app.inject({ url: `/events/${session.id}` });
    expect(forVisitor.statusCode).toBe(200);
    const coverage = `Cette session couvre 1 secteur (${doors} porte${doors > 1 ? 's' : ''}).`;
    expect(forVisitor.body).toContain(coverage);
    expect(forVisitor.body).not.toContain('href="/canvass/"');
    for (const address of walk.addresses) expect(forVisitor.body).not.toContain(address.street);

    const forAttendee = await s.supporter.browser.get(`/events/${session.id}`);
    expect(forAttendee.body).toContain(coverage);
    expect(forAttendee.body).toContain('href="/canvass/"');
    const english = await s.t.app.inject({ url: `/events/${session.id}?lang=en` });
    expect(english.body).toContain(
      `This door-to-door event covers 1 turf (${doors} door${doors > 1 ? 's' : ''}).`,
    );

    const other = await s.t.app.inject({ url: `/events/${meeting.id}` });
    expect(other.statusCode).toBe(200);
    expect(other.body).not.toContain('data-field-coverage');
  });

  it('lists, in HQ’s turf drawer, the sessions that carry a turf', async () => {
    const answer = expectStatus<{ items: TurfEvent[] }>(
      await s.staff.get(`/api/field/turfs/${s.ours.id}/events`),
      200,
    );
    expect(answer.items).toEqual([
      {
        id: session.id,
        type: 'door_to_door',
        title: session.title,
        startsAt: session.startsAt,
        endsAt: session.endsAt,
        status: 'published',
        committeeId: s.committee.id,
        committeeName: s.committee.name,
        going: 1,
      },
    ]);
    expect(
      expectStatus<{ items: TurfEvent[] }>(
        await s.staff.get(`/api/field/turfs/${s.hq.id}/events`),
        200,
      ),
    ).toEqual({ items: [] });
    expect(problemOf(await s.staff.get('/api/field/turfs/999999/events'))).toEqual({
      status: 404,
      code: 'not_found',
    });
  });
});

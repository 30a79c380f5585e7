import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { contentInputSchema } from '../../../contracts/content.ts';
import { eventInputSchema } from '../../../contracts/events.ts';
import type {
  ActionFeed,
  FeedAction,
  TakeActionResult,
  VolunteerProfile,
} from '../../../contracts/mobilisation.ts';
import { communeCentres } from '../../core/geo/commune-centres.ts';
import { createItem, publishItem } from '../content/service.ts';
import { createEvent } from '../events/service.ts';
import { turfsOfVolunteer } from '../field/volunteer-turfs.ts';
import { communeCodeOf } from '../people/directory.ts';
import { erasePerson } from '../people/service.ts';
import {
  Browser,
  createCampaignApp,
  createTestApp,
  engines,
  staffBrowser,
  supporterBrowser,
  type TestApp,
} from '../../testing/harness.ts';
import {
  formatActionRef,
  listOpenActions,
  openAction,
  parseActionRef,
  refreshActionsIfStale,
  takeAction,
} from './actions.ts';
import { availableFor, kindsFor, reachOf, score } from './feed.ts';
import { refreshActions } from './sources.ts';

interface Problem {
  code: string;
  errors?: Array<{ field: string; code: string }>;
}

/** The next given ISO weekday (1 Monday … 7 Sunday) at least 3 days ahead, at an hour UTC. */
function next(weekday: number, hourUtc: number): Date {
  const at = new Date(Date.now() + 3 * 86_400_000);
  at.setUTCHours(hourUtc, 0, 0, 0);
  while (((at.getUTCDay() + 6) % 7) + 1 !== weekday) at.setUTCDate(at.getUTCDate() + 1);
  return at;
}
const plusHours = (at: Date, hours: number) => new Date(at.getTime() + hours * 3_600_000);

const profileBody = (overrides: Partial<VolunteerProfile> = {}) => ({
  days: [],
  dayParts: [],
  driving: false,
  languages: [],
  skills: [],
  preferredActions: [],
  maxTravelKm: null,
  ...overrides,
});

describe.each(engines)('mobilisation on %s', (engine) => {
  let t: TestApp;
  let supporter: Awaited<ReturnType<typeof supporterBrowser>>;
  let centre: { lat: number; lng: number };
  const ids = {
    bigTurf: 0,
    smallTurf: 0,
    farTurf: 0,
    committeeTurf: 0,
    sessionTurf: 0,
    session: 0,
    shift: 0,
    meeting: 0,
    kit: 0,
  };

  const insertTurf = async (
    name: string,
    doors: number,
    at: { lat: number; lng: number },
    committeeId: number | null = null,
  ) => {
    const [row] = await t.ctx.database.query<{ id: number }>(
      sql`INSERT INTO field_turfs (campaign_id, area_id, name, committee_id, door_count, lat, lon)
          VALUES (${t.ctx.campaignId}, 1, ${name}, ${committeeId}, ${doors}, ${at.lat}, ${at.lng})
          RETURNING id`,
    );
    return Number(row!.id);
  };
  const event = (input: Record<string, unknown>) =>
    createEvent(t.ctx, null, supporter.personId, eventInputSchema.parse(input));
  const feed = async (browser = supporter.browser) => {
    const response = await browser.get('/api/me/actions');
    expect(response.statusCode).toBe(200);
    return response.json() as ActionFeed;
  };
  const find = (items: FeedAction[], kind: string, id: number) =>
    items.find((item) => item.kind === kind && item.id === id);

  beforeAll(async () => {
    t = await createTestApp(engine);
    supporter = await supporterBrowser(t, 'volunteer@mobilisation.example', {
      postalCode: '69001',
    });
    const code = await communeCodeOf(t.ctx, supporter.personId);
    centre = communeCentres().get(code!)!;
    ids.bigTurf = await insertTurf('Pentes nord', 180, { lat: centre.lat + 0.01, lng: centre.lng });
    ids.smallTurf = await insertTurf('Pentes sud', 12, { lat: centre.lat - 0.01, lng: centre.lng });
    ids.farTurf = await insertTurf('Montmartre', 200, { lat: 48.8867, lng: 2.3431 });
    const organiser = await supporterBrowser(t, 'organiser@mobilisation.example', {
      postalCode: '69001',
    });
    const committee = (
      await organiser.browser.post('/api/committees', {
        name: 'Comité des Pentes',
        place: { postalCode: '69001' },
      })
    ).json() as { id: number };
    ids.committeeTurf = await insertTurf(
      'Turf du comité',
      150,
      { lat: centre.lat, lng: centre.lng + 0.01 },
      committee.id,
    );
    // A door-to-door session carrying a turf that already has its volunteer (so not open itself).
    ids.sessionTurf = await insertTurf('Croix-Rousse', 90, {
      lat: centre.lat + 0.02,
      lng: centre.lng,
    });
    const saturday = next(6, 8);
    ids.session = await event({
      type: 'door_to_door',
      title: 'Porte-à-porte aux Pentes',
      startsAt: plusHours(next(3, 17), 0).toISOString(),
      endsAt: plusHours(next(3, 17), 2).toISOString(),
      place: { postalCode: '69001' },
      capacity: 8,
    });
    await t.ctx.database.query(
      sql`INSERT INTO field_event_turfs (campaign_id, event_id, turf_id)
          VALUES (${t.ctx.campaignId}, ${ids.session}, ${ids.sessionTurf})`,
    );
    await t.ctx.database.query(
      sql`INSERT INTO field_turf_assignees (campaign_id, turf_id, person_id)
          VALUES (${t.ctx.campaignId}, ${ids.sessionTurf}, ${supporter.personId})`,
    );
    ids.shift = await event({
      type: 'phone_bank',
      title: 'Créneau d’appels du samedi',
      startsAt: saturday.toISOString(),
      endsAt: plusHours(saturday, 2).toISOString(),
      place: { postalCode: '69001' },
      capacity: 6,
    });
    await t.ctx.database.query(
      sql`INSERT INTO phone_bank_shifts (campaign_id, bank_id, event_id)
          VALUES (${t.ctx.campaignId}, 1, ${ids.shift})`,
    );
    ids.meeting = await event({
      type: 'public_meeting',
      title: 'Réunion publique',
      startsAt: next(2, 18).toISOString(),
      endsAt: plusHours(next(2, 18), 2).toISOString(),
      place: { postalCode: '69002' },
      capacity: 50,
    });
    const kit = await createItem(
      t.ctx,
      contentInputSchema.parse({
        kind: 'article',
        slug: 'notre-programme',
        title: 'Notre programme',
      }),
      supporter.personId,
    );
    await publishItem(t.ctx, kit.id, null, supporter.personId);
    ids.kit = kit.id;
    await refreshActions(t.ctx);
  });
  afterAll(async () => {
    await t?.close();
  });

  it('lists the open actions near the supporter, neediest and nearest first, share kits after', async () => {
    const { origin, reachKm, items } = await feed();
    expect(origin?.communeCode).toBe(await communeCodeOf(t.ctx, supporter.personId));
    expect(reachKm).toBe(20);
    const refs = items.map((item) => formatActionRef(item));
    // Near: the two turfs, the session, the shift, the meeting; the far turf, the committee's
    // turf (not a member) and the session's turf (it has a volunteer) are not offered.
    expect(refs).toEqual(
      expect.arrayContaining([
        `turf:${ids.bigTurf}`,
        `turf:${ids.smallTurf}`,
        `door_session:${ids.session}`,
        `shift:${ids.shift}`,
        `event:${ids.meeting}`,
        `share_kit:${ids.kit}`,
      ]),
    );
    expect(refs).not.toContain(`turf:${ids.farTurf}`);
    expect(refs).not.toContain(`turf:${ids.committeeTurf}`);
    expect(refs).not.toContain(`turf:${ids.sessionTurf}`);
    expect(refs.indexOf(`turf:${ids.bigTurf}`)).toBeLessThan(refs.indexOf(`turf:${ids.smallTurf}`));
    expect(refs.at(-1)).toBe(`share_kit:${ids.kit}`);
    const big = find(items, 'turf', ids.bigTurf)!;
    expect(big).toMatchObject({ doors: 180, taken: false, url: '/canvass/' });
    expect(big.distanceKm).toBeGreaterThan(0.5);
    expect(big.distanceKm).toBeLessThan(2);
    expect(find(items, 'door_session', ids.session)).toMatchObject({ doors: 90, placesLeft: 8 });
    expect(find(items, 'share_kit', ids.kit)).toMatchObject({
      distanceKm: null,
      url: '/articles/notre-programme',
    });
  });

  it('filters by preferred actions and travel distance, and ranks by availability', async () => {
    const save = await supporter.browser.put(
      '/api/me/volunteer-profile',
      profileBody({
        days: ['weekend'],
        dayParts: ['morning'],
        languages: ['fr', 'ar'],
        skills: ['Graphisme'],
        driving: true,
        preferredActions: ['phone_bank', 'events'],
        maxTravelKm: 5,
      }),
    );
    expect(save.statusCode).toBe(200);
    expect(save.json()).toMatchObject({ skills: ['graphisme'], maxTravelKm: 5 });
    const { reachKm, items } = await feed();
    expect(reachKm).toBe(5);
    expect(items.map((item) => item.kind).sort()).toEqual(['event', 'shift']);
    const shift = find(items, 'shift', ids.shift)!;
    const meeting = find(items, 'event', ids.meeting)!;
    expect(shift).toMatchObject({ preferred: true, available: true });
    expect(meeting).toMatchObject({ preferred: true, available: false });
    expect(items.indexOf(shift)).toBeLessThan(items.indexOf(meeting));

    await supporter.browser.put('/api/me/volunteer-profile', profileBody({ maxTravelKm: 1 }));
    const close = await feed();
    // Only what is within a kilometre: the events at the commune's centre, not the turfs.
    expect(close.items.every((item) => item.distanceKm === null || item.distanceKm <= 1)).toBe(
      true,
    );
    expect(find(close.items, 'turf', ids.bigTurf)).toBeUndefined();
    await supporter.browser.put('/api/me/volunteer-profile', profileBody());
  });

  it('offers drivers the turfs in the countryside around, and keeps others within 10 km', async () => {
    // About 24 km south of the supporter's commune: reachable by car only.
    const rural = await insertTurf('Monts du Lyonnais', 60, {
      lat: centre.lat - 0.22,
      lng: centre.lng,
    });
    await refreshActions(t.ctx, [{ kind: 'turf', id: rural }]);
    try {
      expect(find((await feed()).items, 'turf', rural)).toBeUndefined();

      await supporter.browser.put('/api/me/volunteer-profile', profileBody({ driving: true }));
      const driving = await feed();
      expect(driving.reachKm).toBe(40);
      const far = find(driving.items, 'turf', rural)!;
      expect(far.distanceKm).toBeGreaterThan(20);
      expect(find(driving.items, 'turf', ids.bigTurf)).toBeDefined();

      // Without a car, a maximum of 50 km is capped to 10: the near turf, not the rural one.
      await supporter.browser.put('/api/me/volunteer-profile', profileBody({ maxTravelKm: 50 }));
      const walking = await feed();
      expect(walking.reachKm).toBe(10);
      expect(find(walking.items, 'turf', rural)).toBeUndefined();
      expect(find(walking.items, 'turf', ids.bigTurf)).toBeDefined();
    } finally {
      await t.ctx.database.query(
        sql`DELETE FROM field_turfs WHERE campaign_id = ${t.ctx.campaignId} AND id = ${rural}`,
      );
      await refreshActions(t.ctx, [{ kind: 'turf', id: rural }]);
      await supporter.browser.put('/api/me/volunteer-profile', profileBody());
    }
  });

  it('shows the profile to staff who read people, and to no one else', async () => {
    await supporter.browser.put(
      '/api/me/volunteer-profile',
      profileBody({ languages: ['ar', 'fr'], skills: ['Graphisme'], driving: true }),
    );
    const path = `/api/people/${supporter.personId}/volunteer-profile`;
    const staff = await staffBrowser(t, 'lecture@mobilisation.example', ['finance']);
    const seen = await staff.get(path);
    expect(seen.statusCode).toBe(200);
    expect(seen.json()).toMatchObject({
      languages: ['ar', 'fr'],
      skills: ['graphisme'],
      driving: true,
    });
    const moderator = await staffBrowser(t, 'moderation@mobilisation.example', ['moderator']);
    expect((await moderator.get(path)).statusCode).toBe(403);
    const other = await supporterBrowser(t, 'curious@mobilisation.example', {
      postalCode: '69001',
    });
    expect((await other.browser.get(path)).statusCode).toBe(403);
    const anonymous = new Browser(t.app, '10.8.0.9');
    await anonymous.session();
    expect((await anonymous.get(path)).statusCode).toBe(401);
    await supporter.browser.put('/api/me/volunteer-profile', profileBody());
  });

  it('copies the actions whole again only when the last whole copy is over 30 s old', async () => {
    await refreshActions(t.ctx);
    const later = await insertTurf('Saint-Just', 40, { lat: centre.lat, lng: centre.lng - 0.01 });
    try {
      expect(await refreshActionsIfStale(t.ctx)).toBe(false);
      expect(await openAction(t.ctx, { kind: 'turf', id: later })).toBeNull();
      await t.ctx.database.query(
        sql`UPDATE mobilisation_refreshes SET refreshed_at = now() - interval '31 seconds'
             WHERE campaign_id = ${t.ctx.campaignId}`,
      );
      expect(await refreshActionsIfStale(t.ctx)).toBe(true);
      expect(await openAction(t.ctx, { kind: 'turf', id: later })).toMatchObject({
        title: 'Saint-Just',
      });
    } finally {
      await t.ctx.database.query(
        sql`DELETE FROM field_turfs WHERE campaign_id = ${t.ctx.campaignId} AND id = ${later}`,
      );
      await refreshActions(t.ctx);
    }
  });

  it('refuses a profile it cannot store, changing nothing', async () => {
    const before = (await supporter.browser.get('/api/me/volunteer-profile')).json();
    const response = await supporter.browser.put(
      '/api/me/volunteer-profile',
      profileBody({ languages: ['french'], maxTravelKm: 0 }),
    );
    expect(response.statusCode).toBe(400);
    expect(response.headers['content-type']).toMatch(/application\/problem\+json/);
    const problem = response.json() as Problem;
    expect(problem.code).toBe('validation_failed');
    expect(problem.errors?.map((e) => e.field).sort()).toEqual(['languages.0', 'maxTravelKm']);
    expect((await supporter.browser.get('/api/me/volunteer-profile')).json()).toEqual(before);
  });

  it('signs up for a turf once, however often asked, and the turf leaves the feed', async () => {
    const first = await supporter.browser.post('/api/me/actions', {
      kind: 'turf',
      id: ids.bigTurf,
    });
    expect(first.statusCode).toBe(200);
    expect(first.json()).toEqual({
      kind: 'turf',
      id: ids.bigTurf,
      status: 'signed_up',
      url: '/canvass/',
    } satisfies TakeActionResult);
    const again = await supporter.browser.post('/api/me/actions', {
      kind: 'turf',
      id: ids.bigTurf,
    });
    expect((again.json() as TakeActionResult).status).toBe('already');
    expect(await turfsOfVolunteer(t.ctx, supporter.personId, [ids.bigTurf])).toEqual(
      new Set([ids.bigTurf]),
    );
    const [{ count }] = (await t.ctx.database.query<{ count: number }>(
      sql`SELECT count(*)::int AS count FROM field_turf_assignees
           WHERE campaign_id = ${t.ctx.campaignId} AND turf_id = ${ids.bigTurf}`,
    )) as [{ count: number }];
    expect(count).toBe(1);
    const { items } = await feed();
    expect(find(items, 'turf', ids.bigTurf)).toBeUndefined();
  });

  it('answers an event once and marks it taken in the feed', async () => {
    const first = await takeAction(t.ctx, supporter.personId, { kind: 'shift', id: ids.shift });
    expect(first.status).toBe('signed_up');
    const again = await takeAction(t.ctx, supporter.personId, { kind: 'shift', id: ids.shift });
    expect(again.status).toBe('already');
    const shift = find((await feed()).items, 'shift', ids.shift)!;
    expect(shift).toMatchObject({ taken: true, placesLeft: 5 });
  });

  it('refuses a committee’s action to a non-member, an unknown one, and bad input', async () => {
    const other = await supporterBrowser(t, 'other@mobilisation.example', { postalCode: '69001' });
    const members = await other.browser.post('/api/me/actions', {
      kind: 'turf',
      id: ids.committeeTurf,
    });
    expect(members.statusCode).toBe(403);
    expect((members.json() as Problem).code).toBe('members_only');
    const unknown = await other.browser.post('/api/me/actions', {
      kind: 'turf',
      id: ids.farTurf + 1000,
    });
    expect(unknown.statusCode).toBe(404);
    // Another person's turf is no longer open: taking it needs it open.
    const closed = await other.browser.post('/api/me/actions', {
      kind: 'turf',
      id: ids.sessionTurf,
    });
    expect(closed.statusCode).toBe(404);
    for (const body of [
      { kind: 'leaflet', id: 1 },
      { kind: 'turf', id: 'abc' },
      { kind: 'turf' },
    ]) {
      const response = await other.browser.post('/api/me/actions', body);
      expect(response.statusCode).toBe(400);
      expect((response.json() as Problem).code).toBe('validation_failed');
    }
    expect(
      await turfsOfVolunteer(t.ctx, other.personId, [ids.committeeTurf, ids.sessionTurf]),
    ).toEqual(new Set());
    const anonymous = await t.app.inject({ method: 'GET', url: '/api/me/actions' });
    expect(anonymous.statusCode).toBe(401);
  });

  it('keeps each campaign’s actions to itself', async () => {
    const other = await createCampaignApp(t, 'Autre campagne');
    try {
      await refreshActions(other.ctx);
      expect(await listOpenActions(other.ctx, { kinds: ['turf'] })).toEqual([]);
      const stranger = await supporterBrowser(other, 'stranger@mobilisation.example', {
        postalCode: '69001',
      });
      const response = await stranger.browser.post('/api/me/actions', {
        kind: 'turf',
        id: ids.smallTurf,
      });
      expect(response.statusCode).toBe(404);
      expect((await feed(stranger.browser)).items).toEqual([]);
    } finally {
      await other.close();
    }
  });

  it('puts the profile in the data file and erases it with the person', async () => {
    const person = await supporterBrowser(t, 'erased@mobilisation.example', {
      postalCode: '69001',
    });
    await person.browser.put('/api/me/volunteer-profile', profileBody({ driving: true }));
    const file = (await person.browser.get('/api/me/export')).json() as {
      volunteerProfile: VolunteerProfile | null;
    };
    expect(file.volunteerProfile).toMatchObject({ driving: true });
    await erasePerson(t.ctx, person.personId, null);
    const rows = await t.ctx.database.query(
      sql`SELECT 1 FROM mobilisation_profiles
           WHERE campaign_id = ${t.ctx.campaignId} AND person_id = ${person.personId}`,
    );
    expect(rows).toEqual([]);
  });

  it('offers the calls to action its seam', async () => {
    expect(parseActionRef('turf:12')).toEqual({ kind: 'turf', id: 12 });
    expect(parseActionRef('turf:0')).toBeNull();
    expect(parseActionRef('leaflet:3')).toBeNull();
    const turfs = await listOpenActions(t.ctx, {
      kinds: ['turf'],
      near: { lat: centre.lat, lng: centre.lng, km: 5 },
    });
    // Unfiltered by committee: HQ's calls to action see every open turf.
    expect(turfs.map((turf) => turf.id).sort((a, b) => a - b)).toEqual(
      [ids.smallTurf, ids.committeeTurf].sort((a, b) => a - b),
    );
  });
});

describe('ranking', () => {
  it('reads availability only where both sides say something', () => {
    const morning = { dayKind: 'weekend', dayPart: 'morning' } as const;
    expect(availableFor(morning, { days: [], dayParts: [] })).toBeNull();
    expect(
      availableFor({ dayKind: null, dayPart: null }, { days: ['weekend'], dayParts: [] }),
    ).toBeNull();
    expect(availableFor(morning, { days: ['weekend'], dayParts: [] })).toBe(true);
    expect(availableFor(morning, { days: ['weekday'], dayParts: ['morning'] })).toBe(false);
  });
  it('reaches farther by car, 10 km at most without, 20 km when the profile says nothing', () => {
    const filled = '2026-01-01T00:00:00.000Z';
    expect(reachOf({ driving: true, maxTravelKm: null, updatedAt: filled })).toBe(40);
    expect(reachOf({ driving: true, maxTravelKm: 120, updatedAt: filled })).toBe(120);
    expect(reachOf({ driving: false, maxTravelKm: null, updatedAt: filled })).toBe(10);
    expect(reachOf({ driving: false, maxTravelKm: 50, updatedAt: filled })).toBe(10);
    expect(reachOf({ driving: false, maxTravelKm: 3, updatedAt: filled })).toBe(3);
    expect(reachOf({ driving: false, maxTravelKm: null, updatedAt: null })).toBe(20);
  });
  it('prefers need, then nearness, then a time that suits', () => {
    expect(score(1, 5, 20, null)).toBeGreaterThan(score(0.5, 5, 20, null));
    expect(score(0.5, 1, 20, null)).toBeGreaterThan(score(0.5, 15, 20, null));
    expect(score(0.5, 5, 20, true)).toBeGreaterThan(score(0.5, 5, 20, false));
    expect(kindsFor({ preferredActions: ['door_to_door'] })).toEqual(['turf', 'door_session']);
    expect(kindsFor({ preferredActions: [] })).toHaveLength(5);
  });
});

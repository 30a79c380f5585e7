import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { TargetArea, Turf } from '../../../contracts/field-turfs.ts';
import type { ActionFeed } from '../../../contracts/mobilisation.ts';
import { personForEmail } from '../accounts/admin.ts';
import { updateTurf } from '../field/planning/turfs.ts';
import { turfsChangedListeners } from '../field/planning/turfs-changed.ts';
import {
  assignTurf,
  createArea,
  cutArea,
  expectStatus,
  gridTown,
  importOrFail,
} from '../field/test-data.ts';
import {
  createTestApp,
  engines,
  staffBrowser,
  supporterBrowser,
  type Browser,
  type TestApp,
} from '../../testing/harness.ts';
import { listOpenActions, openAction } from './actions.ts';
import { refreshActions } from './sources.ts';

/** Oyonnax, made up: two rows of three streets of 20 addresses, 120 doors. */
const TOWN = { communeCode: '01283', communeName: 'Oyonnax', postalCode: '01100' };
const BOUNDS = { minSize: 30, maxSize: 50 };

// No test here calls refreshActions before reading: the field writes alone must reach the copy.
describe.each(engines)('turf changes reach the feed at once on %s', (engine) => {
  let t: TestApp;
  let staff: Browser;
  let staffId: number;
  let volunteer: Awaited<ReturnType<typeof supporterBrowser>>;
  let area: TargetArea;
  let turfs: Turf[];

  const turfsInCopy = async () =>
    new Set((await listOpenActions(t.ctx, { kinds: ['turf'], limit: 500 })).map((a) => a.id));
  const turfAction = (id: number) => openAction(t.ctx, { kind: 'turf', id });
  const turfsOf = async (areaId: number) =>
    expectStatus<{ items: Turf[] }>(await staff.get(`/api/field/areas/${areaId}/turfs`), 200).items;

  beforeAll(async () => {
    t = await createTestApp(engine);
    staff = await staffBrowser(t, 'hq@turf-changes.example', ['staff']);
    staffId = await personForEmail(t.ctx, 'hq@turf-changes.example');
    const grid = gridTown({ ...TOWN, rows: 2, counts: [20, 20, 20] });
    await importOrFail(t, staff, { kind: 'addresses' }, grid.file, 'adresses-01283.csv');
    volunteer = await supporterBrowser(t, 'volunteer@turf-changes.example', {
      postalCode: TOWN.postalCode,
      communeCode: TOWN.communeCode,
    });
    area = await createArea(staff, { kind: 'communes', name: 'Oyonnax', communes: ['01283'] });
  }, 90_000);
  afterAll(() => t?.close());

  it('offers the turfs of a cut at once, and only the new ones after a second cut', async () => {
    const first = await cutArea(staff, area.id, BOUNDS);
    expect(first.length).toBeGreaterThan(1);
    const inCopy = await turfsInCopy();
    for (const turf of first) expect(inCopy.has(turf.id)).toBe(true);
    expect(await turfAction(first[0].id)).toMatchObject({
      kind: 'turf',
      title: first[0].name,
      doors: first[0].addressCount,
    });
    // The supporter of the town sees them in their feed, through the route it reads.
    const feed = (await volunteer.browser.get('/api/me/actions')).json() as ActionFeed;
    expect(feed.items.filter((item) => item.kind === 'turf').map((item) => item.id)).toEqual(
      expect.arrayContaining(first.map((turf) => turf.id)),
    );

    turfs = await cutArea(staff, area.id, BOUNDS);
    const after = await turfsInCopy();
    for (const turf of first) expect(after.has(turf.id)).toBe(false);
    for (const turf of turfs) expect(after.has(turf.id)).toBe(true);
  });

  it('drops a turf given to a volunteer, and offers it again when they are taken off', async () => {
    const [turf] = turfs;
    await assignTurf(staff, turf.id, [volunteer.personId]);
    expect(await turfAction(turf.id)).toBeNull();
    await assignTurf(staff, turf.id, []);
    expect(await turfAction(turf.id)).toMatchObject({ title: turf.name });
  });

  it('follows the service as well: dates over close a turf, dates ahead open it again', async () => {
    const [, turf] = turfs;
    await updateTurf(t.ctx, turf.id, { startsOn: '2020-03-01', endsOn: '2020-03-15' }, staffId);
    expect(await turfAction(turf.id)).toBeNull();
    await updateTurf(t.ctx, turf.id, { startsOn: null, endsOn: null }, staffId);
    expect(await turfAction(turf.id)).toMatchObject({ title: turf.name });
  });

  it('follows a split and a merge', async () => {
    const [turf] = turfs;
    const halves = expectStatus<{ items: Turf[] }>(
      await staff.post(`/api/field/turfs/${turf.id}/split`, {}),
      200,
    ).items;
    expect(halves).toHaveLength(2);
    for (const half of halves) {
      expect(await turfAction(half.id)).toMatchObject({ doors: half.addressCount });
    }
    const merged = expectStatus<Turf>(
      await staff.post('/api/field/turfs/merge', { turfIds: halves.map((half) => half.id) }),
      200,
    );
    expect(await turfAction(halves[1].id)).toBeNull();
    expect(await turfAction(merged.id)).toMatchObject({ doors: turf.addressCount });
  });

  it('keeps the field write when a listener fails', async () => {
    const [, turf] = turfs;
    const failing = () => Promise.reject(new Error('listener down'));
    turfsChangedListeners.add(failing);
    try {
      await assignTurf(staff, turf.id, [volunteer.personId]);
      expect(await turfAction(turf.id)).toBeNull();
    } finally {
      turfsChangedListeners.delete(failing);
      await assignTurf(staff, turf.id, []);
    }
  });

  it('drops the turfs of a deleted area', async () => {
    const ids = (await turfsOf(area.id)).map((turf) => turf.id);
    expect(ids.length).toBeGreaterThan(0);
    expectStatus(await staff.request('DELETE', `/api/field/areas/${area.id}`), 200);
    const inCopy = await turfsInCopy();
    for (const id of ids) expect(inCopy.has(id)).toBe(false);
  });

  it('drops, when asked for one, a turf that is gone or has a volunteer', async () => {
    const other = await createArea(staff, {
      kind: 'communes',
      name: 'Encore',
      communes: ['01283'],
    });
    const [gone, given] = await cutArea(staff, other.id, BOUNDS);
    // Written behind field's back, as a write without a listener would.
    await t.ctx.database.query(
      sql`DELETE FROM field_turf_addresses WHERE campaign_id = ${t.ctx.campaignId} AND turf_id = ${gone.id}`,
    );
    await t.ctx.database.query(
      sql`DELETE FROM field_turfs WHERE campaign_id = ${t.ctx.campaignId} AND id = ${gone.id}`,
    );
    await t.ctx.database.query(
      sql`INSERT INTO field_turf_assignees (campaign_id, turf_id, person_id)
          VALUES (${t.ctx.campaignId}, ${given.id}, ${volunteer.personId})`,
    );
    expect(await turfAction(gone.id)).not.toBeNull();
    expect(await turfAction(given.id)).not.toBeNull();
    expect(
      await refreshActions(t.ctx, [
        { kind: 'turf', id: gone.id },
        { kind: 'turf', id: given.id },
      ]),
    ).toBe(0);
    expect(await turfAction(gone.id)).toBeNull();
    expect(await turfAction(given.id)).toBeNull();
  });
});

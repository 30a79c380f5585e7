import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Turf } from '../../../../contracts/field-turfs.ts';
import {
  createTestApp,
  engines,
  staffBrowser,
  supporterBrowser,
  type Browser,
  type TestApp,
} from '../../../testing/harness.ts';
import {
  AIN,
  assignTurf,
  createArea,
  cutArea,
  dbRows,
  importFixtureAddresses,
  syncVisits,
  visitOf,
  walkListOf,
} from '../test-data.ts';

type Supporter = Awaited<ReturnType<typeof supporterBrowser>>;

/**
 * Requests arriving together are checked and written by one statement (visit-writer.ts): each
 * must still be answered for its own volunteer, and one that the database refuses must not
 * take its neighbours down with it.
 */
describe.each(engines)('visits of several requests written together (%s)', (engine) => {
  let t: TestApp;
  let staff: Browser;
  let turf: Turf;
  let other: Turf;
  let doors: number[];
  let alice: Supporter;
  let bruno: Supporter;
  let outsider: Supporter;

  const volunteerOf = async (id: string) =>
    (
      await dbRows<{ volunteer: number }>(
        t,
        `SELECT volunteer_person_id::int AS volunteer FROM field_visits
          WHERE campaign_id = $1 AND id = $2::uuid`,
        [t.ctx.campaignId, id],
      )
    ).map((row) => row.volunteer);

  beforeAll(async () => {
    t = await createTestApp(engine);
    staff = await staffBrowser(t, 'batch@field.example', ['staff']);
    await importFixtureAddresses(t, staff);
    const area = await createArea(staff, {
      kind: 'communes',
      name: 'L’Abergement et Ambérieu',
      communes: [AIN.abergement.code, AIN.amberieu.code],
    });
    const turfs = await cutArea(staff, area.id, { minSize: 5, maxSize: 8 });
    turf = turfs.reduce((a, b) => (b.addressCount > a.addressCount ? b : a));
    other = turfs.find((candidate) => candidate.id !== turf.id)!;
    doors = (await walkListOf(staff, turf.id)).addresses.map((a) => a.id);
    [alice, bruno, outsider] = await Promise.all(
      ['alice', 'bruno', 'outsider'].map((name) =>
        supporterBrowser(t, `${name}@batch.example`, { firstName: name }),
      ),
    );
    await assignTurf(staff, turf.id, [alice.personId, bruno.personId]);
    await assignTurf(staff, other.id, [outsider.personId]);
  }, 90_000);
  afterAll(() => t?.close());

  it('answers each request for its own volunteer and turf', async () => {
    const sent = [
      { who: alice, visit: visitOf(turf.id, doors[0]) },
      { who: bruno, visit: visitOf(turf.id, doors[1]) },
      { who: outsider, visit: visitOf(turf.id, doors[2]) },
      { who: alice, visit: visitOf(other.id, doors[3]) },
      { who: bruno, visit: visitOf(turf.id, 987_654_321) },
      { who: alice, visit: visitOf(999_999, doors[4]) },
    ];
    const answers = await Promise.all(
      sent.map(async ({ who, visit }) => (await syncVisits(who.browser, [visit]))[0]),
    );
    expect(answers.map((a) => (a.code ? `${a.status}:${a.code}` : a.status))).toEqual([
      'stored',
      'stored',
      'rejected:turf_not_assigned',
      'rejected:turf_not_assigned',
      'rejected:unknown_address',
      'rejected:unknown_turf',
    ]);
    expect(await volunteerOf(sent[0].visit.id)).toEqual([alice.personId]);
    expect(await volunteerOf(sent[1].visit.id)).toEqual([bruno.personId]);
    for (const { visit } of sent.slice(2)) expect(await volunteerOf(visit.id)).toEqual([]);
  });

  it('stores a visit sent by several requests at once once, whatever else they carry', async () => {
    const shared = visitOf(turf.id, doors[0]);
    const own = [0, 1, 2, 3].map((i) => visitOf(turf.id, doors[i + 1]));
    const answers = await Promise.all(
      own.map((visit, i) => syncVisits((i % 2 ? bruno : alice).browser, [visit, shared])),
    );
    expect(answers.map(([mine]) => mine.status)).toEqual(['stored', 'stored', 'stored', 'stored']);
    expect(answers.map(([, theirs]) => theirs.status).sort()).toEqual([
      'duplicate',
      'duplicate',
      'duplicate',
      'stored',
    ]);
    expect(await volunteerOf(shared.id)).toHaveLength(1);
  });

  it('keeps the neighbours of a visit the database refuses', async () => {
    // A visit the route accepts but the database refuses (a trigger stands in for whatever a
    // database may refuse one row for): that request fails alone.
    const refused = visitOf(turf.id, doors[0]);
    await dbRows(
      t,
      `CREATE FUNCTION refuse_one_visit() RETURNS trigger LANGUAGE plpgsql AS $$
       BEGIN
         IF NEW.id = '${refused.id}'::uuid THEN RAISE EXCEPTION 'refused for the test'; END IF;
         RETURN NEW;
       END $$`,
    );
    await dbRows(
      t,
      `CREATE TRIGGER refuse_one_visit BEFORE INSERT ON field_visits
         FOR EACH ROW EXECUTE FUNCTION refuse_one_visit()`,
    );
    const fine = [0, 1, 2, 3].map((i) => visitOf(turf.id, doors[i + 1]));
    const responses = await Promise.all([
      ...fine.map((visit) => alice.browser.post('/api/field/visits', { visits: [visit] })),
      bruno.browser.post('/api/field/visits', { visits: [refused] }),
    ]);
    expect(responses.slice(0, 4).map((r) => r.statusCode)).toEqual([200, 200, 200, 200]);
    expect(responses[4].statusCode).not.toBe(200);
    for (const visit of fine) expect(await volunteerOf(visit.id)).toEqual([alice.personId]);
    expect(await volunteerOf(refused.id)).toEqual([]);
    await dbRows(t, 'DROP TRIGGER refuse_one_visit ON field_visits');
    await dbRows(t, 'DROP FUNCTION refuse_one_visit()');
  });
});

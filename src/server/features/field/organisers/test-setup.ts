/**
 * The stage of the organisers' tests: the Ain fixture's addresses cut into small turfs, two
 * committees with their organisers, a member and a follower of the first, a supporter, staff
 * who manage the field and staff who manage events but not the field; one turf given to each
 * committee, one kept by HQ.
 */
import type { Committee } from '../../../../contracts/committees.ts';
import type { Turf } from '../../../../contracts/field-turfs.ts';
import {
  createTestApp,
  staffBrowser,
  supporterBrowser,
  type Browser,
  type EngineName,
  type TestApp,
} from '../../../testing/harness.ts';
import { AIN, createArea, cutArea, expectStatus, importFixtureAddresses } from '../test-data.ts';

export type Supporter = Awaited<ReturnType<typeof supporterBrowser>>;

export interface OrganisersStage {
  t: TestApp;
  staff: Browser;
  /** Staff holding every permission but `field.manage`. */
  eventStaff: Browser;
  organiser: Supporter;
  member: Supporter;
  follower: Supporter;
  otherOrganiser: Supporter;
  supporter: Supporter;
  committee: Committee;
  otherCommittee: Committee;
  /** Given to `committee`, to `otherCommittee`, to neither. */
  ours: Turf;
  theirs: Turf;
  hq: Turf;
  /** Turfs of no committee besides `hq`. */
  spare: Turf[];
}

export async function organisersStage(
  engine: EngineName,
  domain: string,
): Promise<OrganisersStage> {
  const t = await createTestApp(engine);
  const staff = await staffBrowser(t, `staff@${domain}`, ['staff']);
  const { permissionSchema } = await import('../../../../contracts/roles.ts');
  const eventStaff = await staffBrowser(
    t,
    `events-staff@${domain}`,
    [],
    permissionSchema.options.filter((permission) => permission !== 'field.manage'),
  );
  await importFixtureAddresses(t, staff);
  const area = await createArea(staff, {
    kind: 'communes',
    name: 'L’Abergement et Ambérieu',
    communes: [AIN.abergement.code, AIN.amberieu.code],
  });
  let turfs = await cutArea(staff, area.id, { minSize: 5, maxSize: 8 });
  // Small turfs split until there are four of them, each of a few doors.
  while (turfs.length < 4) {
    const largest = turfs.reduce((a, b) => (b.addressCount > a.addressCount ? b : a));
    await staff.post(`/api/field/turfs/${largest.id}/split`);
    turfs = expectStatus<{ items: Turf[] }>(
      await staff.get(`/api/field/areas/${area.id}/turfs`),
      200,
    ).items;
  }
  const [organiser, member, follower, otherOrganiser, supporter] = await Promise.all(
    ['olga', 'marin', 'fanny', 'oscar', 'sacha'].map((name) =>
      supporterBrowser(t, `${name}@${domain}`, {
        firstName: name[0].toUpperCase() + name.slice(1),
        lastName: 'Terrain',
      }),
    ),
  );
  const committee = expectStatus<Committee>(
    await organiser.browser.post('/api/committees', {
      name: 'Comité de L’Abergement',
      place: { postalCode: '01400' },
    }),
    201,
  );
  const otherCommittee = expectStatus<Committee>(
    await otherOrganiser.browser.post('/api/committees', {
      name: 'Comité d’Ambérieu',
      place: { postalCode: '01500' },
    }),
    201,
  );
  const membership = `/api/committees/${committee.id}/membership`;
  expectStatus(await member.browser.put(membership, { as: 'member' }), 200);
  expectStatus(await follower.browser.put(membership, { as: 'follower' }), 200);
  const [ours, theirs, hq, ...spare] = turfs;
  const giveTo = async (turf: Turf, committeeId: number) =>
    expectStatus<Turf>(
      await staff.request('PATCH', `/api/field/turfs/${turf.id}`, { committeeId }),
      200,
    );
  return {
    t,
    staff,
    eventStaff,
    organiser,
    member,
    follower,
    otherOrganiser,
    supporter,
    committee,
    otherCommittee,
    ours: await giveTo(ours, committee.id),
    theirs: await giveTo(theirs, otherCommittee.id),
    hq,
    spare,
  };
}

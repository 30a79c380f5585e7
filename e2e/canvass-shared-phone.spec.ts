// One phone, two volunteers: Alice records two visits offline and logs out; Basile logs in on
// the same phone and the network comes back. Alice's visits are not sent under Basile's
// session (the server has none of them), the app says they wait for her account, Basile's own
// visit goes at once; when Alice logs in again, hers are sent and counted as hers.
import type { Request } from '@playwright/test';
import {
  capitalized,
  createSupporter,
  csrfHeaders,
  expect,
  logIn,
  test,
  uniq,
} from './support/fixtures.ts';
import {
  addressButton,
  giveTurf,
  json,
  openAppControlled,
  outboxLine,
  personIdByEmail,
  recordKnock,
  storedRows,
  turfOfNewCommune,
  volunteerPhone,
  walkHeading,
} from './support/field.ts';

interface OutboxRow {
  id: string;
  status: 'pending' | 'rejected';
  personId?: number;
  attempts: number;
}

interface Progress {
  visits: number;
  volunteers: Array<{ personId: number; visits: number }>;
}

test('visits waiting on a shared phone go under the account that recorded them', async ({
  adminPage,
  browser,
  baseURL,
  request,
}) => {
  test.setTimeout(180_000);
  const staff = adminPage.request;
  const tag = capitalized(uniq());
  const { turf, addresses } = await turfOfNewCommune(
    staff,
    { area: `Zone partagée ${tag}`, commune: `Partage ${tag}`, street: `Rue ${tag}` },
    // The smallest turf the cutting accepts is 5 addresses (bounds count ± 2).
    8,
  );
  const alice = await volunteerPhone(browser, baseURL, 'Alice');
  const { page, context } = alice;
  // Made on a request of its own: confirming a sign-up must not touch the phone's session.
  const basile = await createSupporter(request, { firstName: 'Basile' });
  const aliceId = await personIdByEmail(staff, alice.person.email);
  const basileId = await personIdByEmail(staff, basile.email);
  // Given to both: a visit of Alice's sent under Basile's session would be stored as his.
  await giveTurf(staff, turf.id, [aliceId, basileId]);
  const progress = async () =>
    json<Progress>(await staff.get(`/api/field/progress?turfId=${turf.id}`));
  const visitSends: Request[] = [];
  page.on('request', (sent) => {
    if (sent.method() === 'POST' && new URL(sent.url()).pathname === '/api/field/visits')
      visitSends.push(sent);
  });

  try {
    await test.step('Alice opens the turf with network, then records two visits offline', async () => {
      await openAppControlled(page);
      await page.getByRole('button', { name: turf.name }).tap();
      await expect(walkHeading(page, turf.name)).toBeVisible();
      await context.setOffline(true);
      await recordKnock(page, turf.name, addresses[0], 'Absent');
      await recordKnock(page, turf.name, addresses[1], 'Refus');
      await expect(outboxLine(page)).toContainText('2 visites en attente d’envoi');
    });

    const alices = await storedRows<OutboxRow>(page, 'outbox');
    expect(alices.map((row) => row.personId)).toEqual([aliceId, aliceId]);

    await test.step('Alice logs out, Basile logs in on the phone, the network comes back', async () => {
      // What the site's « Se déconnecter » does, then Basile's login, on the phone's cookies.
      const logout = await context.request.post('/api/auth/logout', {
        headers: await csrfHeaders(context.request),
      });
      expect(logout.status(), await logout.text()).toBe(200);
      await logIn(context.request, basile.email);
      await context.setOffline(false);

      await expect(outboxLine(page)).toContainText(
        '2 visites enregistrées par un autre compte attendent qu’il se reconnecte sur ce téléphone.',
      );
      await expect(outboxLine(page)).toContainText('Toutes vos visites sont envoyées.');
    });

    await test.step('Alice’s visits stay on the phone; the server has none of them', async () => {
      // Basile's own visit goes at once: once the server has it, any send of Alice's would
      // have been made before it.
      await recordKnock(page, turf.name, addresses[2], 'Absent', '');
      await expect
        .poll(async () => (await progress()).volunteers)
        .toEqual([expect.objectContaining({ personId: basileId, visits: 1 })]);
      expect((await progress()).visits).toBe(1);
      const sentIds = visitSends.flatMap((sent) =>
        (sent.postDataJSON() as { visits: Array<{ id: string }> }).visits.map((v) => v.id),
      );
      expect(sentIds).toHaveLength(1);
      for (const row of alices) expect(sentIds).not.toContain(row.id);
      const waiting = await storedRows<OutboxRow>(page, 'outbox');
      expect(waiting).toEqual(
        alices.map((row) => expect.objectContaining({ ...row, status: 'pending' }) as unknown),
      );
      await expect(addressButton(page, addresses[0])).toHaveAccessibleDescription(
        'Absent · à envoyer',
      );
    });

    await test.step('Alice logs in again: her visits are sent, and counted as hers', async () => {
      await logIn(context.request, alice.person.email);
      // Where the login page brings her back.
      await page.goto('/canvass/');
      await expect
        .poll(async () => storedRows<OutboxRow>(page, 'outbox'), { timeout: 20_000 })
        .toEqual([]);
      await expect(outboxLine(page)).toHaveText('Toutes vos visites sont envoyées.');
      const after = await progress();
      expect(after.visits).toBe(3);
      expect(after.volunteers).toEqual(
        expect.arrayContaining([
          expect.objectContaining({ personId: aliceId, visits: 2 }),
          expect.objectContaining({ personId: basileId, visits: 1 }),
        ]),
      );
      expect(after.volunteers).toHaveLength(2);
    });
  } finally {
    await context.close();
  }
});

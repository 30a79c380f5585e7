// Door-to-door in the organisers' hands: HQ gives a committee a turf; its organiser gives it to a
// member for dates from the committee's page, makes a door-to-door session carry it from the
// event's page; someone going to the session reads on its public page how many doors it covers
// (no address) and finds the turf in the canvassing app; HQ's turf drawer names the session.
import type { APIRequestContext, Browser } from '@playwright/test';
import {
  capitalized,
  createSupporter,
  csrfHeaders,
  expect,
  logIn,
  test,
  uniq,
} from './support/fixtures.ts';
import { giveTurfToCommittee, json, turfOfNewCommune } from './support/field.ts';

const DOORS = 12;

/** A supporter in a browser of their own, logged in. */
async function supporterContext(browser: Browser, baseURL: string | undefined, firstName: string) {
  const context = await browser.newContext({
    baseURL,
    locale: 'fr-FR',
    timezoneId: 'Europe/Paris',
  });
  const person = await createSupporter(context.request, { firstName });
  await logIn(context.request, person.email);
  return { context, person, page: await context.newPage() };
}

async function post<T>(request: APIRequestContext, url: string, data: unknown): Promise<T> {
  return json<T>(await request.post(url, { headers: await csrfHeaders(request), data }));
}

test('an organiser gives the committee’s turf to a member and has a session carry it to those going', async ({
  page,
  adminPage,
  browser,
  baseURL,
}) => {
  const tag = capitalized(uniq());
  const { area, turf, addresses } = await turfOfNewCommune(
    adminPage.request,
    { area: `Zone des Lilas ${tag}`, commune: `Lilas-${tag}`, street: `Rue des Lilas ${tag}` },
    DOORS,
  );

  const organiser = await createSupporter(page.request, { firstName: 'Odile' });
  await logIn(page.request, organiser.email);
  const committeeName = `Comité des Lilas ${tag}`;
  const committee = await post<{ id: number }>(page.request, '/api/committees', {
    name: committeeName,
    place: { postalCode: '44000' },
  });
  await giveTurfToCommittee(adminPage.request, turf.id, committee.id);
  const member = await supporterContext(browser, baseURL, 'Mathis');
  const goer = await supporterContext(browser, baseURL, 'Aurore');
  const visitor = await browser.newContext({ baseURL, locale: 'fr-FR' });
  try {
    const joined = await member.context.request.put(`/api/committees/${committee.id}/membership`, {
      data: { as: 'member' },
      headers: await csrfHeaders(member.context.request),
    });
    expect(joined.status(), await joined.text()).toBe(200);
    const memberName = `${member.person.firstName} ${member.person.lastName}`;

    await test.step('the organiser gives the turf to a member, for dates', async () => {
      await page.goto(`/me/committees/${committee.id}/manage`);
      const section = page.getByRole('region', { name: 'Porte-à-porte' });
      const table = section.getByRole('table', { name: 'Secteurs du comité' });
      const row = table.getByRole('row').filter({ hasText: turf.name });
      await expect(row).toContainText(`0 / ${DOORS} visitées`);
      await row.getByRole('button', { name: `Confier « ${turf.name} »` }).click();
      const dialog = page.getByRole('dialog', { name: `Confier « ${turf.name} »` });
      await dialog.getByRole('textbox', { name: 'Du', exact: true }).fill('06/03/2031');
      await dialog.getByRole('textbox', { name: 'Au', exact: true }).fill('07/03/2031');
      await dialog.getByRole('textbox', { name: 'Membres du comité' }).click();
      await page.getByRole('option', { name: memberName }).click();
      // The list stays open for more names: leaving the field closes it.
      await page.keyboard.press('Tab');
      await dialog.getByRole('button', { name: 'Enregistrer' }).click();
      await expect(dialog).toBeHidden();
      await expect(page.getByText(`Secteur « ${turf.name} » confié.`)).toBeVisible();
      await expect(row).toContainText(memberName);
      await expect(row).toContainText('du 6 mars au 7 mars');
    });

    const startsAt = new Date(Date.now() + 3 * 86_400_000);
    const title = `Porte-à-porte aux Lilas ${tag}`;
    const session = await post<{ id: number }>(
      page.request,
      `/api/committees/${committee.id}/events`,
      {
        type: 'door_to_door',
        title,
        startsAt: startsAt.toISOString(),
        endsAt: new Date(startsAt.getTime() + 3 * 3_600_000).toISOString(),
        place: { postalCode: '44000' },
      },
    );

    await test.step('the organiser has the session carry the committee’s turf', async () => {
      await page.goto(`/me/events/${session.id}/manage`);
      const section = page.getByRole('region', { name: 'Secteurs de la session' });
      await expect(section.getByText('Cette session ne porte encore aucun secteur.')).toBeVisible();
      await section.getByRole('textbox', { name: 'Secteur à ajouter' }).click();
      await page.getByRole('option', { name: `${turf.name} (${DOORS} portes)` }).click();
      await section.getByRole('button', { name: 'Ajouter', exact: true }).click();
      await expect(page.getByText(`Secteur « ${turf.name} » ajouté à la session.`)).toBeVisible();
      const row = section
        .getByRole('table', { name: 'Secteurs portés par la session' })
        .getByRole('row')
        .filter({ hasText: turf.name });
      await expect(row).toContainText(committeeName);
      await expect(section.getByText(`1 secteur, ${DOORS} portes`)).toBeVisible();
    });

    await test.step('the public page counts the doors, never an address', async () => {
      const anonymous = await visitor.newPage();
      await anonymous.goto(`/events/${session.id}`);
      await expect(
        anonymous.getByText(`Cette session couvre 1 secteur (${DOORS} portes).`),
      ).toBeVisible();
      await expect(anonymous.getByText(addresses[0].street)).toHaveCount(0);
      await expect(
        anonymous.getByRole('link', {
          name: 'Ouvrir mes secteurs dans l’application de porte-à-porte',
        }),
      ).toHaveCount(0);
    });

    await test.step('someone going finds the turf in the canvassing app', async () => {
      const answered = await goer.context.request.put(`/api/events/${session.id}/rsvp`, {
        data: {},
        headers: await csrfHeaders(goer.context.request),
      });
      expect(answered.status(), await answered.text()).toBe(200);
      await goer.page.goto(`/events/${session.id}`);
      await goer.page
        .getByRole('link', { name: 'Ouvrir mes secteurs dans l’application de porte-à-porte' })
        .click();
      await expect(
        goer.page.getByRole('heading', { name: 'Mes secteurs', level: 1 }),
      ).toBeVisible();
      await expect(goer.page.getByText(turf.name)).toBeVisible();
    });

    await test.step('HQ’s turf drawer names the session', async () => {
      await adminPage.goto(`/hq/field/areas/${area.id}`);
      await adminPage
        .getByRole('button', { name: `Liste de marche du secteur ${turf.name}` })
        .click();
      const drawer = adminPage.getByRole('dialog', { name: `Liste de marche : ${turf.name}` });
      const sessions = drawer.getByRole('region', { name: 'Sessions qui portent ce secteur' });
      await expect(sessions.getByRole('link', { name: title })).toBeVisible();
      await expect(sessions).toContainText(committeeName);
      await expect(sessions).toContainText('1 participant');
    });
  } finally {
    await Promise.all([member.context.close(), goer.context.close(), visitor.close()]);
  }
});

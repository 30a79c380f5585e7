// HQ calls to action: a turf cut here waits for volunteers; HQ finds its commune among the
// areas that need volunteers, sends a call to the supporters of that commune (distance 0, so
// only this run's supporter, made there, is reached), the supporter opens the mail's link on a
// phone without being logged in, signs up for the turf with one tap, and HQ sees the sign-up.
// The campaign is shared with specs running in parallel: names are unique per run, the call
// reaches one commune only, and nothing assumes an empty list.
import {
  capitalized,
  createSupporter,
  expect,
  linkIn,
  mailbox,
  test,
  uniq,
} from './support/fixtures.ts';
import { json, turfOfNewCommune } from './support/field.ts';

const escaped = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

interface AreaNeed {
  communeCode: string;
  communeName: string;
  needs: Array<{ kind: string; id: number }>;
}

test('HQ calls the supporters near an unassigned turf; one signs up from the mail in one tap', async ({
  page,
  adminPage,
}) => {
  test.setTimeout(240_000);
  const id = capitalized(uniq());
  const subject = `Un secteur vous attend ${id}`;

  // HQ has the needs list open before the turf is cut: the list it shows cannot hold it.
  await adminPage.goto('/hq/calls-to-action/new');
  await expect(
    adminPage.getByRole('heading', { name: 'Zones qui manquent de bénévoles' }),
  ).toBeVisible();
  const { turf } = await turfOfNewCommune(
    adminPage.request,
    { area: `Zone ${id}`, commune: `Bourg ${id}`, street: `Rue ${id}` },
    12,
  );
  const turfTitle = turf.name;
  const turfAction = adminPage.getByRole('checkbox', {
    name: new RegExp(`^${escaped(turfTitle)} · `),
  });

  // The needs list copies the open actions again when its copy is over 30 s old (another spec
  // may have had one made a moment ago): HQ asks for a copy now after cutting.
  await test.step('HQ updates the needs list now and finds the new turf in it', async () => {
    await adminPage.getByRole('button', { name: 'Mettre à jour maintenant' }).click();
    await expect(adminPage.getByTestId('needs-freshness')).toHaveText(
      /^À jour il y a \d+ secondes?\.$/,
    );
  });

  // The commune the turf's place falls in, as the needs list names it, and one of its postal codes.
  const areas = await json<AreaNeed[]>(await adminPage.request.get('/api/calls-to-action/needs'));
  const area = areas.find((a) => a.needs.some((n) => n.kind === 'turf' && n.id === turf.id));
  expect(area, 'the new turf is among the needs').toBeTruthy();
  await adminPage
    .getByRole('checkbox', { name: `${area!.communeName} (${area!.communeCode})` })
    .check();
  await expect(turfAction).toBeVisible();
  const [commune] = await json<Array<{ postalCodes: string[] }>>(
    await page.request.get(`/api/geo/communes/by-code?codes=${area!.communeCode}`),
  );
  const supporter = await createSupporter(page.request, {
    firstName: 'Dominique',
    postalCode: commune!.postalCodes[0]!,
    communeCode: area!.communeCode,
    consents: { email: true, sms: false, phone: false },
  });

  await test.step('HQ picks the commune and the turf, counts the recipients and sends', async () => {
    await adminPage.goto('/hq/calls-to-action');
    await expect(
      adminPage.getByRole('heading', { name: 'Appels à l’action', level: 1 }),
    ).toBeVisible();
    await adminPage.getByRole('link', { name: 'Nouvel appel' }).click();
    await expect(
      adminPage.getByRole('heading', { name: 'Zones qui manquent de bénévoles' }),
    ).toBeVisible();
    await adminPage
      .getByRole('checkbox', { name: `${area!.communeName} (${area!.communeCode})` })
      .check();
    await turfAction.check();
    await adminPage.getByRole('textbox', { name: 'Distance autour des zones (km)' }).fill('0');
    await adminPage.getByRole('textbox', { name: 'Objet' }).fill(subject);
    await adminPage
      .getByRole('textbox', { name: 'Message' })
      .fill(`Bonjour,\n\nLe **${turfTitle}** attend ses bénévoles.`);
    await adminPage.getByRole('button', { name: 'Compter les destinataires' }).click();
    await expect(adminPage.getByTestId('call-audience')).toContainText('1 personne à joindre');
    await adminPage.getByRole('button', { name: 'Envoyer l’appel' }).click();
    const dialog = adminPage.getByRole('dialog');
    await expect(dialog).toContainText('Envoyer cet appel à 1 personne ?');
    await dialog.getByRole('button', { name: 'Envoyer l’appel' }).click();
    await expect(adminPage).toHaveURL(/\/hq\/calls-to-action\/\d+$/);
    await expect(adminPage.getByRole('heading', { name: `Appel : ${subject}` })).toBeVisible();
  });

  await test.step('the supporter opens the mail on a phone and signs up with one tap', async () => {
    const mail = await mailbox.waitFor(supporter.email, new RegExp(escaped(subject)));
    expect(mail.headers['list-unsubscribe']).toContain('/act/unsubscribe?token=');
    await page.setViewportSize({ width: 390, height: 844 });
    await page.goto(linkIn(mail, '/act'));
    await expect(page.getByText(turfTitle, { exact: true })).toBeVisible();
    await page.getByRole('button', { name: 'Je confirme mon inscription' }).click();
    await expect(page.getByRole('status')).toContainText('vous êtes inscrit·e');
  });

  await test.step('HQ sees the response', async () => {
    await expect(async () => {
      await adminPage.reload();
      await expect(adminPage.getByRole('group', { name: 'Inscriptions' })).toContainText('1');
      await expect(adminPage.getByRole('group', { name: 'Personnes ayant cliqué' })).toContainText(
        '1',
      );
    }).toPass({ timeout: 20_000 });
    await adminPage.getByRole('link', { name: 'Tous les appels' }).click();
    const listed = adminPage.getByRole('row', { name: new RegExp(escaped(subject)) });
    await expect(listed).toBeVisible();
  });
});

// "Act near me": HQ cuts a turf near Mende (a place no other spec uses: their addresses lie
// near Châtillon-sur-Chalaronne), a supporter of Mende says on a phone what they like to do,
// sees the turf in their feed and signs up for it with one tap; the turf leaves the feed and
// HQ sees its volunteer. The campaign is shared with specs running in parallel: names and
// communes are unique per run, and nothing assumes an empty list.
import { banFile, communeIntoOneTurf, json, madeUpCommuneCode } from './support/field.ts';
import {
  capitalized,
  createSupporter,
  csrfHeaders,
  expect,
  logIn,
  test,
  uniq,
} from './support/fixtures.ts';

/** Mende (48095), whose centre the feed measures from; the addresses lie about 1.5 km away. */
const MENDE = { postalCode: '48000', communeCode: '48095' };

/** `count` addresses of a made-up commune, moved near Mende. */
function addressesNearMende(code: string, commune: string, street: string, count: number) {
  const [header, ...rows] = banFile(code, commune, street, count).trimEnd().split('\n');
  const moved = rows.map((row, i) => {
    const fields = row.split(';');
    fields[12] = (3.51 + (i + 1) * 0.0002).toFixed(6);
    fields[13] = (44.53 + (i + 1) * 0.0001).toFixed(6);
    return fields.join(';');
  });
  return [header, ...moved].join('\n') + '\n';
}

test('a supporter sets their volunteer profile, finds a turf near them and takes it in one tap', async ({
  page,
  adminPage,
}) => {
  test.setTimeout(180_000);
  const id = capitalized(uniq());
  const code = madeUpCommuneCode();

  // HQ: the commune's addresses, an area cut into one turf, and the open actions copied now.
  const headers = await csrfHeaders(adminPage.request);
  const started = await json<{ id: number }>(
    await adminPage.request.post('/api/field/imports', {
      headers,
      multipart: {
        kind: 'addresses',
        label: '',
        file: {
          name: `adresses-${code}.csv`,
          mimeType: 'text/csv',
          buffer: Buffer.from(addressesNearMende(code, `Hameau ${id}`, `Chemin ${id}`, 30)),
        },
      },
    }),
  );
  await expect
    .poll(
      async () =>
        (
          await json<{ status: string }>(
            await adminPage.request.get(`/api/field/imports/${started.id}`),
          )
        ).status,
      { timeout: 30_000 },
    )
    .toBe('succeeded');
  const { area, turf } = await communeIntoOneTurf(adminPage.request, `Zone ${id}`, code, 30);
  await json(
    await adminPage.request.post('/api/mobilisation/actions/refresh', {
      headers: await csrfHeaders(adminPage.request),
    }),
  );

  const supporter = await createSupporter(page.request, { firstName: 'Lou', ...MENDE });
  await logIn(page.request, supporter.email);
  await page.setViewportSize({ width: 390, height: 844 });
  // From the supporter space's home, through its link.
  await page.goto('/me');
  await page.getByRole('link', { name: 'Agir près de chez moi' }).click();
  await expect(page).toHaveURL(/\/me\/actions$/);
  await expect(
    page.getByRole('heading', { name: 'Agir près de chez moi', level: 1 }),
  ).toBeVisible();

  await test.step('the supporter says what they like to do and how far they go', async () => {
    await page.getByRole('checkbox', { name: 'Porte-à-porte' }).check();
    await page.getByRole('checkbox', { name: 'Le week-end' }).check();
    await page.getByRole('textbox', { name: 'Distance maximale (km)' }).fill('10');
    const languages = page.getByRole('textbox', { name: /Langues parlées/ });
    await languages.fill('oc');
    await languages.press('Enter');
    await page.getByRole('button', { name: 'Enregistrer' }).click();
    await expect(page.getByText('Profil de bénévole enregistré.')).toBeVisible();
    await expect(page.getByText('jusqu’à 10 km')).toBeVisible();
  });

  const feed = page.getByRole('list', { name: 'Actions près de chez moi' });
  const card = feed.getByRole('listitem').filter({ hasText: turf.name });
  await test.step('the turf is in the feed, with its doors and distance', async () => {
    await expect(card).toBeVisible();
    await expect(card).toContainText('Secteur à prendre');
    await expect(card).toContainText('30 portes');
    await expect(card).toContainText(/à \d+([,.]\d)? km/);
    // Only door-to-door: the feed holds turfs and sessions, nothing else.
    await expect(feed.getByText('Créneau d’appels')).toHaveCount(0);
  });

  await test.step('one tap signs them up; the turf leaves the feed', async () => {
    await card.getByRole('button', { name: `Je m’inscris : ${turf.name}` }).click();
    await expect(page.getByText('C’est noté : vous êtes inscrit·e.')).toBeVisible();
    await expect(feed.getByRole('listitem').filter({ hasText: turf.name })).toHaveCount(0);
  });

  await test.step('HQ sees the turf’s volunteer', async () => {
    const { items } = await json<{
      items: Array<{ id: number; volunteers: Array<{ name: string }> }>;
    }>(await adminPage.request.get(`/api/field/areas/${area.id}/turfs`));
    const taken = items.find((item) => item.id === turf.id);
    expect(taken?.volunteers.map((v) => v.name).join(' ')).toContain(supporter.lastName);
  });
});

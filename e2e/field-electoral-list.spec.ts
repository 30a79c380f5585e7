// The electoral list a candidate obtains (Code électoral L37) at HQ: an election is declared
// with its rounds, a commune's BAN addresses and its electoral list are imported through the
// door-to-door form for that election, the report counts the electors stored and tied to an
// address, and a turf's walk list names the electors at each door. The campaign is shared with
// specs running in parallel: the commune is made up and every name is unique.
import {
  banFile,
  communeIntoOneTurf,
  electoralListFile,
  importThroughForm,
  json,
  madeUpCommuneCode,
  reportCount,
} from './support/field.ts';
import { capitalized, csrfHeaders, expect, test, uniq } from './support/fixtures.ts';

const STREET = 'Route de Clémenciat';

test('staff import an electoral list for an election and read its electors on a walk list', async ({
  adminPage: page,
}) => {
  test.setTimeout(180_000);
  const code = madeUpCommuneCode();
  const commune = `Clémenciat ${capitalized(uniq())}`;
  const electionName = `Municipales ${capitalized(uniq())}`;
  const areaName = `Zone ${commune}`;

  const election = await test.step('an election is declared with its two rounds', async () =>
    json<{ id: number }>(
      await page.request.post('/api/compliance/elections', {
        headers: await csrfHeaders(page.request),
        data: {
          name: electionName,
          kind: 'local',
          rounds: [{ date: '2032-03-14' }, { date: '2032-03-21' }],
        },
      }),
    ));

  await page.goto('/hq/field');
  await expect(page.getByRole('heading', { name: 'Porte-à-porte', level: 1 })).toBeVisible();

  await test.step('the commune’s BAN addresses are imported', async () => {
    const report = await importThroughForm(page, /^Adresses \(Base Adresse Nationale/, {
      name: `adresses-${code}.csv`,
      buffer: Buffer.from(banFile(code, commune, STREET, 8)),
    });
    await expect(reportCount(report, 'Enregistrées')).toHaveText('8');
  });

  await test.step('the electoral list needs its election, chosen by its last round', async () => {
    const form = page.getByRole('region', { name: 'Importer un fichier' });
    await form.getByRole('radio', { name: /^Liste électorale \(L37\)/ }).check();
    await expect(
      form.getByText(/effacés le lendemain du dernier tour de l’élection choisie/),
    ).toBeVisible();
    await form.getByRole('button', { name: 'Importer', exact: true }).click();
    await expect(
      form.getByText('Choisissez l’élection pour laquelle la liste a été remise.'),
    ).toBeVisible();
  });

  await test.step('the list is read: electors stored and tied to their door', async () => {
    const list = electoralListFile(code, commune, [
      {
        sex: 'F',
        birthName: 'MARTIN',
        usageName: 'DURAND',
        givenNames: 'Marie Anne',
        number: '3',
        streetType: 'RTE',
        streetName: 'DE CLEMENCIAT',
      },
      {
        sex: 'M',
        birthName: 'MARTIN',
        givenNames: 'Paul',
        number: '3',
        streetType: 'RTE',
        streetName: 'DE CLEMENCIAT',
      },
      {
        sex: 'M',
        birthName: 'LEROY',
        givenNames: 'Jean',
        number: '5',
        streetType: 'RTE',
        streetName: 'DE CLEMENCIAT',
      },
      // No BAN address at that number: kept, tied to no door.
      {
        sex: 'F',
        birthName: 'PETIT',
        givenNames: 'Zoé',
        number: '97',
        streetType: 'RTE',
        streetName: 'DE CLEMENCIAT',
      },
    ]);
    const report = await importThroughForm(
      page,
      /^Liste électorale \(L37\)/,
      { name: `liste-electorale-${code}.csv`, buffer: Buffer.from(list) },
      async (form) => {
        await form.getByRole('textbox', { name: 'Élection' }).click();
        await page
          .getByRole('option', { name: `${electionName} · dernier tour le 21 mars 2032` })
          .click();
      },
    );
    await expect(reportCount(report, 'Électeurs enregistrés')).toHaveText('4');
    await expect(reportCount(report, 'Électeurs rattachés à une adresse')).toHaveText('3');
    await expect(reportCount(report, 'Communes')).toHaveText('1');
    await expect(
      report.getByText(`Pour ${electionName} · effacée le lendemain du 21 mars 2032`),
    ).toBeVisible();
  });

  const walked = await test.step('the walk list names the electors at each door', async () => {
    const made = await communeIntoOneTurf(page.request, areaName, code, 8);
    const { area, turf } = made;
    await page.goto(`/hq/field/areas/${area.id}`);
    await expect(page.getByRole('heading', { name: areaName, level: 1 })).toBeVisible();
    await page
      .getByRole('table', { name: 'Secteurs de la zone' })
      .getByRole('button', { name: `Liste de marche du secteur ${turf.name}` })
      .click();
    const drawer = page.getByRole('dialog', { name: `Liste de marche : ${turf.name}` });
    const table = drawer.getByRole('table', { name: 'Adresses dans l’ordre du parcours' });
    const row = (number: number) =>
      table
        .getByRole('row')
        .filter({ has: page.getByRole('cell', { name: new RegExp(`^${number} ${STREET}`) }) });
    await expect(row(3)).toContainText('Marie Anne DURAND · Paul MARTIN');
    await expect(row(5)).toContainText('Jean LEROY');
    await expect(row(4)).toBeVisible();
    await expect(row(4)).not.toContainText('MARTIN');
    return made;
  });

  await test.step('the canvassing app names them too, on the row and on the door’s screen', async () => {
    const address = walked.addresses.find((a) => a.number === 3)!;
    await page.goto(`/canvass/turfs/${walked.turf.id}`);
    const row = page.getByRole('button', { name: `3 ${STREET}`, exact: true });
    await expect(row).toContainText('2 électeurs');
    await expect(row).toContainText('Marie Anne DURAND · Paul MARTIN');
    await row.click();
    await expect(page).toHaveURL(
      new RegExp(`/canvass/turfs/${walked.turf.id}/addresses/${address.id}$`),
    );
    const electors = page.getByRole('region', { name: 'Électeurs inscrits ici' });
    await expect(electors.getByRole('listitem')).toHaveText(['Marie Anne DURAND', 'Paul MARTIN']);
  });

  // The campaign is shared: the election goes (the retention purge then deletes its electors).
  await test.step('the election is deleted again', async () => {
    await json(
      await page.request.delete(`/api/compliance/elections/${election.id}`, {
        headers: await csrfHeaders(page.request),
      }),
    );
  });
});

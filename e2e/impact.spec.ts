// HQ's impact page: contacts recorded through the real API, read on the page (estimates as
// ranges, the placement note, the map and the table of territories), and an effect size edited
// then put back to the published default. The campaign is shared with specs running in
// parallel: nothing here assumes exact totals, only that ours are counted and the estimate moves.
import { randomUUID } from 'node:crypto';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { ImpactSummary } from '../src/contracts/insights.ts';
import { json, turfOfNewCommune } from './support/field.ts';
import { capitalized, csrfHeaders, expect, test, uniq } from './support/fixtures.ts';

const update = process.env.UPDATE_SCREENSHOTS === '1';
const docs = fileURLToPath(new URL('../docs/screenshots/', import.meta.url));

const doorsOf = (impact: ImpactSummary) =>
  impact.byKind.find((row) => row.kind === 'door_conversation')?.contacts ?? 0;

test('HQ reads contacts turned into votes, by territory, and edits an effect size', async ({
  adminPage: page,
}) => {
  test.setTimeout(180_000);
  const before = doorsOf(await json<ImpactSummary>(await page.request.get('/api/insights/impact')));

  // Two door conversations and a leaflet, as a volunteer's phone sends them.
  const name = capitalized(uniq());
  const { turf, addresses } = await turfOfNewCommune(
    page.request,
    { area: `Impact ${name}`, commune: `Essai ${name}`, street: 'Rue de l’Impact' },
    7,
  );
  const visitedAt = new Date().toISOString();
  const visit = (addressId: number, outcome: string, mode = 'door') => ({
    id: randomUUID(),
    turfId: turf.id,
    addressId,
    outcome,
    mode,
    visitedAt,
  });
  const sync = await json<{ results: Array<{ status: string }> }>(
    await page.request.post('/api/field/visits', {
      headers: await csrfHeaders(page.request),
      data: {
        visits: [
          visit(addresses[0].id, 'conversation'),
          visit(addresses[1].id, 'conversation'),
          visit(addresses[2].id, 'leaflet', 'leaflet'),
        ],
      },
    }),
  );
  expect(sync.results.map((r) => r.status)).toEqual(['stored', 'stored', 'stored']);

  // Counted within a minute of being recorded.
  const synced = Date.now();
  await expect
    .poll(
      async () => {
        const impact = await json<ImpactSummary>(await page.request.get('/api/insights/impact'));
        const upTo = impact.freshness.refreshedUpTo;
        return upTo !== null && Date.parse(upTo) >= synced && doorsOf(impact) >= before + 2;
      },
      { timeout: 75_000, intervals: [2_000] },
    )
    .toBe(true);

  await page.goto('/hq/impact');
  await expect(
    page.getByRole('heading', { name: 'Impact : des contacts aux voix', level: 1 }),
  ).toBeVisible();
  await expect(page.getByRole('navigation').getByRole('link', { name: 'Impact' })).toBeVisible();

  // Estimates are ranges, turnout and persuasion apart; where contacts are placed is said.
  // Every section asks the server at once: on a busy machine the first answers take a while.
  await expect(page.getByTestId('impact-votes-turnout')).toContainText('–', { timeout: 30_000 });
  await expect(page.getByTestId('impact-votes-persuasion')).toContainText('–');
  await expect(page.getByTestId('impact-placement-note')).toContainText(
    'placé sur un bureau de vote seulement quand l’adresse',
  );
  const byKind = page.getByRole('table', { name: 'Par type de contact' });
  await expect(
    byKind.getByRole('row').filter({ hasText: 'Conversations au porte-à-porte' }),
  ).toBeVisible();
  await expect(byKind.getByRole('row').filter({ hasText: 'Tracts déposés' })).toBeVisible();

  // Each default effect is cited with what its study found.
  const effects = page.getByRole('form', { name: 'Effets par contact et leurs sources' });
  await expect(effects.locator('cite').first()).toBeVisible();
  await expect(effects.getByText(/^Fourchette retenue/).first()).toBeVisible();

  // The map of territories draws over the built-in outlines; the table beside it sorts.
  const map = page.getByRole('region', { name: /^Carte des territoires/ });
  await expect(map).toHaveAttribute('data-ready', 'true', { timeout: 20_000 });
  await expect(map.locator('canvas')).toBeVisible();
  await expect(page.getByTestId('impact-map-note')).toContainText('au niveau de la commune');
  const territories = page.getByRole('table', { name: 'Territoires' });
  await expect(territories.getByRole('row').nth(1)).toBeVisible();
  const needed = territories.getByRole('columnheader', { name: /Contacts manquants/ });
  await expect(needed).toHaveAttribute('aria-sort', 'none');
  await territories.getByRole('button', { name: 'Trier par Contacts manquants' }).click();
  await expect(needed).toHaveAttribute('aria-sort', 'descending');
  const level = page.getByRole('radiogroup', { name: 'Niveau' });
  await level.getByText('Bureaux de vote', { exact: true }).click();
  await expect(level.getByRole('radio', { name: 'Bureaux de vote' })).toBeChecked();
  await expect(territories.getByRole('row').nth(1)).toBeVisible();

  // An effect edited: the estimate moves, then the published default is put back.
  const total = page.getByTestId('impact-votes-total');
  const estimate = (await total.textContent()) ?? '';
  const field = (bound: string) =>
    effects.getByLabel(
      `Conversations au porte-à-porte, Participation, ${bound} (voix pour 100 contacts)`,
      { exact: true },
    );
  await field('Haute').fill('60');
  await field('Centrale').fill('50');
  await effects.getByRole('button', { name: 'Enregistrer les effets' }).click();
  await expect(page.getByRole('status').filter({ hasText: 'Effets enregistrés' })).toBeVisible();
  const effectsSection = page.getByRole('region', { name: 'Effets par contact et leurs sources' });
  await expect(effectsSection.getByText('Effets modifiés par la campagne')).toBeVisible();
  await expect(total).not.toHaveText(estimate);
  await expect(effects.getByText('≈ 1 voix pour 2 contacts')).toBeVisible();

  await effects.getByRole('button', { name: 'Revenir aux effets publiés' }).click();
  await expect(page.getByText('Effets publiés rétablis.')).toBeVisible();
  await expect(effectsSection.getByText('Effets publiés par défaut')).toBeVisible();
  await expect(field('Centrale')).not.toHaveValue('50');

  // Funnels and committee activity read the same period.
  await expect(page.getByTestId('funnel-recruitment')).toContainText('Inscrits');
  await expect(page.getByTestId('funnel-donations')).toContainText('non enregistré');
  await expect(page.getByRole('heading', { name: 'Activité des comités' })).toBeVisible();

  // The README's picture: the map and the table of communes.
  await level.getByText('Communes', { exact: true }).click();
  await expect(level.getByRole('radio', { name: 'Communes' })).toBeChecked();
  await page
    .getByRole('heading', { name: 'Où manque-t-il des contacts ?' })
    .evaluate((heading) => heading.scrollIntoView({ block: 'start' }));
  await expect(map).toHaveAttribute('data-ready', 'true');
  await page.waitForLoadState('networkidle');
  await page.mouse.move(0, 0);
  const png = await page.screenshot({
    path: update ? path.join(docs, 'impact.png') : test.info().outputPath('impact.png'),
    animations: 'disabled',
    caret: 'hide',
  });
  expect(png.byteLength).toBeGreaterThan(10_000);
});

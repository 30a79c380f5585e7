import { randomUUID } from 'node:crypto';
import type { APIRequestContext } from '@playwright/test';
import { capitalized, csrfHeaders, expect, test, uniq } from './support/fixtures.ts';

const BAN_HEADER =
  'id;id_fantoir;numero;rep;nom_voie;code_postal;code_insee;nom_commune;code_insee_ancienne_commune;nom_ancienne_commune;x;y;lon;lat;type_position;alias;nom_ld;libelle_acheminement;nom_afnor;source_position;source_nom_voie;certification_commune;cad_parcelles';

/** A commune of this run's own (a made-up INSEE code), so its area holds only its addresses. */
const communeCode = () => `9${String(Math.floor(Math.random() * 10_000)).padStart(4, '0')}`;

/** Six BAN addresses along one street of that commune. */
function banFile(code: string, commune: string): string {
  const rows = Array.from({ length: 6 }, (_, i) => {
    const n = i + 1;
    const id = `${code}_a001_${String(n).padStart(5, '0')}`;
    const lon = (4.9 + n * 0.0002).toFixed(6);
    const lat = (46.15 + n * 0.0001).toFixed(6);
    return `${id};${code}_a001;${n};;Rue des Essais;01400;${code};${commune};;;;;${lon};${lat};entrée;;;;;;;;`;
  });
  return [BAN_HEADER, ...rows].join('\n') + '\n';
}

async function json<T>(response: Awaited<ReturnType<APIRequestContext['get']>>): Promise<T> {
  expect(response.ok(), `${response.url()}: ${response.status()} ${await response.text()}`).toBe(
    true,
  );
  return (await response.json()) as T;
}

/** Imports the addresses, makes an area of the commune and cuts it: the area and its turf. */
async function areaWithTurf(request: APIRequestContext, name: string) {
  const headers = await csrfHeaders(request);
  const code = communeCode();
  const started = await json<{ id: number }>(
    await request.post('/api/field/imports', {
      headers,
      multipart: {
        kind: 'addresses',
        label: '',
        file: {
          name: `adresses-${code}.csv`,
          mimeType: 'text/csv',
          buffer: Buffer.from(banFile(code, `Essai ${name}`)),
        },
      },
    }),
  );
  await expect
    .poll(
      async () =>
        (await json<{ status: string }>(await request.get(`/api/field/imports/${started.id}`)))
          .status,
      { timeout: 30_000 },
    )
    .toBe('succeeded');
  const area = await json<{ id: number; addressCount: number }>(
    await request.post('/api/field/areas', {
      headers,
      data: { kind: 'communes', name, communes: [code] },
    }),
  );
  expect(area.addressCount).toBe(6);
  const { items } = await json<{ items: Array<{ id: number; name: string }> }>(
    await request.post(`/api/field/areas/${area.id}/turfs`, {
      headers,
      data: { minSize: 5, maxSize: 10 },
    }),
  );
  expect(items).toHaveLength(1);
  const walk = await json<{ addresses: Array<{ id: number }> }>(
    await request.get(`/api/field/turfs/${items[0].id}/walk-list`),
  );
  return { area, turf: items[0], addresses: walk.addresses.map((a) => a.id) };
}

/**
 * A questionnaire to answer, archived at once: volunteers of other specs keep theirs. For the
 * moment it is the one phones carry, it takes an email as theirs do (canvass-offline).
 */
async function questionnaireVersion(request: APIRequestContext, name: string) {
  const headers = await csrfHeaders(request);
  const body = {
    name,
    definition: {
      consentText: 'Vos réponses aident la campagne.',
      opinionConsentText: 'J’accepte que ma position soit gardée avec mon nom.',
      questions: [
        {
          id: 'concern',
          label: `Votre préoccupation ${name} ?`,
          kind: 'single',
          options: [
            { id: 'housing', label: 'Logement' },
            { id: 'transport', label: 'Transports' },
          ],
        },
        { id: 'support', label: 'Votre soutien ?', kind: 'support' },
      ],
      contactCapture: {
        enabled: true,
        askEmail: true,
        askPhone: false,
        consentTexts: { email: 'J’accepte de recevoir les messages de la campagne par e-mail.' },
      },
    },
  };
  const created = await json<{ id: number; current: { id: number } }>(
    await request.post('/api/field/questionnaires', { headers, data: body }),
  );
  await json(
    await request.put(`/api/field/questionnaires/${created.id}`, {
      headers,
      data: { ...body, archived: true },
    }),
  );
  return created.current.id;
}

test('staff follow door-to-door progress: an empty area, then the visits synced', async ({
  adminPage: page,
}) => {
  const name = `Zone ${capitalized(uniq())}`;
  const { area, turf, addresses } = await areaWithTurf(page.request, name);

  // The area chosen in the filters: its doors, and no visit yet.
  await page.goto('/hq/field/progress');
  await expect(
    page.getByRole('heading', { name: 'Avancement du porte-à-porte', level: 1 }),
  ).toBeVisible();
  await page.getByRole('textbox', { name: 'Zone' }).click();
  await page.getByRole('option', { name }).click();
  await expect(page).toHaveURL(new RegExp(`areaId=${area.id}`));
  await expect(page.getByRole('group', { name: 'Portes', exact: true })).toContainText('6');
  await expect(page.getByText('Aucune visite pour l’instant')).toBeVisible();
  const turfRow = page.getByRole('row').filter({ hasText: turf.name });
  await expect(turfRow).toContainText('0 / 6 (0 %)');
  const csv = page.getByRole('link', { name: 'Exporter les réponses (CSV)' });
  await expect(csv).toHaveAttribute('href', `/api/field/answers.csv?areaId=${area.id}`);
  await expect(
    page.getByText('Chaque export est enregistré dans le journal d’audit.'),
  ).toBeVisible();

  // Staff may canvass any turf: four visits as a phone would send them.
  const versionId = await questionnaireVersion(page.request, name);
  const visitedAt = new Date().toISOString();
  const visit = (addressId: number, outcome: string, more: Record<string, unknown> = {}) => ({
    id: randomUUID(),
    turfId: turf.id,
    addressId,
    outcome,
    mode: 'door',
    visitedAt,
    ...more,
  });
  const answered = (concern: string, supportLevel: number) => ({
    questionnaire: {
      versionId,
      answers: { concern },
      supportLevel,
      residentConsent: { personalData: false },
    },
  });
  const sync = await json<{ results: Array<{ status: string }> }>(
    await page.request.post('/api/field/visits', {
      headers: await csrfHeaders(page.request),
      data: {
        visits: [
          visit(addresses[0], 'conversation', answered('housing', 1)),
          visit(addresses[1], 'conversation', answered('transport', 3)),
          visit(addresses[2], 'not_home'),
          visit(addresses[3], 'leaflet', { mode: 'leaflet' }),
        ],
      },
    }),
  );
  expect(sync.results.map((r) => r.status)).toEqual(['stored', 'stored', 'stored', 'stored']);

  await page.reload();
  await expect(page.getByText('Aucune visite pour l’instant')).toHaveCount(0);
  const card = (label: string) => page.getByRole('group', { name: label, exact: true });
  await expect(card('Portes')).toContainText('6');
  await expect(card('Portes frappées')).toContainText('3');
  await expect(card('Portes frappées')).toContainText('50 % des portes');
  await expect(card('Visites')).toContainText('4');
  await expect(card('Conversations')).toContainText('2');
  await expect(card('Contacts recueillis')).toContainText('0');
  await expect(card('Tracts déposés')).toContainText('1');
  await expect(turfRow).toContainText('3 / 6 (50 %)');

  // Support levels as counts only, and the answers to the choice question.
  await expect(page.getByRole('img', { name: /^Niveaux de soutien : / })).toHaveAccessibleName(
    /1 Soutien fort : 1, 2 Plutôt favorable : 0, 3 Indécis : 1/,
  );
  await expect(page.getByRole('img', { name: /^Résultats des visites : / })).toHaveAccessibleName(
    /Absent : 1, Conversation : 2/,
  );
  const answers = page.getByRole('table', { name: `Votre préoccupation ${name} ?` });
  await expect(answers.getByRole('row').filter({ hasText: 'Logement' })).toContainText('1');
  await expect(answers.getByRole('row').filter({ hasText: 'Transports' })).toContainText('1');

  // The live map of the four addresses visited.
  await expect(page.getByText('4 adresses visitées')).toBeVisible();
  await expect(page.locator('.progress-map canvas')).toBeVisible();
  await expect(page.getByRole('list', { name: 'Légende' })).toContainText('Tract déposé : 1');

  // The export the link leads to: one line per visit, after the header.
  const exported = await page.request.get(`/api/field/answers.csv?areaId=${area.id}`);
  expect(exported.status()).toBe(200);
  expect(exported.headers()['content-type']).toMatch(/^text\/csv/);
  expect((await exported.text()).trim().split('\n')).toHaveLength(5);
  const audit = await json<{ items: Array<{ action: string; details: unknown }> }>(
    await page.request.get('/api/admin/audit?page=1'),
  );
  expect(audit.items).toContainEqual(
    expect.objectContaining({
      action: 'field.answers.export',
      details: expect.objectContaining({ areaId: area.id }) as unknown,
    }),
  );
});

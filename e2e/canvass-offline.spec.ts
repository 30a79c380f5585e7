// The canvassing app on a phone, offline: a volunteer opens the turf given to them at
// /canvass/, loses the network, records ten visits (one with the questionnaire and the
// resident's contact, one leaflet drop), reloads the app without network (the service worker
// serves it, the outbox still holds the ten visits), gets the network back, and every visit
// reaches the server once; HQ's progress map shows them. Without a position (geolocation not
// allowed) the list is enough; a turf given to someone else is refused.
import type { APIRequestContext, BrowserContext, Page } from '@playwright/test';
import { capitalized, csrfHeaders, expect, test, uniq } from './support/fixtures.ts';
import {
  addressButton,
  addressLabel,
  contactQuestionnaire,
  giveTurf,
  json,
  openAppControlled,
  outboxLine as outbox,
  personIdByEmail,
  recordKnock,
  storedRows,
  turfOfNewCommune,
  volunteerPhone,
  walkHeading,
  type QuestionnaireVersion,
  type WalkAddress,
} from './support/field.ts';

/** Ten visits, one per door, plus two doors left to knock. */
const DOORS = 12;

interface StoredPack {
  turfId: number;
  pack: { questionnaire: QuestionnaireVersion | null };
}

interface OutboxRow {
  id: string;
  turfId: number;
  status: 'pending' | 'rejected';
  visit: { id: string; outcome: string; mode: string; questionnaire?: { versionId: number } };
}

interface Resident {
  firstName: string;
  lastName: string;
  email: string;
}

/**
 * A conversation with the questionnaire the phone carries (whichever HQ made current: other
 * specs make theirs): the consent screen accepted, its first choice question and the support
 * level answered, the opinion kept with the name, then the resident's name and email with
 * the email consent.
 */
async function recordConversation(
  page: Page,
  turfName: string,
  address: WalkAddress,
  version: QuestionnaireVersion,
  resident: Resident,
) {
  const { definition } = version;
  await addressButton(page, address).tap();
  await page.getByRole('radio', { name: 'Conversation', exact: true }).check();
  const form = page.getByRole('region', { name: 'Questionnaire' });
  await expect(form.getByText(definition.consentText)).toBeVisible();
  await form.getByRole('button', { name: 'La personne accepte' }).tap();
  await expect(form.getByText('La personne a accepté.')).toBeVisible();

  const choice = definition.questions.find((q) => q.kind === 'single' && !q.showIf);
  if (choice?.options) {
    await form
      .getByRole('group', { name: choice.label })
      .getByRole('button', { name: choice.options[0].label, exact: true })
      .tap();
  }
  const support = definition.questions.find((q) => q.kind === 'support' && !q.showIf);
  if (support) {
    const strong = form
      .getByRole('group', { name: support.label })
      .getByRole('button', { name: 'Soutien fort' });
    await strong.tap();
    await expect(strong).toHaveAttribute('aria-pressed', 'true');
    if (definition.opinionConsentText.trim()) {
      await form
        .getByRole('checkbox', { name: /^Accord pour garder cette position avec son nom/ })
        .check();
    }
  }

  await form.getByRole('checkbox', { name: 'La personne laisse ses coordonnées' }).check();
  await form.getByRole('textbox', { name: 'Prénom', exact: true }).fill(resident.firstName);
  await form.getByRole('textbox', { name: 'Nom', exact: true }).fill(resident.lastName);
  await form.getByRole('textbox', { name: 'E-mail', exact: true }).fill(resident.email);
  await form
    .getByRole('checkbox', { name: definition.contactCapture.consentTexts.email, exact: true })
    .check();
  await page.getByRole('button', { name: 'Enregistrer la visite' }).tap();
  await expect(page.getByRole('heading', { name: turfName, level: 1 })).toBeVisible();
  await expect(addressButton(page, address)).toHaveAccessibleDescription(
    'Conversation · à envoyer',
  );
}

/** What staff read of a turf: its progress figures and its answers export, one line a visit. */
async function turfFigures(request: APIRequestContext, turfId: number) {
  const progress = await json<{
    visits: number;
    knocked: number;
    conversations: number;
    contacts: number;
    leafletsDropped: number;
    outcomes: Record<string, number>;
  }>(await request.get(`/api/field/progress?turfId=${turfId}`));
  const csv = await request.get(`/api/field/answers.csv?turfId=${turfId}`);
  expect(csv.status()).toBe(200);
  const [, ...lines] = (await csv.text())
    .replace(/^\uFEFF/, '')
    .trim()
    .split(/\r?\n/);
  const rows = lines.map((line) => line.split(';'));
  return { progress, rows };
}

test('a volunteer canvasses offline on a phone: ten visits survive a reload and reach HQ once', async ({
  adminPage,
  browser,
  baseURL,
}) => {
  test.setTimeout(240_000);
  const staff = adminPage.request;
  const tag = capitalized(uniq());
  const { turf, addresses } = await turfOfNewCommune(
    staff,
    { area: `Zone hors ligne ${tag}`, commune: `Essai ${tag}`, street: `Rue ${tag}` },
    DOORS,
  );
  const volunteer = await volunteerPhone(browser, baseURL, 'Bénévole');
  const stranger = await volunteerPhone(browser, baseURL, 'Passante');
  try {
    await giveTurf(staff, turf.id, [await personIdByEmail(staff, volunteer.person.email)]);
    const { page, context } = volunteer;

    const carried =
      await test.step('the volunteer opens the turf given to them, with network', async () => {
        await openAppControlled(page);
        // Made current just before the pack is downloaded, archived once the phone has it.
        const questionnaire = await contactQuestionnaire(staff, `Hors ligne ${tag}`);
        try {
          await page.getByRole('button', { name: turf.name }).tap();
          await expect(walkHeading(page, turf.name)).toBeVisible();
        } finally {
          await questionnaire.archive();
        }
        await expect(page.getByText(`0 adresse visitée sur ${DOORS}`)).toBeVisible();
        await expect(outbox(page)).toHaveText('Toutes vos visites sont envoyées.');

        const packs = await storedRows<StoredPack>(page, 'packs');
        const version = packs.find((p) => p.turfId === turf.id)?.pack.questionnaire;
        expect(version, 'the pack kept on the phone carries a questionnaire').toBeTruthy();
        // Another spec's questionnaire may have been made current meanwhile: it must still take
        // an email, as every one the specs keep current for more than an instant does.
        expect(version!.definition.contactCapture).toMatchObject({ enabled: true, askEmail: true });
        return version!;
      });

    await test.step('without the position, the app says so calmly and the list works', async () => {
      await expect(
        page.getByText('Position non partagée : la carte et la liste fonctionnent sans elle.'),
      ).toBeVisible();
      await expect(addressButton(page, addresses[0])).toBeEnabled();
    });

    const resident: Resident = {
      firstName: 'Odile',
      lastName: `Habitante ${capitalized(uniq())}`,
      email: `odile.${uniq()}@example.org`,
    };

    await test.step('offline, ten visits go to the outbox', async () => {
      await context.setOffline(true);
      await recordConversation(page, turf.name, addresses[0], carried, resident);
      await expect(outbox(page)).toContainText('1 visite en attente d’envoi');
      await expect(outbox(page)).toContainText(
        'Hors ligne : elles partiront dès le retour du réseau.',
      );

      const knocks = [
        'Absent',
        'Refus',
        'Repasser plus tard',
        'Déménagé ou vacant',
        'Absent',
        'Absent',
        'Refus',
        'Absent',
      ];
      for (const [i, outcome] of knocks.entries()) {
        await recordKnock(page, turf.name, addresses[i + 1], outcome);
      }

      const leafleted = addresses[9];
      await page.getByRole('button', { name: 'Mode tractage' }).tap();
      await addressButton(page, leafleted).tap();
      await expect(page.getByText(`Tract déposé : ${addressLabel(leafleted)}.`)).toBeVisible();
      await expect(addressButton(page, leafleted)).toHaveAttribute('aria-pressed', 'true');
      await page.getByRole('button', { name: 'Mode tractage' }).tap();

      await expect(outbox(page)).toContainText('10 visites en attente d’envoi');
      await expect(page.getByText(`10 adresses visitées sur ${DOORS}`)).toBeVisible();
    });

    const waiting = await storedRows<OutboxRow>(page, 'outbox');
    expect(waiting).toHaveLength(10);
    expect(new Set(waiting.map((row) => row.status))).toEqual(new Set(['pending']));

    await test.step('a reload without network: the service worker serves the app, the outbox holds', async () => {
      const reloaded = await page.reload();
      expect(reloaded?.fromServiceWorker(), 'the page comes from the service worker').toBe(true);
      await expect(walkHeading(page, turf.name)).toBeVisible();
      await expect(page.getByText(/^Hors ligne : secteur enregistré le /)).toBeVisible();
      await expect(outbox(page)).toContainText('10 visites en attente d’envoi');
      await expect(outbox(page)).toContainText('Hors ligne');
      await expect(page.getByText(`10 adresses visitées sur ${DOORS}`)).toBeVisible();
      await expect(addressButton(page, addresses[0])).toHaveAccessibleDescription(
        'Conversation · à envoyer',
      );
      await expect(addressButton(page, addresses[9])).toHaveAccessibleDescription(
        'Tract déposé · à envoyer',
      );
      expect((await storedRows<OutboxRow>(page, 'outbox')).map((row) => row.id).sort()).toEqual(
        waiting.map((row) => row.id).sort(),
      );
    });

    await test.step('back online, the outbox empties by itself', async () => {
      await context.setOffline(false);
      await expect(outbox(page)).toHaveText('Toutes vos visites sont envoyées.', {
        timeout: 20_000,
      });
      await expect(addressButton(page, addresses[1])).toHaveAccessibleDescription('Absent');
      expect(await storedRows<OutboxRow>(page, 'outbox')).toEqual([]);
    });

    const ids = waiting.map((row) => row.visit.id.toLowerCase()).sort();

    await test.step('the server has each visit once, even sent again', async () => {
      const first = await turfFigures(staff, turf.id);
      expect(first.progress).toMatchObject({
        visits: 10,
        knocked: 9,
        conversations: 1,
        contacts: 1,
        leafletsDropped: 1,
        outcomes: { conversation: 1, not_home: 4, refused: 2, come_back: 1, moved: 1, leaflet: 1 },
      });
      expect(first.rows.map((row) => row[0]).sort()).toEqual(ids);
      const answered = first.rows.filter((row) => row.at(-1) === 'oui');
      expect(answered).toHaveLength(1);
      expect(answered[0][11], 'the version the phone carried').toBe(String(carried.version));

      // The phone's visits, as they were in its outbox, sent again by the volunteer.
      const again = await json<{ results: Array<{ id: string; status: string }> }>(
        await context.request.post('/api/field/visits', {
          headers: await csrfHeaders(context.request),
          data: { visits: waiting.map((row) => row.visit) },
        }),
      );
      expect(again.results.map((r) => r.status)).toEqual(Array(10).fill('duplicate'));
      const second = await turfFigures(staff, turf.id);
      expect(second.progress).toEqual(first.progress);
      expect(second.rows).toHaveLength(10);

      // The resident met at the door is one new person, with the email consent given there.
      const { items } = await json<{
        items: Array<{ source: string; consents: { email: boolean }; lastName: string | null }>;
      }>(await staff.get(`/api/people?q=${encodeURIComponent(resident.email)}`));
      expect(items).toEqual([
        expect.objectContaining({
          source: 'door_to_door',
          lastName: resident.lastName,
          consents: expect.objectContaining({ email: true }) as unknown,
        }),
      ]);
    });

    await test.step('HQ’s progress map shows the ten addresses', async () => {
      await adminPage.goto(`/hq/field/progress?turfId=${turf.id}`);
      const map = adminPage.getByRole('region', { name: 'Carte des adresses visitées' });
      await expect(map.getByText('10 adresses visitées', { exact: true })).toBeVisible();
      await expect(map.locator('.progress-map canvas')).toBeVisible();
      const legend = map.getByRole('list', { name: 'Légende' });
      await expect(legend).toContainText('Conversation : 1');
      await expect(legend).toContainText('Absent : 4');
      await expect(legend).toContainText('Tract déposé : 1');
    });

    await test.step('a volunteer the turf is not given to is refused', async () => {
      await stranger.page.goto('/canvass/');
      await expect(
        stranger.page.getByRole('heading', { name: 'Mes secteurs', level: 1 }),
      ).toBeVisible();
      await expect(stranger.page.getByText('Chargement de vos secteurs…')).toHaveCount(0);
      await expect(stranger.page.getByRole('button', { name: turf.name })).toHaveCount(0);
      await stranger.page.goto(`/canvass/turfs/${turf.id}`);
      await expect(
        stranger.page.getByRole('heading', { name: 'Ce secteur ne vous est pas confié.' }),
      ).toBeVisible();
      await expect(stranger.page.getByRole('list').getByRole('button')).toHaveCount(0);
    });
  } finally {
    await closeAll([volunteer.context, stranger.context]);
  }
});

async function closeAll(contexts: BrowserContext[]): Promise<void> {
  for (const context of contexts) await context.close();
}

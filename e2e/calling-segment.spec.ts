// A voice broadcast at HQ to a saved segment, against the carrier simulator the server starts in
// its own process (global-setup.ts: its clock set on a Tuesday 10:00 in Paris, 200 times faster
// than life, numbers that always answer and press 9: this spec has the second, since an opt-out is
// the campaign's for good and calling.spec.ts's would leave it out). Four supporters with a phone
// make a segment; three of them agreed to automated calls on weekdays 09:00–19:00, recorded by
// staff with the evidence through the API (the form is covered by automated-call-consent.spec.ts),
// one of the three on the simulator's number; the fourth agreed to calls from volunteers only.
// Staff upload a recording, add a caller ID and build a broadcast over the segment (the editor says
// a launch would call three numbers of four people); a second staff member approves it: its frozen
// audience holds only the three who agreed; the dashboard follows the calls until the broadcast is
// completed, with the one opt-out; the next broadcast to the same segment leaves the person who
// pressed 9 out, and nobody presses 9. The imported list's case, with the editing and the controls,
// is calling.spec.ts; the steps both take are in support/calling.ts. The campaign is shared with
// specs running in parallel: names are unique per run and nothing assumes an empty list.
import type { Page } from '@playwright/test';
import {
  addCallerId,
  approve,
  askForLaunch,
  draftBroadcast,
  fact,
  figure,
  national,
  pressingNumber,
  staffMember,
  uploadRecording,
} from './support/calling.ts';
import {
  capitalized,
  createSupporter,
  csrfHeaders,
  expect,
  test,
  uniq,
} from './support/fixtures.ts';

/**
 * `count` numbers of the simulator's block (06 39 98 09 xx, in the range set aside for
 * fiction), apart from each other and from 09 01–09 09 (the simulator's pressing numbers and
 * the list of calling.spec.ts): drawn at random among 09 10–09 99.
 */
function otherNumbers(pressing: string, count: number): string[] {
  const block = pressing.slice(0, -2);
  const picked = new Set<string>();
  while (picked.size < count) picked.add(`${block}${10 + Math.floor(Math.random() * 90)}`);
  return [...picked];
}

/** Today in the campaign's time zone, as the consent's `receivedOn` wants it (YYYY-MM-DD). */
const today = () =>
  new Intl.DateTimeFormat('en-CA', { timeZone: 'Europe/Paris', dateStyle: 'short' }).format(
    new Date(),
  );

/** The broadcast's page, once approved: waits for its end and checks the dashboard's totals. */
async function expectCompleted(page: Page, called: number, optOuts: number) {
  await expect(page.getByText('Terminée', { exact: true })).toBeVisible({ timeout: 90_000 });
  await expect(page.getByRole('progressbar', { name: 'Avancement' })).toHaveAttribute(
    'aria-valuenow',
    '100',
  );
  await expect(page.getByRole('status').filter({ hasText: 'Reste à appeler' })).toHaveText(
    `Reste à appeler : 0 · en ligne : 0 · terminés : ${called}`,
  );
  await expect(figure(page, 'Appels passés')).toHaveText(String(called));
  await expect(figure(page, 'Oppositions (touche 9)')).toHaveText(String(optOuts));
}

test('staff run a voice broadcast to a saved segment; the person who pressed 9 is left out of the next one', async ({
  page: approver,
  adminPage: page,
}) => {
  test.setTimeout(240_000);
  const tag = uniq();
  const id = capitalized(tag);
  const recording = `Message ${id}`;
  const segment = `Automates ${id}`;
  const first = `Rappel du meeting ${id}`;
  const second = `Relance ${id}`;
  const optingOut = pressingNumber(1);
  const [agreeing, alsoAgreeing, volunteersOnly] = otherNumbers(optingOut, 3);
  const people = [
    { firstName: 'Gisèle', phone: optingOut, agreed: true },
    { firstName: 'Hervé', phone: agreeing!, agreed: true },
    { firstName: 'Inès', phone: alsoAgreeing!, agreed: true },
    { firstName: 'Jules', phone: volunteersOnly!, agreed: false },
  ];
  await staffMember(approver, page);

  await test.step('a segment of four people with a phone, three of whom agreed to automated calls', async () => {
    const created = await Promise.all(
      people.map((person) =>
        createSupporter(page.request, {
          firstName: person.firstName,
          lastName: `Diffusion ${id}`,
          postalCode: '44000',
          phone: national(person.phone),
          consents: { email: true, sms: false, phone: true },
        }),
      ),
    );
    const found = await page.request.get(`/api/people?q=${tag}&pageSize=10`);
    expect(found.status(), await found.text()).toBe(200);
    const { items } = (await found.json()) as {
      items: Array<{ id: number; email: string; phone: string }>;
    };
    expect(items.map((item) => item.phone).sort()).toEqual(
      people.map((person) => person.phone).sort(),
    );
    const headers = await csrfHeaders(page.request);
    for (const [i, person] of people.entries()) {
      if (!person.agreed) continue;
      const personId = items.find((item) => item.email === created[i]!.email)!.id;
      const recorded = await page.request.post(`/api/people/${personId}/consents`, {
        headers,
        data: {
          channel: 'automated_call',
          granted: true,
          source: 'phone',
          receivedOn: today(),
          note: `Appel de ${person.firstName} : accepte les messages enregistrés en semaine.`,
          wordingVersion: 'TEL-2026-12',
          slot: { weekdays: [1, 2, 3, 4, 5], from: '09:00', to: '19:00' },
        },
      });
      expect(recorded.status(), await recorded.text()).toBe(200);
    }
    const saved = await page.request.post('/api/segments', {
      headers,
      data: { name: segment, filter: { q: tag } },
    });
    expect(saved.status(), await saved.text()).toBe(200);
  });

  await test.step('a recording is uploaded and a caller ID added', async () => {
    await page.goto('/hq/calling/recordings');
    await uploadRecording(page, recording);
    await page.goto('/hq/calling/caller-ids');
    await addCallerId(page, `Ligne ${id}`);
  });

  await test.step('a draft over the segment is built and its launch asked for', async () => {
    // The editor says whom a launch would call: the three who agreed, of four.
    await draftBroadcast(page, first, { segment, people: 4, reachable: 3 }, recording);
    await expect(fact(page, 'Réglages', 'Public')).toHaveText(`Segment « ${segment} »`);
    await askForLaunch(page);
  });

  await test.step('another staff member approves: the three who agreed are called, one presses 9', async () => {
    await approve(approver, first);
    await expect(approver.getByText(`Segment « ${segment} » : 3 numéros`)).toBeVisible();
    await expectCompleted(approver, 3, 1);
    // A segment's numbers carry their person's département.
    const byDepartement = approver.getByRole('table', { name: 'Par département' });
    const rows = byDepartement.locator('tbody tr');
    await expect(rows).toHaveCount(1);
    await expect(rows.locator('td').nth(0)).toHaveText('44');
    await expect(rows.locator('td').nth(1)).toHaveText('3');
  });

  await test.step('the next broadcast to the same segment leaves the person who pressed 9 out', async () => {
    // The number that pressed 9 is on the opt-out list: a launch would call two numbers.
    await draftBroadcast(page, second, { segment, people: 4, reachable: 2 }, recording);
    await askForLaunch(page);
    await approve(approver, second);
    await expect(approver.getByText(`Segment « ${segment} » : 2 numéros`)).toBeVisible();
    // The number that always presses 9 is not called again.
    await expectCompleted(approver, 2, 0);
  });
});

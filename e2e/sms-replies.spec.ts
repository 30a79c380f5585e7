// Answers to a text campaign at HQ: two supporters get a campaign text (development adapter);
// one answers with a sentence, the other with " stop " (a STOP, applied at once). The
// campaign's page lists the answer with the supporter found by their number, linked to their
// page, and counts the STOP without listing it; the texts' page lists the answer too, with
// the campaign it answers. The inbox is shared with specs running in parallel: names, numbers
// and words are unique per run.
import {
  capitalized,
  createSupporter,
  csrfHeaders,
  expect,
  test,
  uniq,
} from './support/fixtures.ts';
import { randomMobile, receiveText } from './support/sms.ts';

test('an answer to a text campaign is shown with the person who sent it; a STOP is applied, not listed', async ({
  adminPage: page,
}) => {
  const tag = uniq();
  const id = capitalized(tag);
  const readers = [
    { firstName: 'Aurélie', mobile: randomMobile() },
    { firstName: 'Bruno', mobile: randomMobile() },
  ];
  for (const reader of readers) {
    await createSupporter(page.request, {
      firstName: reader.firstName,
      lastName: `Réponse ${id}`,
      postalCode: '44000',
      phone: reader.mobile.national,
      consents: { email: true, sms: true, phone: false },
    });
  }
  const headers = await csrfHeaders(page.request);
  const segment = await page.request.post('/api/segments', {
    headers,
    data: { name: `Réponses ${id}`, filter: { q: tag } },
  });
  expect(segment.status(), await segment.text()).toBe(200);
  const created = await page.request.post('/api/sms', {
    headers,
    data: {
      name: `Tractage ${id}`,
      sender: 'Levier',
      body: 'Tractage samedi au marché, vous venez ?',
      segmentId: ((await segment.json()) as { id: number }).id,
    },
  });
  expect(created.status(), await created.text()).toBe(201);
  const smsId = ((await created.json()) as { id: number }).id;
  const sent = await page.request.post(`/api/sms/${smsId}/schedule`, {
    headers,
    data: { at: null },
  });
  expect(sent.status(), await sent.text()).toBe(200);
  await page.goto(`/hq/sms/${smsId}`);
  await expect(page.getByTestId('sms-count-sent')).toHaveText('2', { timeout: 30_000 });
  const answers = page.getByRole('region', { name: 'Réponses reçues' });
  await expect(answers.getByText('Aucune réponse pour l’instant.')).toBeVisible();

  const answer = `Oui, avec mon voisin ${id} !`;
  await receiveText(page.request, readers[0]!.mobile.e164, answer);
  await receiveText(page.request, readers[1]!.mobile.e164, ' stop ');
  await page.reload();
  await expect(page.getByTestId('sms-count-stops')).toHaveText('1');
  await expect(answers.getByText(answer)).toBeVisible();
  await expect(answers.getByText('stop', { exact: true })).toHaveCount(0);
  const person = `Aurélie Réponse ${id}`;
  await expect(answers.getByRole('link', { name: person })).toBeVisible();

  // The texts' page lists it too, with the campaign it answers.
  await page.goto('/hq/sms');
  const inbox = page.getByRole('region', { name: 'Réponses reçues' });
  const row = inbox.getByRole('row').filter({ hasText: answer });
  await expect(row.getByRole('link', { name: `Tractage ${id}` })).toBeVisible();
  await row.getByRole('link', { name: person }).click();
  await expect(page.getByRole('heading', { name: person, level: 1 })).toBeVisible();
});

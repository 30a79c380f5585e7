// What organisers do from their phone or desk beyond the forms: the committee's photo (sent,
// refused when it is not one, removed) and a mail to those coming to an event.
import sharp from 'sharp';
import type { APIRequestContext } from '@playwright/test';
import {
  capitalized,
  createSupporter,
  expect,
  logIn,
  mailbox,
  test,
  uniq,
} from './support/fixtures.ts';

/** Lyon 7e: a place the other specs leave alone. */
const POSTAL_CODE = '69007';

const csrfOf = async (request: APIRequestContext) =>
  ((await (await request.get('/api/session')).json()) as { csrfToken: string }).csrfToken;

async function post(request: APIRequestContext, url: string, data: unknown) {
  const response = await request.post(url, {
    headers: { 'x-csrf-token': await csrfOf(request) },
    data,
  });
  expect(response.status(), await response.text()).toBe(201);
  return (await response.json()) as { id: number };
}

const devices = {
  desktop: {},
  phone: { viewport: { width: 360, height: 740 }, isMobile: true, hasTouch: true },
};

for (const [device, options] of Object.entries(devices)) {
  test.describe(`on a ${device}`, () => {
    test.use(options);

    test('an organiser sets the committee photo, is told when a file is not one, and removes it', async ({
      page,
    }) => {
      const organiser = await createSupporter(page.request, {
        firstName: 'Noémie',
        postalCode: POSTAL_CODE,
      });
      await logIn(page.request, organiser.email);
      const name = `Comité Gerland ${capitalized(uniq())}`;
      const { id } = await post(page.request, '/api/committees', {
        name,
        place: { postalCode: POSTAL_CODE },
      });
      await page.goto(`/me/committees/${id}/manage`);
      const photo = page.getByRole('region', { name: 'Photo du comité' });
      await expect(photo.getByText('Pas encore de photo')).toBeVisible();

      // A text file named like a photo is refused in words, and nothing changes.
      const choose = async (file: { name: string; mimeType: string; buffer: Buffer }) => {
        const choosing = page.waitForEvent('filechooser');
        await photo.getByRole('button', { name: /photo/ }).first().click();
        await (await choosing).setFiles(file);
      };
      await choose({
        name: 'tract.jpg',
        mimeType: 'image/jpeg',
        buffer: Buffer.from('pas une image'),
      });
      await expect(photo.getByRole('alert')).toHaveText(
        'Ce fichier n’est pas une photo lisible (JPEG, PNG, WebP, GIF, HEIC ou AVIF).',
      );
      await expect(photo.getByText('Pas encore de photo')).toBeVisible();

      // A real photo: sent at once, shown re-encoded, and on the public page.
      const png = await sharp({
        create: { width: 1600, height: 900, channels: 3, background: '#c0392b' },
      })
        .png()
        .toBuffer();
      await choose({ name: 'equipe.png', mimeType: 'image/png', buffer: png });
      await expect(page.getByText('Photo enregistrée.')).toBeVisible();
      const shown = photo.getByRole('img', { name: `Photo du comité ${name}` });
      await expect(shown).toHaveAttribute(
        'src',
        new RegExp(`^/committees/${id}/photo\\.webp\\?v=`),
      );
      const served = await page.request.get((await shown.getAttribute('src'))!);
      expect(served.headers()['content-type']).toBe('image/webp');
      const size = await sharp(await served.body()).metadata();
      expect(Math.max(size.width ?? 0, size.height ?? 0)).toBeLessThanOrEqual(1200);
      const publicPage = await page.request.get(`/committees/${id}`);
      expect(await publicPage.text()).toContain(`/committees/${id}/photo.webp?v=`);

      await photo.getByRole('button', { name: 'Retirer la photo' }).click();
      await expect(page.getByText('Photo retirée.')).toBeVisible();
      await expect(photo.getByText('Pas encore de photo')).toBeVisible();
      expect((await page.request.get(`/committees/${id}/photo.webp`)).status()).toBe(404);
    });

    test('an organiser writes to those coming to an event; the mail arrives over SMTP', async ({
      page,
      browser,
      baseURL,
    }) => {
      const organiser = await createSupporter(page.request, {
        firstName: 'Octave',
        postalCode: POSTAL_CODE,
      });
      await logIn(page.request, organiser.email);
      const { id: committeeId } = await post(page.request, '/api/committees', {
        name: `Comité Jean-Macé ${capitalized(uniq())}`,
        place: { postalCode: POSTAL_CODE },
      });
      const title = `Réunion ${capitalized(uniq())}`;
      const start = new Date(Date.now() + 3 * 86_400_000);
      const { id: eventId } = await post(page.request, `/api/committees/${committeeId}/events`, {
        type: 'meeting',
        title,
        startsAt: start.toISOString(),
        endsAt: new Date(start.getTime() + 7_200_000).toISOString(),
        place: { postalCode: POSTAL_CODE },
      });
      const context = await browser.newContext({ baseURL });
      try {
        const coming = await createSupporter(context.request, {
          firstName: 'Pauline',
          postalCode: POSTAL_CODE,
        });
        await logIn(context.request, coming.email);
        const answered = await context.request.put(`/api/events/${eventId}/rsvp`, {
          headers: { 'x-csrf-token': await csrfOf(context.request) },
          data: {},
        });
        expect(answered.status(), await answered.text()).toBe(200);

        await page.goto(`/me/events/${eventId}/manage`);
        const form = page.getByRole('form', { name: 'Écrire aux participants' });
        // Nothing leaves without a subject and a text.
        await form.getByRole('button', { name: 'Envoyer' }).click();
        await expect(form.getByText('Ce champ est obligatoire.')).toHaveCount(2);

        const subject = `Changement de salle ${uniq()}`;
        const since = await mailbox.mark();
        await form.getByRole('textbox', { name: 'Objet' }).fill(subject);
        await form.getByRole('textbox', { name: 'Message' }).fill('Rendez-vous salle B, 2e étage.');
        await form.getByRole('button', { name: 'Envoyer' }).click();
        await expect(page.getByText('Message envoyé à 1 personne.')).toBeVisible();
        await expect(form.getByRole('textbox', { name: 'Objet' })).toHaveValue('');
        const mail = await mailbox.waitFor(coming.email, new RegExp(subject), since);
        expect(mail.text).toContain('Rendez-vous salle B, 2e étage.');
        expect(mail.text).toContain(title);
      } finally {
        await context.close();
      }
    });
  });
}

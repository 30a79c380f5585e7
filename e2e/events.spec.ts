import ICAL from 'ical.js';
import type { APIRequestContext, Page } from '@playwright/test';
import { nextMonthsFifteenth } from './support/dates.ts';
import {
  capitalized,
  createSupporter,
  expect,
  linkIn,
  logIn,
  mailbox,
  test,
  uniq,
} from './support/fixtures.ts';

/** Rennes: a place the other specs leave alone, so the new event is among the first. */
const POSTAL_CODE = '35000';
const RENNES = { latitude: 48.11, longitude: -1.68 };

/** An organiser (a confirmed supporter, logged in through `request`) and their committee. */
async function committeeByApi(request: APIRequestContext, name: string) {
  const organiser = await createSupporter(request, { firstName: 'Maëlle' });
  await logIn(request, organiser.email);
  const { csrfToken } = (await (await request.get('/api/session')).json()) as {
    csrfToken: string;
  };
  const response = await request.post('/api/committees', {
    headers: { 'x-csrf-token': csrfToken },
    data: { name, place: { postalCode: POSTAL_CODE } },
  });
  expect(response.status(), await response.text()).toBe(201);
  return { organiser, id: ((await response.json()) as { id: number }).id };
}

/** No horizontal scrolling: the page is no wider than the screen. */
async function expectNoHorizontalScroll(page: Page) {
  const [scrolled, screen] = await page.evaluate(() => [
    document.scrollingElement!.scrollWidth,
    window.innerWidth,
  ]);
  expect(scrolled).toBeLessThanOrEqual(screen);
}

const CONFIRMED = /^Inscription confirmée/;

const devices = {
  desktop: {},
  phone: { viewport: { width: 360, height: 740 }, isMobile: true, hasTouch: true },
};

for (const [device, options] of Object.entries(devices)) {
  test.describe(`on a ${device}`, () => {
    test.use({ ...options, geolocation: RENNES, permissions: ['geolocation'] });

    test('an organiser creates an event; a supporter finds it near them, answers and gets its calendar; the organiser sees them coming', async ({
      page,
      browser,
      baseURL,
    }) => {
      const committeeName = `Comité Rennes ${capitalized(uniq())}`;
      const { id: committeeId } = await committeeByApi(page.request, committeeName);
      const title = `Porte-à-porte ${capitalized(uniq())}`;

      // 1. From the committee's manage page, the organiser opens the event form.
      await page.goto(`/me/committees/${committeeId}/manage`);
      const events = page.getByRole('region', { name: 'Événements du comité' });
      await expect(events).toContainText('Aucun événement pour l’instant.');
      await events.getByRole('link', { name: 'Créer un événement' }).click();
      await expect(page).toHaveURL(new RegExp(`/me/committees/${committeeId}/events/new$`));
      await expect(
        page.getByRole('heading', { name: 'Créer un événement', level: 1 }),
      ).toBeVisible();
      await expectNoHorizontalScroll(page);

      // Nothing filled: each missing field says so before anything is sent.
      await page.getByRole('button', { name: 'Créer l’événement' }).click();
      await expect(page.getByText('Ce texte est trop court.')).toBeVisible();
      await expect(page.getByText('Ce champ est obligatoire.').first()).toBeVisible();

      await page.getByRole('textbox', { name: 'Type d’événement' }).click();
      await page.getByRole('option', { name: 'Porte-à-porte' }).click();
      await expect(
        page.getByText(/^Action de propagande : impossible pendant le silence/),
      ).toBeVisible();
      await page.getByRole('textbox', { name: 'Titre' }).fill(title);
      await page
        .getByRole('textbox', { name: 'Présentation' })
        .fill('Rendez-vous **devant la mairie**, avec des tracts.');

      // The start: a day of next month at the form's 18:00; the end follows two hours later.
      const { label, shown } = nextMonthsFifteenth();
      await page.getByRole('button', { name: 'Début' }).click();
      await page.getByRole('button', { name: 'Mois suivant' }).click();
      await page.getByRole('button', { name: label, exact: true }).click();
      await expect(page.getByRole('spinbutton', { name: 'Heures' })).toHaveValue('18');
      await page.getByRole('button', { name: 'Valider la date et l’heure' }).click();
      await expect(page.getByRole('button', { name: 'Début' })).toContainText(`${shown} 18:00`);
      await expect(page.getByRole('button', { name: 'Fin' })).toContainText(`${shown} 20:00`);

      await page.getByRole('textbox', { name: 'Code postal' }).fill(POSTAL_CODE);
      await expect(page.getByText('Commune : Rennes')).toBeVisible();
      await page.getByRole('textbox', { name: 'Adresse' }).fill('Place de la Mairie');
      await page.getByRole('textbox', { name: 'Nombre de places' }).fill('12');
      await expectNoHorizontalScroll(page);
      const submit = page.getByRole('button', { name: 'Créer l’événement' });
      await submit.scrollIntoViewIfNeeded();
      await submit.click();

      // 2. Published at once: the organiser lands on its manage page.
      await expect(page).toHaveURL(/\/me\/events\/\d+\/manage$/);
      const eventId = Number(/\/me\/events\/(\d+)\/manage$/.exec(page.url())![1]);
      await expect(page.getByText('Votre événement est publié.')).toBeVisible();
      await expect(page.getByRole('heading', { name: title, level: 1 })).toBeVisible();
      await expect(page.getByText('Personne ne s’est encore inscrit.')).toBeVisible();
      await expect(page.getByRole('textbox', { name: 'Adresse' })).toHaveValue(
        'Place de la Mairie',
      );
      await expectNoHorizontalScroll(page);

      // 3. Another supporter finds it near them, from the public site's header.
      const other = await browser.newContext({
        baseURL,
        ...options,
        locale: 'fr-FR',
        timezoneId: 'Europe/Paris',
        geolocation: RENNES,
        permissions: ['geolocation'],
      });
      try {
        const visitor = await other.newPage();
        const supporter = await createSupporter(other.request, { firstName: 'Yann' });
        await logIn(other.request, supporter.email);
        await visitor.goto('/');
        await visitor
          .getByRole('navigation', { name: 'Navigation principale' })
          .getByRole('link', { name: 'Événements' })
          .click();
        await expect(visitor.getByRole('heading', { level: 1 })).toHaveText('Événements');
        await visitor.getByLabel('Code postal ou code commune').fill(POSTAL_CODE);
        await visitor.getByRole('button', { name: 'Rechercher' }).click();
        await expect(
          visitor.getByRole('heading', {
            name: `Les événements les plus proches de ${POSTAL_CODE} Rennes`,
          }),
        ).toBeVisible();
        const found = visitor.getByRole('listitem').filter({ hasText: title });
        await expect(found).toContainText('Porte-à-porte ·');
        await expect(found).toContainText(/18:00\s–\s20:00/);
        await expect(found).toContainText(/35000 Rennes · à \d+,\d km · Comité Rennes/);
        await expect(found).toContainText('0 participant · 12 places restantes');
        await expectNoHorizontalScroll(visitor);

        // "Near me" finds it too, from the browser's position.
        await visitor.getByRole('button', { name: 'Autour de moi' }).click();
        await expect(visitor).toHaveURL(/\/events\?lat=48\.11&lng=-1\.68$/);
        await expect(
          visitor.getByRole('heading', { name: 'Les événements autour de vous' }),
        ).toBeVisible();

        await visitor.getByRole('link', { name: title }).click();
        await expect(visitor).toHaveURL(new RegExp(`/events/${eventId}$`));
        await expect(visitor.getByRole('heading', { level: 1 })).toHaveText(title);
        await expect(visitor.getByText('Place de la Mairie, 35000 Rennes')).toBeVisible();
        await expect(visitor.locator('.event-description strong')).toHaveText('devant la mairie');
        await expect(visitor.getByRole('link', { name: committeeName })).toHaveAttribute(
          'href',
          `/committees/${committeeId}`,
        );
        await expectNoHorizontalScroll(visitor);

        // 4. They answer with one guest.
        const since = await mailbox.mark();
        await visitor.getByLabel('Personnes qui m’accompagnent').selectOption('1');
        const answer = visitor.getByRole('button', { name: 'Je m’inscris' });
        await answer.scrollIntoViewIfNeeded();
        await expect(answer).toBeInViewport();
        await answer.click();
        await expect(visitor.getByRole('status').first()).toHaveText(
          'C’est noté : vous participez. Une confirmation part par e-mail.',
        );
        await expect(visitor).toHaveURL(new RegExp(`/events/${eventId}$`));
        await expect(visitor.getByText('Vous participez, avec une personne.')).toBeVisible();
        await expect(visitor.getByText('2 participants · 10 places restantes')).toBeVisible();

        // 5. The confirmation arrives; its event's calendar file is a valid iCalendar entry.
        const mail = await mailbox.waitFor(supporter.email, CONFIRMED, since);
        expect(mail.subject).toBe(`Inscription confirmée : ${title}`);
        const eventUrl = linkIn(mail, `/events/${eventId}`);
        await visitor.goto(eventUrl);
        const calendarHref = await visitor
          .getByRole('link', { name: 'Ajouter à mon agenda' })
          .getAttribute('href');
        const ics = await other.request.get(calendarHref!);
        expect(ics.headers()['content-type']).toMatch(/^text\/calendar/);
        const vevent = new ICAL.Component(ICAL.parse(await ics.text())).getFirstSubcomponent(
          'vevent',
        )!;
        const entry = new ICAL.Event(vevent);
        expect(entry.summary).toBe(title);
        expect(entry.location).toBe('35000 Rennes');
        expect(entry.endDate.toJSDate().getTime() - entry.startDate.toJSDate().getTime()).toBe(
          2 * 3600_000,
        );
        expect(
          new Intl.DateTimeFormat('fr-FR', {
            hour: '2-digit',
            minute: '2-digit',
            timeZone: 'Europe/Paris',
          }).format(entry.startDate.toJSDate()),
        ).toBe('18:00');

        // 6. The organiser sees them coming, with their guest.
        await page.reload();
        const attendees = page.getByRole(device === 'phone' ? 'list' : 'table', {
          name: `Participants de ${title}`,
        });
        const row = attendees
          .getByRole(device === 'phone' ? 'listitem' : 'row')
          .filter({ hasText: supporter.lastName });
        await expect(row).toContainText(`${supporter.firstName} ${supporter.lastName}`);
        await expect(row).toContainText('Inscrit·e');
        await expect(
          page.getByText('2 inscrits (accompagnants compris) · 0 en attente'),
        ).toBeVisible();
        await expectNoHorizontalScroll(page);

        // 7. The supporter cancels from the mail: the link shows a button, which withdraws.
        await visitor.goto(linkIn(mail, '/events/rsvp/cancel'));
        await expect(visitor.getByText(`Vous ne pouvez plus venir à « ${title} »`)).toBeVisible();
        await visitor.getByRole('button', { name: 'Annuler ma participation' }).click();
        await expect(
          visitor.getByText(`C’est fait : votre participation à « ${title} » est annulée.`),
        ).toBeVisible();
        await page.reload();
        await expect(page.getByText('Personne ne s’est encore inscrit.')).toBeVisible();
      } finally {
        await other.close();
      }

      // Their committee's manage page lists it, with a way to manage it.
      await page.goto(`/me/committees/${committeeId}/manage`);
      const item = page
        .getByRole('list', { name: `Événements de ${committeeName}` })
        .getByRole('listitem')
        .filter({ hasText: title });
      await item.getByRole('link', { name: `Gérer ${title}` }).click();
      await expect(page).toHaveURL(new RegExp(`/me/events/${eventId}/manage$`));
    });
  });
}

// The whole life of a committee, as the campaign lives it: a supporter creates it, it is on
// the map and in the search at once, another supporter finds it by postal code and joins,
// the organiser plans an event, the member answers and gets the day's reminder over SMTP and
// a calendar entry that parses; then someone reports the committee, a moderator bans its
// organiser, and it is gone from the map and the search while its organiser can create nothing.
import ICAL from 'ical.js';
import type { APIRequestContext, Page } from '@playwright/test';
import {
  capitalized,
  createSupporter,
  expect,
  levierCommand,
  logIn,
  mailbox,
  test,
  uniq,
} from './support/fixtures.ts';

/** Limoges: a place the other specs leave alone. */
const POSTAL_CODE = '87000';
const LIMOGES = { latitude: 45.83, longitude: 1.26 };

const csrfOf = async (request: APIRequestContext) =>
  ((await (await request.get('/api/session')).json()) as { csrfToken: string }).csrfToken;

/** The committees the map shows around Limoges at street zoom (markers, not clusters). */
async function onTheMap(request: APIRequestContext): Promise<string[]> {
  const view = new URLSearchParams({
    west: String(LIMOGES.longitude - 0.05),
    south: String(LIMOGES.latitude - 0.05),
    east: String(LIMOGES.longitude + 0.05),
    north: String(LIMOGES.latitude + 0.05),
    zoom: '16',
  });
  const response = await request.get(`/api/committees/map?${view}`);
  expect(response.status()).toBe(200);
  const answer = (await response.json()) as { markers: { title: string }[] };
  return answer.markers.map((marker) => marker.title);
}

async function searchByPostalCode(page: Page) {
  await page.goto('/committees');
  await page.getByLabel('Code postal ou code commune').fill(POSTAL_CODE);
  await page.getByRole('button', { name: 'Rechercher' }).click();
  await expect(page).toHaveURL(new RegExp(`place=${POSTAL_CODE}`));
}

const devices = {
  desktop: {},
  phone: { viewport: { width: 360, height: 740 }, isMobile: true, hasTouch: true },
};

for (const [device, options] of Object.entries(devices)) {
  test.describe(`on a ${device}`, () => {
    test.use(options);

    test('a committee from its creation to its organiser’s ban', async ({
      page,
      browser,
      baseURL,
      adminPage: moderator,
    }) => {
      test.slow();
      // 1. A confirmed supporter creates a committee from their space: public at once.
      const organiser = await createSupporter(page.request, {
        firstName: 'Solène',
        postalCode: POSTAL_CODE,
      });
      await logIn(page.request, organiser.email);
      const name = `Comité Limoges ${capitalized(uniq())}`;
      await page.goto('/me/committees/new');
      await page.getByRole('textbox', { name: 'Nom du comité' }).fill(name);
      await page.getByRole('textbox', { name: 'Présentation' }).fill('Porte-à-porte le samedi.');
      await page.getByRole('textbox', { name: 'Code postal' }).fill(POSTAL_CODE);
      await page.getByRole('button', { name: 'Créer le comité' }).click();
      await expect(page.getByRole('heading', { name, level: 1 })).toBeVisible();
      const committeeId = Number(/\/me\/committees\/(\d+)/.exec(page.url())?.[1]);
      expect(committeeId).toBeGreaterThan(0);
      expect(await onTheMap(page.request)).toContain(name);

      // 2. Another supporter finds it by postal code and joins.
      const memberContext = await browser.newContext({ baseURL, ...options });
      try {
        const member = await createSupporter(memberContext.request, {
          firstName: 'Timothée',
          postalCode: POSTAL_CODE,
        });
        await logIn(memberContext.request, member.email);
        const memberPage = await memberContext.newPage();
        await searchByPostalCode(memberPage);
        await memberPage.getByRole('link', { name }).click();
        await expect(memberPage.getByRole('heading', { level: 1 })).toHaveText(name);
        await memberPage.getByRole('button', { name: 'Rejoindre' }).click();
        await expect(memberPage.getByRole('button', { name: 'Quitter ce comité' })).toBeVisible();

        // 3. The organiser plans a meeting later today (the day's reminder is due).
        const title = `Réunion ${capitalized(uniq())}`;
        const start = new Date(Date.now() + 30 * 60_000);
        const created = await page.request.post(`/api/committees/${committeeId}/events`, {
          headers: { 'x-csrf-token': await csrfOf(page.request) },
          data: {
            type: 'meeting',
            title,
            startsAt: start.toISOString(),
            endsAt: new Date(start.getTime() + 3_600_000).toISOString(),
            place: { postalCode: POSTAL_CODE },
          },
        });
        expect(created.status(), await created.text()).toBe(201);
        const eventId = ((await created.json()) as { id: number }).id;

        // 4. The member answers from the event's page, reached from the committee's.
        await memberPage.goto(`/committees/${committeeId}`);
        await memberPage.getByRole('link', { name: title }).click();
        await expect(memberPage.getByRole('heading', { level: 1 })).toHaveText(title);
        await memberPage.getByRole('button', { name: 'Je m’inscris' }).click();
        await expect(memberPage.getByRole('status')).toHaveText(
          'C’est noté : vous participez. Une confirmation part par e-mail.',
        );
        await expect(memberPage.getByRole('button', { name: 'Je ne viens plus' })).toBeVisible();

        // 5. The reminders job (every ten minutes on its own) runs now: the mail arrives.
        const since = await mailbox.mark();
        expect(await levierCommand('jobs', 'run', 'events.reminders')).toMatch(
          /events\.reminders done in \d+ ms\./,
        );
        const reminder = await mailbox.waitFor(
          member.email,
          new RegExp(`^(Aujourd'hui|Demain) : ${title}$`),
          since,
        );
        expect(reminder.text).toContain(title);

        // 6. Its calendar entry parses, with the event's title and start.
        const ics = await memberContext.request.get(`/events/${eventId}/calendar.ics`);
        expect(ics.headers()['content-type']).toContain('text/calendar');
        const entry = new ICAL.Event(
          new ICAL.Component(ICAL.parse(await ics.text())).getFirstSubcomponent('vevent')!,
        );
        expect(entry.summary).toBe(title);
        expect(entry.startDate.toJSDate().getTime()).toBe(
          Math.floor(start.getTime() / 1000) * 1000,
        );
      } finally {
        await memberContext.close();
      }

      // 7. A visitor reports the committee from its page.
      const visitorContext = await browser.newContext({ baseURL, ...options });
      try {
        const visitor = await visitorContext.newPage();
        await visitor.goto(`/committees/${committeeId}`);
        await visitor.getByRole('link', { name: 'Signaler ce comité' }).click();
        await visitor.getByRole('radio', { name: /^Usurpation d’identité/ }).check();
        await visitor.getByRole('button', { name: 'Envoyer le signalement' }).click();
        await expect(
          visitor.getByRole('heading', { level: 1, name: 'Merci pour votre signalement' }),
        ).toBeVisible();

        // 8. A moderator bans its organiser from the queue: everything they posted is hidden.
        await moderator.goto('/hq/moderation');
        const group = moderator.getByRole('article', { name });
        await group
          .getByRole('textbox', { name: 'Motif de la décision' })
          .fill('Se présente comme la campagne.');
        await group.getByRole('button', { name: 'Bannir l’auteur' }).click();
        const author = `${organiser.firstName} ${organiser.lastName}`;
        await moderator
          .getByRole('dialog', { name: `Bannir ${author} ?` })
          .getByRole('button', { name: 'Bannir' })
          .click();
        await expect(moderator.getByText(`L’auteur de « ${name} » est banni`)).toBeVisible();

        // Gone from the map and from the search.
        expect(await onTheMap(visitorContext.request)).not.toContain(name);
        await searchByPostalCode(visitor);
        await expect(visitor.getByRole('link', { name })).toHaveCount(0);
      } finally {
        await visitorContext.close();
      }

      // 9. The banned organiser can no longer create a committee: the form says why.
      await page.goto('/me/committees/new');
      await page.getByRole('textbox', { name: 'Nom du comité' }).fill(`Comité ${uniq()}`);
      await page.getByRole('textbox', { name: 'Code postal' }).fill(POSTAL_CODE);
      await page.getByRole('button', { name: 'Créer le comité' }).click();
      await expect(page.getByRole('alert')).toHaveText(
        'Les modérateurs vous ont retiré le droit de publier : contactez l’équipe de campagne.',
      );
      await expect(page.getByRole('heading', { name: 'Créer un comité', level: 1 })).toBeVisible();
    });
  });
}

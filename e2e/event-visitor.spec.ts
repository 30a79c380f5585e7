import ICAL from 'ical.js';
import type { APIRequestContext, Page } from '@playwright/test';
import {
  capitalized,
  CONFIRM_SUBJECT,
  createSupporter,
  expect,
  linkIn,
  logIn,
  mailbox,
  test,
  uniq,
} from './support/fixtures.ts';

/** Vannes: a place the other specs leave alone. */
const POSTAL_CODE = '56000';
const CONFIRMED = /^Inscription confirmée/;

/** An organiser's committee and its public event, made through the API with `request`. */
async function eventByApi(request: APIRequestContext, title: string) {
  const organiser = await createSupporter(request, { firstName: 'Gwenaëlle' });
  await logIn(request, organiser.email);
  const { csrfToken } = (await (await request.get('/api/session')).json()) as {
    csrfToken: string;
  };
  const headers = { 'x-csrf-token': csrfToken };
  const committeeName = `Comité Vannes ${capitalized(uniq())}`;
  const committee = await request.post('/api/committees', {
    headers,
    data: { name: committeeName, place: { postalCode: POSTAL_CODE } },
  });
  expect(committee.status(), await committee.text()).toBe(201);
  const { id: committeeId } = (await committee.json()) as { id: number };
  const starts = new Date(Date.now() + 6 * 86_400_000);
  starts.setUTCHours(16, 0, 0, 0);
  const event = await request.post(`/api/committees/${committeeId}/events`, {
    headers,
    data: {
      type: 'public_meeting',
      title,
      startsAt: starts.toISOString(),
      endsAt: new Date(starts.getTime() + 2 * 3_600_000).toISOString(),
      place: { postalCode: POSTAL_CODE, street: 'Place des Lices' },
      capacity: 30,
    },
  });
  expect(event.status(), await event.text()).toBe(201);
  return { committeeName, eventId: ((await event.json()) as { id: number }).id };
}

/** No horizontal scrolling: the page is no wider than the screen. */
async function expectNoHorizontalScroll(page: Page) {
  const [scrolled, screen] = await page.evaluate(() => [
    document.scrollingElement!.scrollWidth,
    window.innerWidth,
  ]);
  expect(scrolled).toBeLessThanOrEqual(screen);
}

const devices = {
  desktop: {},
  phone: { viewport: { width: 360, height: 740 }, isMobile: true, hasTouch: true },
};

for (const [device, options] of Object.entries(devices)) {
  test.describe(`on a ${device}`, () => {
    test.use(options);

    test('a visitor answers an event with their name and address, confirms by mail, gets their place, what is near and their own calendar', async ({
      page,
      request,
    }) => {
      const title = `Réunion publique ${capitalized(uniq())}`;
      const { committeeName, eventId } = await eventByApi(request, title);
      const id = uniq();
      const email = `visitor.${id}@example.org`;

      // 1. On the event's page, anyone answers: no account needed, no HQ app loaded.
      const scripts: string[] = [];
      page.on('request', (r) => scripts.push(r.url()));
      await page.goto(`/events/${eventId}`);
      await expect(page.getByRole('heading', { level: 1, name: title })).toBeVisible();
      expect(scripts.some((url) => /\/assets\/(main|index)-/.test(url))).toBe(false);
      const form = page.locator('form[data-visitor-answer]');
      await form.getByLabel('Prénom').fill('Maïwenn');
      await form.getByLabel('Nom de famille').fill(`Visiteuse ${capitalized(id)}`);
      await form.getByLabel('Adresse e-mail').fill(email);
      await form.getByLabel('Code postal').fill(POSTAL_CODE);
      await form.getByLabel('Personnes qui m’accompagnent').selectOption('1');
      await form.getByRole('checkbox').check();
      await expectNoHorizontalScroll(page);
      const since = await mailbox.mark();
      await form.getByRole('button', { name: 'Je m’inscris' }).click();

      // 2. The page says plainly to check the mailbox.
      await expect(page.getByRole('status')).toContainText(
        'Vérifiez votre boîte e-mail pour confirmer',
      );

      // 3. The confirmation mail names the event; its link confirms (the page presses its button).
      const confirmation = await mailbox.waitFor(email, CONFIRM_SUBJECT, since);
      expect(confirmation.text).toContain(`Votre réponse à « ${title} »`);
      await page.goto(linkIn(confirmation, '/confirm'));
      await expect(page.getByText(`Votre place à « ${title} » est réservée.`)).toBeVisible();

      // 4. What is near the person: the committee and its event, with distances and links.
      const committees = page.getByRole('region', { name: 'Les comités près de chez vous' });
      await expect(committees.getByRole('link', { name: committeeName })).toBeVisible();
      const events = page.getByRole('region', {
        name: 'Les prochains événements près de chez vous',
      });
      await expect(events.getByRole('link', { name: title })).toBeVisible();
      await expect(events).toContainText(/à \d+,\d km|à environ \d+ km/);
      await expectNoHorizontalScroll(page);

      // 5. The event's mail follows, through real SMTP, with its calendar file and cancel link.
      const going = await mailbox.waitFor(email, CONFIRMED, since);
      expect(going.subject).toBe(`Inscription confirmée : ${title}`);
      const ics = await page.request.get(linkIn(going, `/events/${eventId}/calendar.ics`));
      const vevent = new ICAL.Component(ICAL.parse(await ics.text())).getFirstSubcomponent(
        'vevent',
      )!;
      expect(new ICAL.Event(vevent).summary).toBe(title);
      expect(going.text).toContain('/events/rsvp/cancel?token=');

      // 6. Logged in, "My events" gives their own calendar's address, which lists the event.
      await logIn(page.request, email);
      await page.goto('/me/events');
      const feed = page.getByRole('region', { name: 'Mon agenda' });
      const address = await feed.getByLabel('Adresse de mon agenda').inputValue();
      expect(address).toMatch(/\/events\/calendar\/[\w-]+\.ics$/);
      await expect(feed.getByRole('link', { name: 'S’abonner' })).toHaveAttribute(
        'href',
        address.replace(/^https?:/, 'webcal:'),
      );
      await expect(feed.getByRole('button', { name: 'Copier' })).toBeVisible();
      const calendar = await page.request.get(address);
      const entries = new ICAL.Component(ICAL.parse(await calendar.text()))
        .getAllSubcomponents('vevent')
        .map((entry) => new ICAL.Event(entry).summary);
      expect(entries).toContain(title);
      await expectNoHorizontalScroll(page);
    });
  });
}

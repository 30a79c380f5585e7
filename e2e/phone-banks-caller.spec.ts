// A volunteer calls from a phone bank on their phone. Staff set it up through the API: three
// confirmed supporters with a phone and the consent to calls, a segment of just them, a
// questionnaire, a bank open to every supporter, open all day every day (the server serves
// claims on its own clock), and a shift. The volunteer, another confirmed supporter, goes from
// their space to /calls, opens the bank, skips a person, records "no answer", a conversation
// with the questionnaire, and a call-back a minute or two ahead; the queue is then empty until
// that time, when the same person comes back, and is recorded as "do not call again". The
// campaign is shared with specs running in parallel: names are unique per run.
import type { APIRequestContext, Page } from '@playwright/test';
import {
  capitalized,
  createSupporter,
  csrfHeaders,
  expect,
  logIn,
  test,
  uniq,
  type NewPerson,
} from './support/fixtures.ts';
import { json } from './support/field.ts';

/** A 360 px wide phone, the narrowest the pages must fit. */
const PHONE = {
  viewport: { width: 360, height: 740 },
  deviceScaleFactor: 2,
  isMobile: true,
  hasTouch: true,
  locale: 'fr-FR',
  timezoneId: 'Europe/Paris',
} as const;

const SCRIPT =
  'Bonjour, je suis bénévole pour la campagne.\nAvez-vous deux minutes ?\n<b>Ceci reste du texte</b>';

const questionnaireDefinition = (tag: string) => ({
  consentText: 'Vos réponses aident la campagne ; elles ne servent qu’à elle.',
  opinionConsentText: 'J’accepte que ma position soit gardée avec mon nom.',
  questions: [
    {
      id: 'concern',
      label: `Votre préoccupation (${tag}) ?`,
      kind: 'single',
      required: true,
      options: [
        { id: 'housing', label: 'Logement' },
        { id: 'transport', label: 'Transports' },
      ],
    },
    { id: 'support', label: 'Votre soutien ?', kind: 'support' },
    { id: 'comment', label: 'Commentaire', kind: 'text' },
  ],
  // Every questionnaire the specs keep current takes an email (canvass-offline.spec.ts reads
  // whichever is current); a phone call never sends a contact.
  contactCapture: {
    enabled: true,
    askEmail: true,
    askPhone: false,
    consentTexts: { email: 'J’accepte de recevoir les nouvelles de la campagne par e-mail.' },
  },
});

interface Bank {
  id: number;
  name: string;
  questionnaireId: number;
  counts: { audience: number; byOutcome: Record<string, number> };
}

/** Three people to call, the bank over them (open), and one shift; made by staff. */
async function setUpBank(staff: APIRequestContext, tag: string) {
  // The range set aside for fiction (0639 98; 09xx is the carrier simulator's, calling.spec.ts),
  // three numbers apart from each other.
  const block = Math.floor(Math.random() * 10);
  const callees = await Promise.all(
    ['Josiane', 'Marcel', 'Yvette'].map((firstName, i) =>
      createSupporter(staff, {
        firstName,
        lastName: `${firstName === 'Marcel' ? 'Durand' : 'Petit'} ${capitalized(tag)}`,
        phone: `06 39 98 5${block} ${10 + 30 * i + Math.floor(Math.random() * 30)}`,
        consents: { email: false, sms: false, phone: true },
      }),
    ),
  );
  const headers = await csrfHeaders(staff);
  const segment = await json<{ id: number }>(
    await staff.post('/api/segments', {
      headers,
      data: { name: `Appels ${tag}`, filter: { q: tag, consentPhone: 'yes' } },
    }),
  );
  const questionnaire = await json<{ id: number }>(
    await staff.post('/api/field/questionnaires', {
      headers,
      data: { name: `Téléphone ${tag}`, definition: questionnaireDefinition(tag) },
    }),
  );
  const created = await json<Bank>(
    await staff.post('/api/phone-banks', {
      headers,
      data: {
        name: `Appels ${capitalized(tag)}`,
        segmentId: segment.id,
        questionnaireId: questionnaire.id,
        script: SCRIPT,
        windows: {
          weekdays: [1, 2, 3, 4, 5, 6, 7],
          windows: [['00:00', '24:00']],
          closedOnPublicHolidays: false,
        },
        access: 'supporters',
      },
    }),
  );
  const opened = await json<Bank>(
    await staff.post(`/api/phone-banks/${created.id}/open`, { headers }),
  );
  expect(opened.counts.audience, 'the segment holds the three people to call').toBe(3);
  const day = 24 * 3600_000;
  const shift = await json<{ eventId: number }>(
    await staff.post(`/api/phone-banks/${created.id}/shifts`, {
      headers,
      data: {
        startsAt: new Date(Date.now() + 2 * day).toISOString(),
        endsAt: new Date(Date.now() + 2 * day + 2 * 3600_000).toISOString(),
        capacity: 10,
      },
    }),
  );
  return { bank: opened, callees, shift, questionnaireId: questionnaire.id };
}

/** "06 39 98 51 23" as stored: "+33639985123". */
const e164 = (phone: string) => `+33${phone.replace(/\s/g, '').slice(1)}`;

/** A moment on the campaign's clock as the date-time field holds it ("2026-12-08T10:31"). */
function parisField(instant: Date): string {
  const parts = Object.fromEntries(
    new Intl.DateTimeFormat('en-CA', {
      timeZone: 'Europe/Paris',
      year: 'numeric',
      month: '2-digit',
      day: '2-digit',
      hour: '2-digit',
      minute: '2-digit',
      hourCycle: 'h23',
    })
      .formatToParts(instant)
      .map((part) => [part.type, part.value]),
  );
  return `${parts.year}-${parts.month}-${parts.day}T${parts.hour}:${parts.minute}`;
}

/** The person now on screen, among those the bank calls. */
async function personOnScreen(page: Page, callees: NewPerson[]): Promise<NewPerson> {
  const names = callees.map((c) => `${c.firstName} ${c.lastName}`);
  const heading = page.getByRole('heading', {
    level: 2,
    name: new RegExp(`^(${names.join('|')})$`),
  });
  await expect(heading).toBeVisible();
  return callees[names.indexOf((await heading.textContent())!.trim())]!;
}

const recorded = (page: Page, outcome: string) =>
  expect(
    page.getByRole('status').filter({ hasText: `Appel enregistré : ${outcome}` }),
  ).toBeVisible();

test('a volunteer calls from a phone bank on their phone; a call-back comes back at its time', async ({
  browser,
  baseURL,
  adminPage,
}) => {
  test.setTimeout(300_000);
  const tag = uniq();
  const { bank, callees, shift, questionnaireId } = await setUpBank(adminPage.request, tag);
  const context = await browser.newContext({ ...PHONE, baseURL });
  try {
    const volunteer = await createSupporter(context.request, { firstName: 'Bénédicte' });
    await logIn(context.request, volunteer.email);
    const page = await context.newPage();
    const next = page.getByRole('button', { name: 'Personne suivante' });
    const counts = page.getByRole('region', { name: 'Mes appels' });
    const callLink = page.getByRole('link', { name: /^Appeler le 06 / });
    const called: NewPerson[] = [];

    await test.step('from their space, the volunteer finds the bank and its next shift', async () => {
      await page.goto('/me');
      await page.getByRole('link', { name: 'Appeler pour la campagne' }).click();
      await expect(
        page.getByRole('heading', { name: 'Appeler pour la campagne', level: 1 }),
      ).toBeVisible();
      const card = page
        .getByRole('list', { name: 'Banques d’appels' })
        .getByRole('listitem')
        .filter({ has: page.getByRole('link', { name: bank.name, exact: true }) });
      await expect(card).toContainText('Appels possibles');
      await expect(card).toContainText('3 personnes attendent un appel');
      await expect(card).toContainText('Prochaine permanence :');
      await expect(card.getByRole('link', { name: /\d\d:\d\d/ })).toHaveAttribute(
        'href',
        `/events/${shift.eventId}`,
      );
      await card.getByRole('link', { name: bank.name, exact: true }).click();
      await expect(page.getByRole('heading', { name: bank.name, level: 1 })).toBeVisible();
    });

    await test.step('the calling screen shows the script as text, the counts and the shift', async () => {
      await expect(counts).toContainText('Vos appels : 0 · conversations : 0');
      await expect(counts).toContainText('3 personnes attendent un appel');
      const script = page.getByRole('region', { name: 'Le texte à suivre' });
      await expect(script).toContainText('<b>Ceci reste du texte</b>');
      await expect(script.locator('b')).toHaveCount(0);
      const shifts = page.getByRole('region', { name: 'Permanences' });
      await expect(shifts.getByRole('link')).toHaveAttribute('href', `/events/${shift.eventId}`);
      await expect(shifts).toContainText('10 places libres');
      const width = await page.evaluate(() => document.scrollingElement!.scrollWidth);
      expect(width).toBeLessThanOrEqual(360);
    });

    await test.step('a person is claimed, with their number hidden by #31#, then skipped', async () => {
      await next.click();
      const person = await personOnScreen(page, callees);
      await expect(page.getByText('Temps réservé pour cet appel : 1')).toBeVisible();
      await expect(callLink).toHaveAttribute('href', `tel:%2331%23${e164(person.phone!)}`);
      const hide = page.getByRole('switch', { name: 'Masquer mon numéro' });
      await expect(hide).toBeChecked();
      await hide.click();
      await expect(callLink).toHaveAttribute('href', `tel:${e164(person.phone!)}`);
      await hide.click();
      await expect(callLink).toHaveAttribute('href', `tel:%2331%23${e164(person.phone!)}`);
      const width = await page.evaluate(() => document.scrollingElement!.scrollWidth);
      expect(width).toBeLessThanOrEqual(360);
      await page.getByRole('button', { name: 'Passer sans appeler' }).click();
      await expect(page.getByRole('status').filter({ hasText: 'Personne passée' })).toBeVisible();
    });

    await test.step('the next person does not answer', async () => {
      await next.click();
      called.push(await personOnScreen(page, callees));
      await page.getByRole('button', { name: 'Pas de réponse' }).click();
      await recorded(page, 'Pas de réponse');
      await expect(counts).toContainText('Vos appels : 1 · conversations : 0');
    });

    await test.step('the next one talks: the questionnaire is checked, then recorded', async () => {
      await next.click();
      called.push(await personOnScreen(page, callees));
      expect(called[1]).not.toBe(called[0]);
      await page.getByRole('button', { name: 'Conversation' }).click();
      const form = page.getByRole('region', { name: 'Questionnaire' });
      await expect(form).toContainText('Vos réponses aident la campagne');
      // The required question is said before anything is sent.
      await page.getByRole('button', { name: 'Enregistrer la conversation' }).click();
      await expect(form.getByText('Réponse obligatoire.')).toBeVisible();
      await form
        .getByRole('checkbox', {
          name: 'La personne accepte que ses réponses soient gardées avec son nom.',
        })
        .check();
      await form
        .getByRole('radiogroup', { name: `Votre préoccupation (${tag}) ?` })
        .getByRole('radio', { name: 'Logement' })
        .check();
      await form
        .getByRole('radiogroup', { name: 'Votre soutien ?' })
        .getByRole('radio', { name: '1 Soutien fort' })
        .check();
      await form.getByRole('checkbox', { name: /accepte expressément que sa position/ }).check();
      await form.getByRole('textbox', { name: 'Commentaire' }).fill('Veut des tracts.');
      await page.getByRole('textbox', { name: 'Notes (facultatif)' }).fill('Très aimable.');
      await page.getByRole('button', { name: 'Enregistrer la conversation' }).click();
      await recorded(page, 'Conversation');
      await expect(counts).toContainText('Vos appels : 2 · conversations : 1');
    });

    let callBack!: NewPerson;
    await test.step('the next one asks to be called back in a minute or two', async () => {
      await next.click();
      callBack = await personOnScreen(page, callees);
      expect(called).not.toContain(callBack);
      await page.getByRole('button', { name: 'À rappeler' }).click();
      const when = page.getByRole('textbox', { name: 'Quand rappeler' });
      // A past time is refused on the page.
      await when.fill(parisField(new Date(Date.now() - 3600_000)));
      await page.getByRole('button', { name: 'Enregistrer le rappel' }).click();
      await expect(page.getByText('Choisissez un moment à venir.')).toBeVisible();
      // The next whole minute at least a minute from now: still ahead when the server reads it.
      const at = new Date(Math.ceil((Date.now() + 60_000) / 60_000) * 60_000);
      await when.fill(parisField(at));
      await page.getByRole('button', { name: 'Enregistrer le rappel' }).click();
      await recorded(page, 'À rappeler');
      await expect(counts).toContainText('Vos appels : 3 · conversations : 1');
    });

    await test.step('nobody is left until the call-back’s time, when that person comes back', async () => {
      await next.click();
      await expect(
        page.getByRole('status').filter({ hasText: 'Personne à appeler pour l’instant' }),
      ).toBeVisible();
      await expect
        .poll(
          async () => {
            const [response] = await Promise.all([
              page.waitForResponse(
                (r) =>
                  r.url().endsWith(`/api/phone-banks/${bank.id}/claim`) &&
                  r.request().method() === 'POST',
              ),
              next.click(),
            ]);
            return response.status();
          },
          { timeout: 180_000, intervals: [5_000] },
        )
        .toBe(200);
      expect(await personOnScreen(page, callees)).toBe(callBack);
      await expect(page.getByText(/^Rappel convenu : /)).toBeVisible();
    });

    await test.step('this time they ask not to be called again, once confirmed', async () => {
      await page.getByRole('button', { name: 'Ne plus appeler' }).click();
      const dialog = page.getByRole('dialog', { name: 'Ne plus appeler cette personne ?' });
      await dialog.getByRole('button', { name: 'Ne plus l’appeler' }).click();
      await expect(dialog).toBeHidden();
      await recorded(page, 'Ne plus appeler');
      await expect(counts).toContainText('Vos appels : 4 · conversations : 1');
    });

    await test.step('staff see the calls counted by outcome', async () => {
      const seen = await json<Bank>(await adminPage.request.get(`/api/phone-banks/${bank.id}`));
      expect(seen.counts.byOutcome).toMatchObject({
        no_answer: 1,
        conversation: 1,
        call_back: 1,
        do_not_call: 1,
      });
    });
  } finally {
    await context.close();
    // Archived once done, so it does not stay the questionnaire canvassers are given.
    const headers = await csrfHeaders(adminPage.request);
    await adminPage.request.put(`/api/field/questionnaires/${questionnaireId}`, {
      headers,
      data: {
        name: `Téléphone ${tag}`,
        definition: questionnaireDefinition(tag),
        archived: true,
      },
    });
  }
});

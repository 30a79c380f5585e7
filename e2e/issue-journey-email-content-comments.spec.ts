// The chained journey, in Chromium, each step using what the one before made:
// 1. staff publish an article at HQ, save a segment of two supporters from the people list, write
//    a newsletter pointing at the article and schedule it for the coming minute;
// 2. the release job sends it over SMTP: one reader leaves by the mail's unsubscribe link (staff
//    see the consent withdrawn on her page and the newsletter's count), the other logs in, opens
//    the article from the mail and takes their share link;
// 3. a visitor opens that link in a fresh browser and signs up: the sharer's count rises;
// 4. the visitor, now a member, logs in from the comments page and comments; the sharer reports
//    it, a moderator hides it: as many times as the moderation engine's repeat-offender rule
//    counts (read from its page at HQ: three upheld decisions within 30 days), after which the
//    member is refused with the date the suspension ends;
// 5. seven days later the thread is closed.
//
// "Seven days later": the server reads its own clock (Date.now() and now()), and nothing in the
// product moves it, on purpose (no clock setting or endpoint is added for a test). A thread
// closes `openDays` (7 by default) after its item's publication moment: `commentedItem` in
// features/comments/service.ts compares publication + 7 days with the clock. So the spec moves
// the other side of that comparison through an existing staff action: at HQ the article's
// "Publier le" field takes a past moment (publishing "from a moment, past or to come"), and staff
// set it to this minute seven days ago, which is what the thread sees a week after publishing.
// The test database cannot be written instead: the e2e server runs on PGlite in its own
// process, whose data directory nothing else may open while it runs. Comments, reports and the
// suspension keep their real moments.
//
// Names are unique per run: the campaign is shared with specs running in parallel.
import type { BrowserContext } from '@playwright/test';
import { pick } from './support/calling.ts';
import { expectMyShares } from './support/content.ts';
import {
  capitalized,
  CONFIRM_SUBJECT,
  createSupporter,
  expect,
  linkIn,
  mailbox,
  publicSite,
  test,
  uniq,
  type Mail,
} from './support/fixtures.ts';
import {
  chooseNextMinutes,
  localInput,
  logInWithCode,
  longDay,
  openMail,
  wallClock,
} from './support/journey.ts';
import { count, namedStaffMember } from './support/newsletters.ts';

const DAY = 86_400_000;

/** The day a suspension of `days` days given now ends on, as the member reads it ("5 janvier 2027"). */
const suspensionEnd = (days: number) => longDay(new Date(Date.now() + days * DAY));

test('a newsletter to a segment, an article shared, a sign-up credited, comments moderated, a thread closed', async ({
  page: staffPage,
  adminPage: moderator,
  browser,
  baseURL,
}) => {
  test.setTimeout(600_000);
  const id = uniq();
  const Id = capitalized(id);
  const readersTag = uniq();
  const title = `Le tram de nuit ${Id}`;
  const slug = `tram-de-nuit-${id}`;
  const articleUrl = `${baseURL}/articles/${slug}`;
  const commentsPath = `/articles/${slug}/comments`;
  const segment = `Lecteurs ${capitalized(readersTag)}`;
  const letter = `Lettre tram ${Id}`;
  const contexts: BrowserContext[] = [];
  const newContext = async () => {
    const context = await browser.newContext({ baseURL });
    contexts.push(context);
    return context;
  };

  try {
    const staff = await namedStaffMember(staffPage, moderator);
    const leaverContext = await newContext();
    const sharerContext = await newContext();
    const leaver = await createSupporter(leaverContext.request, {
      firstName: 'Aline',
      lastName: `Lecteur ${capitalized(readersTag)}`,
      postalCode: '44000',
    });
    const sharer = await createSupporter(sharerContext.request, {
      firstName: capitalized(uniq()),
      lastName: `Lecteur ${capitalized(readersTag)}`,
      postalCode: '44000',
    });
    const leaverPage = await leaverContext.newPage();
    const sharerPage = await sharerContext.newPage();

    // Just before and just after the publication: its moment lies between.
    const published: Date[] = [];
    await test.step('staff publish the article at HQ', async () => {
      await staffPage.goto('/hq/people');
      await staffPage
        .getByRole('navigation', { name: 'Navigation principale' })
        .getByRole('link', { name: 'Contenus' })
        .click();
      await staffPage.getByRole('link', { name: 'Nouveau contenu' }).click();
      await staffPage.getByRole('textbox', { name: 'Titre' }).fill(title);
      await staffPage.getByRole('textbox', { name: 'Adresse' }).fill(slug);
      await staffPage
        .getByRole('textbox', { name: 'Résumé' })
        .fill('Le tram roulera toute la nuit le week-end.');
      await staffPage
        .getByRole('textbox', { name: 'Texte (Markdown)' })
        .fill('Dès **vendredi**, le tram roule jusqu’à 2 h du matin.');
      await staffPage.getByRole('button', { name: 'Enregistrer' }).click();
      await expect(staffPage).toHaveURL(/\/hq\/content\/\d+$/);
      published.push(new Date());
      await staffPage.getByRole('button', { name: 'Publier maintenant' }).click();
      await expect(staffPage.getByTestId('content-state')).toHaveText('En ligne');
      published.push(new Date());
    });

    await test.step('staff save the two readers as a segment from the people list', async () => {
      await staffPage
        .getByRole('navigation', { name: 'Navigation principale' })
        .getByRole('link', { name: 'Personnes' })
        .click();
      await expect(staffPage.getByRole('heading', { name: 'Personnes', level: 1 })).toBeVisible();
      await staffPage.getByLabel('Rechercher').fill(readersTag);
      await expect(staffPage).toHaveURL(new RegExp(`[?&]q=${readersTag}`));
      await expect(staffPage.getByText('2 personnes', { exact: true })).toBeVisible();
      await staffPage.getByRole('button', { name: 'Enregistrer comme segment' }).click();
      const dialog = staffPage.getByRole('dialog', { name: 'Enregistrer comme segment' });
      await dialog.getByLabel('Nom du segment').fill(segment);
      await dialog.getByRole('button', { name: 'Enregistrer' }).click();
      await expect(staffPage.getByText(`Segment « ${segment} » enregistré.`)).toBeVisible();
    });

    let since = 0;
    await test.step('staff write the newsletter to the segment and schedule it', async () => {
      await staffPage
        .getByRole('navigation', { name: 'Navigation principale' })
        .getByRole('link', { name: 'Lettres d’information' })
        .click();
      await staffPage.getByRole('link', { name: 'Nouvelle lettre' }).click();
      await staffPage.getByRole('textbox', { name: 'Nom de la lettre' }).fill(letter);
      await staffPage.getByRole('textbox', { name: 'Objet' }).fill(`{prénom}, le tram ${Id}`);
      await staffPage
        .getByRole('textbox', { name: 'Texte', exact: true })
        .fill(
          [
            'Bonjour {prénom},',
            '',
            'Le tram roulera la nuit. Lisez et partagez :',
            '',
            articleUrl,
          ].join('\n'),
        );
      await pick(
        staffPage,
        staffPage.getByRole('textbox', { name: 'Destinataires' }),
        new RegExp(segment),
      );
      await staffPage.getByRole('button', { name: 'Enregistrer le brouillon' }).click();
      await expect(staffPage.getByText('Lettre enregistrée.')).toBeVisible();
      await expect(staffPage.getByRole('heading', { name: letter, level: 1 })).toBeVisible();
      await expect(staffPage.getByText(`Segment « ${segment} »`, { exact: true })).toBeVisible();

      since = await mailbox.mark();
      await staffPage.getByRole('button', { name: 'Programmer', exact: true }).click();
      const dialog = staffPage.getByRole('dialog', { name: 'Programmer l’envoi' });
      const at = wallClock(await chooseNextMinutes(staffPage, dialog, 'Date et heure d’envoi'));
      await dialog.getByRole('button', { name: 'Programmer', exact: true }).click();
      await expect(dialog).toBeHidden();
      await expect(staffPage.getByText('Programmée', { exact: true })).toBeVisible();
      await expect(staffPage.getByText(/^Programmée pour le /)).toContainText(
        `${String(at.hour).padStart(2, '0')}:${String(at.minute).padStart(2, '0')}`,
      );
    });

    const mails = new Map<string, Mail>();
    await test.step('at that minute it goes out over SMTP to the segment only', async () => {
      // The release job runs every minute; the page follows the newsletter every 3 s.
      await expect(staffPage.getByText('Envoyée', { exact: true })).toBeVisible({
        timeout: 240_000,
      });
      await expect(count(staffPage, 'Destinataires')).toHaveText('2');
      await expect(count(staffPage, 'Envoyés')).toHaveText('2');
      for (const reader of [leaver, sharer]) {
        const mail = await mailbox.waitFor(reader.email, new RegExp(`le tram ${Id}$`), since);
        expect(mail.subject).toBe(`${reader.firstName}, le tram ${Id}`);
        expect(mail.text).toContain(`Bonjour ${reader.firstName},`);
        // The one-click unsubscribe (RFC 8058) of the footer's own link.
        const unsubscribe = linkIn(mail, '/newsletter/unsubscribe');
        expect(mail.headers['list-unsubscribe']).toBe(`<${unsubscribe}>`);
        expect(mail.headers['list-unsubscribe-post']).toBe('List-Unsubscribe=One-Click');
        mails.set(reader.email, mail);
      }
      expect(
        (await mailbox.list(staff.email, since)).filter((mail) => mail.subject.includes(Id)),
      ).toEqual([]);
    });

    await test.step('one reader leaves by the mail’s link; staff see her consent withdrawn', async () => {
      await openMail(leaverPage, mails.get(leaver.email)!);
      await leaverPage.getByRole('link', { name: 'Ne plus recevoir ces e-mails' }).click();
      await expect(leaverPage.getByRole('heading', { level: 1 })).toHaveText(
        'Les e-mails de la campagne',
      );
      await leaverPage.getByRole('button', { name: 'Ne plus recevoir ces e-mails' }).click();
      await expect(leaverPage.getByRole('status')).toHaveText(
        /^C’est fait : vous ne recevrez plus les e-mails de la campagne\./,
      );

      await staffPage.reload();
      await expect(count(staffPage, 'Désinscriptions')).toHaveText('1');
      await staffPage
        .getByRole('navigation', { name: 'Navigation principale' })
        .getByRole('link', { name: 'Personnes' })
        .click();
      await staffPage.getByLabel('Rechercher').fill(`aline ${readersTag}`);
      await expect(staffPage.getByText('1 personne', { exact: true })).toBeVisible();
      const name = `${leaver.firstName} ${leaver.lastName}`;
      await staffPage
        .getByRole('table', { name: 'Liste des personnes' })
        .getByRole('link', { name })
        .click();
      await expect(staffPage.getByRole('heading', { name, level: 1 })).toBeVisible();
      await expect(
        staffPage.getByRole('list', { name: 'Historique des consentements' }).getByRole('listitem'),
      ).toContainText(['E-mail : Désinscription (retrait) · lien de désinscription']);
    });

    let shareLink = '';
    await test.step('the other reader logs in, opens the article from the mail and takes their link', async () => {
      await sharerPage.goto('/login');
      await logInWithCode(sharerPage, sharer.email);
      await expect(sharerPage).toHaveURL(/\/me$/);
      await expectMyShares(sharerPage, 0);
      await openMail(sharerPage, mails.get(sharer.email)!);
      // The mail's links open in a new tab.
      const opening = sharerContext.waitForEvent('page');
      await sharerPage.getByRole('link', { name: articleUrl }).click();
      const article = await opening;
      await expect(article.getByRole('heading', { level: 1, name: title })).toBeVisible();
      const mine = article.getByRole('region', { name: 'Votre lien de partage' });
      shareLink = await mine.getByLabel('Votre lien').inputValue();
      expect(shareLink).toMatch(new RegExp(`^${articleUrl}\\?s=\\d+\\.[\\w-]+$`));
      await article.close();
    });

    const visitorContext = await newContext();
    const visitor = await visitorContext.newPage();
    const member = {
      firstName: 'Bastien',
      lastName: `Recrue ${Id}`,
      email: `bastien.${id}@example.org`,
    };
    await test.step('a visitor from that link signs up and confirms; the sharer’s count rises', async () => {
      const site = await publicSite(visitor.request);
      await visitor.goto(shareLink);
      await expect(visitor.getByRole('heading', { level: 1, name: title })).toBeVisible();
      await visitor.getByRole('link', { name: 'Rejoindre la campagne' }).click();
      await visitor.getByLabel('Prénom', { exact: true }).fill(member.firstName);
      await visitor.getByLabel('Nom de famille', { exact: true }).fill(member.lastName);
      await visitor.getByLabel('Adresse e-mail', { exact: true }).fill(member.email);
      await visitor.getByLabel('Code postal', { exact: true }).fill('38000');
      await expect(visitor.getByText('Commune : Grenoble')).toBeVisible();
      const before = await mailbox.mark();
      await visitor.getByRole('button', { name: site.home.signupCallToAction }).click();
      await expect(visitor.getByRole('status')).toContainText('Vérifiez votre boîte mail');

      await expectMyShares(sharerPage, 1);
      await staffPage
        .getByRole('navigation', { name: 'Navigation principale' })
        .getByRole('link', { name: 'Contenus' })
        .click();
      await staffPage.getByRole('tab', { name: 'Classement des relais' }).click();
      await expect(staffPage.getByRole('row').filter({ hasText: sharer.firstName })).toContainText(
        '1',
      );

      const confirmation = await mailbox.waitFor(member.email, CONFIRM_SUBJECT, before);
      await visitor.goto(linkIn(confirmation, '/confirm'));
      await expect(visitor.getByRole('status')).toHaveText(
        `Merci ${member.firstName} ! Votre inscription est confirmée.`,
      );
    });

    const rule = { upheld: 0, withinDays: 0, suspendDays: 0 };
    await test.step('the moderators’ repeat-offender rule: three upheld decisions in 30 days', async () => {
      await moderator.goto('/hq/moderation');
      await moderator
        .getByRole('navigation', { name: 'Navigation principale' })
        .getByRole('link', { name: 'Sanctions' })
        .click();
      await expect(moderator.getByRole('heading', { level: 1, name: 'Sanctions' })).toBeVisible();
      const first = moderator.getByRole('group', { name: 'Règle 1' });
      rule.upheld = Number(await first.getByLabel('Décisions confirmées').inputValue());
      rule.withinDays = Number(await first.getByLabel('En (jours)').inputValue());
      rule.suspendDays = Number(await first.getByLabel('Suspension (jours)').inputValue());
      expect(rule).toMatchObject({ upheld: 3, withinDays: 30 });
      expect(rule.suspendDays).toBeGreaterThan(0);
    });

    await test.step('the new member logs in from the comments page', async () => {
      await visitor.goto(`/articles/${slug}`);
      await visitor.getByRole('link', { name: 'Lire les commentaires et commenter' }).click();
      await expect(visitor.getByRole('heading', { level: 1 })).toHaveText(
        `Commentaires : ${title}`,
      );
      // Open for seven days from the publication.
      const closing = published.map((at) =>
        escapeRegExp(longDay(new Date(at.getTime() + 7 * DAY))),
      );
      await expect(visitor.getByText(/^Commentaires ouverts jusqu’au /)).toHaveText(
        new RegExp(`^Commentaires ouverts jusqu’au (${closing.join('|')}) à \\d\\d:\\d\\d\\.$`),
      );
      await visitor.getByRole('link', { name: 'Connectez-vous pour commenter' }).click();
      await logInWithCode(visitor, member.email);
      await expect(visitor).toHaveURL(`${baseURL}${commentsPath}`);
      await expect(visitor.getByRole('textbox', { name: 'Votre commentaire' })).toBeVisible();
    });

    for (let n = 1; n <= rule.upheld; n++) {
      const text = `Ce tram ${Id} est une arnaque, numéro ${n}.`;
      const last = n === rule.upheld;
      let until: string[] = [];
      let decided = 0;
      await test.step(`comment ${n}: posted, reported by the sharer, hidden by a moderator`, async () => {
        await visitor.getByRole('textbox', { name: 'Votre commentaire' }).fill(text);
        await visitor.getByRole('button', { name: 'Publier' }).click();
        await expect(visitor.getByText('Votre commentaire est publié.')).toBeVisible();
        await expect(visitor.getByRole('article').filter({ hasText: text })).toContainText(
          'Bastien R.',
        );

        await sharerPage.goto(commentsPath);
        await sharerPage
          .getByRole('article')
          .filter({ hasText: text })
          .getByRole('link', { name: 'Signaler' })
          .click();
        await expect(sharerPage.getByRole('heading', { level: 1 })).toHaveText(
          'Signaler ce commentaire',
        );
        await sharerPage.getByRole('radio', { name: 'Harcèlement ou menaces' }).check();
        await sharerPage.getByRole('button', { name: 'Envoyer le signalement' }).click();
        await expect(
          sharerPage.getByRole('heading', { level: 1, name: 'Merci pour votre signalement' }),
        ).toBeVisible();

        await moderator.goto('/hq/moderation');
        const group = moderator.getByRole('article', { name: text });
        await expect(group).toContainText('Commentaire d’article');
        await expect(group).toContainText('Signalé par 1 personne');
        await group
          .getByRole('textbox', { name: 'Motif de la décision' })
          .fill(`Propos insultants (${n}).`);
        decided = await mailbox.mark();
        until = [suspensionEnd(rule.suspendDays)];
        await group.getByRole('button', { name: 'Dépublier' }).click();
        until.push(suspensionEnd(rule.suspendDays));
        const done = `« ${text} » est dépublié.`;
        await expect(
          moderator.getByText(
            last ? new RegExp(`^${escapeRegExp(done)} Règles de récidive : `) : done,
            { exact: !last },
          ),
        ).toBeVisible();
        await expect(moderator.getByRole('article', { name: text })).toHaveCount(0);

        await visitor.goto(commentsPath);
        await expect(visitor.getByText(text)).toHaveCount(0);
      });

      if (last) {
        await test.step(`after ${n} upheld reports the author can no longer comment`, async () => {
          const mail = await mailbox.waitFor(member.email, /^Modération/, decided);
          expect(mail.text).toContain('a été retiré de la publication');
          expect(mail.text).toMatch(
            new RegExp(`Vous ne pourrez plus rien publier jusqu’au (${until.join('|')})`),
          );

          const attempt = `Le tram ${Id}, encore une fois.`;
          await visitor.getByRole('textbox', { name: 'Votre commentaire' }).fill(attempt);
          await visitor.getByRole('button', { name: 'Publier' }).click();
          await expect(visitor.getByRole('alert')).toHaveText(
            new RegExp(
              `^Les modérateurs ont suspendu votre droit de publier jusqu’au (${until.join('|')})\\.$`,
            ),
          );
          await expect(visitor.getByRole('article').filter({ hasText: attempt })).toHaveCount(0);

          await moderator
            .getByRole('navigation', { name: 'Navigation principale' })
            .getByRole('link', { name: 'Sanctions' })
            .click();
          await expect(
            moderator
              .getByRole('row')
              .filter({ hasText: `${member.firstName} ${member.lastName}` }),
          ).toContainText('Suspension');
        });
      }
    }

    await test.step('seven days later (the publication moved back a week) the thread is closed', async () => {
      const kept = `Merci pour le tram ${Id} !`;
      await sharerPage.goto(commentsPath);
      await sharerPage.getByRole('textbox', { name: 'Votre commentaire' }).fill(kept);
      await sharerPage.getByRole('button', { name: 'Publier' }).click();
      await expect(sharerPage.getByText('Votre commentaire est publié.')).toBeVisible();

      await staffPage
        .getByRole('navigation', { name: 'Navigation principale' })
        .getByRole('link', { name: 'Contenus' })
        .click();
      await staffPage.getByRole('textbox', { name: 'Rechercher un titre' }).fill(title);
      await staffPage.getByRole('link', { name: title }).click();
      await expect(staffPage.getByTestId('content-state')).toHaveText('En ligne');
      const weekAgo = new Date(Date.now() - 7 * DAY);
      await staffPage.getByLabel('Publier le').fill(localInput(weekAgo));
      await staffPage.getByRole('button', { name: 'Programmer' }).click();
      await expect(staffPage.getByText(/^En ligne depuis le /)).toContainText(
        new Intl.DateTimeFormat('fr-FR', { dateStyle: 'medium', timeZone: 'Europe/Paris' }).format(
          weekAgo,
        ),
      );
      await expect(staffPage.getByTestId('content-state')).toHaveText('En ligne');

      for (const reader of [sharerPage, visitor]) {
        await reader.goto(commentsPath);
        await expect(reader.getByRole('status')).toHaveText(
          'Les commentaires sont fermés : on peut les lire, plus en ajouter.',
        );
        await expect(reader.getByRole('article').filter({ hasText: kept })).toBeVisible();
        await expect(reader.getByRole('textbox', { name: 'Votre commentaire' })).toHaveCount(0);
        await expect(reader.getByRole('button', { name: 'Publier' })).toHaveCount(0);
        await expect(reader.getByText('Répondre', { exact: true })).toHaveCount(0);
      }
      // The article itself stays online.
      await visitor.goto(`/articles/${slug}`);
      await expect(visitor.getByRole('heading', { level: 1, name: title })).toBeVisible();
    });
  } finally {
    for (const context of contexts) await context.close();
  }
});

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

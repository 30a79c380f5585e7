// Moderation end to end: a visitor reports a committee through its public page, a moderator
// unpublishes it from the queue with a reason (gone from the search, its page 404, the
// organiser mailed why), then bans its author from another committee's report.
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

/** Rennes: a place the other specs leave alone. */
const POSTAL_CODE = '35000';

const csrfOf = async (request: APIRequestContext) =>
  ((await (await request.get('/api/session')).json()) as { csrfToken: string }).csrfToken;

async function createCommittee(request: APIRequestContext, name: string) {
  const response = await request.post('/api/committees', {
    headers: { 'x-csrf-token': await csrfOf(request) },
    data: { name, place: { postalCode: POSTAL_CODE } },
  });
  return response;
}

test('a visitor reports a committee; a moderator unpublishes it, then bans its author', async ({
  adminPage: moderator,
  page: visitor,
  request,
  browser,
}) => {
  // An organiser leads two committees, made with the JSON API.
  const organiser = await createSupporter(request, { firstName: 'Gwenaël' });
  const author = `${organiser.firstName} ${organiser.lastName}`;
  await logIn(request, organiser.email);
  const word = capitalized(uniq());
  const name = `Comité Rennes ${word}`;
  const other = `Comité Bretagne ${capitalized(uniq())}`;
  const created = await createCommittee(request, name);
  expect(created.status(), await created.text()).toBe(201);
  const { id } = (await created.json()) as { id: number };
  const second = await createCommittee(request, other);
  expect(second.status(), await second.text()).toBe(201);
  const { id: otherId } = (await second.json()) as { id: number };

  // A visitor, not logged in, reports it from its page.
  await visitor.goto(`/committees/${id}`);
  await expect(visitor.getByRole('heading', { level: 1 })).toHaveText(name);
  await visitor.getByRole('link', { name: 'Signaler ce comité' }).click();
  await expect(visitor).toHaveURL(new RegExp(`/report\\?kind=committee&id=${id}$`));
  await expect(visitor.getByRole('heading', { level: 1 })).toHaveText('Signaler ce comité');
  await expect(visitor.getByText(`Vous signalez : ${name}`)).toBeVisible();
  // Sent without a reason: the page says what is missing, and keeps the words.
  const words = 'Se présente comme le comité officiel de la campagne.';
  await visitor.getByRole('textbox', { name: 'Précisez (facultatif)' }).fill(words);
  await visitor.getByRole('button', { name: 'Envoyer le signalement' }).click();
  await expect(visitor.getByText('Choisissez la raison du signalement.')).toBeVisible();
  await expect(visitor.getByRole('textbox', { name: 'Précisez (facultatif)' })).toHaveValue(words);
  await visitor.getByRole('radio', { name: 'Fausses informations' }).check();
  await visitor.getByRole('button', { name: 'Envoyer le signalement' }).click();
  await expect(
    visitor.getByRole('heading', { level: 1, name: 'Merci pour votre signalement' }),
  ).toBeVisible();
  await expect(visitor.getByRole('link', { name: 'Revenir à la page' })).toHaveAttribute(
    'href',
    `/committees/${id}`,
  );

  // Still found by the search until the moderators decide.
  const search = `/committees?place=${POSTAL_CODE}&q=${encodeURIComponent(word)}`;
  await visitor.goto(search);
  await expect(visitor.getByRole('link', { name })).toBeVisible();

  // A second visitor, with the API.
  const secondVisitor = await browser.newContext();
  try {
    const api = secondVisitor.request;
    const reported = await api.post('/api/reports', {
      headers: { 'x-csrf-token': await csrfOf(api) },
      data: { targetKind: 'committee', targetId: id, reason: 'impersonation' },
    });
    expect(reported.status(), await reported.text()).toBe(201);
  } finally {
    await secondVisitor.close();
  }

  // The moderator finds it in the queue, with both reporters and their reasons.
  await moderator.goto('/hq/people');
  await moderator
    .getByRole('navigation', { name: 'Navigation principale' })
    .getByRole('link', { name: 'Modération' })
    .click();
  await expect(
    moderator.getByRole('heading', { level: 1, name: 'Signalements à traiter' }),
  ).toBeVisible();
  const group = moderator.getByRole('article', { name });
  await expect(group).toContainText('Comité');
  await expect(group).toContainText(`Auteur : ${author}`);
  await expect(group).toContainText('Signalé par 2 personnes');
  await expect(group.getByRole('listitem')).toHaveText([
    'Usurpation d’identité : 1',
    'Fausses informations : 1',
  ]);
  await expect(group.getByRole('blockquote')).toHaveText(words);
  await expect(group.getByRole('link', { name })).toHaveAttribute('href', `/committees/${id}`);

  // Unpublishing needs a reason, which the organiser will read.
  await group.getByRole('button', { name: 'Dépublier' }).click();
  await expect(
    group.getByText('Dites pourquoi : les personnes concernées le liront.'),
  ).toBeVisible();
  const reason = `Se fait passer pour la campagne (${word}).`;
  await group.getByRole('textbox', { name: 'Motif de la décision' }).fill(reason);
  const since = await mailbox.mark();
  await group.getByRole('button', { name: 'Dépublier' }).click();
  await expect(moderator.getByText(`« ${name} » est dépublié.`)).toBeVisible();
  await expect(moderator.getByRole('article', { name })).toHaveCount(0);

  // Gone for the public: from the search, and its page.
  await visitor.goto(search);
  await expect(visitor.getByRole('heading', { level: 1 })).toHaveText('Trouver un comité');
  await expect(visitor.getByRole('link', { name })).toHaveCount(0);
  const gone = await visitor.goto(`/committees/${id}`);
  expect(gone?.status()).toBe(404);
  await expect(visitor.getByRole('heading', { level: 1 })).toHaveText('Comité introuvable');

  // The organiser is told why, and how to contest it.
  const mail = await mailbox.waitFor(organiser.email, /^Modération/, since);
  expect(mail.subject).toContain(name);
  expect(mail.text).toContain('a été retiré de la publication');
  expect(mail.text).toContain(reason);

  // The other committee is reported too; the moderator bans its author.
  await visitor.goto(`/report?kind=committee&id=${otherId}`);
  await visitor.getByRole('radio', { name: /^Usurpation d’identité/ }).check();
  await visitor.getByRole('button', { name: 'Envoyer le signalement' }).click();
  await expect(
    visitor.getByRole('heading', { name: 'Merci pour votre signalement' }),
  ).toBeVisible();

  await moderator.reload();
  const next = moderator.getByRole('article', { name: other });
  await expect(next).toContainText('Signalé par 1 personne');
  await next
    .getByRole('textbox', { name: 'Motif de la décision' })
    .fill('Usurpation répétée de l’identité de la campagne.');
  await next.getByRole('button', { name: 'Bannir l’auteur' }).click();
  const confirm = moderator.getByRole('dialog', { name: `Bannir ${author} ?` });
  await expect(confirm).toContainText('sera masqué aussitôt');
  await confirm.getByRole('button', { name: 'Bannir' }).click();
  await expect(moderator.getByText(`L’auteur de « ${other} » est banni`)).toBeVisible();
  await expect(moderator.getByRole('article', { name: other })).toHaveCount(0);

  // The author can post nothing more.
  const refused = await createCommittee(request, `Comité ${capitalized(uniq())}`);
  expect(refused.status()).toBe(403);
  expect(((await refused.json()) as { code: string }).code).toBe('posting_banned');

  // The ban is listed among the sanctions, where it can be lifted.
  await moderator
    .getByRole('navigation', { name: 'Navigation principale' })
    .getByRole('link', { name: 'Sanctions' })
    .click();
  await expect(moderator.getByRole('heading', { level: 1, name: 'Sanctions' })).toBeVisible();
  const sanction = moderator.getByRole('row').filter({ hasText: author });
  await expect(sanction).toContainText('Bannissement');
  await expect(sanction).toContainText('Jusqu’à levée');
  await sanction.getByRole('button', { name: `Lever la sanction de ${author}` }).click();
  await expect(
    moderator.getByText(`Sanction levée : ${author} peut de nouveau publier.`),
  ).toBeVisible();
  await expect(moderator.getByRole('row').filter({ hasText: author })).toHaveCount(0);
});

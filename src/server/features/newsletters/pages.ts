import type { FastifyInstance } from 'fastify';
import type { AppContext } from '../../core/context.ts';
import { featurePageDrawer } from '../recruitment/pages/feature-pages.ts';
import type { Locale } from '../recruitment/pages/i18n.ts';
import type { PublicShell } from '../recruitment/pages/layout.ts';
import {
  registerUnsubscribePage,
  type UnsubscribeTexts,
} from '../recruitment/pages/unsubscribe-page.ts';
import { unsubscribeFromNewsletter } from './delivery.ts';
import { registerClickPage } from './tracking/click-page.ts';

const texts: Record<Locale, UnsubscribeTexts & { done: string }> = {
  fr: {
    title: 'Les e-mails de la campagne',
    ask: 'Vous ne recevrez plus les lettres d’information ni les autres e-mails de la campagne (les messages que vous demandez, comme un code de connexion, continueront d’arriver).',
    button: 'Ne plus recevoir ces e-mails',
    invalid: 'Ce lien de désinscription n’est pas valide.',
    done: 'C’est fait : vous ne recevrez plus les e-mails de la campagne. Vous pouvez changer d’avis depuis votre espace.',
  },
  en: {
    title: 'The campaign’s emails',
    ask: 'You will no longer receive the newsletters nor the campaign’s other emails (the messages you ask for, such as a login code, will still come).',
    button: 'Stop these emails',
    invalid: 'This unsubscribe link is not valid.',
    done: 'Done: you will no longer receive the campaign’s emails. You can change your mind from your space.',
  },
};

/** A newsletter's unsubscribe link and one-click button, on the public site. */
export async function registerNewsletterPages(
  app: FastifyInstance,
  ctx: AppContext,
  shell: PublicShell,
) {
  const draw = featurePageDrawer(ctx, shell, '');
  // The tracked links of a mail whose recipient agreed to the measure of clicks.
  registerClickPage(app, ctx, draw);
  await registerUnsubscribePage(app, ctx, draw, {
    path: '/newsletter/unsubscribe',
    texts: (locale) => texts[locale],
    act: async (token, locale) => {
      await unsubscribeFromNewsletter(ctx, token);
      return texts[locale].done;
    },
  });
}

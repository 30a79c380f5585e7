import { sql } from 'drizzle-orm';
import type { Locale } from '../../../contracts/common.ts';
import { formatEuros } from '../../../contracts/donation-law.ts';
import type { AppContext } from '../../core/context.ts';
import { runSql } from '../../core/db/statement.ts';
import { registerMailTemplate } from '../../core/mail/registry.ts';
import { linkMail, mailTexts, type RenderedMail } from '../../core/mail/templates.ts';
import { campaignName } from '../settings/service.ts';

/** Why a plan stopped, as its mail tells it. */
export type StopCause = 'cap_reached' | 'card_failed' | 'collection_closed' | 'donor' | 'other';

const stoppedFr = {
  subject: 'Votre don mensuel à {campaign} est arrêté',
  hello: 'Bonjour {firstName},',
  cap_reached:
    'Votre don mensuel de {amount} n’a pas été prélevé ce mois-ci : la loi limite ce qu’une même personne peut donner. {reason} Votre don mensuel est donc arrêté, et rien ne sera plus prélevé.',
  card_failed:
    'Le prélèvement de votre don mensuel de {amount} a échoué plusieurs fois de suite : il est suspendu. Enregistrez une nouvelle carte dans votre espace pour le reprendre.',
  collection_closed:
    '{campaign} ne reçoit plus de dons : la collecte est close. Votre don mensuel de {amount} est donc arrêté, et rien ne sera plus prélevé.',
  donor:
    'Comme vous l’avez demandé, votre don mensuel de {amount} est arrêté : rien ne sera plus prélevé.',
  other: 'Votre don mensuel de {amount} est arrêté : {reason} Rien ne sera plus prélevé.',
  thanks: 'Merci pour votre soutien.',
  manage: 'Pour donner à nouveau ou gérer vos dons, rendez-vous dans votre espace :',
  button: 'Mon espace',
};

const stoppedEn: Record<keyof typeof stoppedFr, string> = {
  subject: 'Your monthly gift to {campaign} has stopped',
  hello: 'Hello {firstName},',
  cap_reached:
    'Your monthly gift of {amount} was not charged this month: the law limits what one person may give. {reason} Your monthly gift has therefore stopped, and nothing more will be charged.',
  card_failed:
    'Your monthly gift of {amount} could not be charged several times in a row: it is on hold. Save a new card in your space to resume it.',
  collection_closed:
    '{campaign} is no longer taking gifts: the collection is closed. Your monthly gift of {amount} has therefore stopped, and nothing more will be charged.',
  donor: 'As you asked, your monthly gift of {amount} has stopped: nothing more will be charged.',
  other: 'Your monthly gift of {amount} has stopped: {reason} Nothing more will be charged.',
  thanks: 'Thank you for your support.',
  manage: 'To give again or manage your gifts, go to your space:',
  button: 'My space',
};

/** The mail's texts in both languages. */
export const planMailMessages = { stopped: { fr: stoppedFr, en: stoppedEn } };

/** Why the plan stopped, from its status and reason when the mail is sent. */
export function stopCauseOf(status: string, reason: string | null): StopCause {
  if (status === 'cap_reached') return 'cap_reached';
  if (status === 'stopped') {
    if (reason === 'donor' || reason === 'collection_closed') return reason;
    return 'other';
  }
  // card_failed, or a plan its donor started again with a new card since.
  return 'card_failed';
}

/** The news that a monthly gift stopped: why, and where to give again or manage it. */
export function planStoppedMail(
  locale: Locale,
  plan: {
    campaign: string;
    firstName: string;
    amountCents: number;
    cause: StopCause;
    reason: string | null;
  },
  spaceUrl: string,
): RenderedMail {
  const t = mailTexts(planMailMessages.stopped, locale, {
    campaign: plan.campaign,
    firstName: plan.firstName,
    amount: formatEuros(plan.amountCents, locale),
    reason: plan.reason ?? '',
  });
  return linkMail(
    {
      subject: t.subject,
      before: [t.hello, t[plan.cause], t.manage],
      after: [t.thanks],
      button: t.button,
    },
    spaceUrl,
  );
}

/** Registers the `donation_plan_stopped` mail (queued by donor-mail.ts with the plan's id). */
export function registerPlanMail(ctx: AppContext) {
  registerMailTemplate('donation_plan_stopped', async (payload) => {
    const { campaignId, id } = payload as { campaignId: number; id: number };
    const [plan] = await runSql<{
      status: string;
      stopped_reason: string | null;
      amount_cents: number;
      locale: string;
      first_name: string | null;
    }>(
      ctx.database,
      sql`SELECT status, stopped_reason, amount_cents, locale, donor->>'firstName' AS first_name
            FROM donation_plans WHERE campaign_id = ${campaignId} AND id = ${id}`,
    );
    if (!plan) throw new Error(`donation plan ${id} is gone`);
    const locale: Locale = plan.locale === 'en' ? 'en' : 'fr';
    return planStoppedMail(
      locale,
      {
        campaign: await campaignName(ctx.database, campaignId),
        firstName: plan.first_name ?? '',
        amountCents: Number(plan.amount_cents),
        cause: stopCauseOf(plan.status, plan.stopped_reason),
        reason: plan.stopped_reason,
      },
      `${ctx.config.publicUrl}/me?lang=${locale}`,
    );
  });
}

import type { Locale } from '../../../contracts/common.ts';
import type { ModerationAction } from '../../../contracts/moderation.ts';
import { linkMail, mailTexts, type RenderedMail } from '../../core/mail/templates.ts';

const decisionFr = {
  subject: 'Modération : « {title} » — {campaign}',
  ask_fix: 'Les modérateurs de {campaign} vous demandent de modifier « {title} ».',
  unpublish: '« {title} » a été retiré de la publication par les modérateurs de {campaign}.',
  close: '« {title} » a été fermé par les modérateurs de {campaign}.',
  restore: '« {title} » est de nouveau publié.',
  ban: 'Les modérateurs de {campaign} ont suspendu définitivement votre droit de publier : tout ce que vous aviez publié est masqué.',
  why: 'Motif : {message}',
  suspended:
    'Vous ne pourrez plus rien publier jusqu’au {until}, après plusieurs signalements confirmés.',
  contact: 'Pour contester cette décision, répondez à ce message.',
  button: 'Voir',
};

const decisionEn: Record<keyof typeof decisionFr, string> = {
  subject: 'Moderation: “{title}” — {campaign}',
  ask_fix: 'The moderators of {campaign} ask you to change “{title}”.',
  unpublish: '“{title}” was unpublished by the moderators of {campaign}.',
  close: '“{title}” was closed by the moderators of {campaign}.',
  restore: '“{title}” is published again.',
  ban: 'The moderators of {campaign} have withdrawn your right to post: everything you posted is hidden.',
  why: 'Reason: {message}',
  suspended: 'You cannot post anything until {until}, after several upheld reports.',
  contact: 'To contest this decision, reply to this message.',
  button: 'View',
};

export const moderationMailMessages = { decision: { fr: decisionFr, en: decisionEn } };

/** What the people concerned by a decision read: what was done, why, how to contest. */
export function decisionMail(
  locale: Locale,
  vars: {
    campaign: string;
    title: string;
    action: Exclude<ModerationAction, 'dismiss'>;
    message: string;
    until: string | null;
  },
  url: string,
): RenderedMail {
  const t = mailTexts(moderationMailMessages.decision, locale, {
    campaign: vars.campaign,
    title: vars.title,
    message: vars.message,
    until: vars.until ?? '',
  });
  const before = [t[vars.action], ...(vars.message ? [t.why] : [])];
  const after = [...(vars.until ? [t.suspended] : []), t.contact];
  return linkMail({ subject: t.subject, before, after, button: t.button }, url);
}

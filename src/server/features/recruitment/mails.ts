import type { Locale } from '../../../contracts/common.ts';
import { linkMail, mailTexts, type RenderedMail } from '../../core/mail/templates.ts';

/** The sign-up confirmation's texts. French first; English must define every key. */
const confirmationFr = {
  subject: 'Confirmez votre inscription — {campaign}',
  hello: 'Bonjour,',
  wasItYou:
    "Quelqu'un s'est inscrit à {campaign} avec cette adresse e-mail. Si c'est vous, confirmez votre adresse pour finaliser votre inscription.",
  notYou:
    "Si ce n'est pas vous, ignorez ce message : rien ne sera conservé et vous ne recevrez rien d'autre.",
  button: 'Je confirme mon inscription',
};

const confirmationEn: Record<keyof typeof confirmationFr, string> = {
  subject: 'Confirm your sign-up — {campaign}',
  hello: 'Hello,',
  wasItYou:
    'Someone signed up to {campaign} with this email address. If it was you, confirm your address to complete your sign-up.',
  notYou:
    'If it was not you, ignore this email: nothing will be kept and you will not hear from us again.',
  button: 'Confirm my sign-up',
};

/** The mails' texts in both languages (their keys and placeholders are checked by a test). */
export const recruitmentMailMessages = {
  confirmation: { fr: confirmationFr, en: confirmationEn },
};

/**
 * The sign-up's confirmation. Anyone can have it sent to any address by typing that address
 * into the public form, so it carries nothing the form's visitor typed: no name (a first
 * name such as "Votre adhésion expire, rappelez le 08…" would read as the campaign's own
 * words), only the campaign's texts and the link. "If this wasn't you" comes before the
 * button, so that someone who did not sign up reads it before anything asks them to click.
 */
export function signupConfirmationMail(
  locale: Locale,
  campaign: string,
  url: string,
  /** What the sign-up is for (an event answered), from the feature that owns it. */
  purposeLine: string | null = null,
): RenderedMail {
  const t = mailTexts(recruitmentMailMessages.confirmation, locale, { campaign });
  const wasItYou = purposeLine ? [t.wasItYou, purposeLine] : [t.wasItYou];
  return linkMail(
    { subject: t.subject, before: [t.hello, ...wasItYou, t.notYou], button: t.button },
    url,
  );
}

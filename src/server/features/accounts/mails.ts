import type { Locale } from '../../../contracts/common.ts';
import { linkMail, mailTexts, type RenderedMail } from '../../core/mail/templates.ts';

/** The login code mail's texts. French first; English must define every key. */
const loginCodeFr = {
  subject: '{code} est votre code de connexion — {campaign}',
  code: 'Votre code de connexion à {campaign} est : {code}',
  orLink: 'Il est valable 15 minutes. Vous pouvez aussi vous connecter avec ce lien :',
  notAsked: "Si vous n'avez pas demandé à vous connecter, ignorez ce message.",
  button: 'Me connecter',
};

const loginCodeEn: Record<keyof typeof loginCodeFr, string> = {
  subject: '{code} is your login code — {campaign}',
  code: 'Your login code for {campaign} is: {code}',
  orLink: 'It is valid for 15 minutes. You can also log in with this link:',
  notAsked: 'If you did not ask to log in, ignore this email.',
  button: 'Log in',
};

/** The staff invitation's texts. */
const invitationFr = {
  subject: "Votre compte d'équipe sur {campaign}",
  anAdministrator: 'Un administrateur',
  opened: "{inviter} vous a ouvert un compte d'équipe sur {campaign}.",
  link: 'Connectez-vous avec ce lien (valable {days} jours, une seule fois) :',
  afterwards:
    "Ensuite, connectez-vous sur {loginUrl} avec cette adresse e-mail : un code vous y est envoyé à chaque fois. Si vous n'attendiez pas cette invitation, ignorez ce message.",
  button: 'Me connecter',
};

const invitationEn: Record<keyof typeof invitationFr, string> = {
  subject: 'Your staff account on {campaign}',
  anAdministrator: 'An administrator',
  opened: '{inviter} has given you a staff account on {campaign}.',
  link: 'Log in with this link (valid {days} days, once):',
  afterwards:
    'Afterwards, log in at {loginUrl} with this email address: a code is sent to it each time. If you were not expecting this invitation, ignore this email.',
  button: 'Log in',
};

/** The mails' texts in both languages (their keys and placeholders are checked by a test). */
export const accountMailMessages = {
  loginCode: { fr: loginCodeFr, en: loginCodeEn },
  invitation: { fr: invitationFr, en: invitationEn },
};

export function loginCodeMail(
  locale: Locale,
  campaign: string,
  code: string,
  url: string,
): RenderedMail {
  const t = mailTexts(accountMailMessages.loginCode, locale, { campaign, code });
  return linkMail(
    { subject: t.subject, before: [t.code, t.orLink], after: [t.notAsked], button: t.button },
    url,
  );
}

export function staffInvitationMail(
  locale: Locale,
  campaign: string,
  inviter: string | null,
  url: string,
  loginUrl: string,
  days: number,
): RenderedMail {
  const messages = accountMailMessages.invitation;
  const t = mailTexts(messages, locale, {
    campaign,
    inviter: inviter ?? messages[locale].anAdministrator,
    loginUrl,
    days,
  });
  return linkMail(
    { subject: t.subject, before: [t.opened, t.link], after: [t.afterwards], button: t.button },
    url,
  );
}

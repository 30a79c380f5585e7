import { escapeHtml } from '../html.ts';

type Locale = 'fr' | 'en';

export interface RenderedMail {
  subject: string;
  text: string;
  html: string;
}

function layout(paragraphs: string[], action?: { label: string; url: string }): string {
  const body = paragraphs.map((p) => `<p>${escapeHtml(p)}</p>`).join('\n');
  const button = action
    ? `<p><a href="${escapeHtml(action.url)}" style="background:#1c7ed6;color:#fff;padding:10px 16px;border-radius:4px;text-decoration:none">${escapeHtml(action.label)}</a></p>`
    : '';
  return `<!doctype html><html><body style="font-family:sans-serif;line-height:1.5;max-width:560px">${body}${button}</body></html>`;
}

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
): RenderedMail {
  const t =
    locale === 'en'
      ? {
          subject: `Confirm your sign-up — ${campaign}`,
          lines: [
            'Hello,',
            `Someone signed up to ${campaign} with this email address. If it was you, confirm your address to complete your sign-up.`,
            'If it was not you, ignore this email: nothing will be kept and you will not hear from us again.',
          ],
          label: 'Confirm my sign-up',
        }
      : {
          subject: `Confirmez votre inscription — ${campaign}`,
          lines: [
            'Bonjour,',
            `Quelqu'un s'est inscrit à ${campaign} avec cette adresse e-mail. Si c'est vous, confirmez votre adresse pour finaliser votre inscription.`,
            "Si ce n'est pas vous, ignorez ce message : rien ne sera conservé et vous ne recevrez rien d'autre.",
          ],
          label: 'Je confirme mon inscription',
        };
  return {
    subject: t.subject,
    text: `${t.lines.join('\n\n')}\n\n${url}\n`,
    html: layout(t.lines, { label: t.label, url }),
  };
}

export function loginCodeMail(
  locale: Locale,
  campaign: string,
  code: string,
  url: string,
): RenderedMail {
  if (locale === 'en') {
    const lines = [
      `Your login code for ${campaign} is: ${code}`,
      'It is valid for 15 minutes. You can also log in with this link:',
    ];
    const end = 'If you did not ask to log in, ignore this email.';
    return {
      subject: `${code} is your login code — ${campaign}`,
      text: `${lines.join('\n\n')}\n\n${url}\n\n${end}\n`,
      html: layout([...lines, end], { label: 'Log in', url }),
    };
  }
  const lines = [
    `Votre code de connexion à ${campaign} est : ${code}`,
    'Il est valable 15 minutes. Vous pouvez aussi vous connecter avec ce lien :',
  ];
  const end = "Si vous n'avez pas demandé à vous connecter, ignorez ce message.";
  return {
    subject: `${code} est votre code de connexion — ${campaign}`,
    text: `${lines.join('\n\n')}\n\n${url}\n\n${end}\n`,
    html: layout([...lines, end], { label: 'Me connecter', url }),
  };
}

export function staffInvitationMail(
  locale: Locale,
  campaign: string,
  inviter: string | null,
  url: string,
  loginUrl: string,
  days: number,
): RenderedMail {
  if (locale === 'en') {
    const lines = [
      `${inviter ?? 'An administrator'} has given you a staff account on ${campaign}.`,
      `Log in with this link (valid ${days} days, once):`,
    ];
    const end = `Afterwards, log in at ${loginUrl} with this email address: a code is sent to it each time. If you were not expecting this invitation, ignore this email.`;
    return {
      subject: `Your staff account on ${campaign}`,
      text: `${lines.join('\n\n')}\n\n${url}\n\n${end}\n`,
      html: layout([...lines, end], { label: 'Log in', url }),
    };
  }
  const lines = [
    `${inviter ?? 'Un administrateur'} vous a ouvert un compte d'équipe sur ${campaign}.`,
    `Connectez-vous avec ce lien (valable ${days} jours, une seule fois) :`,
  ];
  const end = `Ensuite, connectez-vous sur ${loginUrl} avec cette adresse e-mail : un code vous y est envoyé à chaque fois. Si vous n'attendiez pas cette invitation, ignorez ce message.`;
  return {
    subject: `Votre compte d'équipe sur ${campaign}`,
    text: `${lines.join('\n\n')}\n\n${url}\n\n${end}\n`,
    html: layout([...lines, end], { label: 'Me connecter', url }),
  };
}

import type { Locale } from '../../../contracts/common.ts';
import { escapeHtml } from '../../core/html.ts';
import { mailTexts, type RenderedMail } from '../../core/mail/templates.ts';

const fr = {
  subject: '[{committee}] {subject}',
  why: 'Vous recevez ce message parce que vous êtes membre de « {committee} ».',
  unsubscribe: 'Ne plus recevoir les messages de ce comité : {url}',
  unsubscribeLink: 'Ne plus recevoir les messages de ce comité',
  page: 'La page du comité : {url}',
};

const en: Record<keyof typeof fr, string> = {
  subject: '[{committee}] {subject}',
  why: 'You receive this message because you are a member of “{committee}”.',
  unsubscribe: 'Stop receiving this committee’s messages: {url}',
  unsubscribeLink: 'Stop receiving this committee’s messages',
  page: 'The committee’s page: {url}',
};

export const committeeMailMessages = { committeeMessage: { fr, en } };

/**
 * An organiser's message to members: their text (Markdown, and its HTML sanitised when it was
 * written), why the person gets it, a link to stop, and the one-click unsubscribe headers
 * (RFC 8058) that mail clients show as a button.
 */
export function committeeMessageMail(
  locale: Locale,
  m: {
    committee: string;
    subject: string;
    text: string;
    html: string;
    committeeUrl: string;
    unsubscribeUrl: string;
  },
): RenderedMail {
  const t = mailTexts(committeeMailMessages.committeeMessage, locale, {
    committee: m.committee,
    subject: m.subject,
    url: m.unsubscribeUrl,
  });
  const page = mailTexts(committeeMailMessages.committeeMessage, locale, { url: m.committeeUrl });
  return {
    subject: t.subject,
    text: `${m.text}\n\n--\n${t.why}\n${page.page}\n${t.unsubscribe}\n`,
    html: `<!doctype html><html><body style="font-family:sans-serif;line-height:1.5;max-width:560px">${m.html}
<hr><p style="color:#555;font-size:13px">${escapeHtml(t.why)}<br><a href="${escapeHtml(m.committeeUrl)}">${escapeHtml(m.committee)}</a> · <a href="${escapeHtml(m.unsubscribeUrl)}">${escapeHtml(t.unsubscribeLink)}</a></p></body></html>`,
    headers: {
      'List-Unsubscribe': `<${m.unsubscribeUrl}>`,
      'List-Unsubscribe-Post': 'List-Unsubscribe=One-Click',
    },
  };
}

import type { Locale } from '../../../contracts/common.ts';
import { newsletterPlaceholders } from '../../../contracts/newsletters.ts';
import { escapeHtml } from '../../core/html.ts';
import { mailTexts, type RenderedMail } from '../../core/mail/templates.ts';
import { richTextToHtml } from '../../core/rich-text.ts';

const fr = {
  test: '[TEST] {subject}',
  why: 'Vous recevez cette lettre parce que vous avez accepté de recevoir les e-mails de {campaign}.',
  unsubscribe: 'Ne plus recevoir ces e-mails : {url}',
  unsubscribeLink: 'Ne plus recevoir ces e-mails',
};

const en: Record<keyof typeof fr, string> = {
  test: '[TEST] {subject}',
  why: 'You receive this letter because you agreed to receive emails from {campaign}.',
  unsubscribe: 'Stop receiving these emails: {url}',
  unsubscribeLink: 'Stop receiving these emails',
};

export const newsletterMailMessages = { newsletter: { fr, en } };

export type Placeholder = (typeof newsletterPlaceholders)[number];
export type PlaceholderValues = Record<Placeholder, string>;

const PLACEHOLDER = new RegExp(`\\{(${newsletterPlaceholders.join('|')})\\}`, 'g');

/** Fills `{prénom}`… with a recipient's values (escaped for HTML when `html`). */
export function fillPlaceholders(text: string, values: PlaceholderValues, html: boolean): string {
  return text.replace(PLACEHOLDER, (_, name: Placeholder) =>
    html ? escapeHtml(values[name]) : values[name],
  );
}

/**
 * A newsletter's text drawn once (Markdown to sanitised HTML, and to plain text), its
 * placeholders left in place: each mail then only fills them in.
 */
export interface DrawnNewsletter {
  subject: string;
  preheader: string;
  html: string;
  text: string;
}

export function drawNewsletter(n: { subject: string; preheader: string; body: string }) {
  return {
    subject: n.subject,
    preheader: n.preheader,
    html: richTextToHtml(n.body),
    // The text part keeps the Markdown as written: it reads as plain text.
    text: n.body,
  } satisfies DrawnNewsletter;
}

/** The invisible 1×1 image of a tracked mail, or nothing. */
const pixel = (url: string | undefined) =>
  url
    ? `<img src="${escapeHtml(url)}" width="1" height="1" alt="" style="display:block;width:1px;height:1px;border:0">`
    : '';

/**
 * One recipient's mail: the newsletter with their values, the preheader hidden at the top (mail
 * clients show it after the subject), why they get it, a link to stop, and the one-click
 * unsubscribe headers (RFC 8058) mail clients show as a button.
 */
export function newsletterMail(
  locale: Locale,
  drawn: DrawnNewsletter,
  m: {
    values: PlaceholderValues;
    campaign: string;
    unsubscribeUrl: string;
    test: boolean;
    /** A tracked mail's invisible image (its recipient agreed to the measure of opens). */
    pixelUrl?: string;
  },
): RenderedMail {
  const t = mailTexts(newsletterMailMessages.newsletter, locale, {
    campaign: m.campaign,
    url: m.unsubscribeUrl,
    subject: fillPlaceholders(drawn.subject, m.values, false),
  });
  const preheader = fillPlaceholders(drawn.preheader, m.values, true);
  return {
    subject: m.test ? t.test : fillPlaceholders(drawn.subject, m.values, false),
    text: `${fillPlaceholders(drawn.text, m.values, false)}\n\n--\n${t.why}\n${t.unsubscribe}\n`,
    html: `<!doctype html><html lang="${locale}"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1"></head><body style="margin:0;padding:16px;font-family:sans-serif;line-height:1.5;color:#1a1b1e">
<div style="display:none;max-height:0;overflow:hidden">${preheader}</div>
<div style="max-width:600px;margin:0 auto">${fillPlaceholders(drawn.html, m.values, true)}
<hr style="border:0;border-top:1px solid #ddd;margin:24px 0 12px"><p style="color:#555;font-size:13px">${escapeHtml(t.why)}<br><a href="${escapeHtml(m.unsubscribeUrl)}">${escapeHtml(t.unsubscribeLink)}</a></p>${pixel(m.pixelUrl)}</div></body></html>`,
    headers: {
      'List-Unsubscribe': `<${m.unsubscribeUrl}>`,
      'List-Unsubscribe-Post': 'List-Unsubscribe=One-Click',
    },
  };
}

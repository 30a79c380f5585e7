import type { Locale } from '../../../contracts/common.ts';
import { escapeHtml } from '../html.ts';

export interface RenderedMail {
  subject: string;
  text: string;
  html: string;
  /** Extra headers (List-Unsubscribe…). */
  headers?: Record<string, string>;
  /** Files sent with the mail (a donor's acknowledgement PDF), rendered at send time. */
  attachments?: MailAttachment[];
}

export interface MailAttachment {
  filename: string;
  content: Buffer;
  contentType: string;
}

function layout(paragraphs: string[], action?: { label: string; url: string }): string {
  const body = paragraphs.map((p) => `<p>${escapeHtml(p)}</p>`).join('\n');
  const button = action
    ? `<p><a href="${escapeHtml(action.url)}" style="background:#1c7ed6;color:#fff;padding:10px 16px;border-radius:4px;text-decoration:none">${escapeHtml(action.label)}</a></p>`
    : '';
  return `<!doctype html><html><body style="font-family:sans-serif;line-height:1.5;max-width:560px">${body}${button}</body></html>`;
}

/** `{name}` replaced by its value. */
function fill(text: string, vars: Record<string, string | number>): string {
  return text.replace(/\{(\w+)\}/g, (whole, name: string) =>
    name in vars ? String(vars[name]) : whole,
  );
}

/** A mail's texts in one language, each `{name}` replaced by its value. */
export function mailTexts<Key extends string>(
  messages: Record<Locale, Record<Key, string>>,
  locale: Locale,
  vars: Record<string, string | number>,
): Record<Key, string> {
  const texts: Record<string, string> = {};
  for (const [key, text] of Object.entries<string>(messages[locale])) texts[key] = fill(text, vars);
  return texts as Record<Key, string>;
}

/**
 * A mail whose point is one link: paragraphs, the link, closing paragraphs. The HTML part
 * shows the link as a button after every paragraph.
 */
export function linkMail(
  mail: { subject: string; before: string[]; after?: string[]; button: string },
  url: string,
): RenderedMail {
  const after = mail.after ?? [];
  return {
    subject: mail.subject,
    text: `${[...mail.before, url, ...after].join('\n\n')}\n`,
    html: layout([...mail.before, ...after], { label: mail.button, url }),
  };
}

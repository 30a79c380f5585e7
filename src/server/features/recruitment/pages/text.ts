import { escapeHtml } from '../../../core/html.ts';
import type { Locale } from './i18n.ts';

export { escapeHtml };

/** A text of the campaign in the page's language, and the language it is really in. */
export interface Localized {
  text: string;
  /** Set when the English page shows the French text (no English one written). */
  lang?: 'fr';
}

export function localized(french: string, english: string | undefined, locale: Locale): Localized {
  if (locale === 'en' && english) return { text: english };
  return locale === 'en' ? { text: french, lang: 'fr' } : { text: french };
}

/** ` lang="fr"` on an element holding French text in an English page. */
export const langAttr = (text: Localized) => (text.lang ? ` lang="${text.lang}"` : '');

const ADDRESS = /(https?:\/\/[^\s<>"']+|www\.[^\s<>"']+|[\w.+-]+@[\w-]+(?:\.[\w-]+)+)/g;
/** Punctuation that ends a sentence rather than the address before it. */
const TRAILING = /[.,;:!?)\]»]+$/;

/**
 * Plain text made safe for HTML, with web and email addresses as links. Staff type these
 * texts; nothing in them is read as markup.
 */
export function linkify(text: string): string {
  return text
    .split(ADDRESS)
    .map((part, i) => {
      if (i % 2 === 0) return escapeHtml(part);
      const trailing = TRAILING.exec(part)?.[0] ?? '';
      const address = part.slice(0, part.length - trailing.length);
      const href =
        address.includes('@') && !address.includes('/')
          ? `mailto:${address}`
          : /^https?:\/\//.test(address)
            ? address
            : `https://${address}`;
      return `<a href="${escapeHtml(href)}" rel="noopener">${escapeHtml(address)}</a>${escapeHtml(trailing)}`;
    })
    .join('');
}

/** Paragraphs at blank lines, line breaks kept, addresses as links. */
export function paragraphs(text: string): string {
  return text
    .split(/\n\s*\n/)
    .map((p) => p.trim())
    .filter(Boolean)
    .map((p) => `<p>${linkify(p).replace(/\n/g, '<br>')}</p>`)
    .join('\n');
}

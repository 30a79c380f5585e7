import { Marked } from 'marked';
import sanitizeHtml from 'sanitize-html';

/**
 * Formatted text people write (a committee's description, later messages and comments):
 * Markdown drawn to HTML, then cleaned with an allow-list, so that nothing in it runs or
 * restyles the page whatever was typed (raw HTML included): no script, no style, no
 * attribute but a link's address, and only web and mail links.
 */
const markdown = new Marked({ gfm: true, breaks: true, async: false });

const allowed: sanitizeHtml.IOptions = {
  allowedTags: ['p', 'br', 'strong', 'em', 'del', 'ul', 'ol', 'li', 'a', 'blockquote', 'h3', 'h4'],
  allowedSchemes: ['http', 'https', 'mailto'],
  allowProtocolRelative: false,
  disallowedTagsMode: 'discard',
  // Headings people type as # or ## would outrank the page's own: they become h3 / h4.
  transformTags: {
    h1: 'h3',
    h2: 'h3',
    h5: 'h4',
    h6: 'h4',
    a: sanitizeHtml.simpleTransform('a', { rel: 'nofollow ugc noopener', target: '_blank' }),
  },
};

export function richTextToHtml(source: string): string {
  const drawn = markdown.parse(source) as string;
  // The link attributes the transform adds are allowed after it; people's own are not.
  return sanitizeHtml(drawn, { ...allowed, allowedAttributes: { a: ['href', 'rel', 'target'] } })
    .replace(/<p><\/p>/g, '')
    .trim();
}

/** The text of a formatted text without its marks, for a summary or a search. */
export function richTextToPlain(source: string): string {
  return sanitizeHtml(markdown.parse(source) as string, { allowedTags: [], allowedAttributes: {} })
    .replace(/\s+/g, ' ')
    .trim();
}

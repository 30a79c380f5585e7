import { escapeHtml } from '../../../core/html.ts';

/**
 * A newsletter's drawn HTML cut at its web links: `parts[0] + links[0] + parts[1] + …`, each
 * link as the address a browser would follow (entities decoded, normalised by the URL parser).
 * A link's index is its place in `links`: the tracked link names it, and the click page finds
 * the address again by drawing the newsletter the same way, so no address ever travels in a
 * tracked link (nothing to turn into an open redirect).
 */
export interface LinkedHtml {
  parts: string[];
  links: string[];
}

/** A link's address as drawn by `core/rich-text.ts` (sanitize-html writes it double-quoted). */
const HREF = /(<a\s[^>]*?\bhref=")([^"]*)(")/gi;

const NAMED: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'" };

/** The text of an attribute value: the entities sanitize-html writes, named and numeric. */
function decodeAttribute(value: string): string {
  return value.replace(/&(#x[0-9a-f]+|#\d+|[a-z]+);/gi, (entity, name: string) => {
    if (name[0] === '#') {
      const code =
        name[1] === 'x' || name[1] === 'X' ? parseInt(name.slice(2), 16) : Number(name.slice(1));
      return code > 0 && code <= 0x10ffff ? String.fromCodePoint(code) : entity;
    }
    return NAMED[name.toLowerCase()] ?? entity;
  });
}

/** The address a web link leads to, or null for anything else (mailto:, a broken address). */
function webAddress(href: string): string | null {
  const text = decodeAttribute(href).trim();
  if (!/^https?:\/\//i.test(text)) return null;
  try {
    const url = new URL(text);
    return url.protocol === 'http:' || url.protocol === 'https:' ? url.href : null;
  } catch {
    return null;
  }
}

export function cutAtLinks(html: string): LinkedHtml {
  const parts: string[] = [];
  const links: string[] = [];
  let from = 0;
  for (const match of html.matchAll(HREF)) {
    const address = webAddress(match[2]!);
    if (address === null) continue;
    const start = match.index + match[1]!.length;
    parts.push(html.slice(from, start));
    links.push(address);
    from = start + match[2]!.length;
  }
  parts.push(html.slice(from));
  return { parts, links };
}

/** Each drawn text cut once: a newsletter's drawing is kept a while and shared by its mails. */
const cut = new WeakMap<object, LinkedHtml>();

/** The cut of a drawn newsletter (any object holding its `html`), computed once per drawing. */
export function linkedHtmlOf(drawn: { html: string }): LinkedHtml {
  let linked = cut.get(drawn);
  if (!linked) cut.set(drawn, (linked = cutAtLinks(drawn.html)));
  return linked;
}

/** The HTML with every web link replaced by the address `linkFor` gives for its index. */
export function withLinks(linked: LinkedHtml, linkFor: (index: number) => string): string {
  let html = linked.parts[0]!;
  for (let i = 0; i < linked.links.length; i++) {
    html += escapeHtml(linkFor(i)) + linked.parts[i + 1]!;
  }
  return html;
}

import type { Locale } from '../../../../contracts/common.ts';
import type { ShareTexts } from '../../../../contracts/content.ts';
import { escapeHtml } from '../../../core/html.ts';
import { richTextToPlain } from '../../../core/rich-text.ts';
import { summary } from '../../recruitment/pages/feature-pages.ts';
import { t } from '../../recruitment/pages/i18n.ts';
import { articlePath, imagePath, shareTextsOf, type ItemRow } from '../service.ts';
import { ct } from './messages.ts';

/** The article pages' own few rules; the rest is the public pages' style sheet. */
export const articlesStyle = `<style>
.article-list{list-style:none;margin:0 0 1rem;padding:0;display:grid;gap:.75rem}
.article-list li{border:1px solid var(--line);border-radius:var(--radius);padding:.75rem 1rem}
.article-list h2{margin:0;font-size:1.15rem}
.article-meta{margin:.2rem 0 .4rem;color:var(--muted);font-size:.92rem}
.article-lead{font-size:1.1rem}
.article-image{display:block;width:100%;height:auto;border-radius:var(--radius);margin:1rem 0}
.article-body{margin:1rem 0 1.5rem;overflow-wrap:anywhere}
.tag-list{list-style:none;margin:.5rem 0;padding:0;display:flex;flex-wrap:wrap;gap:.4rem}
.tag-list a{display:inline-block;padding:.1rem .6rem;border:1px solid var(--line);border-radius:1rem;font-size:.9rem}
.share-links{list-style:none;margin:.5rem 0 1rem;padding:0;display:flex;flex-wrap:wrap;gap:.5rem}
.share-links a{display:inline-block;min-height:2.6rem;padding:.55rem .9rem;border:1px solid var(--line);border-radius:var(--radius)}
.pager{display:flex;gap:1rem;justify-content:space-between}
</style>`;

const NETWORKS = ['x', 'facebook', 'whatsapp', 'telegram'] as const;
const NETWORK_NAMES: Record<(typeof NETWORKS)[number], string> = {
  x: 'X',
  facebook: 'Facebook',
  whatsapp: 'WhatsApp',
  telegram: 'Telegram',
};

/**
 * The addresses of each network's own share page, with the text and the link: plain links the
 * visitor's browser opens. Levier never fetches them, nor any address a text holds.
 */
export function shareHrefs(texts: ShareTexts, title: string, url: string) {
  const q = (params: Record<string, string>) => new URLSearchParams(params).toString();
  const text = (own: string) => own || title;
  return {
    x: `https://twitter.com/intent/tweet?${q({ text: text(texts.x), url })}`,
    facebook: `https://www.facebook.com/sharer/sharer.php?${q({ u: url })}`,
    whatsapp: `https://wa.me/?${q({ text: `${text(texts.whatsapp)} ${url}` })}`,
    telegram: `https://t.me/share/url?${q({ url, text: text(texts.telegram) })}`,
    email: `mailto:?${q({
      subject: texts.emailSubject || title,
      body: `${texts.emailBody || title}\n\n${url}`,
    }).replace(/\+/g, '%20')}`,
  };
}

export function dateText(locale: Locale, at: Date, timeZone: string) {
  return new Intl.DateTimeFormat(locale === 'en' ? 'en-GB' : 'fr-FR', {
    dateStyle: 'long',
    timeZone,
  }).format(at);
}

const tagHref = (tag: string) => `/articles?${new URLSearchParams({ tag })}`;

function tagList(locale: Locale, tags: readonly string[]) {
  if (tags.length === 0) return '';
  return `<ul class="tag-list" aria-label="${escapeHtml(ct(locale, 'articlePage.tags'))}">${tags
    .map((tag) => `<li><a href="${escapeHtml(tagHref(tag))}">${escapeHtml(tag)}</a></li>`)
    .join('')}</ul>`;
}

function meta(locale: Locale, item: ItemRow, timeZone: string) {
  return `<p class="article-meta"><span>${escapeHtml(ct(locale, `articlePage.kind.${item.kind}`))}</span> · <time datetime="${new Date(item.publish_at!).toISOString()}">${escapeHtml(
    ct(locale, 'articlePage.publishedOn', {
      date: dateText(locale, new Date(item.publish_at!), timeZone),
    }),
  )}</time></p>`;
}

/** What a page or a preview says of an item: its summary, else its body's first words. */
export const itemDescription = (item: Pick<ItemRow, 'summary' | 'body'>) =>
  item.summary || summary(richTextToPlain(item.body));

export function listBody(options: {
  locale: Locale;
  items: ItemRow[];
  tag: string | null;
  page: number;
  more: boolean;
  timeZone: string;
}): string {
  const { locale, items, tag } = options;
  const heading = tag
    ? ct(locale, 'articlePage.taggedTitle', { tag })
    : ct(locale, 'articlePage.listTitle');
  const list =
    items.length === 0
      ? `<p>${escapeHtml(ct(locale, tag ? 'articlePage.noneTagged' : 'articlePage.none'))}</p>`
      : `<ul class="article-list">${items
          .map(
            (
              item,
            ) => `<li><h2><a href="${escapeHtml(articlePath(item.slug))}">${escapeHtml(item.title)}</a></h2>
${meta(locale, item, options.timeZone)}
<p>${escapeHtml(itemDescription(item))}</p>${tagList(locale, item.tags)}</li>`,
          )
          .join('\n')}</ul>`;
  const pageHref = (page: number) => {
    const params = new URLSearchParams();
    if (tag) params.set('tag', tag);
    if (page > 1) params.set('page', String(page));
    return `/articles${params.size > 0 ? `?${params}` : ''}`;
  };
  const links = [
    options.page > 1
      ? `<a href="${escapeHtml(pageHref(options.page - 1))}" rel="prev">${escapeHtml(ct(locale, 'articlePage.newer'))}</a>`
      : '<span></span>',
    options.more
      ? `<a href="${escapeHtml(pageHref(options.page + 1))}" rel="next">${escapeHtml(ct(locale, 'articlePage.older'))}</a>`
      : '',
  ];
  const pager =
    options.page > 1 || options.more
      ? `<nav class="pager" aria-label="${escapeHtml(ct(locale, 'articlePage.pages'))}">${links.join('')}</nav>`
      : '';
  const all = tag
    ? `<p><a href="/articles">${escapeHtml(ct(locale, 'articlePage.allArticles'))}</a></p>`
    : '';
  return `<h1>${escapeHtml(heading)}</h1>
${all}${list}${pager}
<p><a href="/articles/feed.xml" type="application/atom+xml">${escapeHtml(ct(locale, 'articlePage.feed'))}</a></p>`;
}

export function articleBody(options: {
  locale: Locale;
  item: ItemRow;
  url: string;
  /** The logged-in supporter's own link (with their reference), or null. */
  myLink: string | null;
  timeZone: string;
}): string {
  const { locale, item } = options;
  const texts = shareTextsOf(item);
  const shared = options.myLink ?? options.url;
  const hrefs = shareHrefs(texts, item.title, shared);
  const image =
    item.image_etag && item.image_width && item.image_height
      ? `<img class="article-image" src="${escapeHtml(imagePath(item.slug, item.image_etag))}" width="${item.image_width}" height="${item.image_height}" alt="">`
      : '';
  const links = [
    ...NETWORKS.map(
      (network) =>
        `<li><a href="${escapeHtml(hrefs[network])}" target="_blank" rel="noopener noreferrer" data-share="${network}">${escapeHtml(
          ct(locale, 'articlePage.shareOn', { network: NETWORK_NAMES[network] }),
        )}</a></li>`,
    ),
    `<li><a href="${escapeHtml(hrefs.email)}" data-share="email">${escapeHtml(ct(locale, 'articlePage.shareByEmail'))}</a></li>`,
  ].join('');
  const mine = options.myLink
    ? `<section class="invite" aria-labelledby="my-share-link">
<h2 id="my-share-link">${escapeHtml(ct(locale, 'articlePage.myLinkTitle'))}</h2>
<p>${escapeHtml(ct(locale, 'articlePage.myLinkText'))}</p>
<div class="copy-field">
<div class="field"><label for="share-link">${escapeHtml(ct(locale, 'articlePage.myLink'))}</label>
<input id="share-link" type="text" readonly value="${escapeHtml(options.myLink)}" data-select-on-focus></div>
<button type="button" class="secondary" data-copy="share-link" hidden>${escapeHtml(t(locale, 'me.copyLink'))}</button>
</div>
</section>`
    : '';
  return `<article class="narrow" data-item="${Number(item.id)}">
<h1>${escapeHtml(item.title)}</h1>
${meta(locale, item, options.timeZone)}
${item.summary ? `<p class="article-lead">${escapeHtml(item.summary)}</p>` : ''}
${image}
<div class="article-body">${item.body_html}</div>
${tagList(locale, item.tags)}
<section aria-labelledby="share-title">
<h2 id="share-title">${escapeHtml(ct(locale, 'articlePage.shareTitle'))}</h2>
<ul class="share-links">${links}</ul>
</section>
${mine}
<p><a href="${escapeHtml(articlePath(item.slug))}/comments">${escapeHtml(ct(locale, 'articlePage.comments'))}</a></p>
<p><a class="button primary" href="/">${escapeHtml(ct(locale, 'articlePage.join'))}</a> <a href="/articles">${escapeHtml(ct(locale, 'articlePage.allArticles'))}</a></p>
</article>`;
}

/**
 * The Open Graph and Twitter tags an article adds to the page's own (title, description,
 * canonical and og:url come from the layout): its type, image and publication moment.
 */
export function articleHead(item: ItemRow, publicUrl: string): string {
  const tags = [
    '<link rel="alternate" type="application/atom+xml" href="/articles/feed.xml">',
    `<meta property="article:published_time" content="${new Date(item.publish_at!).toISOString()}">`,
    ...item.tags.map((tag) => `<meta property="article:tag" content="${escapeHtml(tag)}">`),
  ];
  if (item.image_etag && item.image_width && item.image_height) {
    tags.push(
      `<meta property="og:image" content="${escapeHtml(publicUrl + imagePath(item.slug, item.image_etag))}">`,
      `<meta property="og:image:width" content="${item.image_width}">`,
      `<meta property="og:image:height" content="${item.image_height}">`,
    );
  }
  return tags.join('\n');
}

/** The layout's website type and small card become an article's (a large card with an image). */
export function asArticle(html: string, withImage: boolean): string {
  return html
    .replace(
      '<meta property="og:type" content="website">',
      () => '<meta property="og:type" content="article">',
    )
    .replace(
      '<meta name="twitter:card" content="summary">',
      () => `<meta name="twitter:card" content="${withImage ? 'summary_large_image' : 'summary'}">`,
    );
}

export function notFoundBody(locale: Locale): string {
  return `<div class="narrow">
<h1>${escapeHtml(ct(locale, 'articlePage.notFoundTitle'))}</h1>
<p>${escapeHtml(ct(locale, 'articlePage.notFoundText'))}</p>
<p><a class="button primary" href="/articles">${escapeHtml(ct(locale, 'articlePage.allArticles'))}</a></p>
</div>`;
}

/** Characters XML 1.0 cannot hold at all (a feed reader refuses the whole feed for one). */
const xmlText = (text: string) =>
  // eslint-disable-next-line no-control-regex -- removing control characters is the point
  escapeHtml(text.replace(/[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]/g, ''));

/** The Atom feed (RFC 4287) of the latest live items. */
export function atomFeed(options: {
  campaign: string;
  publicUrl: string;
  items: ItemRow[];
}): string {
  const { publicUrl, items } = options;
  const updated = items.reduce(
    (latest, item) =>
      Math.max(latest, new Date(item.updated_at).getTime(), new Date(item.publish_at!).getTime()),
    0,
  );
  const entries = items.map((item) => {
    const url = publicUrl + articlePath(item.slug);
    return `<entry>
<title>${xmlText(item.title)}</title>
<id>${xmlText(url)}</id>
<link rel="alternate" type="text/html" href="${xmlText(url)}"/>
<published>${new Date(item.publish_at!).toISOString()}</published>
<updated>${new Date(Math.max(new Date(item.updated_at).getTime(), new Date(item.publish_at!).getTime())).toISOString()}</updated>
${item.tags.map((tag) => `<category term="${xmlText(tag)}"/>`).join('')}
<summary>${xmlText(itemDescription(item))}</summary>
<content type="html">${xmlText(item.body_html)}</content>
</entry>`;
  });
  return `<?xml version="1.0" encoding="utf-8"?>
<feed xmlns="http://www.w3.org/2005/Atom">
<title>${xmlText(`${options.campaign} — Articles`)}</title>
<id>${xmlText(`${publicUrl}/articles`)}</id>
<link rel="self" type="application/atom+xml" href="${xmlText(`${publicUrl}/articles/feed.xml`)}"/>
<link rel="alternate" type="text/html" href="${xmlText(`${publicUrl}/articles`)}"/>
<updated>${new Date(updated).toISOString()}</updated>
<author><name>${xmlText(options.campaign)}</name></author>
${entries.join('\n')}
</feed>
`;
}

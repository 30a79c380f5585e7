import type { PublicSite } from '../../../../contracts/recruitment.ts';
import { legalPagePaths } from '../../../../contracts/recruitment.ts';
import { clientMessages, t, type Locale } from './i18n.ts';
import { escapeHtml } from './text.ts';
import { titleWithCampaign } from '../../../core/html.ts';

/** The public pages' built script and style sheet (hashed names from the Vite manifest). */
export interface PublicAssets {
  script: string | null;
  styles: string[];
  preloads: string[];
}

export interface PageOptions {
  locale: Locale;
  site: PublicSite;
  /** The document's title; the campaign name follows it. */
  title: string;
  /** Absolute URL of the page without its query (canonical, og:url). */
  url: string;
  /** The current path and query, for the language links. */
  path: string;
  body: string;
  assets: PublicAssets;
  /** Inside a frame on another site: no header, a compact footer. */
  embed?: boolean;
  /** Logged in: the header leads to the supporter space instead of the login page. */
  loggedIn?: boolean;
  /** The page's own summary (meta description, og:description); else the campaign's message. */
  description?: string;
  /** The page's own elements of the head (its style, its script). */
  head?: string;
  /** The sections of the public site linked from the header. */
  nav?: readonly PublicNavLink[];
}

/** A section of the public site (the committees…), linked from every page's header. */
export interface PublicNavLink {
  href: string;
  label: (locale: Locale) => string;
  /** Whether the header links it now: a section may be closed (donations before they open). */
  shown?: () => Promise<boolean>;
}

/** The links of `nav` the header shows now. */
export async function shownLinks(nav: readonly PublicNavLink[]): Promise<PublicNavLink[]> {
  const shown = await Promise.all(nav.map((link) => (link.shown ? link.shown() : true)));
  return nav.filter((_, index) => shown[index]);
}

/** The public pages' shared parts: built assets and the header's sections. */
export interface PublicShell {
  assets: PublicAssets;
  nav: readonly PublicNavLink[];
}

/** The same page in the other language: `lang` replaced, other parameters kept. */
function languageHref(path: string, locale: Locale): string {
  const url = new URL(path, 'http://x');
  url.searchParams.set('lang', locale);
  url.searchParams.delete('notice');
  return `${url.pathname}${url.search}`;
}

function languageSwitch(locale: Locale, path: string): string {
  const link = (target: Locale, label: string, name: string) =>
    `<a href="${escapeHtml(languageHref(path, target))}" lang="${target}" hreflang="${target}" aria-label="${name}"${
      target === locale ? ' aria-current="true"' : ''
    }>${label}</a>`;
  return `<nav class="lang" aria-label="${escapeHtml(t(locale, 'nav.language'))}">${link('fr', 'FR', 'Français')}${link('en', 'EN', 'English')}</nav>`;
}

function sections(locale: Locale, path: string, nav: readonly PublicNavLink[]): string {
  if (nav.length === 0) return '';
  const pathname = path.split('?')[0]!;
  const links = nav.map(({ href, label }) => {
    // The section's own page, or a page inside the section.
    const current =
      pathname === href
        ? ' aria-current="page"'
        : pathname.startsWith(`${href}/`)
          ? ' aria-current="true"'
          : '';
    return `<a href="${escapeHtml(href)}"${current}>${escapeHtml(label(locale))}</a>`;
  });
  return `<nav class="site-nav" aria-label="${escapeHtml(t(locale, 'nav.main'))}">${links.join('')}</nav>`;
}

/** Links to the legal notice and the privacy policy, on every public page. */
export function legalLinks(locale: Locale, embed = false): string {
  const suffix = locale === 'en' ? '?lang=en' : '';
  // From a frame, the legal pages open on their own rather than inside the other site.
  const target = embed ? ' target="_blank" rel="noopener"' : '';
  return `<nav aria-label="${escapeHtml(t(locale, 'public.legalNav'))}"><a href="${legalPagePaths.legalNotice}${suffix}"${target}>${escapeHtml(
    t(locale, 'legal.notice'),
  )}</a><a href="${legalPagePaths.privacyPolicy}${suffix}"${target}>${escapeHtml(
    t(locale, 'legal.privacy'),
  )}</a></nav>`;
}

/** JSON inside a <script> element: `<` escaped so no text in it can close the element. */
const scriptJson = (value: unknown) => JSON.stringify(value).replace(/</g, '\\u003c');

/** A whole public page: head (title, description, Open Graph), header, main, footer. */
export function renderPage(options: PageOptions): string {
  const { locale, site, assets } = options;
  const campaign = site.home.campaignName;
  const title = escapeHtml(titleWithCampaign(options.title, campaign));
  const french = site.home.message;
  const english = locale === 'en' ? site.home.en?.message : undefined;
  const description = escapeHtml((options.description ?? (english || french)).slice(0, 200));
  const head = [
    '<meta charset="utf-8">',
    '<meta name="viewport" content="width=device-width, initial-scale=1">',
    `<title>${title}</title>`,
    `<meta name="description" content="${description}">`,
    `<meta property="og:title" content="${title}">`,
    `<meta property="og:description" content="${description}">`,
    '<meta property="og:type" content="website">',
    `<meta property="og:url" content="${escapeHtml(options.url)}">`,
    `<meta property="og:locale" content="${locale === 'en' ? 'en_GB' : 'fr_FR'}">`,
    '<meta name="twitter:card" content="summary">',
    `<link rel="canonical" href="${escapeHtml(options.url)}">`,
    '<link rel="icon" href="data:,">',
    ...assets.styles.map((href) => `<link rel="stylesheet" href="${escapeHtml(href)}">`),
    ...(assets.script
      ? [`<script type="module" src="${escapeHtml(assets.script)}"></script>`]
      : []),
    ...assets.preloads.map((href) => `<link rel="modulepreload" href="${escapeHtml(href)}">`),
    ...(options.head ? [options.head] : []),
  ].join('\n');
  const messages = `<script type="application/json" id="levier-messages">${scriptJson(clientMessages(locale))}</script>`;
  if (options.embed) {
    return `<!doctype html>
<html lang="${locale}">
<head>
${head}
</head>
<body class="embed">
<main id="main" class="embed-main">
${options.body}
<footer class="embed-footer">${legalLinks(locale, true)}</footer>
</main>
${messages}
</body>
</html>`;
  }
  const account = options.loggedIn
    ? `<a class="account" href="/me">${escapeHtml(t(locale, 'nav.me'))}</a>`
    : `<a class="account" href="/login">${escapeHtml(t(locale, 'nav.login'))}</a>`;
  return `<!doctype html>
<html lang="${locale}">
<head>
${head}
</head>
<body>
<a class="skip-link" href="#main">${escapeHtml(t(locale, 'public.skip'))}</a>
<header class="site-header">
<a class="brand" href="${locale === 'en' ? '/?lang=en' : '/'}">${escapeHtml(campaign)}</a>
<div class="header-end">${sections(locale, options.path, options.nav ?? [])}${languageSwitch(locale, options.path)}${account}</div>
</header>
<main id="main" tabindex="-1">
${options.body}
</main>
<footer class="site-footer">${legalLinks(locale)}</footer>
${messages}
</body>
</html>`;
}

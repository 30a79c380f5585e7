import { existsSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import fastifyStatic from '@fastify/static';
import type { FastifyInstance } from 'fastify';
import type { AppContext } from './core/context.ts';
import { escapeHtml, titleWithCampaign } from './core/html.ts';
import { sendHtml } from './core/http/compressed-html.ts';
import { readPublicSite } from './features/settings/service.ts';
import type { HomeContent } from '../contracts/recruitment.ts';
import { committeesNavLink, registerCommitteePages } from './features/committees/pages/routes.ts';
import { registerNewsletterPages } from './features/newsletters/pages.ts';
import { articlesNavLink, registerArticlePages } from './features/content/pages/routes.ts';
import { registerReportPages } from './features/moderation/pages/routes.ts';
import { registerCommentPages } from './features/comments/pages/routes.ts';
import { eventsNavLink, registerEventPages } from './features/events/pages/routes.ts';
import { donateNavLink, registerDonationPages } from './features/donations/pages/routes.ts';
import type { PublicAssets, PublicShell } from './features/recruitment/pages/layout.ts';
import { registerPublicPages } from './features/recruitment/pages/routes.ts';
import { registerCallToActionPages } from './features/mobilisation/calls-to-action/pages.ts';

const webRoot = fileURLToPath(new URL('../../dist/web', import.meta.url));

/**
 * The embeddable sign-up form: a script other websites paste, which frames /embed/signup.
 * It hands the frame the page's recruitment code and UTM tags (the frame cannot read the
 * page's address); `data-utm-source` etc. on the script tag tag every sign-up it brings.
 * The frame reports its content height, so the form is never clipped (narrow screens,
 * validation errors); only messages from that frame, from our origin, are trusted. The
 * frame's title and language follow `data-title`, else the page's language (French unless
 * English).
 */
function embedScript(publicUrl: string) {
  const origin = new URL(publicUrl).origin;
  return `(function(){var s=document.currentScript;var f=document.createElement('iframe');
var p=new URLSearchParams(location.search),q=new URLSearchParams();
['r','utm_source','utm_medium','utm_campaign'].forEach(function(k){
var v=p.get(k)||s.getAttribute('data-'+k.replace('_','-'));if(v)q.set(k,v);});
var en=/^en\b/i.test(document.documentElement.lang||'');if(en)q.set('lang','en');
q=q.toString();
f.src=${JSON.stringify(publicUrl + '/embed/signup')}+(q?'?'+q:'');f.loading='lazy';
f.title=s.getAttribute('data-title')||(en?'Sign-up form':${JSON.stringify("Formulaire d'inscription")});
f.style.cssText='width:100%;max-width:480px;height:720px;border:0';
window.addEventListener('message',function(e){
if(e.source!==f.contentWindow||e.origin!==${JSON.stringify(origin)})return;
var h=e.data&&e.data.levierEmbedHeight;
if(typeof h==='number'&&h>0&&h<100000)f.style.height=Math.ceil(h)+'px';});
s.parentNode.insertBefore(f,s);})();`;
}

/**
 * The app's index.html with the campaign's title, description and Open Graph tags. The
 * replacements are functions: a replacement string would read `$&`, `$'`… typed by staff in
 * the title as patterns.
 */
export function pageHtml(
  template: string,
  home: Pick<HomeContent, 'title' | 'campaignName' | 'message'>,
  pageUrl: string,
): string {
  const title = escapeHtml(titleWithCampaign(home.title, home.campaignName));
  const description = escapeHtml(home.message.slice(0, 200));
  const canonical = escapeHtml(pageUrl);
  const meta = [
    `<title>${title}</title>`,
    `<meta name="description" content="${description}">`,
    `<meta property="og:title" content="${title}">`,
    `<meta property="og:description" content="${description}">`,
    `<meta property="og:type" content="website">`,
    `<meta property="og:url" content="${canonical}">`,
    `<meta name="twitter:card" content="summary">`,
  ].join('\n    ');
  return template
    .replace(/\s*<meta name="description"[^>]*>/, () => '')
    .replace(/<title>.*<\/title>/, () => meta);
}

/** Where Vite's manifest puts the public pages' entry (see vite.config.ts). */
const PUBLIC_ENTRY = 'site/main.ts';

interface ManifestChunk {
  file: string;
  css?: string[];
  imports?: string[];
}

/**
 * The public pages' script, its style sheets and the chunks it imports, by their hashed
 * names: the pages link them directly, so a phone fetches them in parallel with nothing else.
 */
export function publicAssets(manifest: Record<string, ManifestChunk>): PublicAssets {
  const entry = manifest[PUBLIC_ENTRY];
  if (!entry) return { script: null, styles: [], preloads: [] };
  const styles = new Set(entry.css ?? []);
  const preloads: string[] = [];
  const visit = (key: string) => {
    const chunk = manifest[key];
    if (!chunk || preloads.includes(chunk.file)) return;
    preloads.push(chunk.file);
    for (const css of chunk.css ?? []) styles.add(css);
    for (const next of chunk.imports ?? []) visit(next);
  };
  for (const key of entry.imports ?? []) visit(key);
  return {
    script: `/${entry.file}`,
    styles: [...styles].map((file) => `/${file}`),
    preloads: preloads.map((file) => `/${file}`),
  };
}

/**
 * The canvassing app's service worker (vite.config.ts), as built or precompressed: never kept
 * stale, so updates reach phones.
 */
const SERVICE_WORKER = /[\\/]canvass-sw\.js(\.br|\.gz)?$/;

/** Vite names files under assets/ by their content: a browser may keep them for a year. */
function cacheHeaders(response: { setHeader(name: string, value: string): unknown }, path: string) {
  response.setHeader(
    'cache-control',
    /[\\/]assets[\\/]/.test(path)
      ? 'public, max-age=31536000, immutable'
      : SERVICE_WORKER.test(path)
        ? 'no-cache'
        : 'public, max-age=300',
  );
  response.setHeader('vary', 'Accept-Encoding');
}

/**
 * Serves the web build: the public pages drawn on the server (features/recruitment/pages,
 * features/committees/pages, features/events/pages, features/moderation/pages, the calls to
 * action's /act pages), the built
 * files (precompressed .br/.gz beside each, chosen by Accept-Encoding), and the single-page
 * app for everything else (HQ, login, the supporter space), whose HTML carries the campaign's
 * title, description and Open Graph tags.
 */
export async function registerWeb(app: FastifyInstance, ctx: AppContext) {
  app.get('/embed.js', { schema: { hide: true } }, (_request, reply) =>
    reply
      .type('application/javascript')
      .header('cache-control', 'public, max-age=300')
      // Other websites load this script: it must not be limited to our origin.
      .header('cross-origin-resource-policy', 'cross-origin')
      .send(embedScript(ctx.config.publicUrl)),
  );
  // Drawn by the server: they work (unstyled) even before the web app is built.
  const manifestPath = `${webRoot}/.vite/manifest.json`;
  const manifest = existsSync(manifestPath)
    ? (JSON.parse(readFileSync(manifestPath, 'utf8')) as Record<string, ManifestChunk>)
    : {};
  const shell: PublicShell = {
    assets: publicAssets(manifest),
    nav: [committeesNavLink, eventsNavLink, articlesNavLink(ctx), donateNavLink(ctx)],
  };
  await registerPublicPages(app, ctx, shell);
  await registerCommitteePages(app, ctx, shell);
  await registerNewsletterPages(app, ctx, shell);
  await registerReportPages(app, ctx, shell);
  await registerEventPages(app, ctx, shell);
  await registerDonationPages(app, ctx, shell);
  await registerArticlePages(app, ctx, shell);
  await registerCommentPages(app, ctx, shell);
  await registerCallToActionPages(app, ctx, shell);
  const indexPath = `${webRoot}/index.html`;
  if (!existsSync(indexPath)) return;
  const template = readFileSync(indexPath, 'utf8');
  await app.register(fastifyStatic, {
    root: webRoot,
    prefix: '/',
    wildcard: false,
    index: false,
    preCompressed: true,
    cacheControl: false,
    setHeaders: cacheHeaders,
  });

  // The canvassing app (src/web/canvass.html, its own entry): every page under /canvass/, the
  // scope of its service worker, is that HTML; /canvass itself is outside the scope, so it leads in.
  const canvassPath = `${webRoot}/canvass.html`;
  if (existsSync(canvassPath)) {
    const canvassHtml = readFileSync(canvassPath, 'utf8');
    app.get('/canvass', { schema: { hide: true } }, (request, reply) => {
      const query = request.url.indexOf('?');
      return reply.redirect(`/canvass/${query < 0 ? '' : request.url.slice(query)}`, 308);
    });
    app.get('/canvass/*', { schema: { hide: true } }, (request, reply) =>
      sendHtml(request, reply, canvassHtml),
    );
  }

  app.get('/*', { schema: { hide: true } }, async (request, reply) => {
    const path = request.url.split('?')[0];
    if (path.startsWith('/api/')) return reply.callNotFound();
    if (/\.[a-z0-9]+$/i.test(path) && !path.endsWith('.html')) {
      return reply.sendFile(path.slice(1));
    }
    const site = await readPublicSite(ctx.database, ctx.campaignId);
    const html = pageHtml(template, site.home, ctx.config.publicUrl + path);
    return sendHtml(request, reply, html);
  });
}

import { existsSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import fastifyStatic from '@fastify/static';
import type { FastifyInstance, FastifyReply } from 'fastify';
import type { AppContext } from '../context.ts';
import { escapeHtml } from '../html.ts';
import { securityHeaders } from './security-headers.ts';
import { readPublicSite } from '../../features/settings/service.ts';
import type { HomeContent } from '../../../contracts/recruitment.ts';

const webRoot = fileURLToPath(new URL('../../../../dist/web', import.meta.url));

/**
 * The embeddable sign-up form: a script other websites paste, which frames /embed/signup.
 * It hands the frame the page's recruitment code and UTM tags (the frame cannot read the
 * page's address); `data-utm-source` etc. on the script tag tag every sign-up it brings.
 * The frame reports its content height, so the form is never clipped (narrow screens,
 * validation errors); only messages from that frame, from our origin, are trusted. The
 * frame's title follows `data-title`, else the page's language (French unless English).
 */
function embedScript(publicUrl: string) {
  const origin = new URL(publicUrl).origin;
  return `(function(){var s=document.currentScript;var f=document.createElement('iframe');
var p=new URLSearchParams(location.search),q=new URLSearchParams();
['r','utm_source','utm_medium','utm_campaign'].forEach(function(k){
var v=p.get(k)||s.getAttribute('data-'+k.replace('_','-'));if(v)q.set(k,v);});
q=q.toString();
var en=/^en\b/i.test(document.documentElement.lang||'');
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
  const title = escapeHtml(`${home.title} — ${home.campaignName}`);
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

/**
 * Serves the built single-page app. Public pages get real <title>, description and Open
 * Graph tags in the HTML so shared links preview well without running JavaScript.
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
  const indexPath = `${webRoot}/index.html`;
  if (!existsSync(indexPath)) {
    app.get('/', { schema: { hide: true } }, (_request, reply) =>
      reply
        .type('text/plain')
        .send('Levier API is running. Build the web app with `npm run build`.'),
    );
    return;
  }
  const template = readFileSync(indexPath, 'utf8');
  const embedHeaders = securityHeaders(ctx.config.production, ['*']);
  await app.register(fastifyStatic, { root: webRoot, prefix: '/', wildcard: false, index: false });

  const renderPage = async (url: string, reply: FastifyReply) => {
    const site = await readPublicSite(ctx.database, ctx.campaignId);
    const html = pageHtml(template, site.home, ctx.config.publicUrl + url.split('?')[0]);
    if (url.startsWith('/embed/')) {
      // Only the embeddable form may be framed by other sites.
      reply.headers(embedHeaders);
      reply.removeHeader('x-frame-options');
    }
    return reply.type('text/html; charset=utf-8').header('cache-control', 'no-cache').send(html);
  };

  app.get('/*', { schema: { hide: true } }, async (request, reply) => {
    const path = request.url.split('?')[0];
    if (path.startsWith('/api/')) return reply.callNotFound();
    if (/\.[a-z0-9]+$/i.test(path) && !path.endsWith('.html')) {
      return reply.sendFile(path.slice(1));
    }
    return renderPage(request.url, reply);
  });
}
